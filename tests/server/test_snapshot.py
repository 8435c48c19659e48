"""The catalogue snapshot: what it holds (nothing a buyer may not see; the feed's rows at its
position), the consistent read that never blocks a writer, the manifest, HTTP ranges,
retention and the schedule. SQLite and PostgreSQL (the `market` fixture runs on both)."""

from __future__ import annotations

import hashlib
import json
import lzma
import threading
import time
from datetime import timedelta
from pathlib import Path


from domain.timefmt import utc_now
from server.services import snapshot
from server.services.schedule import SnapshotScheduler


def read_snapshot(path: Path) -> dict:
    """The file's content back as the feed's shapes: listings (with seq), sellers, categories."""
    out = {"listings": [], "sellers": [], "categories": []}
    with lzma.open(path, "rt", encoding="utf-8") as lines:
        out["header"] = json.loads(next(lines))
        for line in lines:
            record = json.loads(line)
            if record["part"] == "categories":
                out["categories"] += record["rows"]
                continue
            columns = record["columns"]
            names = list(columns)
            out[record["part"]] += [dict(zip(names, values)) for values in zip(*columns.values())]
    return out


def _feed_view(changes: list[dict]) -> dict[str, dict]:
    """What a client holds after applying changes: id -> listing (with its seq)."""
    held: dict[str, dict] = {}
    for change in changes:
        if change["op"] == "upsert":
            held[change["listing"]["id"]] = {**change["listing"], "seq": change["seq"]}
        else:
            held.pop(change["id"], None)
    return held


def _catalogue(market) -> dict[str, str]:
    """A marketplace with every kind of listing a buyer must not see beside the ones it may."""
    made = {
        "published_a": market.create().json(),
        "published_b": market.create("seller-b", category_id=market.ids["chairs"], title="Chair", brand="Dell",
                                     key_specs={"material": "steel"}).json(),
        "draft": market.create(submit=False).json(),
        "pending": market.create(brand="LocalCo").json(),
        "to_reject": market.create(brand="LocalCo").json(),
        "to_retire": market.create().json(),
        "out_of_stock": market.create().json(),
    }
    rejected = market.decide(made["to_reject"]["id"], made["to_reject"]["version"], approve=False, reason="No brand proof")
    assert rejected.status_code == 200, rejected.text
    assert market.retire("seller-a", made["to_retire"]["id"], made["to_retire"]["version"]).status_code == 200
    assert market.patch("seller-a", made["out_of_stock"]["id"], 1, {"stock": 0}).status_code == 200
    return {name: listing["id"] for name, listing in made.items()}


def test_it_holds_exactly_the_buyers_feed_at_its_position_and_nothing_a_buyer_may_not_see(market):
    ids = _catalogue(market)
    built = snapshot.build(market.db, market.settings.data_dir)
    content = read_snapshot(built.path)
    changes, _, feed_sellers = market.pull("buyer")
    feed = _feed_view(changes)
    held = {listing["id"]: listing for listing in content["listings"]}
    assert held == feed  # row for row, field for field, with the feed's positions
    assert set(held) == {ids["published_a"], ids["published_b"], ids["out_of_stock"]}
    assert not {ids["draft"], ids["pending"], ids["to_reject"], ids["to_retire"]} & set(held)
    # Sellers as the feed shows them to buyers: no firm name, no Udyam number.
    assert sorted(content["sellers"], key=lambda s: s["id"]) == sorted(
        {s["id"]: s for s in feed_sellers}.values(), key=lambda s: s["id"])
    assert all("name" not in s and "udyam_number" not in s for s in content["sellers"])
    text = lzma.open(built.path).read().decode()
    assert "Raipur Computers" not in text and "Durg Furniture" not in text and "UDYAM" not in text
    categories = market.client.get("/api/v1/categories", headers=market.headers("buyer")).json()["categories"]
    assert content["categories"] == categories
    manifest = built.manifest
    assert manifest["rows"] == {"listings": 3, "sellers": 2, "categories": len(categories)}
    assert manifest["feed_position"] == max(l["seq"] for l in changes) or manifest["feed_position"] >= max(
        l["seq"] for l in changes)
    part = manifest["parts"][0]
    assert part["size"] == built.path.stat().st_size
    assert part["sha256"] == hashlib.sha256(built.path.read_bytes()).hexdigest()


