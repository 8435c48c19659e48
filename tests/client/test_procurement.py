"""The buying cycle from the desktops' side, against a real server process whose clock the
test moves forward: a clerk's bid drafted offline, approved by the officer, answered by
three sellers from their own outboxes, opened by the server's scheduled step, evaluated
with the MSE preference, matched, negotiated, awarded and turned into orders; each on a
server on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from datetime import timedelta

import pytest

from app.procurement import Procurement
from app.outbox import Outbox
from domain.timefmt import iso_utc, parse_iso
from server.security import hash_password
from tests.client.conftest import PASSWORD, serve_sqlite


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def server(request, seeded_server_template, tmp_path, server_env):
    """Each test here runs against the server process on SQLite, then on PostgreSQL."""
    if request.param == "sqlite":
        yield from serve_sqlite(seeded_server_template, tmp_path, server_env)
    else:
        yield request.getfixturevalue("postgresql_server")


@pytest.fixture
def server_env() -> dict[str, str]:
    return {"GEMDESK_SERVER_TEST_CLOCK": "1"}


def _seller_users(server) -> dict[str, int]:
    """Users for three seller firms of the demo marketplace: an MSE manufacturer, a large
    manufacturer, a large trader (the demo seeds one seller user only)."""
    picks = {
        "mse-maker": "mse_class IN ('micro', 'small') AND nature = 'manufacturer'",
        "big-maker": "mse_class IN ('medium', 'none') AND nature = 'manufacturer'",
        "big-trader": "mse_class IN ('medium', 'none') AND nature = 'trader'",
    }
    password = hash_password(PASSWORD)
    firms = {}
    for username, where in picks.items():
        firm = server.query(f"SELECT id FROM seller_firms WHERE {where} ORDER BY id LIMIT 1")[0][0]
        server.execute("INSERT INTO users (username, display_name, password_hash, role, seller_firm_id, active, created_at) "
                       "VALUES (:u, :u, :p, 'seller', :f, :active, '2026-01-01 00:00:00')", u=username, p=password, f=firm,
                       active=True)
        firms[username] = firm
    return firms


def _leaf_category(server) -> int:
    return server.query("SELECT id FROM categories c WHERE NOT EXISTS "
                        "(SELECT 1 FROM categories k WHERE k.parent_id = c.id) ORDER BY id LIMIT 1")[0][0]


def _advance(admin, seconds: float) -> dict:
    return admin.session.api.write("POST", "/api/v1/test/clock", {"advance_seconds": int(seconds)}, str(uuid.uuid4()))


def _bid_fields(server_now, category_id: int) -> dict:
    return {
        "title": "Steel almirahs for the District Hospital stores",
        "items": [{"id": "1", "name": "Steel almirah, 6 shelves", "category_id": category_id, "key_specs": {},
                   "consignees": [{"district": "Raipur", "quantity": 40, "delivery_days": 30}]}],
        "estimated_value_paise": 40 * 18_000_00,
        "end_at": iso_utc(server_now + timedelta(days=11)),
        "min_offers": 3,
    }


def test_a_bid_from_an_offline_draft_to_orders(device, server, tmp_path):
    firms = _seller_users(server)
    buyer, approver, admin = device("demo-buyer"), device("demo-approver"), device("demo-admin")
    category = _leaf_category(server)
    server_now = parse_iso(buyer.session.api.get("/api/v1/time")["now"])

    # Drafted and sent for approval offline: both wait in the outbox, and survive a restart.
    bid_id = Procurement(buyer.outbox).draft_bid(_bid_fields(server_now, category))
    Procurement(buyer.outbox).send_for_approval(bid_id)
    buyer.outbox.close()
    buyer.outbox = Outbox(buyer.folder)
    clerk = Procurement(buyer.outbox)
    assert [r.action for r in clerk.requests()] == ["draft", "send_for_approval"]
    buyer.sync()
    assert clerk.waiting() == 0
    bid = clerk.bid(buyer.session.api, bid_id)
    assert bid["status"] == "awaiting_approval" and bid["version"] == 2

    # The clerk cannot approve their own bid; the refusal is kept with the server's sentence.
    clerk.approve(bid_id, bid["version"], "looks fine")
    buyer.sync()
    refused = clerk.requests(("rejected",))
    assert len(refused) == 1 and "approving officer" in refused[0].error["message"]
    clerk.discard(refused[0].seq)

    officer = Procurement(approver.outbox)
    officer.approve(bid_id, bid["version"], "Budget head 31 has funds")
    approver.sync()
    bid = officer.bid(approver.session.api, bid_id)
    assert bid["status"] == "published" and bid["number"].startswith("GEM/")

    # Three sellers answer from their own desktops; each offer gets a receipt.
    prices = {"big-trader": 17_000_00, "mse-maker": 18_500_00, "big-maker": 19_000_00}
    sellers = {name: device(name) for name in prices}
    for name, seller in sellers.items():
        body = {"local_content_pct": 60 if name == "big-maker" else 15,
                "items": {"1": {"unit_price_paise": prices[name], "listing_id": None, "compliance": {}}}}
        Procurement(seller.outbox).submit_offer(bid_id, body)
        seller.sync()
        receipt = Procurement(seller.outbox).requests(("done",))[-1].answer["receipt"]
        assert len(receipt) == 64

    # Before opening, the buyer learns nothing about the offers.
    with pytest.raises(Exception) as sealed:
        clerk.offers(buyer.session.api, bid_id)
    assert getattr(sealed.value, "code", None) == "sealed"

    # The end (by the server's clock), then the opening half an hour later.
    end = parse_iso(bid["end_at"])
    moved = _advance(admin, (end - parse_iso(buyer.session.api.get("/api/v1/time")["now"])).total_seconds() + 1)
    assert any("closed" in line for line in moved["step"])
    # Nobody may offer now: a fourth seller's offer is refused by the server's clock.
    stranger = device("demo-seller")
    Procurement(stranger.outbox).submit_offer(bid_id, {"local_content_pct": 0, "items": {
        "1": {"unit_price_paise": 1_00, "listing_id": None, "compliance": {}}}})
    stranger.sync()
    refusal = Procurement(stranger.outbox).requests(("rejected",))[0].error
    assert refusal["code"] == "bid_closed" and "server time" in refusal["message"]
    _advance(admin, 31 * 60)

    # Evaluation: the trader is L1; the MSE manufacturer is within 15% and is invited.
    result = clerk.evaluation(buyer.session.api, bid_id)
    lot = result["evaluation"]["lots"][0]
    assert lot["l1"] == f"S{firms['big-trader']}"
    assert lot["mse_band"]["matched"] == [f"S{firms['mse-maker']}"]
    mse = Procurement(sellers["mse-maker"].outbox)
    assert mse.evaluation(sellers["mse-maker"].session.api, bid_id)["invitations"][0]["answer"] is None
    mse.answer_match(bid_id, "all", True)
    sellers["mse-maker"].sync()

    # Negotiation with L1 only, through the desktops: the trader lowers its price; the
    # evaluation follows it, and the MSE, invited again, matches the new L1 price.
    bid = clerk.bid(buyer.session.api, bid_id)
    clerk.negotiate(bid_id, bid["version"], "all", "Please improve on Rs 17,000 a unit")
    buyer.sync()
    assert clerk.requests(("rejected",)) == []
    trader = Procurement(sellers["big-trader"].outbox)
    rounds = trader.negotiations(sellers["big-trader"].session.api, bid_id)["negotiations"]
    assert [(r["round"], r["status"], r["before_prices"]) for r in rounds] == [(1, "open", {"1": 17_000_00})]
    # Only L1 is asked: another seller sees no round, and an answer from it is refused.
    assert mse.negotiations(sellers["mse-maker"].session.api, bid_id)["negotiations"] == []
    mse.answer_negotiation(bid_id, rounds[0]["id"], {"1": 16_000_00})
    sellers["mse-maker"].sync()
    assert len(mse.requests(("rejected",))) == 1
    mse.discard(mse.requests(("rejected",))[0].seq)
    trader.answer_negotiation(bid_id, rounds[0]["id"], {"1": 16_500_00})
    sellers["big-trader"].sync()
    assert trader.negotiations(sellers["big-trader"].session.api, bid_id)["negotiations"][0]["status"] == "answered"
    lot = clerk.evaluation(buyer.session.api, bid_id)["evaluation"]["lots"][0]
    assert lot["l1"] == f"S{firms['big-trader']}"
    assert mse.evaluation(sellers["mse-maker"].session.api, bid_id)["invitations"][0]["answer"] is None
    mse.answer_match(bid_id, "all", True)
    sellers["mse-maker"].sync()

    # An auditor re-checks the decision from the exported bid, without the app or the server.
    exported = tmp_path / "bid.json"
    exported.write_text(json.dumps(clerk.audit_export(buyer.session.api, bid_id)))
    checked = subprocess.run([sys.executable, "-m", "app", "rules", "evaluate", str(exported)],
                             capture_output=True, text=True, check=True)
    assert json.loads(checked.stdout)["awards"] == clerk.evaluation(buyer.session.api, bid_id)["evaluation"]["awards"]
    assert clerk.evaluation(buyer.session.api, bid_id)["sellers"][f"S{firms['mse-maker']}"]

    bid = clerk.bid(buyer.session.api, bid_id)
    clerk.award(bid_id, bid["version"])
    buyer.sync()
    orders = {o["seller_id"]: o for o in clerk.orders(buyer.session.api) if o["bid_id"] == bid_id}
    assert orders[firms["big-trader"]]["lines"][0]["quantity"] == 30
    assert orders[firms["big-trader"]]["lines"][0]["unit_price_paise"] == 16_500_00
    assert orders[firms["mse-maker"]]["lines"][0] == {"item": "1", "quantity": 10, "unit_price_paise": 16_500_00,
                                                     "total_paise": 165_000_00, "rule": "MSE_MATCH"}
    actions = [e["action"] for e in clerk.history(buyer.session.api, bid_id)]
    assert actions == ["drafted", "sent for approval", "approved and published", "closed", "opened",
                       "match accepted", "negotiation asked", "negotiated", "match accepted", "awarded"]


def test_a_fourth_withdrawal_is_refused_and_held_back(device, server):
    _seller_users(server)
    buyer, approver = device("demo-buyer"), device("demo-approver")
    category = _leaf_category(server)
    server_now = parse_iso(buyer.session.api.get("/api/v1/time")["now"])
    clerk = Procurement(buyer.outbox)
    bid_id = clerk.draft_bid(_bid_fields(server_now, category))
    clerk.send_for_approval(bid_id)
    buyer.sync()
    Procurement(approver.outbox).approve(bid_id, 2)
    approver.sync()

    seller = device("big-maker")
    queue = Procurement(seller.outbox)
    body = {"local_content_pct": 60, "items": {"1": {"unit_price_paise": 19_000_00, "listing_id": None, "compliance": {}}}}
    offer_id = queue.submit_offer(bid_id, body)
    for _ in range(4):  # made offline, all queued, sent in order
        queue.withdraw_offer(bid_id, offer_id)
        queue.submit_offer(bid_id, body, offer_id)
    seller.sync()
    refused = queue.requests(("rejected",))
    assert [r.error["code"] for r in refused] == ["too_many_withdrawals"]
    assert queue.waiting() == 1  # the submission after it waits for the seller to decide
    assert queue.my_offer(seller.session.api, bid_id)["withdrawals"] == 3


def test_an_l1_purchase_from_the_desktop_waits_for_the_officer(device, server):
    """The clerk compares, orders the L1 (the server checks it is the L1), and the officer
    places the order; an order of another listing is refused with the server's sentence."""
    buyer, approver = device("demo-buyer"), device("demo-approver")
    clerk, officer = Procurement(buyer.outbox), Procurement(approver.outbox)
    category = server.query(
        "SELECT category_id FROM listings WHERE status = 'published' AND stock > 0 AND price_paise <= 1000000 "
        "GROUP BY category_id HAVING count(DISTINCT brand) >= 3 ORDER BY category_id LIMIT 1")[0][0]
    districts = server.query("SELECT delivery_districts FROM listings WHERE category_id = :c AND status = 'published' "
                             "ORDER BY id LIMIT 1", c=category)[0][0]
    district = (json.loads(districts) if isinstance(districts, str) else districts)[0]
    compared = clerk.l1_comparison(buyer.session.api, category, {}, district)
    l1 = compared["l1_listing_id"]
    other = next(row["listing_id"] for row in compared["ranked"] if row["listing_id"] != l1)
    reason = "" if compared["enough_oems"] else "only these OEMs deliver to the district"
    quantity = server.query("SELECT min_order_qty FROM listings WHERE id = :id", id=l1)[0][0]
    clerk.purchase("l1", other, quantity, district, {}, reason)
    order_id = clerk.purchase("l1", l1, quantity, district, {}, reason)
    buyer.sync()
    refused = clerk.requests(("rejected",))
    assert len(refused) == 1 and refused[0].error["fields"]["listing_id"].startswith("only the L1 listing can be ordered")
    assert clerk.requests(("done",))[-1].answer["status"] == "awaiting_approval"

    officer.decide_order(order_id, True, "within the office's L1 powers")
    approver.sync()
    placed = next(o for o in clerk.orders(buyer.session.api) if o["id"] == order_id)
    assert placed["status"] == "placed" and placed["mode"] == "l1" and placed["remark"] == "within the office's L1 powers"
