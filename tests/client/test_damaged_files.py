"""Damaged files, each with its own answer (issue 13): the cache is rebuildable, the outbox is
not. A damaged cache (any table, the search index and the sync state included) is moved aside
and refilled; a damaged outbox is kept for support, what can be read from it goes on, the
user is told what was kept, and its damage never costs the cache. Files are damaged the way
a bad sector or a program writing into them would: bytes overwritten inside a page.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from app.browse import CatalogueRequest, CatalogueSearch
from app.cache import Cache
from app.outbox import Outbox, editable
from app.outbox_recovery import interrupted_recovery, recover_outbox
from app.storage import CacheDamaged
from tests.client.conftest import gemdesk, gemdesk_sync


def own_listings(device) -> list[dict]:
    firm = device.session.user["seller_firm"]["id"]
    return [l for l in device.cache.listings_of_seller(firm) if l["status"] == "published"]


def page_of(path: Path, name: str) -> tuple[int, int]:
    """(root page number, page size) of a table or index."""
    connection = sqlite3.connect(path)
    try:
        root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]
        return root, connection.execute("PRAGMA page_size").fetchone()[0]
    finally:
        connection.close()


def overwrite(path: Path, page: int, size: int, at: int = 8, length: int = 200) -> None:
    """Bytes of one page overwritten, as a bad sector would."""
    with open(path, "r+b") as handle:
        handle.seek((page - 1) * size + at + (100 if page == 1 else 0))
        handle.write(b"\xff" * length)


def checkpoint(path: Path) -> None:
    """Everything in the file itself (not its write-ahead log), so damage to a page sticks."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def queue_changes(seller) -> tuple[list[dict], str]:
    """Two edits and a new listing, made offline and not yet sent."""
    listings = own_listings(seller)[:2]
    for n, listing in enumerate(listings):
        seller.outbox.queue_update(listing["id"], {"stock": 400 + n}, False, listing)
    created = seller.outbox.queue_create({**editable(listings[0]), "model": "RECOVERED-1"}, submit=False)
    return listings, created


def assert_changes_reached_the_server(server, listings, created) -> None:
    for n, listing in enumerate(listings):
        assert server.listing(listing["id"])["stock"] == 400 + n
    assert server.listing(created)["model"] == "RECOVERED-1"


def test_a_damaged_outbox_is_recovered_its_changes_sent_and_the_cache_kept(device, server):
    seller = device("demo-seller")
    seller.sync()
    listings, created = queue_changes(seller)
    folder = seller.folder
    seller.close()
    checkpoint(folder / "outbox.sqlite")
    overwrite(folder / "outbox.sqlite", *page_of(folder / "outbox.sqlite", "ix_ops_state"))

    finished = gemdesk_sync(folder, server)
    assert finished.returncode == 0, finished.stderr
    assert "Traceback" not in finished.stderr
    assert "file of your unsent changes was damaged. It kept 3 listing change(s)" in finished.stderr
    assert "Everything in it could be read." in finished.stderr
    assert "they match" in finished.stdout
    assert_changes_reached_the_server(server, listings, created)
    assert not list(folder.glob("cache.sqlite.unusable-*")), "the outbox's damage cost the cache"
    [copy] = folder.glob("outbox.sqlite.damaged-*[0-9]")
    assert copy.stat().st_size > 0  # kept for support, byte for byte
    outbox = Outbox(folder)
    try:
        assert outbox.integrity() == ["ok"]
        assert outbox.counts() == {"pending": 0, "conflict": 0, "rejected": 0}
    finally:
        outbox.close()


def test_an_outbox_whose_schema_is_damaged_is_read_from_its_pages(device, server):
    seller = device("demo-seller")
    seller.sync()
    listings, created = queue_changes(seller)
    seller.outbox.set_owner(f"demo-seller@{server.url}")
    keys = {op.seq: op.idempotency_key for op in seller.outbox.ops()}
    folder = seller.folder
    seller.close()
    checkpoint(folder / "outbox.sqlite")
    overwrite(folder / "outbox.sqlite", 1, 4096, at=0, length=300)  # the schema itself: SQL cannot open it

    outbox = Outbox(folder)
    try:
        report = outbox.recovery()
        assert report is not None and report.how == "pages"
        assert (report.listing_changes, report.unreadable) == (3, 0)
        assert {op.seq: op.idempotency_key for op in outbox.ops()} == keys  # the same changes, the same keys
        assert outbox.owner() == f"demo-seller@{server.url}"
    finally:
        outbox.close()
    assert gemdesk_sync(folder, server).returncode == 0
    assert_changes_reached_the_server(server, listings, created)


def test_what_cannot_be_read_is_counted_and_said(tmp_path):
    folder = tmp_path / "desk"
    outbox = Outbox(folder)
    for n in range(60):  # enough changes for several pages
        outbox.queue_create({"title": f"Steel almirah {n}", "other_specs": {"notes": "x" * 900}}, submit=False)
    outbox.close()
    path = folder / "outbox.sqlite"
    checkpoint(path)
    root, size = page_of(path, "ops")
    with open(path, "rb") as handle:
        handle.seek((root - 1) * size)
        page = handle.read(size)
    assert page[0] == 5, "the ops table should span several pages"
    first_child = int.from_bytes(page[int.from_bytes(page[12:14], "big"):][:4], "big")  # the lowest changes
    overwrite(path, first_child, size, at=0, length=size)

    report = recover_outbox(path)
    assert 0 < report.unreadable < 60 and report.listing_changes == 60 - report.unreadable
    assert f"{report.unreadable} entries could not be read" in report.sentence()
    recovered = Outbox(folder)
    try:
        assert len(recovered.ops()) == report.listing_changes
    finally:
        recovered.close()


