"""Orders after placing, through the API with a controlled server clock: the seller's answer
(and the automatic acceptance), delivery, the CRAC (and the automatic one for small direct
orders), payment with its due date and late interest; who may see and do what; each side's
timeline; an award's payment terms; and a seller's bids for me filtered in SQL."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import insert, select

from domain.timefmt import iso_utc, utc_now
from server.api.app import create_app
from server.config import Settings
from server.db.models import Bid, BidCategory, BuyerOrg, User
from server.db.trail import SYSTEM, act_as
from server.services import schedule
from tests.server.conftest import _PASSWORD_HASH
from tests.server.test_bids import Procurement, _to_opening

START = datetime(2026, 12, 1, 4, 30, tzinfo=timezone.utc)  # 10:00 IST


def _error(response, status, code):
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code, error
    return error


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


class Shop:
    """The test marketplace with a controlled clock and a second office (its own buyer)."""

    def __init__(self, market) -> None:
        self.market, self.client = market, market.client
        self.clock = Clock()
        self.client.app.state.clock = self.clock
        self.laptop_price = 75_000_00
        with market.db.writing() as session:
            act_as(session, SYSTEM, "test.setup")
            office = BuyerOrg(ministry_or_state="Chhattisgarh", department="Police", organisation="SP Office",
                              office="Durg", state="Chhattisgarh", district="Durg")
            session.add(office)
            session.flush()
            session.add(User(username="buyer-durg", display_name="Buyer Durg", password_hash=_PASSWORD_HASH,
                             role="buyer", buyer_org_id=office.id, active=True, created_at=utc_now()))

    def h(self, user: str, **extra: str) -> dict[str, str]:
        return self.market.headers(user, **extra)

    def listing(self, user: str = "seller-a", **fields) -> str:
        response = self.market.create(user, **fields)
        assert response.status_code == 201 and response.json()["status"] == "published", response.text
        return response.json()["id"]

    def chair(self, price_paise: int, user: str = "seller-a") -> str:
        return self.listing(user, category_id=self.market.ids["chairs"], key_specs={"material": "Steel"},
                            mrp_paise=50_000_00, price_paise=price_paise, title="Office chair", stock=100)

    def purchase(self, listing_id: str, mode: str = "direct", **extra) -> dict:
        body = {"mode": mode, "listing_id": listing_id, "quantity": 1, "consignee_district": "Raipur", **extra}
        response = self.client.put(f"/api/v1/purchases/{uuid.uuid4()}", json=body, headers=self.h("buyer"))
        assert response.status_code == 201, response.text
        return response.json()

    def placed(self, listing_id: str, mode: str = "direct", remark: str | None = None, **extra) -> dict:
        order = self.purchase(listing_id, mode, **extra)
        response = self.post("approver", order, "approve", {"remark": remark} if remark else None)
        assert response.status_code == 200, response.text
        return response.json()

    def l1_placed(self, remark: str | None = None) -> dict:
        """An L1 purchase, placed: each new laptop listing is cheaper, so it is the L1."""
        self.laptop_price -= 500_00
        laptop = self.listing(brand="Dell", price_paise=self.laptop_price)
        return self.placed(laptop, "l1", remark, key_specs={"ram_gb": "16"}, reason="Only Dell delivers to Raipur")

    def post(self, user: str, order: dict, verb: str, body=None, **headers: str):
        return self.client.post(f"/api/v1/orders/{order['id']}/{verb}", json=body, headers=self.h(user, **headers))

    def get(self, user: str, order: dict, path: str = ""):
        return self.client.get(f"/api/v1/orders/{order['id']}{path}", headers=self.h(user))

    def later(self, **delta) -> datetime:
        self.clock.now += timedelta(**delta)
        return self.clock.now

    def step(self, at: datetime) -> list[str]:
        self.clock.now = at
        with self.market.db.writing() as session:
            return schedule.step(session, at)


@pytest.fixture
def shop(market) -> Shop:
    return Shop(market)


# --- the whole way ---------------------------------------------------------------------------


def test_a_direct_order_from_placing_to_a_late_payment(shop):
    order = shop.placed(shop.chair(45_000_00), remark="Within the office's direct purchase powers")
    # Direct orders are accepted by the system as they are placed.
    assert order["status"] == "accepted" and order["number"] == "GEMC-2026-000001"
    assert order["placed_at"] == order["accepted_at"] == iso_utc(START)
    assert order["payment_days"] == 10 and order["payment_due_at"] is None and order["late_interest_paise"] == 0
    assert (order["seller_name"], order["buyer_office"], order["title"], order["bid_number"]) == (
        "Raipur Computers Pvt Ltd", "Raipur", "Office chair", None)
    assert [o["number"] for o in shop.client.get("/api/v1/orders", headers=shop.h("seller-a")).json()["orders"]] == [
        "GEMC-2026-000001"]

    _error(shop.post("buyer", order, "pay"), 409, "wrong_state")  # nothing to pay before the CRAC
    shop.later(days=3)
    delivered = shop.post("seller-a", order, "deliver", {"remark": "Invoice INV-42, challan 7"}).json()
    assert delivered["status"] == "delivered" and delivered["delivered_at"] == iso_utc(shop.clock.now)
    received_at = shop.later(days=2)
    received = shop.post("buyer", order, "receive", {"remark": "Received in good condition"}).json()
    assert received["status"] == "received" and received["received_at"] == iso_utc(received_at)
    assert received["payment_due_at"] == iso_utc(received_at + timedelta(days=10))

    # Unpaid 15 days and 6 hours past the due date: 1% a month of Rs 45,000, for 15 whole days.
    shop.clock.now = received_at + timedelta(days=25, hours=6)
    assert shop.get("buyer", order).json()["late_interest_paise"] == 45_000_00 * 15 // 3000 == 225_00
    paid = shop.post("approver", order, "pay", {"remark": "UTR SBIN0001234"}).json()
    assert paid["status"] == "paid" and paid["paid_at"] == iso_utc(shop.clock.now) and paid["remark"] == "UTR SBIN0001234"
    assert paid["late_interest_paise"] == 225_00
    shop.later(days=60)  # the interest stopped at the payment
    assert shop.get("seller-a", order).json()["late_interest_paise"] == 225_00
    assert _error(shop.post("buyer", order, "pay"), 409, "wrong_state")["message"] == "This order is paid already."

    # The audit trail records each change, by whom.
    audit = shop.client.get("/api/v1/audit", params={"entity_type": "order", "entity_id": order["id"]},
                            headers=shop.h("admin")).json()["events"]
    assert [(e["action"], e["actor_username"]) for e in audit] == [
        ("order.direct_purchase", "buyer"), ("order.approved", "approver"), ("order.auto_accepted", "system"),
        ("order.delivered", "seller-a"), ("order.received", "buyer"), ("order.paid", "approver")]


def test_an_l1_order_waits_for_the_seller_who_accepts_it(shop):
    order = shop.l1_placed()
    assert order["status"] == "placed" and order["accepted_at"] is None and order["number"].startswith("GEMC-2026-")
    key = str(uuid.uuid4())
    shop.later(hours=5)
    accepted = shop.post("seller-a2", order, "accept", None, **{"Idempotency-Key": key})  # anyone of the firm
    assert accepted.status_code == 200 and accepted.json()["status"] == "accepted"
    assert accepted.json()["accepted_at"] == iso_utc(shop.clock.now)
    # The outbox replays a step after a lost answer: the first answer again, no second change.
    again = shop.post("seller-a2", order, "accept", None, **{"Idempotency-Key": key})
    assert again.status_code == 200 and again.json() == accepted.json()
    assert _error(shop.post("seller-a", order, "accept"), 409, "wrong_state")["message"] == "This order is accepted already."
    _error(shop.post("seller-a", order, "decline", {"remark": "Out of stock"}), 409, "wrong_state")


def test_a_decline_needs_a_remark_the_buyer_reads(shop):
    order = shop.l1_placed()
    assert _error(shop.post("seller-a", order, "decline"), 422, "validation_failed")["fields"] == {
        "remark": "say why, for the buyer and the record"}
    declined = shop.post("seller-a", order, "decline", {"remark": "The model is discontinued"}).json()
    assert declined["status"] == "declined"
    seen = shop.get("buyer", order).json()
    assert seen["status"] == "declined" and seen["remark"] == "The model is discontinued"
    error = _error(shop.post("seller-a", order, "deliver"), 409, "wrong_state")
    assert error["message"] == "This order is declined: only an order the seller has accepted can be marked delivered."


# --- who may see and do what ---------------------------------------------------------------------


def test_only_the_parties_see_an_order_and_each_does_their_own_steps(shop):
    waiting = shop.purchase(shop.chair(20_000_00))
    # A seller hears of an order once it is placed.
    assert shop.get("seller-a", waiting).status_code == 404
    assert shop.client.get("/api/v1/orders", headers=shop.h("seller-a")).json()["orders"] == []
    _error(shop.post("seller-a", waiting, "accept"), 404, "not_found")

    order = shop.l1_placed()
    for user in ("seller-b", "buyer-durg"):  # another seller, another office
        assert shop.get(user, order).status_code == 404
        assert shop.get(user, order, "/history").status_code == 404
        _error(shop.post(user, order, "accept"), 404, "not_found")
        _error(shop.post(user, order, "receive"), 404, "not_found")
        assert order["id"] not in [o["id"] for o in shop.client.get("/api/v1/orders", headers=shop.h(user)).json()["orders"]]
    assert shop.get("seller-a", order).json()["seller_name"] == "Raipur Computers Pvt Ltd"

    # The right party, or 403 with who can.
    assert "Only the seller" in _error(shop.post("buyer", order, "accept"), 403, "forbidden")["message"]
    _error(shop.post("admin", order, "accept"), 403, "forbidden")
    shop.post("seller-a", order, "accept")
    assert "Only the seller" in _error(shop.post("buyer", order, "deliver"), 403, "forbidden")["message"]
    shop.post("seller-a", order, "deliver")
    message = _error(shop.post("seller-a", order, "receive"), 403, "forbidden")["message"]
    assert message == "Only a buyer or an approving officer of the ordering office can issue its CRAC."
    _error(shop.post("buyer", order, "approve"), 403, "forbidden")  # maker-checker still holds
    _error(shop.post("approver", order, "approve"), 409, "wrong_state")
    _error(shop.post("buyer", order, "ship"), 404, "not_found")
    _error(shop.client.get(f"/api/v1/orders/{uuid.uuid4()}", headers=shop.h("buyer")), 404, "not_found")
    _error(shop.client.get("/api/v1/orders/not-an-id/history", headers=shop.h("buyer")), 404, "not_found")

    # The wrong state says what the step needs.
    other = shop.l1_placed()
    error = _error(shop.post("buyer", other, "receive"), 409, "wrong_state")
    assert error["message"] == "This order is placed: the CRAC is issued once the seller has marked the order delivered."
    _error(shop.post("seller-a", other, "decline", {"remark": 7}), 422, "validation_failed")


# --- time ---------------------------------------------------------------------------------


def test_an_unanswered_order_is_accepted_after_five_days(shop):
    order = shop.l1_placed()
    due = START + timedelta(days=5)
    assert shop.step(due - timedelta(seconds=1)) == []
    assert shop.get("buyer", order).json()["status"] == "placed"
    # At the deadline the seller may no longer decline, even before the step has run.
    shop.clock.now = due
    error = _error(shop.post("seller-a", order, "decline", {"remark": "Too late"}), 409, "wrong_state")
    assert "accepted automatically" in error["message"]
    assert shop.step(due + timedelta(hours=3)) == [f"{order['number']} accepted automatically"]
    assert shop.step(due + timedelta(hours=3)) == []  # idempotent
    seen = shop.get("seller-a", order).json()
    assert seen["status"] == "accepted" and seen["accepted_at"] == iso_utc(due)  # when it fell due, not the tick
    last = shop.get("buyer", order, "/history").json()["events"][-1]
    assert (last["who"], last["role"], last["action"]) == ("system", "system", "accepted")
    assert last["note"] == "Accepted automatically: the seller did not accept or decline within 5 days."


def test_the_test_clock_runs_the_orders_step_too(market, settings):
    app = create_app(Settings(data_dir=settings.data_dir, database_url_override=settings.database_url, test_clock=1),
                     market.db)
    with TestClient(app) as client:
        shop = Shop(market)
        shop.client = client  # the server's own clock this time, moved by the administrator
        order = shop.l1_placed()
        moved = client.post("/api/v1/test/clock", json={"advance_seconds": 6 * 86400}, headers=shop.h("admin"))
        assert moved.status_code == 200, moved.text
        assert f"{order['number']} accepted automatically" in moved.json()["step"]
        assert shop.get("seller-a", order).json()["status"] == "accepted"


def test_a_small_direct_order_gets_its_crac_on_day_21(shop):
    small = shop.placed(shop.chair(20_000_00))
    large = shop.placed(shop.chair(30_000_00))  # above Rs 25,000: the office must issue the CRAC itself
    assert (small["number"], large["number"]) == ("GEMC-2026-000001", "GEMC-2026-000002")
    for order in (small, large):
        assert shop.post("seller-a", order, "deliver").status_code == 200
    day_21 = START + timedelta(days=21)
    assert shop.step(day_21 - timedelta(minutes=1)) == []
    assert shop.step(day_21 + timedelta(minutes=1)) == [f"{small['number']} received automatically (CRAC)"]
    assert shop.step(day_21 + timedelta(days=30)) == []
    small, large = shop.get("buyer", small).json(), shop.get("buyer", large).json()
    assert small["status"] == "received" and small["received_at"] == iso_utc(day_21)
    assert small["payment_due_at"] == iso_utc(day_21 + timedelta(days=10))
    assert small["late_interest_paise"] == 20_000_00 * 20 // 3000  # unpaid 20 days past due, now
    assert large["status"] == "delivered" and large["received_at"] is None
    last = shop.get("seller-a", small, "/history").json()["events"][-1]
    assert last["action"] == "received" and last["note"].startswith("CRAC issued automatically 21 days after delivery")


# --- the timeline ---------------------------------------------------------------------------


def test_each_side_reads_the_timeline_it_should(shop):
    returned = shop.purchase(shop.chair(20_000_00))
    shop.post("approver", returned, "return", {"remark": "Buy two together next month"})
    assert shop.get("seller-a", returned, "/history").status_code == 404
    assert [(e["action"], e["note"]) for e in shop.get("buyer", returned, "/history").json()["events"]] == [
        ("sent for approval", None), ("returned to the buyer", "Buy two together next month")]

    order = shop.placed(shop.chair(20_000_00), remark="Budget head 31")
    shop.post("seller-a", order, "deliver", {"remark": "Invoice INV-9"})
    shop.post("approver", order, "receive")
    office = [(e["who"], e["role"], e["action"], e["note"]) for e in shop.get("buyer", order, "/history").json()["events"]]
    due_note = "payment due by 11 Dec 2026, 10:00 IST"
    assert office == [
        ("buyer", "buyer", "sent for approval", None),
        ("approver", "approver", "approved and placed", "Budget head 31"),
        ("system", "system", "accepted", "Accepted automatically: direct orders are accepted when placed."),
        ("seller-a", "seller", "delivered", "Invoice INV-9"),
        ("approver", "approver", "received", due_note)]
    events = shop.get("seller-a", order, "/history").json()["events"]
    assert [(e["who"], e["role"], e["action"], e["note"]) for e in events] == [
        ("", "buyer", "placed", None),  # not who approved, nor the office's remark
        ("system", "system", "accepted", "Accepted automatically: direct orders are accepted when placed."),
        ("seller-a", "seller", "delivered", "Invoice INV-9"),
        ("", "buyer", "received", due_note)]
    assert events[0]["at"] == iso_utc(START) and events[0]["at_text"] == "01 Dec 2026, 10:00 IST"


def test_a_seller_does_not_read_the_offices_approval_remark_on_the_order(shop):
    placed = shop.l1_placed(remark="Approved by the CMHO")
    assert shop.get("buyer", placed).json()["remark"] == "Approved by the CMHO"
    assert shop.get("seller-a", placed).json()["remark"] is None


# --- orders from a bid ----------------------------------------------------------------------


def test_an_awards_orders_carry_the_bids_payment_days_and_number(market):
    p = Procurement(market)
    bad = p.client.put(f"/api/v1/bids/{uuid.uuid4()}", json=p.body(payment_days=5), headers=p.h("buyer"))
    assert "payment_days" in _error(bad, 422, "validation_failed")["fields"]
    off = {"enabled": False}
    bid = p.published(payment_days=30, min_offers=1, mse_preference={**off, "band_bp": 1500, "share_bp": 2500},
                      mii_preference={**off, "margin_bp": 2000, "l1_share_bp": 5000})
    assert bid["payment_days"] == 30
    assert p.offer("seller-c", bid, 70_000).status_code == 200
    opened = _to_opening(p, bid)
    orders = p.post("buyer", opened, "award").json()["orders"]
    assert [(o["status"], o["payment_days"], o["bid_number"], o["title"], o["seller_name"], o["total_paise"])
            for o in orders] == [("placed", 30, bid["number"], bid["title"], "Big Imports Ltd", 20 * 70_000_00)]
    assert orders[0]["number"].startswith("GEMC-2026-") and orders[0]["placed_at"] == iso_utc(p.clock.now)
    # The seller answers within 5 days, like any order that is not a direct purchase.
    order = orders[0]
    accepted = p.client.post(f"/api/v1/orders/{order['id']}/accept", headers=p.h("seller-c"))
    assert accepted.status_code == 200 and accepted.json()["status"] == "accepted"
    history = p.client.get(f"/api/v1/orders/{order['id']}/history", headers=p.h("seller-c")).json()["events"]
    assert [(e["who"], e["action"], e["note"]) for e in history] == [
        ("", "placed", f"awarded in bid {bid['number']}"), ("seller-c", "accepted", None)]


# --- bids for me ---------------------------------------------------------------------------


def _bulk_bids(market, count: int, category_id: int, at: datetime) -> None:
    """Published bids inserted in one statement (with their categories), newer than `at`."""
    with market.db.writing() as session:
        buyer = session.scalar(select(User.id).where(User.username == "buyer"))
        rows = [{
            "id": str(uuid.uuid4()), "number": f"GEM/2026/B/{7_000_000 + n}", "buyer_org_id": market.ids["office"],
            "created_by": buyer, "title": f"Laptops lot {n}", "kind": "goods", "method": "total_value", "packets": 1,
            "items": [{"id": "1", "name": "Laptop", "category_id": category_id, "key_specs": {},
                       "consignees": [{"district": "Raipur", "quantity": 1, "delivery_days": 30}]}],
            "groups": [], "quantity_splittable": True, "estimated_value_paise": 80_000_00,
            "end_at": at + timedelta(days=20), "opening_at": at + timedelta(days=20, minutes=30),
            "offer_validity_days": 90, "min_offers": 1, "extension_days": 7, "extensions_done": 0,
            "emd": {"mode": "none", "amount_paise": 0, "mse_startup_exempt": True}, "epbg_bp": 0,
            "mse_preference": {"enabled": True, "band_bp": 1500, "share_bp": 2500},
            "mii_preference": {"enabled": True, "margin_bp": 2000, "l1_share_bp": 5000},
            "ra_enabled": False, "ra_rule": None, "payment_days": 10, "status": "published", "opened_at": None,
            "evaluation": None, "version": 1, "created_at": at + timedelta(seconds=n + 1),
            "updated_at": at + timedelta(seconds=n + 1)} for n in range(count)]
        session.execute(insert(Bid), rows)
        session.execute(insert(BidCategory), [{"bid_id": row["id"], "category_id": category_id} for row in rows])


def test_bids_for_me_are_filtered_by_category_in_sql(market):
    p = Procurement(market)
    chairs = market.ids["chairs"]
    chair_item = {"id": "CHAIR", "name": "Office chair", "category_id": chairs, "key_specs": {"material": "Steel"},
                  "consignees": [{"district": "Durg", "quantity": 40, "delivery_days": 30}]}
    # A draft moved from laptops to chairs is filed under chairs only.
    draft = p.draft()
    edited = p.client.patch(f"/api/v1/bids/{draft['id']}", json={"items": [chair_item]}, headers=p.h("buyer", draft["version"]))
    assert edited.status_code == 200, edited.text
    with market.db.reading() as session:
        assert list(session.scalars(select(BidCategory.category_id).where(BidCategory.bid_id == draft["id"]))) == [chairs]
    wanted = p.published(items=[chair_item], title="Chairs for the SP office")
    # 1,200 newer published bids in another category: more than any page the server reads.
    _bulk_bids(market, 1_200, market.ids["laptops"], p.clock.now)
    assert market.create("seller-b", category_id=chairs, key_specs={"material": "Steel"}, title="Chair",
                         mrp_paise=50_000_00, price_paise=20_000_00).status_code == 201
    mine = p.client.get("/api/v1/bids", headers=p.h("seller-b")).json()["bids"]
    assert [b["number"] for b in mine] == [wanted["number"]]
    assert p.client.get("/api/v1/bids", params={"district": "durg"}, headers=p.h("seller-b")).json()["bids"][0]["id"] == wanted["id"]
    assert p.client.get("/api/v1/bids", params={"district": "Raipur"}, headers=p.h("seller-b")).json()["bids"] == []
    # A seller of laptops sees the laptop bids (a page of the newest 1,000), not the chairs bid.
    assert market.create("seller-a").status_code == 201
    laptops = p.client.get("/api/v1/bids", headers=p.h("seller-a")).json()["bids"]
    assert len(laptops) == 1000 and all(b["title"].startswith("Laptops lot") for b in laptops)
