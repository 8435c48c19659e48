"""Two-way sync against a real server process: what a buyer and a seller would check."""

from __future__ import annotations

import pytest

from app.api import Offline
from app.cache import Cache
from app.config import ConnectionSettings
from app.outbox import Outbox, editable
from app.sync import Cancelled, SyncEngine


def own_listings(device, status: str = "published") -> list[dict]:
    firm = device.session.user["seller_firm"]["id"]
    return [l for l in device.cache.listings_of_seller(firm) if l["status"] == status]


def assert_cache_equals_server(device, server) -> None:
    assert device.cache.versions() == server.versions_seen_by(device.username)


def test_first_sync_fills_the_cache_with_what_the_buyer_may_see(device, server):
    buyer = device("demo-buyer")
    result = buyer.sync()
    assert result.verified and result.cache_count == result.server_count > 200
    assert_cache_equals_server(buyer, server)
    assert {l["status"] for l in buyer.cache.search("")} <= {"published", "out_of_stock"}
    # The seller's own drafts and pending listings reach the seller alone.
    seller = device("demo-seller")
    seller.sync()
    assert_cache_equals_server(seller, server)
    assert {"draft", "pending_approval", "rejected"} <= {l["status"] for l in own_listings(seller, "draft") + own_listings(seller, "pending_approval") + own_listings(seller, "rejected")}


def test_incremental_sync_brings_only_what_changed(device, server):
    buyer, seller = device("demo-buyer"), device("demo-seller")
    buyer.sync(), seller.sync()
    listing = own_listings(seller)[0]
    seller.outbox.queue_update(listing["id"], {"price_paise": listing["price_paise"] - 100}, False, listing)
    assert seller.sync().pushed == 1
    again = buyer.sync()
    assert (again.upserts, again.deletes) == (1, 0)
    assert buyer.cache.listing(listing["id"])["price_paise"] == listing["price_paise"] - 100
    assert_cache_equals_server(buyer, server)


def test_a_retired_listing_disappears_from_the_buyers_cache(device, server):
    buyer, seller = device("demo-buyer"), device("demo-seller")
    buyer.sync(), seller.sync()
    listing = own_listings(seller)[0]
    seller.outbox.queue_retire(listing["id"], listing["version"])
    seller.sync()
    assert buyer.sync().deletes == 1
    assert buyer.cache.listing(listing["id"]) is None
    assert seller.cache.listing(listing["id"])["status"] == "retired"  # the seller keeps seeing its own
    assert_cache_equals_server(buyer, server)


def test_offline_work_waits_and_goes_when_the_server_is_back(device, server):
    seller = device("demo-seller")
    seller.sync()
    listing = own_listings(seller)[0]
    server.stop()
    seller.outbox.queue_update(listing["id"], {"stock": 77}, False, listing)
    new_fields = {**editable(listing), "title": "Steel almirah, 4 shelves, made offline", "model": "OFF-1"}
    new_id = seller.outbox.queue_create(new_fields, submit=True)
    with pytest.raises(Offline):
        seller.sync()
    assert seller.outbox.counts()["pending"] == 2  # nothing lost while offline
    server.start()
    result = seller.sync()
    assert result.pushed == 2 and result.pending == 0
    assert server.listing(listing["id"])["stock"] == 77
    assert server.listing(new_id)["title"] == "Steel almirah, 4 shelves, made offline"
    assert seller.cache.listing(new_id)["version"] == 1
    assert_cache_equals_server(seller, server)


def test_a_push_whose_answer_was_lost_is_replayed_not_applied_twice(device, server):
    seller = device("demo-seller")
    seller.sync()
    listing = own_listings(seller)[0]
    seller.outbox.queue_update(listing["id"], {"stock": 5}, False, listing)
    op = seller.outbox.claim_next()
    # The request reaches the server, then the connection drops before the answer arrives.
    seller.session.api.update_listing(listing["id"], op.base_version, op.body(), op.idempotency_key)
    result = seller.sync()
    assert result.pushed == 1 and result.pending == 0
    assert server.listing(listing["id"])["version"] == listing["version"] + 1
    assert server.audit_actions(listing["id"]).count("listing.update") == 1


def test_edits_to_different_fields_on_two_desks_are_merged(device, server):
    desk_a, desk_b = device("demo-seller", "desk-a"), device("demo-seller", "desk-b")
    desk_a.sync(), desk_b.sync()
    listing = own_listings(desk_a)[0]
    desk_a.outbox.queue_update(listing["id"], {"stock": 11}, False, listing)
    desk_b.outbox.queue_update(listing["id"], {"price_paise": listing["price_paise"] - 500}, False, listing)
    desk_a.sync()
    result = desk_b.sync()
    assert (result.pushed, result.merged, result.conflicts) == (1, 1, 0)
    on_server = server.listing(listing["id"])
    assert (on_server["stock"], on_server["price_paise"]) == (11, listing["price_paise"] - 500)
    assert on_server["version"] == listing["version"] + 2
    desk_a.sync()
    assert desk_a.cache.versions() == desk_b.cache.versions() == server.versions_seen_by("demo-seller")


