"""Reverse auctions through the API with a controlled server clock: scheduled from a bid after
its prices are opened, bids checked and ordered by the server, the auto-extension, the close
by the scheduled step with the savings, what each seller may see, the event log's resume,
and bids arriving at once from many threads."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import requests
from sqlalchemy import select

from domain.auction import AuctionState, accept
from domain.bid_json import bid_from_json
from domain.evaluation import evaluate
from domain.timefmt import iso_utc, parse_iso, utc_now
from server.api.routes.auctions import STREAM_REREAD_SECONDS
from server.db.models import Auction, User
from server.db.trail import SYSTEM, act_as
from server.services import schedule
from server.services.auctions import BidRequest, rules_of, take_bids
from server.services.caller import Caller
from tests.conftest import free_port
from tests.server.conftest import PASSWORD
from tests.server.test_bids import Procurement, _error, _to_opening

STEP = 1_000_00  # the decrement: Rs 1,000 on the whole bid
START = 20 * 70_000_00  # the bid stage's L1: seller C at Rs 70,000 a laptop, 20 laptops


@pytest.fixture
def p(market) -> Procurement:
    return Procurement(market)


def _opened_bid(p: Procurement, **overrides) -> dict:
    """Four offers, opened: C is L1, D and A follow, B (an MSE) is H1 and far above."""
    bid = p.published(ra_enabled=True, ra_rule="h1_elimination", **overrides)
    for user, price in (("seller-c", 70_000), ("seller-d", 71_000), ("seller-a", 72_000), ("seller-b", 90_000)):
        assert p.offer(user, bid, price).status_code == 200
    opened = _to_opening(p, bid)
    assert opened["status"] == "financial_evaluation"
    return opened


def _params(p: Procurement, **overrides) -> dict:
    start = p.clock.now + timedelta(hours=1)
    body = {"start_at": iso_utc(start), "end_at": iso_utc(start + timedelta(hours=1)),
            "decrement": {"kind": "amount", "value": STEP}, "visibility": "rank",
            "extension_window_seconds": 120, "extension_length_seconds": 300, "max_extensions": 2}
    body.update(overrides)
    return body


def _schedule(p: Procurement, bid: dict, user: str = "buyer", **overrides):
    return p.client.post(f"/api/v1/bids/{bid['id']}/auction", json=_params(p, **overrides), headers=p.h(user))


def _auction(p: Procurement, **overrides) -> dict:
    response = _schedule(p, _opened_bid(p), **overrides)
    assert response.status_code == 201, response.text
    return response.json()


def _bid(p: Procurement, user: str, auction: dict, price: int, key: str | None = None):
    return p.client.post(f"/api/v1/auctions/{auction['id']}/bids", json={"price_paise": price},
                         headers={**p.h(user), "Idempotency-Key": key or str(uuid.uuid4())})


def _get(p: Procurement, user: str, auction: dict, path: str = "", **params):
    response = p.client.get(f"/api/v1/auctions/{auction['id']}{path}", params=params, headers=p.h(user))
    assert response.status_code == 200, response.text
    return response.json()


def _at(text: str) -> datetime:
    return parse_iso(text)


def _start(p: Procurement, auction: dict, seconds: float = 0) -> None:
    p.clock.now = _at(auction["start_at"]) + timedelta(seconds=seconds)


def _s(p: Procurement, user: str) -> str:
    """The seller's bidder id, by its user's name."""
    firm = {"seller-a": "firm_a", "seller-b": "firm_b"}.get(user, user)
    return f"S{p.market.ids[firm]}"


# --- scheduling ---------------------------------------------------------------------------


def test_an_auction_is_scheduled_from_the_bid_with_its_rules_bidders_and_start_price(p):
    bid = _opened_bid(p)
    response = _schedule(p, bid)
    assert response.status_code == 201, response.text
    auction = response.json()
    assert auction["number"].startswith("GEM/2026/R/") and auction["bid_id"] == bid["id"]
    assert auction["status"] == "scheduled" and auction["extensions"] == 0
    assert auction["server_time"] == iso_utc(p.clock.now)
    rules = auction["rules"]
    assert rules["start_price_paise"] == START
    assert rules["decrement"]["kind"] == "amount" and rules["decrement"]["paise"] == STEP
    assert (rules["visibility"], rules["extension_window_seconds"], rules["extension_length_seconds"],
            rules["max_extensions"]) == ("rank", 120, 300, 2)
    # H1 elimination with four sellers: B (H1, an MSE but 28% above L1) is out.
    assert auction["bidders"] == 3
    assert rules["qualification"]["rule"] == "h1_elimination"
    assert any("eliminated" in reason for reason in rules["qualification"]["reasons"])
    assert auction["ranking"] == [] and auction["l1"] is None and auction["kept_preference"] == []
    with p.market.db.reading() as session:
        row = session.get(Auction, auction["id"])
        assert sorted(row.bidders) == sorted(_s(p, n) for n in ("seller-a", "seller-c", "seller-d"))
    # The parameters are in the audit trail, and the bid's timeline says it went to auction.
    trail = p.client.get("/api/v1/audit", params={"entity_type": "auction", "entity_id": auction["id"]},
                         headers=p.h("admin")).json()["events"]
    assert [e["action"] for e in trail] == ["auction.scheduled"]
    history = p.get("buyer", bid, "/history").json()["events"]
    assert history[-1]["action"] == "reverse auction scheduled"
    # One auction per bid.
    _error(_schedule(p, bid), 409, "already_exists")
    # The buyer's list has it; the eliminated seller sees it too, and that it did not qualify.
    listed = p.client.get("/api/v1/auctions", headers=p.h("buyer")).json()["auctions"]
    assert [a["id"] for a in listed] == [auction["id"]]
    b_view = p.client.get("/api/v1/auctions", headers=p.h("seller-b")).json()["auctions"]
    assert [a["me"]["qualified"] for a in b_view] == [False]


def test_only_the_buyer_of_the_office_schedules_and_only_a_bid_that_allows_it(p):
    bid = _opened_bid(p)
    for user in ("approver", "seller-c", "admin"):
        _error(_schedule(p, bid, user=user), 403, "forbidden")
    plain = p.published()
    for user, price in (("seller-c", 70_000), ("seller-d", 71_000), ("seller-a", 72_000)):
        p.offer(user, plain, price)
    _error(_schedule(p, _to_opening(p, plain)), 409, "ra_not_allowed")


@pytest.mark.parametrize("overrides, fields", [
    ({"start_at": "tomorrow"}, {"start_at"}),
    ({"end_at": None}, {"end_at"}),
    ({"decrement": {"kind": "ratio", "value": 5}}, {"decrement.kind"}),
    ({"decrement": {"kind": "amount", "value": START}}, {"decrement.value"}),
    ({"visibility": "everything", "max_extensions": -1}, {"visibility", "max_extensions"}),
    ({"extension_window_seconds": "2m"}, {"extension_window_seconds"}),
    ({"visibility": ["rank"], "decrement": {"kind": ["amount"], "value": 1}}, {"visibility", "decrement.kind"}),
    ({"decrement": 5}, {"decrement"}),
    ({"start_price_paise": START + 1}, {"start_price_paise"}),
    ({"colour": "red"}, {"colour"}),
])
def test_bad_parameters_are_named(p, overrides, fields):
    response = _schedule(p, _opened_bid(p), **overrides)
    error = _error(response, 422, "validation_failed")
    assert set(error["fields"]) == fields, error


def test_an_end_before_the_start_and_a_start_in_the_past_are_named(p):
    bid = _opened_bid(p)
    start = p.clock.now + timedelta(hours=1)
    error = _error(_schedule(p, bid, start_at=iso_utc(start), end_at=iso_utc(start - timedelta(minutes=1))), 422,
                   "validation_failed")
    assert set(error["fields"]) == {"end_at"}
    error = _error(_schedule(p, bid, start_at=iso_utc(p.clock.now - timedelta(minutes=5))), 422, "validation_failed")
    assert set(error["fields"]) == {"start_at"}


# --- bidding ------------------------------------------------------------------------------


def test_every_refusal_reaches_the_seller_as_a_409_with_its_code(p):
    auction = _auction(p)
    _error(_bid(p, "seller-c", auction, START - STEP), 409, "not_started")
    _start(p, auction)
    _error(_bid(p, "seller-b", auction, START - STEP), 409, "not_qualified")  # eliminated as H1
    _error(_bid(p, "seller-c", auction, START), 409, "not_below_start")
    _error(_bid(p, "seller-c", auction, START - STEP + 1), 409, "decrement")
    assert _bid(p, "seller-c", auction, START - STEP).status_code == 201
    _error(_bid(p, "seller-c", auction, START - STEP - 1), 409, "decrement")  # one step below its own last
    _error(_bid(p, "seller-d", auction, START - STEP), 409, "tie_with_l1")
    error = _error(_bid(p, "seller-d", auction, 0), 422, "validation_failed")
    assert set(error["fields"]) == {"price_paise"}
    _error(_bid(p, "buyer", auction, START - 5 * STEP), 403, "forbidden")
    p.clock.now = _at(auction["ends_at"])
    _error(_bid(p, "seller-d", auction, START - 5 * STEP), 409, "ended")  # the end is exclusive
    schedule_step(p)
    _error(_bid(p, "seller-d", auction, START - 5 * STEP), 409, "ended")
    # Only the one accepted bid is stored.
    assert [b["price_paise"] for b in _get(p, "buyer", auction)["bids"]] == [START - STEP]


def schedule_step(p: Procurement) -> list[str]:
    """The server's scheduled step, as its clockwork runs it (the bids' and orders' too)."""
    return schedule.run_step(p.market.db, p.clock)