def test_a_recovery_cut_short_is_finished_from_its_copy(tmp_path):
    folder = tmp_path / "desk"
    outbox = Outbox(folder)
    for n in range(5):
        outbox.queue_create({"title": f"Chair {n}"}, submit=False)
    outbox.close()
    path = folder / "outbox.sqlite"
    checkpoint(path)
    overwrite(path, *page_of(path, "ix_ops_state"))
    copy = path.with_name("outbox.sqlite.damaged-test")
    copy.write_bytes(path.read_bytes())
    path.with_name("outbox.sqlite.recovering").write_text(str(copy))
    path.write_bytes(b"\0" * 100)  # cut short while replacing: the file is neither old nor new
    recovered = Outbox(folder)
    try:
        assert not interrupted_recovery(path)
        assert [op.fields["title"] for op in recovered.ops()] == [f"Chair {n}" for n in range(5)]
    finally:
        recovered.close()


def test_an_outbox_that_is_not_a_database_does_not_stop_gem_desk(tmp_path):
    folder = tmp_path / "desk"
    Outbox(folder).close()
    (folder / "outbox.sqlite").write_bytes(b"this is not an outbox " * 100)
    status = gemdesk("status", "--data-dir", str(folder))
    assert status.returncode == 0, status.stderr
    assert "Traceback" not in status.stderr
    assert "file of your unsent changes was damaged" in status.stderr
    assert "Your changes: 0 waiting" in status.stdout
    assert list(folder.glob("outbox.sqlite.damaged-*"))


def test_a_damaged_search_index_is_refilled_and_unsent_work_kept(device, server):
    buyer, seller = device("demo-buyer"), device("demo-seller")
    buyer.sync(), seller.sync()
    listing = own_listings(seller)[0]
    seller.outbox.queue_update(listing["id"], {"title": "Steel almirah, renamed after the damage"}, False, listing)
    seller.sync()
    folder = buyer.folder
    buyer.close()
    checkpoint(folder / "cache.sqlite")
    overwrite(folder / "cache.sqlite", *page_of(folder / "cache.sqlite", "listings_fts_data"))
    # The damage shows in a search (the desktop refills the cache: tests/ui), and in a sync
    # that brings a change of searchable text.
    cache = Cache(folder)
    try:
        try:
            list(CatalogueSearch(cache).rowids(CatalogueRequest("steel")))
        except CacheDamaged:
            pass
        else:
            raise AssertionError("a search of a damaged index did not say the cache is damaged")
    finally:
        cache.close()
    finished = gemdesk_sync(folder, server, "demo-buyer")
    assert finished.returncode == 0, finished.stderr
    assert "Traceback" not in finished.stderr and "they match" in finished.stdout
    assert list(folder.glob("cache.sqlite.unusable-*")), "the damaged cache was not moved aside for support"
    cache = Cache(folder)
    try:
        assert [l["id"] for l in cache.search("renamed after the damage")] == [listing["id"]]
    finally:
        cache.close()


def test_damaged_sync_state_is_refilled(device, server):
    seller = device("demo-seller")
    seller.sync()
    listings, created = queue_changes(seller)
    folder = seller.folder
    seller.close()
    checkpoint(folder / "cache.sqlite")
    overwrite(folder / "cache.sqlite", *page_of(folder / "cache.sqlite", "sync_state"))
    finished = gemdesk_sync(folder, server)
    assert finished.returncode == 0, finished.stderr
    assert "Traceback" not in finished.stderr and "they match" in finished.stdout
    assert_changes_reached_the_server(server, listings, created)  # the outbox was never touched


def test_an_outbox_made_by_the_previous_version_opens_with_every_queued_write(tmp_path):
    """tests/client/data/outbox-before-answers.sqlite was made by GeM Desk before listing
    answers were kept with their op (schema 0): it is upgraded in place, nothing lost."""
    folder = tmp_path / "desk"
    folder.mkdir()
    shutil.copyfile(Path(__file__).parent / "data" / "outbox-before-answers.sqlite", folder / "outbox.sqlite")
    outbox = Outbox(folder)
    try:
        assert outbox.recovery() is None and outbox.integrity() == ["ok"]
        assert outbox.owner() == "demo-seller@http://127.0.0.1:8765"
        assert [(op.kind, op.state) for op in outbox.ops()] == [("create", "pending"), ("update", "pending"),
                                                               ("update", "rejected")]
        assert outbox.counts() == {"pending": 2, "conflict": 0, "rejected": 1}
        claimed = outbox.claim_next()
        assert (claimed.kind, claimed.fields["model"]) == ("create", "PREV-1")
        from app.procurement import Procurement

        [draft] = Procurement(outbox).requests()
        assert (draft.entity, draft.action, draft.state) == ("bid:33333333-3333-3333-3333-333333333333", "draft",
                                                             "pending")
    finally:
        outbox.close()
