"""Issue 15, 7: search forgives the spellings buyers type (a curated table of variants of
the catalogue's words) and, when nothing matches, suggests the closest words the index
holds (its own vocabulary)."""

from __future__ import annotations

import pytest

from app.spelling import VARIANTS, canonical, edit_distance, suggest


def test_edit_distance_counts_a_swap_as_one_edit_and_stops_at_the_limit():
    assert edit_distance("almirah", "almirah", 2) == 0
    assert edit_distance("almirha", "almirah", 2) == 1  # neighbours swapped
    assert edit_distance("printr", "printer", 2) == 1
    assert edit_distance("ofice", "office", 1) == 1
    assert edit_distance("laptop", "chair", 2) == 3  # beyond the limit: limit + 1


def test_the_variants_table_knows_the_spellings_not_the_words():
    assert canonical("almari") == canonical("Almira") == canonical("आलमारी") == "almirah"
    assert canonical("अलमारी") is None  # the category names hold it: it finds the almirahs as it is
    assert canonical("kursi") == "chair" and canonical("printr") == "printer"
    assert canonical("almirah") is None and canonical("chair") is None  # the catalogue's words need no help
    assert all(word == word.lower() for word in VARIANTS)


def test_suggest_replaces_only_the_words_the_index_does_not_hold():
    vocabulary = {"office": 900, "officer": 40, "chair": 800, "steel": 600, "almirah": 625}
    known = lambda word, prefix: any(t.startswith(word) for t in vocabulary) if prefix else word in vocabulary  # noqa: E731
    near = lambda word: [(t, n) for t, n in vocabulary.items() if t[0] == word[0]]  # noqa: E731
    assert suggest(["ofice", "chair"], known, near) == ["office", "chair"]  # the commoner of two at one edit
    assert suggest(["steel", "almirsh"], known, near) == ["steel", "almirah"]
    assert suggest(["steel", "almi"], known, near) is None  # a prefix being typed
    assert suggest(["zzqx"], known, near) is None


@pytest.fixture
def synced_buyer(device):
    desk = device("demo-buyer")
    assert desk.sync().verified
    return desk


@pytest.mark.parametrize(("typed", "meant"), [
    ("almari", "almirah"), ("almira", "almirah"), ("steel almari", "steel almirah"), ("Kursi", "chair"),
    ("kursi office", "chair office"), ("printr", "printer"), ("laptap", "laptop"), ("kagaz", "paper"),
    ("pankha", "fan"), ("मेज", "table"),
])
def test_common_spellings_find_the_catalogues_words(synced_buyer, typed, meant):
    found = {row["id"] for row in synced_buyer.cache.search(typed, limit=1000)}
    assert found and found == {row["id"] for row in synced_buyer.cache.search(meant, limit=1000)}, typed


def test_a_search_that_finds_nothing_gets_a_suggestion_from_the_index(synced_buyer):
    cache = synced_buyer.cache
    assert cache.search("almirsh", limit=5) == []
    assert cache.suggestion("almirsh") == "almirah"
    assert cache.suggestion("steel almirsh") == "steel almirah"
    assert cache.suggestion("ofice chair") == "office chair"
    assert cache.suggestion("zzqxv") is None
    assert cache.suggestion("") is None
