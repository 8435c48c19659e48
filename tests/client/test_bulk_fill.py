"""The first fill in bulk (app/cache.py BulkFill): the same cache as the row-by-row path, row
for row and search for search; an unfinished fill never says the cache is complete, and the
next fill goes on from it."""

from __future__ import annotations

import time

import sqlite3
import sys
from pathlib import Path

import pytest

from app.cache import Cache, SearchFilters
from tests.client.test_cache import CATEGORIES, SELLERS, listing

WORDS = ["chair", "almirah", "laptop", "table", "printer", "toner", "stapler", "fan", "cooler", "desk"]


def feed_pages(n_pages: int = 12, per_page: int = 40) -> list[tuple[list[dict], list[dict], dict]]:
    """Pages as the feed serves them during a first pull, with a few listings changed (text
    and price) and deleted on later pages, some after they were put in the FTS index."""
    pages, seq = [], 0
    for p in range(n_pages):
        changes = []
        for k in range(per_page):
            n = p * per_page + k
            seq += 1
            changes.append({"op": "upsert", "seq": seq, "listing": listing(
                n, title=f"{WORDS[n % len(WORDS)]} model {n}", category_id=1 + n % 3, seller_id=1 + n % 2,
                delivery_districts=["Raipur"] if n % 4 else ["Durg"])})
        if p >= 3:  # rows from earlier pages come again, newer, or go
            old = (p - 3) * per_page
            seq += 1
            changes.append({"op": "upsert", "seq": seq, "listing": listing(
                old, version=2, title=f"renamed stapler {old}", category_id=1 + old % 3, seller_id=1 + old % 2)})
            seq += 1
            changes.append({"op": "upsert", "seq": seq, "listing": listing(
                old + 1, version=2, price_paise=1, title=f"{WORDS[(old + 1) % len(WORDS)]} model {old + 1}",
                category_id=1 + (old + 1) % 3, seller_id=1 + (old + 1) % 2, delivery_districts=["Raipur"] if (old + 1) % 4 else ["Durg"])})
            seq += 1
            changes.append({"op": "delete", "seq": seq, "id": f"id-{old + 2}"})
            seq += 1
            changes.append({"op": "upsert", "seq": seq, "listing": listing(old + 3, version=0, title="older, never shown")})
        pages.append((changes, SELLERS, {"cursor": f"c{seq}"}))
    return pages


def new_cache(folder: Path) -> Cache:
    cache = Cache(folder)
    cache.set_categories(CATEGORIES)
    cache.set_home_district("Raipur")
    return cache


def rows_of(cache: Cache) -> list[tuple]:
    with cache.engine.connect() as conn:
        return [tuple(row) for row in conn.exec_driver_sql("SELECT * FROM listings ORDER BY rowid")]


def schema_of(cache: Cache) -> list[tuple]:
    with cache.engine.connect() as conn:
        return sorted(tuple(row) for row in conn.exec_driver_sql("SELECT type, name, sql FROM sqlite_master"))


QUERIES = ["chair", "stapler", "renamed", "renam", "model 1", "older", "furniture", "laptop", "कुर्सी", ""]


def searches(cache: Cache) -> list:
    found = []
    for query in QUERIES:
        for filters in (SearchFilters(), SearchFilters(category_ids=[3]), SearchFilters(district="Raipur", mse_only=True)):
            found.append([r["id"] for r in cache.search(query, filters, limit=1000)])
        found.append([r["id"] for r in cache.search(query, order="title", limit=1000)])
    return found


def fts_sound(cache: Cache) -> None:
    """FTS5's own check of the index against the listings (rank 1: compare with the content)."""
    with cache.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO listings_fts(listings_fts, rank) VALUES ('integrity-check', 1)")


@pytest.fixture
def per_row(tmp_path) -> Cache:
    cache = new_cache(tmp_path / "per-row")
    for changes, sellers, state in feed_pages():
        cache.apply_page(changes, sellers, state)
    yield cache
    cache.close()