def test_accepted_bids_take_consecutive_seqs_and_server_time_and_a_retry_does_not_bid_twice(p):
    auction = _auction(p)
    _start(p, auction, 10)
    seqs = []
    for user, price in (("seller-c", START - STEP), ("seller-d", START - 3 * STEP), ("seller-a", START - 2 * STEP)):
        p.clock.now += timedelta(seconds=7)
        response = _bid(p, user, auction, price)
        assert response.status_code == 201, response.text
        answer = response.json()
        assert answer["accepted"]["at"] == iso_utc(p.clock.now) and answer["extended"] is False
        seqs.append(answer["accepted"]["seq"])
    assert seqs == [1, 2, 3]
    # The same request again (an answer lost on the way): the first answer, no second bid.
    key = str(uuid.uuid4())
    first = _bid(p, "seller-c", auction, START - 4 * STEP, key=key)
    again = _bid(p, "seller-c", auction, START - 4 * STEP, key=key)
    assert first.status_code == again.status_code == 201 and first.json() == again.json()
    buyer = _get(p, "buyer", auction)
    assert [b["seq"] for b in buyer["bids"]] == [1, 2, 3, 4]
    names = {r["bidder"] for r in buyer["ranking"]}
    assert names == {"Bidder 1", "Bidder 2", "Bidder 3"}
    assert [r["price_paise"] for r in buyer["ranking"]] == [START - 4 * STEP, START - 3 * STEP, START - 2 * STEP]
    assert buyer["l1"]["price_paise"] == START - 4 * STEP and buyer["status"] == "live"


