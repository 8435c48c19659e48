"""Search that forgives: the spellings buyers type for the catalogue's words, and a "did you
mean" from the index's own vocabulary when a search finds nothing.

Buyers type Hindi words in Latin letters ("almari", "kursi") and misspell brand and product
names ("printr"). A small curated table maps each such spelling to the catalogue's word, and
app/cache.py `fts_query` searches for either (a word the table does not know costs nothing
more). What the table does not know, the vocabulary does: `suggest` finds the closest word
the index holds (edit distance, the commoner word first), for the catalogue's empty state.
Qt-free.
"""

from __future__ import annotations

from typing import Callable, Iterable

# The catalogue's word (as the index holds it: lower case) -> the spellings typed for it:
# transliterations of the Hindi word, its Devanagari forms other than the one the category
# names use (that one finds the listings already, and an OR would only cost time), and
# common misspellings. From the demo catalogue's products (server/seed_data).
VARIANTS: dict[str, tuple[str, ...]] = {
    "almirah": ("almari", "almira", "almaari", "almirha", "almeerah", "alamari", "almyra", "almara", "आलमारी"),
    "chair": ("kursi", "kursee", "kurshi", "chiar", "chare", "कुरसी"),
    "table": ("mez", "mej", "mezz", "tabel", "taible", "मेज", "मेज़"),
    "printer": ("printr", "printar", "priner", "prnter", "printor", "प्रिन्टर"),
    "laptop": ("laptap", "leptop", "labtop", "laptob", "लैपटाप"),
    "desktop": ("dekstop", "desktap"),
    "computer": ("compter", "computor", "komputer", "kampyutar", "कम्प्यूटर"),
    "monitor": ("moniter", "monitar", "मोनिटर"),
    "projector": ("projecter", "projektor"),
    "toner": ("tonar", "tonner"),
    "cartridge": ("catridge", "cartrige", "cartage", "kartrij", "कारतूस"),
    "paper": ("kagaz", "kagaj", "kaagaz", "papar", "कागज", "कागज़", "काग़ज़"),
    "pen": ("kalam", "कलम"),
    "fan": ("pankha", "panka", "pankhaa"),
    "cable": ("cabel", "kebal"),
    "light": ("lite", "batti", "बत्ती"),
    "oximeter": ("oxymeter", "oximetre", "oxometer"),
    "sanitiser": ("sanitizer", "sanitizar", "sanitiger", "सैनिटाइजर"),
    "gloves": ("glove", "glouse", "gloves"),
    "mask": ("masks", "maask"),
    "bed": ("palang", "पलंग", "बेड"),
    "photocopier": ("photocopy", "xerox", "fotocopier", "फोटोकॉपियर"),
    "purifier": ("purifire", "purifer", "प्यूरीफायर"),
    "taxi": ("texi", "taxy", "टैक्सी"),
    "steel": ("stil", "steal"),
}

_CANONICAL: dict[str, str] = {variant: word for word, variants in VARIANTS.items() for variant in variants
                              if variant != word}


def canonical(word: str) -> str | None:
    """The catalogue's word for a spelling the table knows (None for any other word, and for
    the catalogue's own words, which need no help)."""
    return _CANONICAL.get(word.casefold())


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (an insertion, deletion, substitution or swap of two
    neighbours is one edit), or `limit + 1` as soon as it must exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if before is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return previous[-1]


def allowed_edits(word: str) -> int:
    """How far a suggestion may be from a word: one edit in a short word, two in a longer."""
    return 0 if len(word) < 3 else 1 if len(word) <= 5 else 2


def suggest(words: list[str], known: Callable[[str, bool], bool],
            near: Callable[[str], Iterable[tuple[str, int]]]) -> list[str] | None:
    """The words with each one the index does not hold replaced by its closest term, or None
    when nothing was replaced. `known(word, as_prefix)`: the index holds the word (or a term
    it begins, for the last word, being typed). `near(word)`: (term, documents) pairs worth
    comparing, e.g. the terms with the same first letter."""
    corrected, changed = [], False
    for position, word in enumerate(words):
        folded = word.casefold()
        last = position == len(words) - 1
        limit = allowed_edits(folded)
        if not limit or canonical(folded) or known(folded, last):
            corrected.append(word)
            continue
        best: tuple[int, int, str] | None = None
        for term, documents in near(folded):
            distance = edit_distance(folded, term, limit)
            if distance <= limit and (best is None or (distance, -documents) < best[:2]):
                best = (distance, -documents, term)
        if best is None:
            corrected.append(word)
        else:
            corrected.append(best[2])
            changed = True
    return corrected if changed else None
