"""Benchmark 3: incremental sync of 1,000 changed listings on caches of 100,000 and 1,000,000.

    python -m bench.incremental_sync [--sizes 100000,1000000] [--changes 1000]

For each size: a scratch copy of the seeded server and of a cache synced to it; 1,000
published listings change price on the server through its own write path (new versions
and feed positions, audited); then one `SyncEngine.run` (pull plus the count check) is
timed. Target: at most 2 s, and the two sizes within 1.5x of each other. The same run's
"nothing changed" sync is printed as the baseline.
"""

from __future__ import annotations

import argparse
import os
import shutil
import time

from bench.common import WORK, copy_server, running_server, sync_engine
from bench.machine import describe


def change_listings(server_dir, count: int) -> None:
    from sqlalchemy import select

    from server.db.engine import Database
    from server.db.models import Listing
    from server.db.trail import SYSTEM, act_as

    db = Database(f"sqlite:///{server_dir / 'marketplace.sqlite'}")
    try:
        with db.writing() as session:
            act_as(session, SYSTEM, "bench.price_change")
            step = max(1, session.scalar(select(Listing.feed_seq).order_by(Listing.feed_seq.desc()).limit(1)) // (count * 2))
            listings = session.scalars(
                select(Listing).where(Listing.status == "published", Listing.feed_seq % step == 0).limit(count)
            ).all()
            for listing in listings:
                listing.price_paise = max(1, listing.price_paise - 100)
    finally:
        db.dispose()
    assert len(listings) == count, len(listings)


def measure(size: int, changes: int) -> tuple[float, float]:
    server_dir = copy_server(size, f"incremental-server-{size}")
    cache_dir = WORK / f"incremental-cache-{size}"
    shutil.rmtree(cache_dir, ignore_errors=True)
    synced = WORK / f"cache-{size}"
    if (synced / "cache.sqlite").exists():
        shutil.copytree(synced, cache_dir)
    # The copies are on disk before the clock starts: a sync's commit flushes its file, and
    # would otherwise pay for writing out the whole freshly copied cache (1.6 GB at 1M).
    os.sync()
    with running_server(server_dir) as url:
        engine, close = sync_engine(url, cache_dir)
        engine.run("demo-buyer")  # brings the cache to the server's state (a no-op when copied)
        started = time.perf_counter()
        engine.run("demo-buyer")
        unchanged = time.perf_counter() - started
        change_listings(server_dir, changes)
        started = time.perf_counter()
        result = engine.run("demo-buyer")
        seconds = time.perf_counter() - started
        close()
    assert result.upserts == changes and result.verified, result
    shutil.rmtree(server_dir)
    shutil.rmtree(cache_dir)
    return seconds, unchanged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--changes", type=int, default=1000)
    args = parser.parse_args()
    print(describe())
    print(f"\nIncremental sync of {args.changes:,} changed listings (pull + count check):")
    times = {}
    for size in (int(s) for s in args.sizes.split(",")):
        seconds, unchanged = measure(size, args.changes)
        times[size] = seconds
        print(f"  {size:>9,} products: {seconds:.2f} s  (baseline, nothing changed: {unchanged:.2f} s)"
              f"  target at most 2 s: {'met' if seconds <= 2 else 'NOT met'}")
    if len(times) > 1:
        ratio = max(times.values()) / min(times.values())
        print(f"  largest / smallest: {ratio:.2f}x (target within 1.5x: {'met' if ratio <= 1.5 else 'NOT met'})")


if __name__ == "__main__":
    main()
