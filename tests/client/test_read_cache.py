"""Reads kept for offline use (app/read_cache.py): the copy survives a restart, is shown with
its time when the marketplace cannot be reached, is never one user's shown to another, and
never hides a refusal. The last tests go through a real server: a seller's bids for them
are read, the server goes away, and the same desktop (and the next start of it) still
reads them."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import text

from app.account import PasswordNeeded
from app.api import ApiError, Offline, SessionExpired
from app.cache import Cache
from app.config import ClientSettings, ConnectionSettings
from app.procurement import Procurement
from app.read_cache import BIDS_KEY, Cached, ReadCache, bid_key
from app.workspace import Workspace
from domain.timefmt import parse_iso, utc_now
from tests.client.conftest import PASSWORD

FAST = ConnectionSettings(connect_timeout=2, read_timeout=20, max_retries=1)
BIDS = [{"id": "b1", "title": "Steel almirahs", "estimated_value_paise": 7_20_000_00,
         "items": [{"name": "Almirah", "consignees": [{"district": "Raipur", "quantity": 40, "delivery_days": 30}]}]}]


class Owner:
    """Who is signed in, as the workspace would say it."""

    def __init__(self, who: str | None = "demo-seller@http://gem.test") -> None:
        self.who = who

    def __call__(self) -> str | None:
        return self.who


def offline() -> None:
    raise Offline("The marketplace server at http://gem.test cannot be reached (connection refused).")


@pytest.fixture
def cache(tmp_path):
    opened = Cache(tmp_path / "desk")
    yield opened
    opened.close()


def test_a_read_is_kept_and_survives_reopening_the_file(tmp_path, cache):
    reads = ReadCache(cache, Owner())
    before = utc_now()
    answer = reads.fetch(BIDS_KEY, lambda: BIDS)
    assert answer.live and answer.data == BIDS and answer.fetched_at >= before and answer.problem == ""
    cache.close()

    again = Cache(tmp_path / "desk")  # the app started again
    try:
        copy = ReadCache(again, Owner()).stored(BIDS_KEY)
        assert copy == Cached(BIDS, answer.fetched_at, live=False)
    finally:
        again.close()


def test_offline_the_stored_copy_comes_back_with_its_time(cache):
    reads = ReadCache(cache, Owner())
    first = reads.fetch(BIDS_KEY, lambda: BIDS)
    shown = reads.fetch(BIDS_KEY, offline)
    assert not shown.live and shown.data == BIDS and shown.fetched_at == first.fetched_at
    assert "cannot be reached" in shown.problem
    # No session yet (an offline start) and a failing server count as "cannot answer now" too.
    for trouble in (PasswordNeeded("Sign in to reach the marketplace."),
                    ApiError(503, "unavailable", "The marketplace is down for maintenance.")):
        def failing(trouble=trouble):
            raise trouble
        assert reads.fetch(BIDS_KEY, failing).data == BIDS
    # A newer answer replaces the copy.
    newer = [dict(BIDS[0], title="Steel almirahs, 6 shelves")]
    assert reads.fetch(BIDS_KEY, lambda: newer).live
    assert reads.fetch(BIDS_KEY, offline).data == newer


def test_offline_without_a_copy_says_so(cache):
    with pytest.raises(Offline):
        ReadCache(cache, Owner()).fetch(bid_key("never-read"), offline)


@pytest.mark.parametrize("status", [403, 404])
def test_a_refusal_is_raised_not_masked_and_the_copy_goes(cache, status):
    reads = ReadCache(cache, Owner())
    reads.fetch(bid_key("b1"), lambda: BIDS[0])

    def refused():
        raise ApiError(status, "forbidden" if status == 403 else "not_found", "It is not one you may see.")
    with pytest.raises(ApiError) as raised:
        reads.fetch(bid_key("b1"), refused)
    assert raised.value.status == status
    assert reads.stored(bid_key("b1")) is None  # not shown offline later either
    with pytest.raises(Offline):
        reads.fetch(bid_key("b1"), offline)


def test_an_ended_session_and_a_bad_request_are_raised_and_the_copy_kept(cache):
    reads = ReadCache(cache, Owner())
    reads.fetch(BIDS_KEY, lambda: BIDS)
    for error in (SessionExpired(401, "unauthenticated", "Please sign in again."),
                  ApiError(422, "validation_failed", "district: too long")):
        def failing(error=error):
            raise error
        with pytest.raises(ApiError):
            reads.fetch(BIDS_KEY, failing)
    assert reads.stored(BIDS_KEY).data == BIDS


def test_of_two_reads_finishing_out_of_order_the_later_answer_is_kept(cache, monkeypatch):
    """A sync and a window read the same list; the one asked first may be written last."""
    import app.read_cache as read_cache

    later, earlier = utc_now(), utc_now() - timedelta(seconds=5)
    reads = ReadCache(cache, Owner())
    monkeypatch.setattr(read_cache, "utc_now", lambda: later)
    reads.put(BIDS_KEY, ["the later answer"])
    monkeypatch.setattr(read_cache, "utc_now", lambda: earlier)
    reads.put(BIDS_KEY, ["the earlier answer"])
    assert reads.stored(BIDS_KEY) == Cached(["the later answer"], later, live=False)


def test_one_users_reads_are_never_shown_to_another(cache):
    seller, other = Owner("demo-seller@http://gem.test"), Owner("demo-buyer@http://gem.test")
    ReadCache(cache, seller).fetch(BIDS_KEY, lambda: BIDS)
    theirs = ReadCache(cache, other)
    assert theirs.stored(BIDS_KEY) is None
    with pytest.raises(Offline):
        theirs.fetch(BIDS_KEY, offline)
    assert ReadCache(cache, Owner(None)).stored(BIDS_KEY) is None  # nobody signed in: nothing
    theirs.adopt(other.who)  # the other user signs in on this computer: the seller's reads go
    assert ReadCache(cache, seller).stored(BIDS_KEY) is None


def test_a_cache_file_from_before_the_table_gets_it(tmp_path, cache):
    with cache.engine.begin() as conn:
        conn.execute(text("DROP TABLE reads"))
    cache.close()
    again = Cache(tmp_path / "desk")
    try:
        reads = ReadCache(again, Owner())
        reads.fetch(BIDS_KEY, lambda: BIDS)
        assert reads.stored(BIDS_KEY).data == BIDS
        again.rebuild()  # a rebuilt cache (corrupt file moved aside) starts empty, with the table
        assert reads.stored(BIDS_KEY) is None
        reads.fetch(BIDS_KEY, lambda: BIDS)
        assert reads.stored(BIDS_KEY).data == BIDS
    finally:
        again.close()


# -- through a real server -------------------------------------------------------------------------


@pytest.fixture
def open_workspace(tmp_path, secrets):
    opened: list[Workspace] = []

    def open_(name: str) -> Workspace:
        folder = tmp_path / name
        if not (folder / "settings.json").exists():
            ClientSettings(connection=FAST).save(folder)
        workspace = Workspace(folder, secrets)
        opened.append(workspace)
        return workspace

    yield open_
    for workspace in opened:
        workspace.close()


def publish_bid(open_workspace, server, title: str, district: str) -> str:
    """A bid in a category where the demo seller has a listing, published by the office."""
    category = server.query("SELECT l.category_id FROM listings l JOIN users u ON u.seller_firm_id = l.seller_firm_id "
                            "WHERE u.username = 'demo-seller' AND l.status = 'published' LIMIT 1")[0][0]
    clerk = open_workspace("clerk")
    clerk.sign_in(server.url, "demo-buyer", PASSWORD)
    end = parse_iso(clerk.api().get("/api/v1/time")["now"]) + timedelta(days=12)
    bid_id = clerk.procurement.draft_bid({
        "title": title, "estimated_value_paise": 7_20_000_00, "end_at": end.isoformat(), "min_offers": 1,
        "items": [{"id": "1", "name": "Steel almirah", "category_id": category, "key_specs": {},
                   "consignees": [{"district": district, "quantity": 40, "delivery_days": 30}]}]})
    clerk.procurement.send_for_approval(bid_id)
    clerk.sync()
    officer = open_workspace("officer")
    officer.sign_in(server.url, "demo-approver", PASSWORD)
    officer.procurement.approve(bid_id, 2, "ok")
    officer.sync()
    return bid_id


def test_a_sellers_bids_read_offline_now_and_after_a_restart(open_workspace, server):
    title = f"Steel almirahs {uuid.uuid4().hex[:6]}"
    bid_id = publish_bid(open_workspace, server, title, "Raipur")
    seller = open_workspace("seller")
    seller.sign_in(server.url, "demo-seller", PASSWORD)
    seller.sync()  # the sync keeps the bids list too, before the Bids tab was ever opened
    kept = seller.reads.stored(BIDS_KEY)
    assert kept is not None and title in [bid["title"] for bid in kept.data]
    detail = seller.reads.fetch(bid_key(bid_id), lambda: Procurement.bid(seller.api(), bid_id))
    assert detail.live and detail.data["items"][0]["consignees"][0]["district"] == "Raipur"
    # A bid the seller may not see is refused by the marketplace, and the refusal shows.
    with pytest.raises(ApiError) as refused:
        seller.reads.fetch(bid_key(str(uuid.uuid4())), lambda: Procurement.bid(seller.api(), str(uuid.uuid4())))
    assert refused.value.status == 404

    server.stop()
    offline_list = seller.reads.fetch(BIDS_KEY, lambda: Procurement.bids(seller.api()))
    assert not offline_list.live and title in [bid["title"] for bid in offline_list.data]
    seller.close()

    again = open_workspace("seller")  # the next start, still offline: no session at all
    with pytest.raises(Offline):
        again.resume()
    assert again.session is None
    copy = again.reads.fetch(bid_key(bid_id), lambda: Procurement.bid(again.api(), bid_id))
    assert not copy.live and copy.data["title"] == title and copy.fetched_at == detail.fetched_at
    assert again.reads.fetch(BIDS_KEY, lambda: Procurement.bids(again.api())).data == offline_list.data

    # Another user signing in on this computer never sees the seller's copies.
    server.start()
    again.sign_in(server.url, "demo-buyer", PASSWORD)
    assert again.reads.stored(bid_key(bid_id)) is None
    sellers = ReadCache(again.cache, Owner(f"demo-seller@{server.url}"))
    assert sellers.stored(BIDS_KEY) is None and sellers.stored(bid_key(bid_id)) is None  # dropped, not just hidden
