"""A seller's own catalogue on this computer (app/seller_catalogue.py) against a real server:
an edit shows at once, marked pending, and becomes synced, refused or a conflict."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from app.config import ClientSettings, ConnectionSettings
from app.credentials import SecretStore
from app.seller_catalogue import (SyncState, conflict_fields, my_listing, my_listings, problems, retire_listing,
                                  save_listing)
from app.workspace import Workspace
from tests.client.conftest import PASSWORD, MemoryKeyring

FAST = ConnectionSettings(connect_timeout=2, read_timeout=20, max_retries=1)
RETIRED_REASON = "A retired listing cannot be edited. Create a new listing instead."


@pytest.fixture
def desk(server, tmp_path):
    """desk(name) -> a Workspace of demo-seller, signed in and synced (each desk its own keyring)."""
    opened: list[Workspace] = []

    def open_(name: str = "desk-a") -> Workspace:
        folder = tmp_path / name
        ClientSettings(connection=FAST).save(folder)
        workspace = Workspace(folder, SecretStore(MemoryKeyring()))
        opened.append(workspace)
        workspace.sign_in(server.url, "demo-seller", PASSWORD)
        workspace.sync()
        return workspace

    yield open_
    for workspace in opened:
        workspace.close()


def firm_of(workspace: Workspace) -> int:
    return workspace.user["seller_firm"]["id"]


def published(workspace: Workspace, count: int = 1):
    """The first `count` published listings of the seller, as the seller sees them."""
    found = [item for item in my_listings(workspace.cache, workspace.outbox, firm_of(workspace)) if item.status == "published"]
    assert len(found) >= count
    return found[:count]


def shown(workspace: Workspace, listing_id: str):
    return my_listing(workspace.cache, workspace.outbox, listing_id)


def test_a_new_listing_shows_at_once_as_pending_then_synced(desk, server):
    a = desk()
    [model] = published(a)
    fields = {**model.fields, "title": "Zinc-coated steel almirah, 6 shelves", "model": "ZA-6", "stock": 9,
              "price_paise": model.fields["mrp_paise"] - 1}
    new_id = save_listing(a.cache, a.outbox, fields, submit=True)

    mine = shown(a, new_id)
    assert (mine.sync, mine.status, mine.version) == (SyncState.PENDING, "draft", None)
    assert mine.fields == fields and mine.title == "Zinc-coated steel almirah, 6 shelves"
    everything = my_listings(a.cache, a.outbox, firm_of(a))
    assert new_id in [item.id for item in everything]
    assert [item.title.casefold() for item in everything] == sorted(item.title.casefold() for item in everything)
    assert a.cache.listing(new_id) is None  # the server has not seen it yet

    assert a.sync().pushed == 1
    mine = shown(a, new_id)
    assert (mine.sync, mine.version, mine.retiring) == (SyncState.SYNCED, 1, False)
    on_server = server.listing(new_id)
    assert on_server["seller_firm_id"] == firm_of(a)
    assert {k: on_server[k] for k in ("title", "model", "stock", "price_paise")} == {
        "title": "Zinc-coated steel almirah, 6 shelves", "model": "ZA-6", "stock": 9, "price_paise": model.fields["mrp_paise"] - 1}
    assert mine.status == on_server["status"] != "draft"  # submitted
    assert mine.fields == fields
    assert mine.as_listing()["mii_class"] == a.cache.listing(new_id)["mii_class"]  # as the server classed it
    assert a.outbox.ops() == []


def test_an_edit_shows_pending_then_synced(desk, server):
    a = desk()
    [listing] = published(a)
    stock, price = listing.fields["stock"], listing.fields["price_paise"]
    # Saving the form unchanged queues nothing.
    assert save_listing(a.cache, a.outbox, listing.fields, listing_id=listing.id) == listing.id
    assert a.outbox.ops() == [] and shown(a, listing.id).sync == SyncState.SYNCED

    save_listing(a.cache, a.outbox, {**listing.fields, "stock": stock + 7}, listing_id=listing.id)
    mine = shown(a, listing.id)
    assert (mine.sync, mine.fields["stock"], mine.version) == (SyncState.PENDING, stock + 7, listing.version)
    assert a.cache.listing(listing.id)["stock"] == stock  # the server's copy is still the old one
    # A second edit before the sync joins the first: one change goes.
    save_listing(a.cache, a.outbox, {**mine.fields, "price_paise": price - 100}, listing_id=listing.id)
    mine = shown(a, listing.id)
    assert (mine.fields["stock"], mine.fields["price_paise"]) == (stock + 7, price - 100)
    assert len(a.outbox.ops()) == 1

    assert a.sync().pushed == 1
    mine = shown(a, listing.id)
    assert (mine.sync, mine.version) == (SyncState.SYNCED, listing.version + 1)
    assert (mine.fields["stock"], mine.fields["price_paise"]) == (stock + 7, price - 100)
    on_server = server.listing(listing.id)
    assert (on_server["stock"], on_server["price_paise"], on_server["version"]) == (stock + 7, price - 100, listing.version + 1)


def test_an_invalid_listing_is_refused_before_it_is_queued(desk):
    a = desk()
    [listing] = published(a)
    too_dear = {**listing.fields, "price_paise": listing.fields["mrp_paise"] + 1}
    assert problems(a.cache, too_dear) == {"price_paise": "offer price must not be above the MRP"}
    with pytest.raises(ValueError, match=r"price_paise: offer price must not be above the MRP"):
        save_listing(a.cache, a.outbox, too_dear, listing_id=listing.id)
    with pytest.raises(ValueError, match=r"title: is required"):
        save_listing(a.cache, a.outbox, {**listing.fields, "title": "  "})
    with pytest.raises(ValueError, match=r"category_id: is not a known category"):
        save_listing(a.cache, a.outbox, {**listing.fields, "category_id": 987654})
    category = next(c for c in a.cache.categories() if c["key_params"])
    param = category["key_params"][0]["name"]
    missing = {**listing.fields, "category_id": category["id"], "key_specs": {}}
    with pytest.raises(ValueError, match=rf"key_specs\.{param}: "):
        save_listing(a.cache, a.outbox, missing)
    with pytest.raises(ValueError, match="not in your catalogue"):
        save_listing(a.cache, a.outbox, listing.fields, listing_id="4b9f3c1e-0000-4000-8000-000000000000")
    assert a.outbox.ops() == []
    assert shown(a, listing.id).sync == SyncState.SYNCED and shown(a, listing.id).fields == listing.fields


def test_retire_shows_retiring_then_retired(desk, server):
    a = desk()
    [listing] = published(a)
    retire_listing(a.cache, a.outbox, listing.id)
    mine = shown(a, listing.id)
    assert (mine.retiring, mine.sync, mine.status) == (True, SyncState.PENDING, "published")
    retire_listing(a.cache, a.outbox, listing.id)  # a second click queues nothing more
    assert len(a.outbox.ops()) == 1

    assert a.sync().pushed == 1
    mine = shown(a, listing.id)
    assert (mine.retiring, mine.sync, mine.status) == (False, SyncState.SYNCED, "retired")
    assert server.listing(listing.id)["status"] == "retired"
    assert listing.id in [item.id for item in my_listings(a.cache, a.outbox, firm_of(a))]  # still in my catalogue


def test_a_refused_change_shows_the_servers_reason(desk, server):
    a, b = desk("desk-a"), desk("desk-b")
    listing, other = published(b, 2)
    stock = listing.fields["stock"]
    # Desk B edits without syncing; meanwhile desk A retires the same listing.
    save_listing(b.cache, b.outbox, {**listing.fields, "stock": stock + 5}, listing_id=listing.id)
    save_listing(b.cache, b.outbox, {**other.fields, "stock": other.fields["stock"] + 1}, listing_id=other.id)
    retire_listing(a.cache, a.outbox, listing.id)
    a.sync()
    assert server.listing(listing.id)["status"] == "retired"

    result = b.sync()
    assert result.rejected == 1
    mine = shown(b, listing.id)
    assert mine.sync == SyncState.REFUSED
    assert mine.refusal == RETIRED_REASON
    assert mine.status == "retired"  # what the server says now
    assert mine.fields["stock"] == stock + 5  # the seller's change is kept, not lost
    assert b.outbox.get(mine.refused_seq).listing_id == listing.id
    on_server = server.listing(listing.id)
    assert (on_server["status"], on_server["stock"]) == ("retired", stock)
    # Only that listing is held back: the other edit went.
    assert shown(b, other.id).sync == SyncState.SYNCED
    assert server.listing(other.id)["stock"] == other.fields["stock"] + 1
    # The seller drops the refused change: the server's copy stands.
    b.outbox.discard(mine.refused_seq)
    mine = shown(b, listing.id)
    assert (mine.sync, mine.fields["stock"], mine.refusal) == (SyncState.SYNCED, stock, None)


def test_a_conflict_lists_both_values_and_the_sellers_choice_reaches_the_server(desk, server):
    a, b = desk("desk-a"), desk("desk-b")
    price_listing, stock_listing = published(a, 2)
    price, stock = price_listing.fields["price_paise"], stock_listing.fields["stock"]
    save_listing(a.cache, a.outbox, {**price_listing.fields, "price_paise": price - 100}, listing_id=price_listing.id)
    save_listing(a.cache, a.outbox, {**stock_listing.fields, "stock": stock + 1}, listing_id=stock_listing.id)
    save_listing(b.cache, b.outbox, {**price_listing.fields, "price_paise": price - 200}, listing_id=price_listing.id)
    save_listing(b.cache, b.outbox, {**stock_listing.fields, "stock": stock + 2}, listing_id=stock_listing.id)
    assert a.sync().pushed == 2

    assert b.sync().conflicts == 2
    on_price, on_stock = shown(b, price_listing.id), shown(b, stock_listing.id)
    assert on_price.sync == on_stock.sync == SyncState.CONFLICT
    assert on_price.fields["price_paise"] == price - 200  # mine is what the seller sees
    assert conflict_fields(b.outbox.get(on_price.conflict_seq)) == [("price_paise", price - 200, price - 100)]
    assert conflict_fields(b.outbox.get(on_stock.conflict_seq)) == [("stock", stock + 2, stock + 1)]

    # Keep my price; take the other desk's stock.
    b.outbox.resolve_conflict(on_price.conflict_seq, keep_mine={"price_paise"})
    b.outbox.resolve_conflict(on_stock.conflict_seq, keep_mine=set())
    assert shown(b, price_listing.id).sync == SyncState.PENDING
    taken = shown(b, stock_listing.id)
    assert (taken.sync, taken.fields["stock"]) == (SyncState.SYNCED, stock + 1)
    stock_version = server.listing(stock_listing.id)["version"]

    assert b.sync().pushed == 1
    assert shown(b, price_listing.id).sync == SyncState.SYNCED
    assert server.listing(price_listing.id)["price_paise"] == price - 200
    assert (server.listing(stock_listing.id)["stock"], server.listing(stock_listing.id)["version"]) == (stock + 1, stock_version)
    a.sync()
    assert shown(a, price_listing.id).fields["price_paise"] == price - 200
    assert a.cache.versions() == b.cache.versions() == server.versions_seen_by("demo-seller")


def test_a_field_the_edit_has_no_base_for_is_asked_about_not_overwritten(desk, server):
    """An edit queued without the field's base value (an older version's queue, or a listing
    the cache never held) cannot tell who changed that field: the push and the conflict
    window both ask the seller (the push used to send it over the other desk's change)."""
    a, b = desk("desk-a"), desk("desk-b")
    [listing] = published(a)
    price = listing.fields["price_paise"]
    save_listing(a.cache, a.outbox, {**listing.fields, "price_paise": price - 100}, listing_id=listing.id)
    [seq] = [op.seq for op in a.outbox.ops()]
    with a.outbox.engine.begin() as conn:  # the queue row as an older version wrote it: no base for the price
        base = json.loads(conn.execute(text("SELECT base FROM ops WHERE seq = :s"), {"s": seq}).scalar_one())
        del base["price_paise"]
        conn.execute(text("UPDATE ops SET base = :b WHERE seq = :s"), {"b": json.dumps(base), "s": seq})
    save_listing(b.cache, b.outbox, {**listing.fields, "price_paise": price - 200}, listing_id=listing.id)
    assert b.sync().pushed == 1

    assert a.sync().conflicts == 1
    assert server.listing(listing.id)["price_paise"] == price - 200  # the other desk's price stands
    conflict = a.outbox.get(shown(a, listing.id).conflict_seq)
    assert conflict_fields(conflict) == [("price_paise", price - 100, price - 200)]
