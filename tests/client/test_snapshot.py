"""The first fill from the catalogue snapshot (app/snapshot.py) against a real server process:
the cache it makes equals the feed's, row for row; the download resumes after a cut from the
last byte on disk; a file that does not match its SHA-256 is fetched again; a replaced
snapshot is finished while served, or left for the new one; an office copy is used and
still checked; a seller's first sync takes the feed."""

from __future__ import annotations

import json
import shutil
import sqlite3
import threading
import time
import uuid
from pathlib import Path

import pytest

from app import snapshot
from app.account import sign_in
from app.api import Offline
from app.cache import Cache
from app.config import ConnectionSettings
from app.outbox import Outbox
from app.snapshot import SnapshotDownloader
from app.sync import SyncEngine
from bench.relay import Relay
from tests.client.conftest import PASSWORD


@pytest.fixture(autouse=True)
def small_catalogue_too(monkeypatch):
    # The test marketplace has 300 products: its snapshot is mostly categories and framing.
    monkeypatch.setattr(snapshot, "MIN_LISTINGS", 0)
    monkeypatch.setattr(snapshot, "FEED_BYTES_PER_LISTING", 1000)


def build_snapshot(server) -> dict:
    server.run("snapshot")
    return json.loads((server.data_dir / "snapshots" / "current.json").read_text())


class Desk:
    """A buyer's desktop signed in through `url` (the server, or a relay in front of it)."""

    def __init__(self, url: str, folder: Path, secrets, username: str = "demo-buyer", office: str | None = None) -> None:
        settings = ConnectionSettings(server_url=url, connect_timeout=2, read_timeout=10, max_retries=1)
        for attempt in range(3):
            try:
                self.session = sign_in(settings, username, lambda: PASSWORD, secrets)
                break
            except Offline:
                # Seen once under a load average of 8 through the relay (a reset at sign-in,
                # which is never retried by the client); the tests are about what follows.
                if attempt == 2:
                    raise
                time.sleep(1)
        self.folder, self.username = folder, username
        self.cache, self.outbox = Cache(folder), Outbox(folder)
        self.snapshots = SnapshotDownloader(self.session.api, folder, office_source=office, sleep=lambda s: time.sleep(min(s, 0.2)))

    def sync(self, with_snapshot: bool = True):
        engine = SyncEngine(self.session.api, self.cache, self.outbox, page_size=100,
                            snapshots=self.snapshots if with_snapshot else None)
        return engine.run(self.username)

    def close(self) -> None:
        self.cache.close()
        self.outbox.close()
        self.session.api.close()


@pytest.fixture
def desks(tmp_path, secrets):
    made: list[Desk] = []

    def make(url: str, name: str, **options) -> Desk:
        desk = Desk(url, tmp_path / name, secrets, **options)
        made.append(desk)
        return desk

    yield make
    for desk in made:
        desk.close()


def rows(cache: Cache) -> dict[str, list]:
    """Every listing, seller and category the cache holds, all columns but the local rowid."""
    db = sqlite3.connect(cache.path)
    try:
        out = {}
        for name, key in (("listings", "id"), ("sellers", "id"), ("categories", "id")):
            columns = [r[1] for r in db.execute(f"PRAGMA table_info({name})") if r[1] != "rowid"]
            out[name] = db.execute(f"SELECT {', '.join(columns)} FROM {name} ORDER BY {key}").fetchall()
        return out
    finally:
        db.close()


def change_after_snapshot(server, desks) -> None:
    """A seller's changes after the snapshot: a price, a withdrawal, a new listing."""
    seller = desks(server.url, "seller", username="demo-seller")
    seller.sync(with_snapshot=False)
    firm = seller.session.user["seller_firm"]["id"]
    mine = [l for l in seller.cache.listings_of_seller(firm) if l["status"] == "published"]
    api = seller.session.api
    api.update_listing(mine[0]["id"], mine[0]["version"], {"price_paise": mine[0]["price_paise"] - 100}, str(uuid.uuid4()))
    api.retire_listing(mine[1]["id"], mine[1]["version"], str(uuid.uuid4()))
    body = {k: mine[2][k] for k in ("category_id", "title", "brand", "model", "key_specs", "other_specs", "country_of_origin",
                                    "local_content_pct", "mrp_paise", "price_paise", "stock", "min_order_qty",
                                    "delivery_districts", "delivery_pincodes", "images")}
    api.create_listing(str(uuid.uuid4()), {**body, "model": "AFTER-SNAPSHOT", "submit": True}, str(uuid.uuid4()))