@pytest.mark.parametrize("fts_chunk", [None, 50, 1])
def test_a_bulk_fill_makes_the_same_cache_as_row_by_row(tmp_path, per_row, fts_chunk):
    bulk = new_cache(tmp_path / "bulk")
    with bulk.bulk_fill(fts_chunk=fts_chunk) as fill:
        for changes, sellers, state in feed_pages():
            fill.add_listings(changes, sellers, state)
        assert not bulk.complete()
    assert bulk.complete() and not bulk.filling()
    assert rows_of(bulk) == rows_of(per_row)
    assert schema_of(bulk) == schema_of(per_row)  # indexes and triggers back as they were
    assert searches(bulk) == searches(per_row)
    assert bulk.state("cursor") == per_row.state("cursor")
    fts_sound(bulk)
    # after the fill, the usual row-by-row path keeps the index right
    for cache in (bulk, per_row):
        cache.apply_page([{"op": "upsert", "seq": 9999, "listing": listing(5, version=3, title="Godrej sofa")},
                          {"op": "delete", "seq": 10000, "id": "id-6"}], [], {"cursor": "c10000"})
    assert searches(bulk) == searches(per_row)
    fts_sound(bulk)
    bulk.close()


def test_search_works_over_what_has_arrived(tmp_path):
    cache = new_cache(tmp_path)
    pages = feed_pages()
    with cache.bulk_fill(fts_chunk=100) as fill:
        for changes, sellers, state in pages[:3]:
            fill.add_listings(changes, sellers, state)
        found = [r["id"] for r in cache.search("almirah", limit=1000)]
        assert found == [f"id-{n}" for n in range(1, 120, 10)]  # a chunk of 100 rows arrived: all 120 indexed
        fill.add_listings(*pages[3])
        found = [r["id"] for r in cache.search("almirah", limit=1000)]
        assert found == [f"id-{n}" for n in range(1, 120, 10)]  # the next 40 wait for their chunk
        for changes, sellers, state in pages[4:]:
            fill.add_listings(changes, sellers, state)
    cache.close()


def test_a_fill_stopped_halfway_never_says_complete_and_goes_on(tmp_path, per_row):
    cache = new_cache(tmp_path / "bulk")
    pages = feed_pages()
    with pytest.raises(ConnectionError):
        with cache.bulk_fill(fts_chunk=50) as fill:
            for changes, sellers, state in pages[:5]:
                fill.add_listings(changes, sellers, state)
            raise ConnectionError("the link dropped")
    assert cache.filling() and not cache.complete()
    cache.close()
    cache = new_cache(tmp_path / "bulk")  # the app started again
    assert cache.filling() and not cache.complete()
    assert cache.state("cursor") == pages[4][2]["cursor"]
    with cache.bulk_fill(fts_chunk=50) as fill:  # resumes: the rows downloaded are kept
        assert cache.count() > 0
        for changes, sellers, state in pages[5:]:
            fill.add_listings(changes, sellers, state)
    assert cache.complete()
    assert rows_of(cache) == rows_of(per_row)
    assert searches(cache) == searches(per_row)
    fts_sound(cache)
    cache.close()


def test_a_resync_inside_a_fill_starts_it_again(tmp_path, per_row):
    cache = new_cache(tmp_path)
    pages = feed_pages()
    with cache.bulk_fill(fts_chunk=50) as fill:
        for changes, sellers, state in pages[:6]:
            fill.add_listings(changes, sellers, state)
        cache.reset_listings()  # the server said 410
        assert cache.is_empty() and cache.filling()
        for changes, sellers, state in pages:
            fill.add_listings(changes, sellers, state)
    assert searches(cache) == searches(per_row)
    fts_sound(cache)
    cache.close()


def test_only_an_empty_cache_is_filled_in_bulk(per_row):
    with pytest.raises(ValueError):
        with per_row.bulk_fill():
            pass
    assert per_row.complete()


