"""Benchmark 2: search on a 1,000,000-listing cache, time to the first 100 results.

    python -m bench.search [--listings 1000000]

Runs 20 queries of the shapes a clerk types (a common word, two words, a prefix while
typing, a Hindi word, with a category or a price filter, a filter alone) through
`Cache.search`, the call the catalogue browser makes, warm, several times each; prints
p50 and p95. Baseline, same run: the same FTS5 match ranked with `ORDER BY rank LIMIT 100`
(the textbook query), for the queries that have words. Target: p95 at most 50 ms.

Then the spellings buyers type (Hindi words in Latin letters, misspellings: "almari",
"almira", "kursi", "printr", ...), found through the variants table (app/spelling.py), with
their results and times, and the "did you mean" for searches that find nothing
(`Cache.suggestion`, from the index's vocabulary). The p95 of the 20 queries above must
stay within 10% of the run before the variants (bench/results/search.txt, same machine).
The cache comes from `python -m bench.initial_sync --listings N` (or bench.sync_memory).
"""

from __future__ import annotations

import argparse
import statistics
import sqlite3
import time

from bench.common import WORK
from bench.machine import describe

RUNS = 5


def queries(categories: dict[str, int]):
    from app.cache import SearchFilters

    chairs, laptops, paper = categories["office-chairs"], categories["laptops"], categories["a4-paper"]
    rupees = lambda r: r * 100  # noqa: E731
    return [
        ("common word", "chair", SearchFilters()),
        ("common word", "steel", SearchFilters()),
        ("common word", "printer", SearchFilters()),
        ("common word", "warranty", SearchFilters()),
        ("two words", "steel almirah", SearchFilters()),
        ("two words", "laptop 16", SearchFilters()),
        ("two words", "led light", SearchFilters()),
        ("prefix", "lapt", SearchFilters()),
        ("prefix", "almi", SearchFilters()),
        ("prefix", "oxim", SearchFilters()),
        ("prefix", "go", SearchFilters()),
        ("Hindi word", "कुर्सी", SearchFilters()),
        ("Hindi word", "अलमारी", SearchFilters()),
        ("Hindi prefix", "लैप", SearchFilters()),
        ("word + category", "revolving", SearchFilters(category_ids=[chairs])),
        ("word + category", "windows", SearchFilters(category_ids=[laptops])),
        ("word + price", "chair", SearchFilters(min_price_paise=rupees(2000), max_price_paise=rupees(5000))),
        ("word + price", "paper", SearchFilters(max_price_paise=rupees(300))),
        ("category only", "", SearchFilters(category_ids=[paper])),
        ("price only", "", SearchFilters(min_price_paise=rupees(50_000), max_price_paise=rupees(60_000))),
    ]


# Spellings buyers type for the catalogue's words: each should find what the word finds.
MISSPELLED = ["almari", "almira", "kursi", "printr", "laptap", "kagaz", "steel almari", "kursi revolving",
              "moniter", "oxymeter", "pankha", "मेज"]
# Searches that find nothing: the empty state asks the index's vocabulary for a suggestion.
NOTHING_FOUND = ["almirsh", "printerr", "steel almirsh", "ofice chair", "zqxjv"]


def timed(call, runs: int = RUNS) -> tuple[object, list[float]]:
    call()  # warm
    times, answer = [], None
    for _ in range(runs):
        started = time.perf_counter()
        answer = call()
        times.append((time.perf_counter() - started) * 1000)
    return answer, times


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--listings", type=int, default=1_000_000)
    args = parser.parse_args()
    from app.cache import Cache, fts_query

    print(describe())
    folder = WORK / f"cache-{args.listings}"
    cache = Cache(folder)
    count = cache.count()
    if count == 0:
        raise SystemExit(f"No cache in {folder}: run python -m bench.initial_sync --listings {args.listings} first.")
    categories = {c["code"]: c["id"] for c in cache.categories()}
    raw = sqlite3.connect(folder / "cache.sqlite")
    print(f"\nSearch on a cache of {count:,} listings, first 100 results, best of warm runs ({RUNS} runs each):")
    print(f"  {'shape':16} {'query':16} {'results':>7} {'median ms':>9} {'baseline ms':>11}")
    ours, theirs = [], []
    for shape, text, filters in queries(categories):
        cache.search(text, filters)  # warm
        times = []
        for _ in range(RUNS):
            started = time.perf_counter()
            found = cache.search(text, filters, limit=100)
            times.append((time.perf_counter() - started) * 1000)
        ours += times
        base = ""
        match = fts_query(text)
        if match:
            base_times = []
            for _ in range(RUNS):
                started = time.perf_counter()
                raw.execute("SELECT rowid FROM listings_fts WHERE listings_fts MATCH ? ORDER BY rank LIMIT 100", (match,)).fetchall()
                base_times.append((time.perf_counter() - started) * 1000)
            theirs += base_times
            base = f"{statistics.median(base_times):11.1f}"
        print(f"  {shape:16} {text or '-':16} {len(found):7} {statistics.median(times):9.1f} {base:>11}")
    p50, p95 = percentile(ours, 0.5), percentile(ours, 0.95)
    print(f"\n  ours:     p50 {p50:.1f} ms, p95 {p95:.1f} ms over {len(ours)} timed searches "
          f"(target p95 at most 50 ms: {'met' if p95 <= 50 else 'NOT met'})")
    print(f"  baseline: p50 {percentile(theirs, 0.5):.1f} ms, p95 {percentile(theirs, 0.95):.1f} ms "
          "(FTS5 ORDER BY rank LIMIT 100, text queries only)")

    print(f"\nSpellings buyers type (variants table, app/spelling.py), first 100 results ({RUNS} runs each):")
    print(f"  {'query':18} {'results':>7} {'median ms':>9}   the word's own: {'results':>7} {'median ms':>9}")
    from app.spelling import canonical
    misspelled = []
    for text in MISSPELLED:
        found, times = timed(lambda: cache.search(text, limit=100))
        misspelled += times
        meant = " ".join(canonical(w) or w for w in text.split())
        own, own_times = timed(lambda: cache.search(meant, limit=100))
        print(f"  {text:18} {len(found):7} {statistics.median(times):9.1f}   {meant:15} {len(own):7} "
              f"{statistics.median(own_times):9.1f}")
    print(f"  misspelled: p50 {percentile(misspelled, 0.5):.1f} ms, p95 {percentile(misspelled, 0.95):.1f} ms; "
          f"all 20 + misspelled: p95 {percentile(ours + misspelled, 0.95):.1f} ms")
    if hasattr(cache, "suggestion"):
        print(f"\nSearches that find nothing: the \"did you mean\" from the index's vocabulary ({RUNS} runs each):")
        print(f"  {'query':18} {'results':>7} {'search ms':>9} {'suggestion':>20} {'suggest ms':>10}")
        for text in NOTHING_FOUND:
            found, times = timed(lambda: cache.search(text, limit=100))
            suggestion, suggest_times = timed(lambda: cache.suggestion(text))
            print(f"  {text:18} {len(found):7} {statistics.median(times):9.1f} {str(suggestion):>20} "
                  f"{statistics.median(suggest_times):10.1f}")
    cache.close()


if __name__ == "__main__":
    main()
