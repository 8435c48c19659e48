"""The change feed: order, paging, visibility, tombstones, filters, sellers, count, resync."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update

from domain.timefmt import utc_now
from server.db.models import Listing
from server.services.purge import purge_tombstones


def _state(changes: list[dict]) -> dict[str, int]:
    """What a client holds after applying changes: id -> version."""
    held: dict[str, int] = {}
    for change in changes:
        if change["op"] == "upsert":
            held[change["listing"]["id"]] = change["listing"]["version"]
        else:
            held.pop(change["id"], None)
    return held


def test_order_paging_and_empty_page(market):
    ids = [market.create().json()["id"] for _ in range(7)]
    changes, cursor, _ = market.pull("buyer", limit=3)
    seqs = [c["seq"] for c in changes]
    assert seqs == sorted(seqs) and len(set(seqs)) == 7
    assert [c["listing"]["id"] for c in changes] == ids
    # At the end: an empty page that still carries a cursor.
    empty = market.client.get("/api/v1/changes", params={"cursor": cursor}, headers=market.headers("buyer")).json()
    assert empty["changes"] == [] and empty["has_more"] is False and empty["next_cursor"]
    assert empty["server_time"].endswith("Z")
    # A change after the cursor is all the next pull brings.
    market.patch("seller-a", ids[2], 1, {"stock": 3})
    later, _, _ = market.pull("buyer", cursor=cursor)
    assert [(c["op"], c["listing"]["id"], c["listing"]["version"]) for c in later] == [("upsert", ids[2], 2)]
    assert later[0]["seq"] > seqs[-1]


def test_no_cursor_and_empty_database(market):
    page = market.client.get("/api/v1/changes", headers=market.headers("buyer")).json()
    assert page["changes"] == [] and page["has_more"] is False and page["next_cursor"]
    market.create()
    changes, _, _ = market.pull("buyer", cursor=page["next_cursor"])
    assert len(changes) == 1


def test_drafts_reach_only_their_seller(market):
    draft = market.create(submit=False).json()
    pending = market.create(brand="LocalCo").json()
    published = market.create().json()
    assert set(_state(market.pull("seller-a")[0])) == {draft["id"], pending["id"], published["id"]}
    assert set(_state(market.pull("seller-a2")[0])) == {draft["id"], pending["id"], published["id"]}
    others = ("buyer", "seller-b", "admin", "approver")
    cursors = {}
    for other in others:
        changes, cursors[other], _ = market.pull(other)
        assert set(_state(changes)) == {published["id"]}
    # Never as a tombstone either, whatever happens to them.
    market.retire("seller-a", draft["id"], 1)
    market.patch("seller-a", pending["id"], 1, {"stock": 2})
    for other in others:
        later, _, _ = market.pull(other, cursor=cursors[other])
        assert later == []


def test_retire_sends_a_tombstone_to_those_who_may_have_seen_it(market):
    listing = market.create().json()
    _, buyer_cursor, _ = market.pull("buyer")
    _, seller_cursor, _ = market.pull("seller-a")
    market.retire("seller-a", listing["id"], 1)
    buyer_changes, _, _ = market.pull("buyer", cursor=buyer_cursor)
    assert [(c["op"], c["id"]) for c in buyer_changes] == [("delete", listing["id"])]
    # The owner keeps seeing its own listing, now retired.
    seller_changes, _, _ = market.pull("seller-a", cursor=seller_cursor)
    assert [(c["op"], c["listing"]["status"]) for c in seller_changes] == [("upsert", "retired")]


def test_first_pull_skips_tombstones(market):
    keep = market.create().json()
    gone = market.create().json()
    market.retire("seller-a", gone["id"], 1)
    changes, _, _ = market.pull("buyer")
    assert [(c["op"], c["listing"]["id"]) for c in changes] == [("upsert", keep["id"])]


def test_tombstone_during_the_first_pull_still_arrives(market):
    first = market.create().json()
    market.create()
    page = market.client.get("/api/v1/changes", params={"limit": 1}, headers=market.headers("buyer")).json()
    assert page["changes"][0]["listing"]["id"] == first["id"] and page["has_more"]
    market.retire("seller-a", first["id"], 1)  # retired after the client got it, mid-pull
    rest, _, _ = market.pull("buyer", cursor=page["next_cursor"])
    assert ("delete", first["id"]) in [(c["op"], c.get("id")) for c in rest]
    assert _state(page["changes"] + rest) == {c["listing"]["id"]: 1 for c in rest if c["op"] == "upsert"}


def test_rejected_after_publication_and_back_to_pending(market):
    listing = market.create().json()
    _, cursor, _ = market.pull("buyer")
    market.patch("seller-a", listing["id"], 1, {"brand": "LocalCo"})  # now waits for approval
    changes, cursor, _ = market.pull("buyer", cursor=cursor)
    assert [(c["op"], c["id"]) for c in changes] == [("delete", listing["id"])]
    market.decide(listing["id"], 2, True)
    changes, _, _ = market.pull("buyer", cursor=cursor)
    assert [(c["op"], c["listing"]["version"]) for c in changes] == [("upsert", 3)]


def test_filters_and_leaving_them(market):
    laptop = market.create().json()
    chair = market.create(category_id=market.ids["chairs"], key_specs={"material": "steel"}, delivery_districts=["Bastar"]).json()
    by_category, cursor, _ = market.pull("buyer", categories=str(market.ids["laptops"]))
    assert set(_state(by_category)) == {laptop["id"]}
    by_district, _, _ = market.pull("buyer", districts="Bastar,Korba")
    assert set(_state(by_district)) == {chair["id"]}
    both, _, _ = market.pull("buyer", categories=f"{market.ids['laptops']},{market.ids['chairs']}", districts="Durg")
    assert set(_state(both)) == {laptop["id"]}
    # The laptop moves out of the category filter: it must leave the filtered cache.
    market.patch("seller-a", laptop["id"], 1, {"category_id": market.ids["chairs"], "key_specs": {"material": "aluminium"}})
    later, _, _ = market.pull("buyer", cursor=cursor, categories=str(market.ids["laptops"]))
    assert [(c["op"], c["id"]) for c in later] == [("delete", laptop["id"])]
    bad = market.client.get("/api/v1/changes", params={"categories": "1,x"}, headers=market.headers("buyer"))
    assert bad.status_code == 422 and "categories" in bad.json()["error"]["fields"]


def test_sellers_on_the_page_without_names(market):
    market.create()
    market.create(username="seller-b")
    changes, _, sellers = market.pull("buyer")
    assert {s["id"] for s in sellers} == {market.ids["firm_a"], market.ids["firm_b"]}
    for seller in sellers:
        assert set(seller) == {"id", "mse_class", "women_owned", "scst_owned", "nature", "state", "district"}
    assert "Raipur Computers" not in str(changes) + str(sellers)


def test_count_matches_what_the_caller_sees(market):
    market.create()
    market.create(submit=False)
    market.create(category_id=market.ids["chairs"], key_specs={"material": "wood"}, delivery_districts=["Bastar"])
    count = lambda user, **f: market.client.get("/api/v1/changes/count", params=f, headers=market.headers(user)).json()  # noqa: E731
    assert count("buyer")["listings"] == 2
    assert count("seller-a")["listings"] == 3
    assert count("buyer", categories=str(market.ids["chairs"]))["listings"] == 1
    assert count("buyer", districts="Raipur")["listings"] == 1
    changes, _, _ = market.pull("buyer")
    assert count("buyer")["as_of_seq"] == max(c["seq"] for c in changes)


def test_bad_cursor_is_400(market):
    for cursor in ("nonsense", "eyJzZXEiOiAtMX0", "e30", "!!!!"):
        response = market.client.get("/api/v1/changes", params={"cursor": cursor}, headers=market.headers("buyer"))
        assert response.status_code == 400, cursor
        assert response.json()["error"]["code"] == "bad_request"


def test_resync_required_after_purge(market):
    old = market.create().json()
    market.create()
    page = market.client.get("/api/v1/changes", params={"limit": 1}, headers=market.headers("buyer")).json()
    market.retire("seller-a", old["id"], 1)
    _, current_cursor, _ = market.pull("buyer", cursor=page["next_cursor"])
    with market.db.writing() as session:
        # Age the retirement past the horizon (the trail would refuse an ORM edit without actor;
        # a Core update is fine for a test's clock trick).
        session.execute(update(Listing).where(Listing.id == old["id"]).values(updated_at=utc_now() - timedelta(days=91)))
    result = purge_tombstones(market.db, 90)
    assert result.purged == 1 and result.horizon_seq >= 3
    stale = market.client.get("/api/v1/changes", params={"cursor": page["next_cursor"]}, headers=market.headers("buyer"))
    assert stale.status_code == 410 and stale.json()["error"]["code"] == "resync_required"
    fresh = market.client.get("/api/v1/changes", params={"cursor": current_cursor}, headers=market.headers("buyer"))
    assert fresh.status_code == 200
    # A new first pull works and the purge is in the audit trail.
    assert len(market.pull("buyer")[0]) == 1
    events = market.client.get("/api/v1/audit", params={"entity_id": old["id"]}, headers=market.headers("admin")).json()["events"]
    assert [e["action"] for e in events] == ["listing.create", "listing.retire", "listing.purge"]


def test_the_page_as_sent_decodes_to_the_page_as_read(market, db):
    """The feed's body is assembled from the JSON text the database holds (feed.encode_page):
    it must decode to exactly what the listings as objects would have given."""
    import json

    from server.services import feed
    from server.services.caller import Caller

    made = market.create("seller-a", other_specs={"शब्द": 'कुर्सी "quoted" \\ end', "Warranty": "1 year"},
                         delivery_districts=["Raipur", "Durg"])
    assert made.status_code in (200, 201), made.text
    market.create("seller-a")
    seller = market.client.get("/api/v1/me", headers=market.headers("seller-a")).json()
    caller = Caller(seller["id"], "seller-a", "seller", None, seller["seller_firm"]["id"])
    with db.reading() as session:
        as_objects = feed.read_page(session, caller, None, 1000, feed.Filters(), db.dialect)
    with db.reading() as session:
        as_text = feed.read_page(session, caller, None, 1000, feed.Filters(), db.dialect, as_text=True)
    decoded = json.loads(feed.encode_page(as_text))
    assert decoded.pop("server_time") and as_objects.pop("server_time")
    assert decoded == as_objects and len(decoded["changes"]) >= 2
    body = market.client.get("/api/v1/changes", headers=market.headers("seller-a")).json()
    assert body["changes"] == as_objects["changes"]