def test_a_key_sent_again_with_another_price_is_refused_and_takes_no_bid(p):
    auction = _auction(p)
    _start(p, auction, 10)
    key = str(uuid.uuid4())
    assert _bid(p, "seller-c", auction, START - STEP, key=key).status_code == 201
    _error(_bid(p, "seller-c", auction, START - 2 * STEP, key=key), 422, "idempotency_key_reused")
    assert [b["price_paise"] for b in _get(p, "buyer", auction)["bids"]] == [START - STEP]


def test_bids_taken_in_one_batch_are_checked_in_order_each_answered_and_audited_as_its_bidder(p):
    """What server/services/bid_queue.py hands take_bids when bids arrive together: each is
    checked after the ones before it (D's tie with C's new L1 is refused), each gets its own
    answer, the same key twice is one bid, and the trail names each bid's own bidder."""
    auction = _auction(p)
    _start(p, auction, 10)
    callers = {}
    with p.market.db.reading() as session:
        for user in ("seller-c", "seller-d"):
            row = session.scalars(select(User).where(User.username == user)).one()
            callers[user] = Caller(row.id, row.username, row.role, None, row.seller_firm_id)
    at = p.clock.now
    requests = [BidRequest(callers["seller-c"], START - 3 * STEP, at, "k1", "h1"),
                BidRequest(callers["seller-d"], START - 3 * STEP, at + timedelta(milliseconds=1), "k2", "h2"),
                BidRequest(callers["seller-d"], START - 5 * STEP, at + timedelta(milliseconds=2), "k3", "h3"),
                BidRequest(callers["seller-d"], START - 5 * STEP, at + timedelta(milliseconds=3), "k3", "h3")]
    with p.market.db.writing() as session:
        take_bids(session, auction["id"], requests)
    c, d_tie, d, d_again = requests
    assert c.answer["accepted"]["seq"] == 1 and d.answer["accepted"]["seq"] == 2
    assert d_tie.error.code == "tie_with_l1" and d_tie.answer is None
    assert d_again.answer == d.answer and d_again.status == 201
    assert d.answer["auction"]["me"]["my_rank"] == 1 and c.answer["auction"]["me"]["my_rank"] == 1  # at their time
    trail = p.client.get("/api/v1/audit", params={"entity_type": "auction_bid"}, headers=p.h("admin")).json()["events"]
    assert [(e["action"], e["actor_username"]) for e in trail[-2:]] == [("auction.bid", "seller-c"),
                                                                      ("auction.bid", "seller-d")]
    # A key already answered replays under the lock, in any later batch: no second bid.
    again = BidRequest(callers["seller-d"], START - 5 * STEP, at + timedelta(seconds=1), "k3", "h3")
    with p.market.db.writing() as session:
        take_bids(session, auction["id"], [again])
    assert again.answer == d.answer
    assert [b["seq"] for b in _get(p, "buyer", auction)["bids"]] == [1, 2]


def test_a_bid_in_the_window_extends_the_end_up_to_the_cap(p):
    auction = _auction(p)  # window 120 s, length 300 s, at most 2
    end = _at(auction["ends_at"])
    p.clock.now = end - timedelta(seconds=121)
    assert _bid(p, "seller-c", auction, START - STEP).json()["extended"] is False
    p.clock.now = end - timedelta(seconds=120)  # the window's edge counts
    answer = _bid(p, "seller-d", auction, START - 2 * STEP).json()
    assert answer["extended"] is True and _at(answer["auction"]["ends_at"]) == end + timedelta(seconds=300)
    p.clock.now = end + timedelta(seconds=299)
    answer = _bid(p, "seller-a", auction, START - 3 * STEP).json()
    assert answer["extended"] is True and _at(answer["auction"]["ends_at"]) == end + timedelta(seconds=600)
    assert answer["auction"]["extensions"] == 2
    p.clock.now = end + timedelta(seconds=599)
    answer = _bid(p, "seller-c", auction, START - 4 * STEP).json()
    assert answer["extended"] is False and _at(answer["auction"]["ends_at"]) == end + timedelta(seconds=600)
    # The step before the moved end leaves it running; the scheduled end is unchanged.
    assert schedule_step(p) == []
    buyer = _get(p, "buyer", auction)
    assert buyer["status"] == "live" and buyer["rules"]["scheduled_end_at"] == auction["ends_at"]
    kinds = [e["kind"] for e in _get(p, "buyer", auction, "/events")["events"]]
    assert kinds == ["scheduled", "accepted", "accepted", "extended", "accepted", "extended", "accepted"]