def test_snapshot_then_feed_equals_the_feed_alone_row_for_row(server, desks):
    manifest = build_snapshot(server)
    change_after_snapshot(server, desks)
    fresh = desks(server.url, "snapshot-path")
    result = fresh.sync()
    assert result.snapshot == manifest["name"] and result.verified
    assert fresh.cache.complete() and not fresh.cache.filling()
    assert not (fresh.folder / "snapshot").exists()  # the file goes once it is loaded
    feed_only = desks(server.url, "feed-path")
    assert feed_only.sync(with_snapshot=False).snapshot is None
    assert rows(fresh.cache) == rows(feed_only.cache)
    assert any("AFTER-SNAPSHOT" in str(row) for row in rows(fresh.cache)["listings"])
    found = sorted(l["id"] for l in fresh.cache.search("chair", limit=1000))
    assert found and found == sorted(l["id"] for l in feed_only.cache.search("chair", limit=1000))  # the FTS index too


def test_a_cut_link_resumes_from_the_last_byte_on_disk(server, desks):
    manifest = build_snapshot(server)
    size = manifest["parts"][0]["size"]
    relay = Relay(("127.0.0.1", server.port), rate=size / 3, chunk=512)  # the file takes about 3 s
    try:
        desk = desks(relay.url, "cut")

        partial = desk.folder / "snapshot" / (manifest["parts"][0]["file"] + ".part")

        synced = threading.Event()

        def cut_half_way() -> None:
            while not partial.exists() or partial.stat().st_size < size // 3:
                if synced.is_set():
                    return
                time.sleep(0.005)
            relay.cut()
            time.sleep(1.0)
            relay.restore()

        cutter = threading.Thread(target=cut_half_way)
        cutter.start()
        try:
            result = desk.sync()
        finally:
            synced.set()
            cutter.join()
        assert result.snapshot == manifest["name"] and result.verified
        starts = relay.ranges()
        assert starts[0] is None and len(starts) >= 2 and all(s and s > 0 for s in starts[1:]), starts
        assert starts == sorted(starts[:1]) + sorted(starts[1:])  # never back to an earlier byte
        assert result.snapshot_bytes == size  # not one byte of the file twice
    finally:
        relay.close()