def test_the_feed_goes_on_from_the_manifests_cursor_to_what_a_sync_from_zero_holds(market):
    ids = _catalogue(market)
    built = snapshot.build(market.db, market.settings.data_dir)
    # After the snapshot: a new listing, a change, a withdrawal of a listing it holds.
    market.create(title="Laptop 15 inch")
    assert market.patch("seller-a", ids["published_a"], 1, {"price_paise": 70_000_00}).status_code == 200
    assert market.retire("seller-b", ids["published_b"], 1).status_code == 200
    held = {l["id"]: l for l in read_snapshot(built.path)["listings"]}
    later, _, _ = market.pull("buyer", cursor=built.manifest["cursor"])
    for change in later:
        if change["op"] == "upsert":
            held[change["listing"]["id"]] = {**change["listing"], "seq": change["seq"]}
        else:
            held.pop(change["id"], None)
    from_zero, _, _ = market.pull("buyer")
    assert held == _feed_view(from_zero)
    assert ids["published_b"] not in held


def test_a_build_holds_no_write_lock_and_reads_one_moment(market, monkeypatch):
    first = market.create().json()
    market.create()
    monkeypatch.setattr(snapshot, "PAGE_ROWS", 1)
    paged, release = threading.Event(), threading.Event()
    real_page = snapshot._listing_page

    def slow_page(page, seqs):
        paged.set()
        assert release.wait(30)
        return real_page(page, seqs)

    monkeypatch.setattr(snapshot, "_listing_page", slow_page)
    built: dict = {}
    builder = threading.Thread(target=lambda: built.setdefault("it", snapshot.build(market.db, market.settings.data_dir)))
    builder.start()
    try:
        assert paged.wait(30)
        # The build is in the middle of its read: writers go on, and at once.
        started = time.monotonic()
        assert market.patch("seller-a", first["id"], 1, {"stock": 99}).status_code == 200
        late = market.create(title="Written during the build").json()
        assert time.monotonic() - started < 5
    finally:
        release.set()
        builder.join(60)
    content = read_snapshot(built["it"].path)
    held = {l["id"]: l for l in content["listings"]}
    assert late["id"] not in held and held[first["id"]]["version"] == 1 and held[first["id"]]["stock"] == 10
    assert all(l["seq"] <= built["it"].manifest["feed_position"] for l in content["listings"])
    later, _, _ = market.pull("buyer", cursor=built["it"].manifest["cursor"])
    assert {c["listing"]["id"] for c in later} == {first["id"], late["id"]}


def test_manifest_endpoint_and_who_may_read_it(market):
    headers = market.headers("buyer")
    assert market.client.get("/api/v1/snapshot", headers=headers).json()["error"]["code"] == "no_snapshot"
    market.create()
    built = snapshot.build(market.db, market.settings.data_dir)
    answer = market.client.get("/api/v1/snapshot", headers=headers)
    assert answer.status_code == 200
    manifest = answer.json()
    assert {k: manifest[k] for k in ("name", "feed_position", "cursor", "rows", "parts", "format_version", "created_at")} == {
        k: built.manifest[k] for k in ("name", "feed_position", "cursor", "rows", "parts", "format_version", "created_at")}
    market.create()
    assert market.client.get("/api/v1/snapshot", headers=headers).json()["feed_position_now"] > manifest["feed_position"]
    assert market.client.get("/api/v1/snapshot").status_code == 401
    assert market.client.get(manifest["parts"][0]["url"]).status_code == 401
    seller = market.client.get("/api/v1/snapshot", headers=market.headers("seller-a"))
    assert seller.status_code == 404 and seller.json()["error"]["code"] == "snapshot_not_for_sellers"