def test_the_step_closes_the_auction_with_its_savings_once(p):
    auction = _auction(p, visibility="rank_and_l1")
    _start(p, auction, 60)
    assert _bid(p, "seller-d", auction, START - 10 * STEP).status_code == 201
    assert _bid(p, "seller-c", auction, START - 25 * STEP).status_code == 201
    p.clock.now = _at(auction["ends_at"])
    bid_number = p.get("buyer", {"id": auction["bid_id"]}).json()["number"]
    assert schedule_step(p) == [f"{auction['number']} closed with 2 bid(s)",
                                f"{bid_number} evaluated again at the prices of {auction['number']}"]
    assert schedule_step(p) == []  # idempotent
    buyer = _get(p, "buyer", auction)
    assert buyer["status"] == "closed"
    result = buyer["result"]
    final = START - 25 * STEP
    assert result["l1_price_paise"] == final and result["l1"]["price_paise"] == final
    estimated = 20 * 80_000_00
    assert result["savings"] == [
        {"reference": "start price", "reference_paise": START, "saved_paise": 25 * STEP,
         "saved_bp": round(25 * STEP * 10_000 / START)},
        {"reference": "estimated value", "reference_paise": estimated, "saved_paise": estimated - final,
         "saved_bp": round((estimated - final) * 10_000 / estimated)}]
    # After the close the office learns who is who, for the award.
    c_alias = next(alias for alias, who in buyer["sellers"].items() if who["seller_id"] == p.market.ids["seller-c"])
    assert result["l1"]["bidder"] == c_alias
    closed = _get(p, "buyer", auction, "/events")["events"][-1]
    assert closed["kind"] == "closed" and closed["result"]["l1_price_paise"] == final
    # The seller sees its own rank and, in this mode, the L1 price; never who.
    seller = _get(p, "seller-d", auction)
    assert seller["status"] == "closed" and seller["result"]["my_rank"] == 2
    assert seller["result"]["l1_price_paise"] == final and "sellers" not in seller
    trail = p.client.get("/api/v1/audit", params={"entity_type": "auction", "entity_id": auction["id"]},
                         headers=p.h("admin")).json()["events"]
    assert [e["action"] for e in trail] == ["auction.scheduled", "auction.closed"]


def _answer_match(p: Procurement, user: str, bid: dict, accept: bool = True):
    return p.client.post(f"/api/v1/bids/{bid['id']}/matches/all", json={"accept": accept}, headers=p.h(user))