def test_the_same_field_changed_on_two_desks_waits_for_the_seller(device, server):
    desk_a, desk_b = device("demo-seller", "desk-a"), device("demo-seller", "desk-b")
    desk_a.sync(), desk_b.sync()
    listing = own_listings(desk_a)[0]
    desk_a.outbox.queue_update(listing["id"], {"price_paise": listing["price_paise"] - 100}, False, listing)
    desk_b.outbox.queue_update(listing["id"], {"price_paise": listing["price_paise"] - 200, "stock": 3}, False, listing)
    desk_a.sync()
    result = desk_b.sync()
    assert (result.pushed, result.conflicts) == (0, 1)
    [conflict] = desk_b.outbox.ops(("conflict",))
    assert conflict.theirs["price_paise"] == listing["price_paise"] - 100
    assert conflict.fields["price_paise"] == listing["price_paise"] - 200
    # A later edit of the same listing waits behind the conflict; other listings go on.
    other = own_listings(desk_b)[1]
    desk_b.outbox.queue_update(other["id"], {"stock": 9}, False, other)
    assert desk_b.sync().pushed == 1
    assert server.listing(listing["id"])["price_paise"] == listing["price_paise"] - 100
    # The seller keeps their price and takes the other desk's stock... which it did not change.
    desk_b.outbox.resolve_conflict(conflict.seq, keep_mine={"price_paise", "stock"})
    assert desk_b.sync().pushed == 1
    on_server = server.listing(listing["id"])
    assert (on_server["price_paise"], on_server["stock"]) == (listing["price_paise"] - 200, 3)


def test_a_refusal_is_kept_with_the_servers_reason(device, server):
    seller = device("demo-seller")
    seller.sync()
    listing = own_listings(seller)[0]
    seller.outbox.queue_update(listing["id"], {"price_paise": listing["mrp_paise"] + 1}, False, listing)
    result = seller.sync()
    assert result.rejected == 1
    [refused] = seller.outbox.ops(("rejected",))
    assert refused.error["fields"] == {"price_paise": "offer price must not be above the MRP"}
    # Fixing the field sends it again, under a new key.
    seller.outbox.queue_update(listing["id"], {"price_paise": listing["mrp_paise"]}, False, listing)
    assert seller.sync().pushed == 1
    assert server.listing(listing["id"])["price_paise"] == listing["mrp_paise"]


def test_a_corrupt_cache_is_rebuilt_and_queued_work_survives(device, server, tmp_path):
    seller = device("demo-seller")
    seller.sync()
    listing = own_listings(seller)[0]
    seller.outbox.queue_update(listing["id"], {"stock": 42}, False, listing)
    seller.cache.close()
    with open(seller.cache.path, "r+b") as damaged:
        damaged.write(b"this is not a database" * 200)
    seller.cache = Cache(seller.folder)  # opening moves the wreck aside and starts empty
    assert seller.cache.count() == 0
    assert list(seller.folder.glob("cache.sqlite.unusable-*"))
    result = seller.sync()
    assert result.pushed == 1 and result.verified
    assert server.listing(listing["id"])["stock"] == 42
    assert_cache_equals_server(seller, server)


def test_a_cursor_older_than_the_horizon_resyncs_from_the_start(device, server):
    buyer, seller = device("demo-buyer"), device("demo-seller")
    buyer.sync(), seller.sync()
    listing = own_listings(seller)[0]
    seller.outbox.queue_retire(listing["id"], listing["version"])
    seller.sync()
    server.run("purge-tombstones", "--older-than-days", "0")
    result = buyer.sync()
    assert result.resynced and result.verified
    assert buyer.cache.listing(listing["id"]) is None
    assert_cache_equals_server(buyer, server)


def test_a_cancelled_sync_keeps_its_pages_and_goes_on_later(device, server):
    buyer = device("demo-buyer")
    engine = SyncEngine(buyer.session.api, buyer.cache, buyer.outbox, page_size=20)
    engine.on_progress = lambda progress: engine.cancel.set() if progress.phase == "pull" else None
    with pytest.raises(Cancelled):
        engine.run("demo-buyer")
    assert buyer.cache.count() == 20
    assert buyer.sync(page_size=20).upserts == result_total(server) - 20
    assert_cache_equals_server(buyer, server)


def result_total(server) -> int:
    return len(server.versions_seen_by("demo-buyer"))


@pytest.mark.parametrize("server_env", [{"GEMDESK_SERVER_ACCESS_TTL_SECONDS": "1"}])
def test_an_expired_access_token_is_refreshed_on_the_fly(device, server, secrets, keyring_backend):
    buyer = device("demo-buyer")
    first_refresh = buyer.session.api.tokens.refresh_token
    import time

    time.sleep(1.5)
    assert buyer.sync().verified
    assert buyer.session.api.tokens.refresh_token != first_refresh  # rotated
    assert list(keyring_backend.secrets.values()) == [buyer.session.api.tokens.refresh_token]


@pytest.mark.parametrize("server_env", [{"GEMDESK_SERVER_ACCESS_TTL_SECONDS": "1",
                                         "GEMDESK_SERVER_REFRESHED_ACCESS_GRACE_SECONDS": "0"}])
def test_two_programs_of_one_user_never_sign_each_other_out(device, server, secrets):
    """The app and `gemdesk sync` (or two windows) share the user's keyring: when one of them
    rotates the refresh token, the other takes the new one from the keyring instead of
    presenting its used one, which the server rightly treats as theft."""
    import time

    from app.account import sign_in

    app = device("demo-buyer")
    other = sign_in(ConnectionSettings(server_url=server.url), "demo-buyer", lambda: None, secrets)  # resumes
    time.sleep(1.5)  # both access tokens expire
    assert app.sync().verified, "the app was signed out by the other program's refresh"
    assert other.api.request("GET", "/api/v1/categories").ok
    assert app.sync().verified


def test_one_outbox_for_two_listings_keeps_their_order(tmp_path):
    outbox = Outbox(tmp_path)
    a = outbox.queue_create({"title": "A"}, submit=False)
    outbox.queue_update(a, {"title": "A2"}, False, None)  # joins the unsent create
    outbox.queue_retire("b", 3)
    ops = outbox.ops()
    assert [(o.kind, o.listing_id) for o in ops] == [("create", a), ("retire", "b")]
    assert ops[0].fields == {"title": "A2"}