def test_rows_from_a_sqlite_file(tmp_path, per_row):
    """The fast path for a snapshot file: the same rows as the feed's pages."""
    source = sqlite3.connect(tmp_path / "snapshot.sqlite")
    fields = list(listing(0))
    source.execute(f"CREATE TABLE listings ({', '.join(fields)}, feed_seq)")
    source.execute("CREATE TABLE sellers (id, mse_class, women_owned, scst_owned, nature, state, district)")
    source.executemany("INSERT INTO sellers VALUES (?, ?, ?, ?, ?, ?, ?)", [tuple(s.values()) for s in SELLERS])
    with per_row.engine.connect() as conn:
        cached = conn.exec_driver_sql(f"SELECT {', '.join(fields)}, feed_seq FROM listings ORDER BY rowid").all()
    source.executemany(f"INSERT INTO listings VALUES ({', '.join('?' for _ in range(len(fields) + 1))})", [tuple(r) for r in cached])
    source.commit()
    source.close()
    cache = new_cache(tmp_path / "bulk")
    with cache.bulk_fill(fts_chunk=100) as fill:
        assert fill.add_rows_from(tmp_path / "snapshot.sqlite", state={"cursor": per_row.state("cursor")}, batch=64) == len(cached)
    # the same rows in the same order; only the rowids of deleted listings' gaps are closed
    assert [row[1:] for row in rows_of(cache)] == [row[1:] for row in rows_of(per_row)]
    assert searches(cache) == searches(per_row)
    fts_sound(cache)
    cache.close()


# -- through the real sync, against a real server -------------------------------------------

def test_the_first_sync_fills_in_bulk_and_equals_the_row_by_row_path(device, tmp_path):
    buyer = device("demo-buyer")
    fills = []
    original = Cache.bulk_fill

    def watched(self, *args, **kwargs):
        fills.append(kwargs)
        return original(self, *args, **kwargs)

    Cache.bulk_fill = watched
    try:
        result = buyer.sync(page_size=50, fts_chunk=120)
    finally:
        Cache.bulk_fill = original
    assert fills and result.verified and buyer.cache.complete()
    # the same feed, page by page, row by row
    per_row = new_cache(tmp_path / "per-row")
    per_row.set_categories(buyer.session.api.categories())
    per_row.set_home_district(None)
    cursor = None
    while True:
        page = buyer.session.api.changes(cursor, 50)
        cursor = page["next_cursor"]
        per_row.apply_page(page["changes"], page["sellers"], {"cursor": cursor})
        if not page["has_more"]:
            break
    assert rows_of(buyer.cache) == rows_of(per_row)
    for query in ("chair", "steel", "lap", "कुर्सी", ""):
        assert [r["id"] for r in buyer.cache.search(query, limit=5000)] == [r["id"] for r in per_row.search(query, limit=5000)]
    fts_sound(buyer.cache)
    per_row.close()
    # the next sync takes the usual path
    fills.clear()
    Cache.bulk_fill = watched
    try:
        buyer.sync()
    finally:
        Cache.bulk_fill = original
    assert fills == []


def test_a_first_sync_cancelled_halfway_goes_on_next_time(device, server):
    import threading

    from app.sync import Cancelled, SyncEngine

    buyer = device("demo-buyer")
    stop = threading.Event()

    def progress(report):
        if report.phase == "pull" and report.done >= 100:
            stop.set()

    with pytest.raises(Cancelled):
        SyncEngine(buyer.session.api, buyer.cache, buyer.outbox, page_size=50, on_progress=progress, cancel=stop,
                   fts_chunk=60).run(buyer.username)
    assert buyer.cache.filling() and not buyer.cache.complete()
    kept = buyer.cache.count()
    assert kept >= 100
    result = buyer.sync(page_size=50)
    assert result.verified and buyer.cache.complete() and result.upserts == result.cache_count - kept
    assert buyer.cache.versions() == server.versions_seen_by("demo-buyer")
    fts_sound(buyer.cache)


def test_pages_download_ahead_and_progress_tells_bytes_rate_and_searchable(device):
    buyer = device("demo-buyer")
    reports = []
    from app.sync import SyncEngine

    api, fetch = buyer.session.api, buyer.session.api.changes

    def over_a_slower_link(*args, **kwargs):  # a rate needs a fifth of a second of download to say anything
        time.sleep(0.06)
        return fetch(*args, **kwargs)

    api.changes = over_a_slower_link
    result = SyncEngine(buyer.session.api, buyer.cache, buyer.outbox, page_size=40, fts_chunk=100,
                        on_progress=reports.append).run(buyer.username)
    pulls = [r for r in reports if r.phase == "pull"]
    assert result.verified and len(pulls) > 5
    assert {r.source for r in pulls} == {"feed"}
    assert all(r.bytes_received > 0 for r in pulls)
    assert [r.bytes_received for r in pulls] == sorted(r.bytes_received for r in pulls)
    assert pulls[-1].bytes_received <= buyer.session.api.bytes_received
    assert any(r.rate for r in pulls) and pulls[-1].seconds_left is not None and pulls[-1].seconds_left < 1
    assert pulls[-1].total == result.server_count
    searchable = [r.searchable for r in pulls]
    assert searchable[0] == 0 and searchable == sorted(searchable) and 0 < searchable[-1] <= result.cache_count


