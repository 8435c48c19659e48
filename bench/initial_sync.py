"""Benchmark 1: initial sync, listings per second, against a raw-SQLite baseline.

    python -m bench.initial_sync [--listings 100000|1000000] [--page-size 1000]

The sync runs the real engine (app/sync.py) from an empty cache against a real server
process on loopback: HTTP, JSON, the server's feed queries, the cache's bulk upserts with
FTS5 triggers, and the final count check. The baseline inserts the same rows into the same
schema (FTS5 and its triggers included) with plain sqlite3 `executemany` in one
transaction: the cost of the storage alone. Target: at least 50% of the baseline rate.
The synced cache is kept (WORK/cache-N) for the search benchmark.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from bench.common import WORK, running_server, seeded_server, sync_engine
from bench.machine import describe


def baseline_rate(synced_cache: Path) -> tuple[int, float]:
    """Rows per second of plain executemany into a fresh cache of the same schema."""
    from app.cache import Cache

    source = sqlite3.connect(synced_cache)
    columns = [row[1] for row in source.execute("PRAGMA table_info(listings)") if row[1] != "rowid"]
    rows = source.execute(f"SELECT {', '.join(columns)} FROM listings ORDER BY rowid").fetchall()
    source.close()
    folder = Path(tempfile.mkdtemp(prefix="baseline-", dir=WORK))
    try:
        Cache(folder).close()  # the same schema: tables, indexes, FTS5 and its triggers
        target = sqlite3.connect(folder / "cache.sqlite")
        target.execute("PRAGMA journal_mode=WAL")
        target.execute("PRAGMA synchronous=NORMAL")
        started = time.perf_counter()
        with target:
            target.executemany(
                f"INSERT INTO listings ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})", rows
            )
        seconds = time.perf_counter() - started
        target.close()
    finally:
        shutil.rmtree(folder)
    return len(rows), seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--listings", type=int, default=100_000)
    parser.add_argument("--page-size", type=int, default=1000)
    args = parser.parse_args()
    print(describe())
    server_dir = seeded_server(args.listings)
    cache_dir = WORK / f"cache-{args.listings}"
    shutil.rmtree(cache_dir, ignore_errors=True)
    with running_server(server_dir) as url:
        engine, close = sync_engine(url, cache_dir, page_size=args.page_size)
        started = time.perf_counter()
        result = engine.run("demo-buyer")
        seconds = time.perf_counter() - started
        close()
    assert result.verified, result
    sync_rate = result.cache_count / seconds
    rows, base_seconds = baseline_rate(cache_dir / "cache.sqlite")
    base_rate = rows / base_seconds
    print(f"\nInitial sync of a {args.listings:,}-product marketplace as demo-buyer (page size {args.page_size}):")
    print(f"  sync (server + HTTP + cache):  {result.cache_count:,} listings in {seconds:.1f} s = {sync_rate:,.0f} listings/s")
    print(f"  baseline (raw executemany):    {rows:,} rows in {base_seconds:.1f} s = {base_rate:,.0f} rows/s")
    share = sync_rate / base_rate
    print(f"  sync rate / baseline rate:     {share:.0%} (target at least 50%: {'met' if share >= 0.5 else 'NOT met'})")


if __name__ == "__main__":
    main()