def test_ranges_resume_a_download_and_if_range_guards_it(market):
    for _ in range(30):
        market.create()
    built = snapshot.build(market.db, market.settings.data_dir)
    whole = built.path.read_bytes()
    part = built.manifest["parts"][0]
    headers = market.headers("buyer")
    full = market.client.get(part["url"], headers=headers)
    assert full.status_code == 200 and full.content == whole
    assert full.headers["etag"] == f'"{part["sha256"]}"' and full.headers["accept-ranges"] == "bytes"
    assert "gzip" not in full.headers.get("content-encoding", "")
    etag = full.headers["etag"]
    tail = market.client.get(part["url"], headers={**headers, "Range": "bytes=100-", "If-Range": etag})
    assert tail.status_code == 206 and tail.content == whole[100:]
    assert tail.headers["content-range"] == f"bytes 100-{len(whole) - 1}/{len(whole)}"
    middle = market.client.get(part["url"], headers={**headers, "Range": "bytes=10-19"})
    assert middle.status_code == 206 and middle.content == whole[10:20]
    # Another file behind the same name: the whole file, not a range of it.
    changed = market.client.get(part["url"], headers={**headers, "Range": "bytes=100-", "If-Range": '"other"'})
    assert changed.status_code == 200 and changed.content == whole
    past = market.client.get(part["url"], headers={**headers, "Range": f"bytes={len(whole) + 5}-"})
    assert past.status_code == 416
    gone = market.client.get("/api/v1/snapshot/files/catalogue-1-x.xz", headers=headers)
    assert gone.status_code == 404 and gone.json()["error"]["code"] == "snapshot_gone"
    assert market.client.get("/api/v1/snapshot/files/..%2Fmarketplace.sqlite", headers=headers).status_code == 404


def test_a_replaced_snapshot_is_served_for_a_while_then_pruned(market):
    market.create()
    now = utc_now()
    old = snapshot.build(market.db, market.settings.data_dir, now=now - timedelta(hours=30))
    market.create()
    new = snapshot.build(market.db, market.settings.data_dir, now=now - timedelta(hours=1))
    headers = market.headers("buyer")
    assert market.client.get("/api/v1/snapshot", headers=headers).json()["name"] == new.manifest["name"]
    assert market.client.get(old.manifest["parts"][0]["url"], headers=headers).status_code == 200
    assert snapshot.prune(market.settings.data_dir, now) == []
    assert snapshot.prune(market.settings.data_dir, now + timedelta(hours=48)) == [old.manifest["name"]]
    assert market.client.get(old.manifest["parts"][0]["url"], headers=headers).status_code == 404
    assert market.client.get(new.manifest["parts"][0]["url"], headers=headers).status_code == 200


def test_the_schedule_builds_nightly_and_only_when_the_feed_moved_enough():
    rule = dict(every=timedelta(hours=20), min_changes=1000, night_hours_ist=(1, 5))
    night = utc_now().replace(hour=21, minute=0)  # 02:30 IST
    day = night.replace(hour=7)  # 12:30 IST
    made = {"feed_position": 5000, "created_at": (night - timedelta(hours=24)).isoformat()}
    assert snapshot.due(None, 10, 0, day, **rule)  # none yet: at once
    assert not snapshot.due(None, 0, 0, day, **rule)  # nothing to hold
    assert snapshot.due(made, 7000, 0, night, **rule)
    assert not snapshot.due(made, 7000, 0, day, **rule)  # by day: wait for the night
    assert not snapshot.due(made, 5500, 0, night, **rule)  # the feed hardly moved
    assert not snapshot.due({**made, "created_at": (night - timedelta(hours=2)).isoformat()}, 9000, 0, night, **rule)
    assert snapshot.due(made, 5001, 6000, day, **rule)  # the horizon passed it: its cursor would be refused


def test_the_command_builds_a_snapshot_and_the_scheduler_runs_it(market, monkeypatch):
    market.create()
    from server import cli

    monkeypatch.setenv("GEMDESK_SERVER_DATABASE_URL", market.settings.database_url)
    assert cli.main(["--data-dir", str(market.settings.data_dir), "snapshot"]) == 0
    first = snapshot.current(market.settings.data_dir)
    assert first["rows"]["listings"] == 1
    # The scheduler's check: nothing due (one exists, the feed did not move).
    scheduler = SnapshotScheduler(market.settings)
    assert scheduler.run_once() == 0
    assert snapshot.current(market.settings.data_dir)["name"] == first["name"]