# -- killed at random moments -------------------------------------------------------------

FILL_CHILD = """
import sys, time
from pathlib import Path
from tests.client.test_bulk_fill import feed_pages, new_cache
cache = new_cache(Path(sys.argv[1]))
if not cache.complete():
    pages = feed_pages(30, 40)
    cursors = [state["cursor"] for _, _, state in pages]
    at = cursor = cache.state("cursor")
    start = cursors.index(cursor) + 1 if cursor in cursors else 0
    print("filling", flush=True)
    with cache.bulk_fill(fts_chunk=150) as fill:
        for changes, sellers, state in pages[start:]:
            fill.add_listings(changes, sellers, state)
            time.sleep(0.01)
print("complete")
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is a POSIX signal")
def test_a_fill_killed_at_random_moments_never_says_complete_before_it_is(tmp_path):
    """A first fill killed with SIGKILL 24 times at random instants (in a page, between pages,
    in the finishing transaction), each time opened again: it says complete only when it is,
    then it equals the row-by-row cache; the outbox beside it keeps its change."""
    import random
    import signal
    import subprocess

    from app.outbox import Outbox
    from tests.client.conftest import ROOT, subprocess_env

    folder = tmp_path / "desk"
    reference = new_cache(tmp_path / "reference")
    for changes, sellers, state in feed_pages(30, 40):
        reference.apply_page(changes, sellers, state)
    outbox = Outbox(folder)
    outbox.queue_create({"title": "My draft chair"}, False)
    before = outbox.counts()
    outbox.close()
    command = [sys.executable, "-c", FILL_CHILD, str(folder)]

    def start(into: Path) -> tuple[subprocess.Popen, float]:
        """The child, once it says the fill begins (its imports take a second or more, which
        a busy machine stretches: a kill timed from the start would often land before)."""
        child = subprocess.Popen([*command[:-1], str(into)], env=subprocess_env(), cwd=ROOT,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        child.stdout.readline()
        return child, time.monotonic()

    child, began = start(tmp_path / "timing")  # how long a whole fill takes on this machine now
    assert child.wait(120) == 0, child.stderr.read().decode()
    span = time.monotonic() - began
    rng = random.Random(16)
    kills = mid_fill = 0
    while kills < 24:
        child, began = start(folder)
        try:
            err = child.communicate(timeout=rng.uniform(0.0, span * 1.1))[1]
        except subprocess.TimeoutExpired:
            child.send_signal(signal.SIGKILL)
            child.communicate()
            kills += 1
        else:
            assert child.returncode == 0, err.decode()
            cache = new_cache(folder)
            if cache.complete():
                # done early: start again from empty, so every kill lands in a fill
                assert rows_of(cache) == rows_of(reference)
                cache.rebuild()
            cache.close()
            continue
        cache = new_cache(folder)
        if cache.complete():
            assert rows_of(cache) == rows_of(reference) and searches(cache) == searches(reference)
            fts_sound(cache)
            cache.rebuild()
        else:
            assert cache.filling() or cache.is_empty()
            mid_fill += cache.filling()
        cache.close()
    assert mid_fill >= 10  # most kills landed inside a fill, not before it began
    done = subprocess.run(command, env=subprocess_env(), cwd=ROOT, capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode()
    cache = new_cache(folder)
    assert cache.complete() and rows_of(cache) == rows_of(reference) and searches(cache) == searches(reference)
    fts_sound(cache)
    cache.close()
    reference.close()
    outbox = Outbox(folder)
    assert outbox.counts() == before
    outbox.close()