def test_a_file_that_does_not_match_its_sha256_is_thrown_away_and_fetched_again(server, desks):
    manifest = build_snapshot(server)
    relay = Relay(("127.0.0.1", server.port))
    try:
        desk = desks(relay.url, "bad")
        part = manifest["parts"][0]
        folder = desk.folder / "snapshot"
        folder.mkdir(parents=True)
        latest = desk.snapshots.manifest()
        (folder / "download.json").write_text(json.dumps(latest))
        (folder / (part["file"] + ".part")).write_bytes(b"\0" * (part["size"] // 2))  # a damaged half
        result = desk.sync()
        assert result.snapshot == manifest["name"] and result.verified
        assert relay.ranges() == [part["size"] // 2, None]
        feed_only = desks(server.url, "feed")
        feed_only.sync(with_snapshot=False)
        assert rows(desk.cache) == rows(feed_only.cache)
    finally:
        relay.close()


def _half_fetched(desk: Desk, server, manifest: dict) -> int:
    """A download of `manifest` stopped half way, as a killed app leaves it."""
    part = manifest["parts"][0]
    folder = desk.folder / "snapshot"
    folder.mkdir(parents=True)
    (folder / "download.json").write_text(json.dumps(manifest))
    whole = (server.data_dir / "snapshots" / part["file"]).read_bytes()
    (folder / (part["file"] + ".part")).write_bytes(whole[: len(whole) // 2])
    return len(whole) // 2


def test_a_replaced_snapshot_still_served_is_finished(server, desks):
    old = build_snapshot(server)
    change_after_snapshot(server, desks)
    time.sleep(1.1)
    new = build_snapshot(server)
    assert new["name"] != old["name"]
    relay = Relay(("127.0.0.1", server.port))
    try:
        desk = desks(relay.url, "finish-old")
        half = _half_fetched(desk, server, {**old, "feed_position_now": old["feed_position"]})
        result = desk.sync()
        assert result.snapshot == old["name"] and result.verified
        assert relay.ranges() == [half]
        feed_only = desks(server.url, "feed")
        feed_only.sync(with_snapshot=False)
        assert rows(desk.cache) == rows(feed_only.cache)
    finally:
        relay.close()


def test_a_replaced_snapshot_no_longer_served_is_left_for_the_new_one(server, desks):
    old = build_snapshot(server)
    change_after_snapshot(server, desks)
    time.sleep(1.1)
    new = build_snapshot(server)
    for suffix in (".xz", ".json"):  # pruned on the server
        (server.data_dir / "snapshots" / f"{old['name']}{suffix}").unlink()
    relay = Relay(("127.0.0.1", server.port))
    try:
        desk = desks(relay.url, "move-on")
        half = _half_fetched(desk, server, {**old, "feed_position_now": old["feed_position"]}) if False else None
        part = old["parts"][0]
        folder = desk.folder / "snapshot"
        folder.mkdir(parents=True)
        (folder / "download.json").write_text(json.dumps(old))
        (folder / (part["file"] + ".part")).write_bytes(b"x" * 1000)
        result = desk.sync()
        assert result.snapshot == new["name"] and result.verified
        assert relay.ranges() == [1000, None]  # the old file is gone: the new one from its start
        assert not list(folder.glob("*.part")) if folder.exists() else True
        feed_only = desks(server.url, "feed")
        feed_only.sync(with_snapshot=False)
        assert rows(desk.cache) == rows(feed_only.cache)
        del half
    finally:
        relay.close()


def test_the_office_copy_is_used_and_still_checked(server, desks, tmp_path):
    manifest = build_snapshot(server)
    part = manifest["parts"][0]
    share = tmp_path / "share"
    share.mkdir()
    shutil.copyfile(server.data_dir / "snapshots" / part["file"], share / part["file"])
    relay = Relay(("127.0.0.1", server.port))
    try:
        desk = desks(relay.url, "office", office=str(share))
        assert desk.sync().snapshot == manifest["name"]
        assert relay.ranges() == []  # nothing of the file from the marketplace
        # A damaged office copy: thrown away, and the marketplace's file taken instead.
        (share / part["file"]).write_bytes(b"\0" * part["size"])
        other = desks(relay.url, "office-damaged", office=str(share))
        result = other.sync()
        assert result.snapshot == manifest["name"] and result.verified
        assert relay.ranges() == [None]
        assert rows(other.cache) == rows(desk.cache)
    finally:
        relay.close()


def test_a_seller_and_a_small_catalogue_take_the_feed(server, desks, monkeypatch):
    build_snapshot(server)
    seller = desks(server.url, "seller", username="demo-seller")
    assert seller.sync().snapshot is None and seller.cache.complete()
    monkeypatch.setattr(snapshot, "MIN_LISTINGS", 5_000)
    buyer = desks(server.url, "buyer")
    assert buyer.sync().snapshot is None and buyer.cache.complete()


def test_the_choice_weighs_the_snapshot_against_the_feed(monkeypatch):
    manifest = {"format_version": 1, "feed_position": 1000, "feed_position_now": 1000,
                "parts": [{"size": 52 * 100_000}]}
    monkeypatch.setattr(snapshot, "MIN_LISTINGS", 5_000)
    feed = 112  # zstd feed bytes per listing
    assert snapshot.worth_it(manifest, 100_000, feed)
    assert not snapshot.worth_it(manifest, 3_000, feed)  # a few feed pages
    assert not snapshot.worth_it({**manifest, "feed_position_now": 60_000}, 100_000, feed)  # far behind the feed
    assert not snapshot.worth_it({**manifest, "parts": [{"size": 100 * 100_000}]}, 100_000, feed)
    assert not snapshot.worth_it({**manifest, "format_version": 2}, 100_000, feed)


def test_a_link_cut_in_the_middle_of_an_answer_is_a_lost_link_not_a_crash(server, desks):
    """Found by bench/office_link.py: a feed page cut half way raised requests'
    ChunkedEncodingError out of the sync instead of Offline (the next sync goes on)."""
    from app.api import Offline

    relay = Relay(("127.0.0.1", server.port), rate=20_000, chunk=512)
    try:
        desk = desks(relay.url, "cut-feed")
        page: dict = {}

        def cut_soon() -> None:
            start = relay.bytes_down
            while relay.bytes_down < start + 5_000:
                time.sleep(0.01)
            relay.cut()  # and it stays cut: the retry finds no line either

        cutter = threading.Thread(target=cut_soon)
        cutter.start()
        with pytest.raises(Offline):
            page.update(desk.session.api.changes(None, 1000))
        cutter.join()
        assert not page
    finally:
        relay.close()