def test_after_the_close_the_bid_is_evaluated_at_the_auctions_prices_and_awarded_with_the_preferences(p):
    # C (large) is L1 at Rs 70,000 a laptop; D and A (an MSE, but a trader) follow; B, an MSE
    # manufacturer, is H1 at Rs 79,000, inside L1 + 15% (Rs 80,500): eliminated from the auction,
    # it keeps its purchase-preference rights. B is invited at the bid stage and accepts.
    bid = p.published(ra_enabled=True, ra_rule="h1_elimination")
    for user, price in (("seller-c", 70_000), ("seller-d", 71_000), ("seller-a", 72_000), ("seller-b", 79_000)):
        assert p.offer(user, bid, price).status_code == 200
    bid = _to_opening(p, bid)
    c, b = _s(p, "seller-c"), _s(p, "seller-b")
    assert [w["seller"] for w in p.get("buyer", bid, "/evaluation").json()["waiting_for"]] == [b]
    assert _answer_match(p, "seller-b", bid).status_code == 200
    response = _schedule(p, p.get("buyer", bid).json())
    assert response.status_code == 201, response.text
    auction = response.json()
    assert auction["kept_preference"] == [b] and auction["bidders"] == 3  # B out, with its rights

    # While the auction runs: no award, no answers to invitations, and a seller sees none.
    _error(p.post("buyer", p.get("buyer", bid).json(), "award"), 409, "auction_open")
    _error(_answer_match(p, "seller-b", bid), 409, "auction_open")
    seller_view = p.get("seller-b", bid, "/evaluation").json()
    assert seller_view["invitations"] == [] and seller_view["awards"] == []
    assert seller_view["reverse_auction"] == {"id": auction["id"], "number": auction["number"], "closed": False}
    negotiation = p.client.post(f"/api/v1/bids/{bid['id']}/negotiations", json={"lot": "all"},
                                headers=p.h("buyer", p.get("buyer", bid).json()["version"]))
    _error(negotiation, 409, "went_to_auction")

    _start(p, auction, 60)
    assert _bid(p, "seller-d", auction, START - 10 * STEP).status_code == 201
    assert _bid(p, "seller-c", auction, START - 25 * STEP).status_code == 201
    p.clock.now = _at(auction["ends_at"])
    schedule_step(p)

    # Evaluated again: C is L1 at its last bid, Rs 13,75,000 (Rs 68,750 a laptop); A, who never bid,
    # keeps its bid-stage price; B is invited again at the new L1 price (its earlier answer was for
    # the bid stage's price), though it is far outside L1 + 15% now.
    final = START - 25 * STEP
    result = p.get("buyer", bid, "/evaluation").json()
    [lot] = result["evaluation"]["lots"]
    assert lot["l1"] == c and lot["l1_price_paise"] == final
    assert [(r["seller"], r["lot_price_paise"]) for r in lot["ranking"]] == [
        (c, final), (_s(p, "seller-d"), START - 10 * STEP), (_s(p, "seller-a"), 20 * 72_000_00), (b, 20 * 79_000_00)]
    assert lot["ranking"][3]["keeps_mse_preference"] is True
    due = p.clock.now + timedelta(hours=72)  # invited again at the close, with a new deadline
    assert lot["mse_band"]["matched"] == [b] and result["waiting_for"] == [{"seller": b, "lot": "all",
                                                                            "due_at": iso_utc(due)}]
    assert result["reverse_auction"]["closed"] is True
    invitation = p.get("seller-b", bid, "/evaluation").json()["invitations"]
    assert [(i["lot"], i["l1_price_paise"], i["answer"], i["due_at"]) for i in invitation] == [
        ("all", final, None, iso_utc(due))]

    bid = p.get("buyer", bid).json()
    _error(p.post("buyer", bid, "award"), 409, "waiting_for_match")
    assert _answer_match(p, "seller-b", bid).status_code == 200
    orders = p.post("buyer", p.get("buyer", bid).json(), "award").json()["orders"]
    lines = {o["seller_id"]: [(x["quantity"], x["unit_price_paise"], x["rule"]) for x in o["lines"]] for o in orders}
    assert lines == {p.market.ids["seller-c"]: [(15, 68_750_00, "L1")],
                     p.market.ids["firm_b"]: [(5, 68_750_00, "MSE_MATCH")]}

    # The office's timeline has the auction; a seller's public one does not show the prices.
    events = p.get("buyer", bid, "/history").json()["events"]
    closed = next(e for e in events if e["action"] == "reverse auction closed")
    assert closed["role"] == "system" and "final L1 Rs 13,75,000.00" in closed["note"]
    assert "saved Rs 25,000.00 (1.79%) against the start price" in closed["note"]
    public = [e["action"] for e in p.get("seller-b", bid, "/history").json()["events"]]
    assert public == ["published", "closed", "opened", "awarded"]

    # An auditor re-checks the award from the export alone: the auction's prices and B's kept rights.
    exported = p.get("buyer", bid, "/audit-export").json()
    assert {o["seller"]: o["unit_prices_paise"]["LAPTOP"] for o in exported["offers"]} == {
        c: 68_750_00, _s(p, "seller-d"): (START - 10 * STEP) // 20, _s(p, "seller-a"): 72_000_00, b: 79_000_00}
    assert [o.get("keeps_mse_preference", False) for o in exported["offers"] if o["seller"] == b] == [True]
    again = evaluate(*bid_from_json(exported))
    assert [(x.seller, x.quantity, x.unit_price_paise) for x in again.lines] == [(c, 15, 68_750_00), (b, 5, 68_750_00)]


def test_a_reverse_auction_from_the_start_takes_every_qualified_seller_and_awards_only_after_it(p):
    bid = p.published(ra_enabled=True, ra_rule="direct")
    assert bid["number"].startswith("GEM/2026/RA/")
    for user, price in (("seller-c", 70_000), ("seller-d", 71_000), ("seller-a", 72_000), ("seller-b", 90_000)):
        assert p.offer(user, bid, price).status_code == 200
    bid = _to_opening(p, bid)
    _error(p.post("buyer", bid, "award"), 409, "auction_required")
    assert p.get("seller-b", bid, "/evaluation").json()["invitations"] == []  # nothing to answer before it
    negotiation = p.client.post(f"/api/v1/bids/{bid['id']}/negotiations", json={"lot": "all"},
                                headers=p.h("buyer", bid["version"]))
    _error(negotiation, 409, "went_to_auction")  # the auction finds the price, not a round with L1
    response = _schedule(p, bid)
    assert response.status_code == 201, response.text
    auction = response.json()
    assert auction["bidders"] == 4 and auction["kept_preference"] == []  # H1 stays: everyone bids
    assert auction["rules"]["qualification"]["rule"] == "all"
    _start(p, auction, 30)
    assert _bid(p, "seller-b", auction, START - STEP).status_code == 201  # the H1 of the bid stage bids
    p.clock.now = _at(auction["ends_at"])
    schedule_step(p)
    orders = p.post("buyer", p.get("buyer", bid).json(), "award").json()["orders"]
    assert [(o["seller_id"], o["total_paise"]) for o in orders] == [(p.market.ids["firm_b"], START - STEP)]


def test_an_auction_nobody_bid_in_leaves_the_bid_stage_l1_and_the_eliminated_out(p):
    auction = _auction(p)
    p.clock.now = _at(auction["ends_at"])
    schedule_step(p)
    result = _get(p, "buyer", auction)["result"]
    assert result["bids"] == 0 and result["l1"] is None and result["l1_price_paise"] == START
    lot = p.get("buyer", {"id": auction["bid_id"]}, "/evaluation").json()["evaluation"]["lots"][0]
    # B was H1 (Rs 90,000, not within 15%): eliminated, it takes no part in the award.
    assert [r["seller"] for r in lot["ranking"]] == [_s(p, u) for u in ("seller-c", "seller-d", "seller-a")]
    assert lot["l1_price_paise"] == START


def test_an_auction_is_not_scheduled_while_a_negotiation_round_is_open(p):
    bid = _opened_bid(p)
    asked = p.client.post(f"/api/v1/bids/{bid['id']}/negotiations", json={"lot": "all"},
                          headers=p.h("buyer", bid["version"]))
    assert asked.status_code == 201, asked.text
    _error(_schedule(p, p.get("buyer", bid).json()), 409, "negotiation_open")


def test_a_price_below_a_paisa_a_unit_is_refused(p):
    auction = _auction(p)
    _start(p, auction, 5)
    response = _bid(p, "seller-c", auction, 19)
    _error(response, 409, "bad_price")
    assert "at least one paisa for each of its 20 units" in response.json()["error"]["message"]


# --- what each seller may see ---------------------------------------------------------------


def test_in_rank_mode_a_seller_sees_no_other_price_and_no_other_identity(p):
    auction = _auction(p, visibility="rank")
    _start(p, auction, 5)
    prices = {"seller-c": START - 7 * STEP, "seller-a": START - 3 * STEP, "seller-d": START - 5 * STEP}
    for user, price in prices.items():
        assert _bid(p, user, auction, price).status_code == 201
    buyer = _get(p, "buyer", auction)
    aliases = {r["bidder"] for r in buyer["ranking"]}
    for user, own in prices.items():
        views = [_get(p, user, auction), _get(p, user, auction, "/events"),
                 p.client.get("/api/v1/auctions", headers=p.h(user)).json()]
        text = json.dumps(views)
        for other, price in prices.items():
            if other != user:
                assert str(price) not in text, (user, other)
                assert f'"{_s(p, other)}"' not in text
        mine = views[0]["me"]
        for alias in aliases - {mine["alias"]}:
            assert alias not in text
        for name in ("Raipur Computers", "Big Imports", "Bharat Beds", "Durg Furniture"):
            assert name not in text
        assert "l1_price_paise" not in text and "ranking" not in views[0]
        assert [b["price_paise"] for b in mine["bids"]] == [own]
    assert _get(p, "seller-c", auction)["me"]["my_rank"] == 1
    assert _get(p, "seller-a", auction)["me"]["my_rank"] == 3
    # Another's bid reaches a seller as a change of its rank, nothing more.
    a_events = _get(p, "seller-a", auction, "/events")["events"]
    assert [e["kind"] for e in a_events] == ["scheduled", "ranking_changed", "accepted", "ranking_changed"]
    assert set(a_events[3]) == {"seq", "at", "kind", "my_rank"} and a_events[3]["my_rank"] == 3


def test_in_rank_and_l1_mode_a_seller_sees_the_l1_price_but_not_who(p):
    auction = _auction(p, visibility="rank_and_l1")
    _start(p, auction, 5)
    _bid(p, "seller-c", auction, START - 7 * STEP)
    view = _get(p, "seller-d", auction)
    assert view["me"]["l1_price_paise"] == START - 7 * STEP and view["me"]["my_rank"] is None
    event = _get(p, "seller-d", auction, "/events", after=1)["events"][0]
    assert event == {"seq": 2, "at": iso_utc(p.clock.now), "kind": "ranking_changed", "my_rank": None,
                     "l1_price_paise": START - 7 * STEP}


def test_the_event_log_resumes_after_the_last_seq_seen(p):
    auction = _auction(p)
    _start(p, auction, 1)
    first = _get(p, "buyer", auction, "/events")
    assert [e["seq"] for e in first["events"]] == [1] and first["last_seq"] == 1
    for n in range(1, 4):
        _bid(p, "seller-c", auction, START - n * STEP)
    page = _get(p, "buyer", auction, "/events", after=first["last_seq"])
    assert [e["seq"] for e in page["events"]] == [2, 3, 4] and page["last_seq"] == 4
    assert [e["price_paise"] for e in page["events"]] == [START - n * STEP for n in range(1, 4)]
    assert _get(p, "buyer", auction, "/events", after=4)["events"] == []
    # The stream replays the same from Last-Event-ID, and ends after the close.
    p.clock.now = _at(auction["ends_at"])
    schedule_step(p)
    response = p.client.get(f"/api/v1/auctions/{auction['id']}/stream",
                            headers={**p.h("seller-c"), "Last-Event-ID": "2"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/event-stream")
    ids = [int(line[4:]) for line in response.text.splitlines() if line.startswith("id: ")]
    assert ids == [3, 4, 5] and "event: closed" in response.text
    # Someone else's auction is not found, whatever the path.
    other = p.client.get(f"/api/v1/auctions/{uuid.uuid4()}/events", headers=p.h("buyer"))
    _error(other, 404, "not_found")


# --- bids at once -----------------------------------------------------------------------------


def test_bids_at_once_from_many_threads_leave_consecutive_seqs_of_valid_prices(p):
    auction = _auction(p, visibility="rank_and_l1")
    _start(p, auction, 30)
    users = ["seller-a", "seller-c", "seller-d"]
    for user in users:
        p.h(user)  # signed in before the race
    results: list[tuple[str, int, int]] = []
    barrier = threading.Barrier(10)

    def bidder(n: int) -> None:
        user = users[n % 3]
        price = START - (1 + n // 3) * STEP - (n % 3) * 100  # some clash with others' L1 or their own decrement
        barrier.wait()
        response = _bid(p, user, auction, price)
        results.append((user, price, response.status_code))

    threads = [threading.Thread(target=bidder, args=(n,)) for n in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(results) == 10 and {status for _, _, status in results} <= {201, 409}
    assert sum(1 for *_, status in results if status == 201) >= 3  # each seller's first bid to arrive is valid
    buyer = _get(p, "buyer", auction)
    accepted = buyer["bids"]
    assert [b["seq"] for b in accepted] == list(range(1, len(accepted) + 1))
    assert len(accepted) == sum(1 for *_, status in results if status == 201) >= 1
    # Replaying the log through the rules accepts every bid in its order: each was valid when taken.
    with p.market.db.reading() as session:
        row = session.get(Auction, auction["id"])
        state = AuctionState(rules=rules_of(row), bidders=frozenset(row.bidders))
    alias_of = {}
    for user in users:
        alias_of[_get(p, user, auction)["me"]["alias"]] = _s(p, user)
    for b in accepted:
        state, _ = accept(state, alias_of[b["bidder"]], b["price_paise"], _at(b["at"]), b["seq"])
    assert state.l1().price_paise == buyer["l1"]["price_paise"]
    events = _get(p, "buyer", auction, "/events")["events"]
    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
    assert [e["bid_seq"] for e in events if e["kind"] == "accepted"] == [b["seq"] for b in accepted]


def test_two_server_processes_on_one_postgresql_take_bids_one_at_a_time(p, database_url, tmp_path):
    """Sellers bid at once through two `gemdesk-server serve` processes on one database: the
    accepted bids still take consecutive seqs of valid prices, and both processes serve the
    same event log."""
    if not database_url.startswith("postgresql"):
        pytest.skip("two server processes share a PostgreSQL database")
    auction = _auction(p, visibility="rank_and_l1")
    # The processes run on the wall clock: move the auction to now (test set-up only).
    now = utc_now()
    with p.market.db.writing() as session:
        row = session.get(Auction, auction["id"])
        act_as(session, SYSTEM, "test.setup")
        row.start_at = now - timedelta(minutes=1)
        row.end_at = row.scheduled_end_at = now + timedelta(hours=1)
    servers = [_serve(tmp_path / f"server-{n}", database_url) for n in range(2)]
    try:
        tokens = {}
        for n, user in enumerate(("seller-a", "seller-c", "seller-d")):
            response = requests.post(servers[n % 2][1] + "/api/v1/auth/login",
                                     json={"username": user, "password": PASSWORD}, timeout=30)
            tokens[user] = response.json()["access_token"]
        results: list[int] = []
        barrier = threading.Barrier(12)

        def bidder(n: int) -> None:
            user = ("seller-a", "seller-c", "seller-d")[n % 3]
            price = START - (1 + n // 3) * STEP - (n % 3) * 100
            url = servers[n % 2][1] + f"/api/v1/auctions/{auction['id']}/bids"
            barrier.wait()
            response = requests.post(url, json={"price_paise": price}, timeout=60,
                                     headers={"Authorization": f"Bearer {tokens[user]}",
                                              "Idempotency-Key": str(uuid.uuid4())})
            results.append(response.status_code)

        threads = [threading.Thread(target=bidder, args=(n,)) for n in range(12)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert len(results) == 12 and set(results) <= {201, 409}, results
        buyer = _get(p, "buyer", auction)
        accepted = buyer["bids"]
        assert [b["seq"] for b in accepted] == list(range(1, len(accepted) + 1)) and len(accepted) == results.count(201)
        assert len(accepted) >= 3  # each seller's first bid to arrive is valid
        with p.market.db.reading() as session:
            row = session.get(Auction, auction["id"])
            state = AuctionState(rules=rules_of(row), bidders=frozenset(row.bidders))
        alias_of = {_get(p, user, auction)["me"]["alias"]: _s(p, user) for user in ("seller-a", "seller-c", "seller-d")}
        for b in accepted:
            state, _ = accept(state, alias_of[b["bidder"]], b["price_paise"], _at(b["at"]), b["seq"])
        # Each process serves the whole log to a seller connected to it.
        logs = [requests.get(base + f"/api/v1/auctions/{auction['id']}/events", timeout=30,
                             headers={"Authorization": f"Bearer {tokens['seller-c']}"}).json()["events"]
                for _, base in servers]
        assert logs[0] == logs[1] and len(logs[0]) == 1 + len(accepted) + sum(e["kind"] == "extended" for e in logs[0])
        # A seller following the stream on one process hears a bid taken by the other at
        # once (LISTEN/NOTIFY), well before the stream's own re-read timer.
        stream_url = servers[1][1] + f"/api/v1/auctions/{auction['id']}/stream"
        with requests.get(stream_url, stream=True, timeout=30,
                          headers={"Authorization": f"Bearer {tokens['seller-c']}",
                                   "Last-Event-ID": str(logs[0][-1]["seq"])}) as stream:
            assert stream.status_code == 200
            lines = stream.iter_lines(decode_unicode=True)
            time.sleep(0.5)  # the stream is following
            price = min(state.highest_allowed(_s(p, "seller-d")), state.l1().price_paise) - 7
            sent = time.monotonic()
            response = requests.post(servers[0][1] + f"/api/v1/auctions/{auction['id']}/bids",
                                     json={"price_paise": price}, timeout=30,
                                     headers={"Authorization": f"Bearer {tokens['seller-d']}",
                                              "Idempotency-Key": str(uuid.uuid4())})
            assert response.status_code == 201, response.text
            heard = next(line for line in lines if line.startswith("data: "))
            assert time.monotonic() - sent < STREAM_REREAD_SECONDS - 2
        event = json.loads(heard[6:])
        assert event["kind"] == "ranking_changed" and event["seq"] == logs[0][-1]["seq"] + 1
        assert event["l1_price_paise"] == price and set(event) == {"seq", "at", "kind", "my_rank", "l1_price_paise"}
    finally:
        for process, _ in servers:
            process.terminate()
            process.wait(10)


def _serve(folder, database_url: str) -> tuple[subprocess.Popen, str]:
    """`gemdesk-server serve` on the test's database, started and answering."""
    folder.mkdir()
    port = free_port()
    env = dict(os.environ, GEMDESK_SERVER_DATABASE_URL=database_url, PYTHONUNBUFFERED="1")
    log = open(folder / "server.log", "ab")
    process = subprocess.Popen([sys.executable, "-m", "server", "--data-dir", str(folder), "serve", "--port", str(port)],
                               stdout=log, stderr=log, env=env, cwd=Path(__file__).resolve().parents[2])
    log.close()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert process.poll() is None, (folder / "server.log").read_text()
        try:
            if requests.get(base + "/api/v1/health", timeout=1).ok:
                return process, base
        except requests.RequestException:
            time.sleep(0.1)
    process.kill()
    raise AssertionError("the server did not start: " + (folder / "server.log").read_text())


def test_a_server_killed_mid_auction_loses_no_accepted_bid_and_keeps_the_end(p, database_url, tmp_path):
    """A `serve` process killed without warning in the middle of an auction: started again on
    the same database, it has every bid it had accepted, in order, and the end those bids
    earned; the auction goes on with the next sequence number."""
    if not database_url.startswith("postgresql"):
        pytest.skip("a server process on the shared PostgreSQL database")
    auction = _auction(p, visibility="rank_and_l1")
    now = utc_now()  # the process runs on the wall clock: move the auction to now (test set-up only)
    with p.market.db.writing() as session:
        row = session.get(Auction, auction["id"])
        act_as(session, SYSTEM, "test.setup")
        row.start_at = now - timedelta(minutes=1)
        row.end_at = row.scheduled_end_at = now + timedelta(seconds=90)  # inside the 120 s window
    process, base = _serve(tmp_path / "server-1", database_url)
    token = requests.post(base + "/api/v1/auth/login", json={"username": "seller-c", "password": PASSWORD},
                          timeout=30).json()["access_token"]
    headers = lambda: {"Authorization": f"Bearer {token}", "Idempotency-Key": str(uuid.uuid4())}  # noqa: E731
    try:
        first = requests.post(base + f"/api/v1/auctions/{auction['id']}/bids", json={"price_paise": START - STEP},
                              headers=headers(), timeout=30)
        assert first.status_code == 201 and first.json()["extended"] is True
        before = _get(p, "buyer", auction)
    finally:
        process.kill()  # SIGKILL: no shutdown of any kind
        process.wait(10)
    process, base = _serve(tmp_path / "server-2", database_url)
    try:
        after = requests.get(base + f"/api/v1/auctions/{auction['id']}", timeout=30,
                             headers={"Authorization": f"Bearer {token}"}).json()
        assert after["ends_at"] == before["ends_at"] and after["extensions"] == before["extensions"] == 1
        assert [(b["seq"], b["price_paise"]) for b in _get(p, "buyer", auction)["bids"]] == [(1, START - STEP)]
        second = requests.post(base + f"/api/v1/auctions/{auction['id']}/bids", json={"price_paise": START - 3 * STEP},
                               headers=headers(), timeout=30)
        assert second.status_code == 201 and second.json()["accepted"]["seq"] == 2
    finally:
        process.kill()
        process.wait(10)
