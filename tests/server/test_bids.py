"""Bids through the API with a controlled server clock: draft, maker-checker approval,
sealed offers, the end and the opening by the scheduled step, evaluation with the MSE and
Make in India preferences, matching, award and orders. And every path a sealed price or an
offer count could leak by, before opening."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

import pytest

from domain.timefmt import iso_utc, ist_text, utc_now
from server.db.models import SellerFirm, User
from server.db.trail import SYSTEM, act_as
from server.services import bids as bid_rules
from tests.server.conftest import _PASSWORD_HASH


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 1, 4, 30, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now


def _error(response, status, code):
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code, error
    return error


class Procurement:
    """The test marketplace with a controlled clock and two more sellers: C (large,
    manufacturer, imported goods) and D (large, manufacturer, Class-I local content)."""

    def __init__(self, market) -> None:
        self.market, self.client = market, market.client
        self.clock = Clock()
        self.client.app.state.clock = self.clock
        with market.db.writing() as session:
            act_as(session, SYSTEM, "test.setup")
            for name, firm in (("seller-c", SellerFirm(name="Big Imports Ltd", mse_class="none", udyam_number=None,
                                                       nature="manufacturer", state="Delhi", district="New Delhi")),
                               ("seller-d", SellerFirm(name="Bharat Beds Ltd", mse_class="none", udyam_number=None,
                                                       nature="manufacturer", state="Gujarat", district="Rajkot"))):
                session.add(firm)
                session.flush()
                market.ids[name] = firm.id
                session.add(User(username=name, display_name=name.title(), password_hash=_PASSWORD_HASH, role="seller",
                                 seller_firm_id=firm.id, active=True, created_at=utc_now()))

    def h(self, user: str, version: int | None = None) -> dict[str, str]:
        extra = {"If-Match": str(version)} if version is not None else {}
        return self.market.headers(user, **extra)

    def body(self, **overrides):
        body = {
            "title": "Laptops for the CMHO office, Raipur",
            "items": [{"id": "LAPTOP", "name": "Laptop, 16 GB", "category_id": self.market.ids["laptops"],
                       "key_specs": {"ram_gb": "16"},
                       "consignees": [{"district": "Raipur", "quantity": 16, "delivery_days": 30},
                                      {"district": "Durg", "quantity": 4, "delivery_days": 45}]}],
            "estimated_value_paise": 20 * 80_000_00,
            "end_at": iso_utc(self.clock.now + timedelta(days=12)),
        }
        body.update(overrides)
        return body

    def draft(self, **overrides) -> dict:
        bid_id = str(uuid.uuid4())
        response = self.client.put(f"/api/v1/bids/{bid_id}", json=self.body(**overrides), headers=self.h("buyer"))
        assert response.status_code == 201, response.text
        return response.json()

    def post(self, user: str, bid: dict, verb: str, body=None):
        return self.client.post(f"/api/v1/bids/{bid['id']}/{verb}", json=body, headers=self.h(user, bid["version"]))

    def published(self, **overrides) -> dict:
        bid = self.draft(**overrides)
        bid = self.post("buyer", bid, "send-for-approval").json()
        response = self.post("approver", bid, "approve", {"remark": "Within budget head 31"})
        assert response.status_code == 200, response.text
        return response.json()

    def offer(self, user: str, bid: dict, price_rupees: int, local: int = 10, offer_id: str | None = None):
        offer_id = offer_id or str(uuid.uuid4())
        body = {"local_content_pct": local,
                "items": {"LAPTOP": {"unit_price_paise": price_rupees * 100, "listing_id": None,
                                     "compliance": {"ram_gb": "16"}}}}
        return self.client.put(f"/api/v1/bids/{bid['id']}/offers/{offer_id}", json=body, headers=self.h(user))

    def step(self, at: datetime) -> list[str]:
        self.clock.now = at
        with self.market.db.writing() as session:
            return bid_rules.step(session, at)

    def get(self, user: str, bid: dict, path: str = ""):
        return self.client.get(f"/api/v1/bids/{bid['id']}{path}", headers=self.h(user))


@pytest.fixture
def p(market) -> Procurement:
    return Procurement(market)


def _to_opening(p: Procurement, bid: dict) -> dict:
    end = datetime.fromisoformat(bid["end_at"].replace("Z", "+00:00"))
    p.step(end)
    p.step(end + timedelta(minutes=30))
    return p.get("buyer", bid).json()


# --- a whole procurement ------------------------------------------------------------------


def test_bid_from_draft_to_orders_with_the_mse_preference(p):
    bid = p.draft()
    assert bid["status"] == "draft" and bid["number"] is None
    edited = p.client.patch(f"/api/v1/bids/{bid['id']}", json={"min_offers": 3}, headers=p.h("buyer", bid["version"]))
    assert edited.status_code == 200, edited.text
    bid = p.post("buyer", edited.json(), "send-for-approval").json()
    assert bid["status"] == "awaiting_approval"
    bid = p.post("approver", bid, "approve", {"remark": "ok"}).json()
    assert bid["status"] == "published" and bid["number"].startswith("GEM/2026/B/")

    # C is L1 (imported, large); B is an MSE manufacturer 10% above; D is Class-I 18% above.
    receipts = {}
    for user, price, local in (("seller-c", 70_000, 10), ("seller-b", 77_000, 30), ("seller-d", 82_600, 60)):
        response = p.offer(user, bid, price, local)
        assert response.status_code == 200, response.text
        receipts[user] = response.json()["receipt"]
        assert len(receipts[user]) == 64

    opened = _to_opening(p, bid)
    assert opened["status"] == "financial_evaluation" and opened["opened_at"]
    result = p.get("buyer", bid, "/evaluation").json()
    lot = result["evaluation"]["lots"][0]
    c, b = f"S{p.market.ids['seller-c']}", f"S{p.market.ids['firm_b']}"
    assert lot["l1"] == c and lot["mse_band"]["matched"] == [b] and lot["mse_band"]["outcome"] == "matched"
    due = p.clock.now + timedelta(hours=72)  # invited at the opening, to answer within 72 hours
    assert result["waiting_for"] == [{"seller": b, "lot": "all", "due_at": iso_utc(due)}]

    # The award waits for B's answer; B sees its invitation at L1's price and accepts.
    _error(p.post("buyer", opened, "award"), 409, "waiting_for_match")
    invitation = p.get("seller-b", bid, "/evaluation").json()["invitations"]
    assert invitation == [{"lot": "all", "l1_price_paise": 20 * 70_000_00, "answer": None, "due_at": iso_utc(due),
                           "due_text": ist_text(due)}]
    answered = p.client.post(f"/api/v1/bids/{bid['id']}/matches/all", json={"accept": True}, headers=p.h("seller-b"))
    assert answered.status_code == 200, answered.text

    bid = p.get("buyer", bid).json()
    orders = p.post("buyer", bid, "award").json()["orders"]
    by_seller = {o["seller_id"]: o for o in orders}
    assert set(by_seller) == {p.market.ids["seller-c"], p.market.ids["firm_b"]}
    assert by_seller[p.market.ids["seller-c"]]["lines"][0]["quantity"] == 15
    mse_line = by_seller[p.market.ids["firm_b"]]["lines"][0]
    assert mse_line["quantity"] == 5 and mse_line["unit_price_paise"] == 70_000_00 and mse_line["rule"] == "MSE_MATCH"
    assert p.get("buyer", bid).json()["status"] == "awarded"
    # A seller sees the public steps only: not who in the office acted, nor their remarks.
    public = p.get("seller-b", bid, "/history").json()["events"]
    assert [(e["action"], e["who"], e["role"], e["note"]) for e in public] == [
        ("published", "", "buyer", None), ("closed", "", "system", None), ("opened", "", "system", None),
        ("awarded", "", "buyer", None)]
    seller_orders = p.client.get("/api/v1/orders", headers=p.h("seller-b")).json()["orders"]
    assert [o["total_paise"] for o in seller_orders] == [5 * 70_000_00]

    # The timeline tells who did what, when and why.
    events = p.get("buyer", bid, "/history").json()["events"]
    assert [e["action"] for e in events] == ["drafted", "edited", "sent for approval", "approved and published",
                                             "closed", "opened", "match accepted", "awarded"]
    assert events[3]["who"] == "approver" and events[3]["note"] == "ok"
    assert events[5]["note"] == "3 offer(s) received"

    # After opening the seal can be checked: the receipt is the salted digest of the offer.
    mine = p.get("seller-c", bid, "/my-offer").json()
    assert mine["receipt"] == receipts["seller-c"] and len(mine["seal_salt"]) == 64


def test_make_in_india_share_when_no_mse_is_in_the_band(p):
    bid = p.published()
    for user, price, local in (("seller-c", 70_000, 10), ("seller-b", 90_000, 30), ("seller-d", 80_000, 60)):
        assert p.offer(user, bid, price, local).status_code == 200
    _to_opening(p, bid)
    lot = p.get("buyer", bid, "/evaluation").json()["evaluation"]["lots"][0]
    d = f"S{p.market.ids['seller-d']}"
    assert lot["mse_band"]["outcome"] == "no_one_in_band" and lot["mii_band"]["matched"] == [d]
    # D declines: nobody else is in the margin, L1 keeps everything.
    p.client.post(f"/api/v1/bids/{bid['id']}/matches/all", json={"accept": False}, headers=p.h("seller-d"))
    result = p.get("buyer", bid, "/evaluation").json()
    assert result["waiting_for"] == [] and result["evaluation"]["lots"][0]["mii_band"]["outcome"] == "all_declined"
    orders = p.post("buyer", p.get("buyer", bid).json(), "award").json()["orders"]
    assert [(o["seller_id"], o["lines"][0]["quantity"]) for o in orders] == [(p.market.ids["seller-c"], 20)]


def test_two_packets_technical_rejection_is_seen_by_the_seller(p):
    bid = p.published(packets=2)
    offers = {}
    for user, price in (("seller-c", 70_000), ("seller-b", 75_000), ("seller-d", 72_000)):
        offers[user] = p.offer(user, bid, price).json()["id"]
    bid = _to_opening(p, bid)
    assert bid["status"] == "technical_evaluation"
    listed = p.get("buyer", bid, "/offers").json()["offers"]
    assert len(listed) == 3 and all("unit_price_paise" not in q for o in listed for q in o["items"].values())
    _error(p.post("buyer", bid, "open-financial"), 409, "technical_pending")
    reject = p.client.post(f"/api/v1/bids/{bid['id']}/offers/{offers['seller-c']}/technical",
                           json={"accepted": False}, headers=p.h("buyer"))
    assert _error(reject, 422, "validation_failed")["fields"] == {"remark": "say why, for the buyer and the record"}
    p.client.post(f"/api/v1/bids/{bid['id']}/offers/{offers['seller-c']}/technical",
                  json={"accepted": False, "reason": "RAM is soldered 8 GB plus 8 GB, not 16 GB as one module"},
                  headers=p.h("buyer"))
    for user in ("seller-b", "seller-d"):
        p.client.post(f"/api/v1/bids/{bid['id']}/offers/{offers[user]}/technical", json={"accepted": True}, headers=p.h("buyer"))
    mine = p.get("seller-c", bid, "/my-offer").json()
    assert mine["technical_status"] == "rejected" and mine["technical_reason"].startswith("RAM is soldered")
    bid = p.post("buyer", p.get("buyer", bid).json(), "open-financial").json()
    lot = p.get("buyer", bid, "/evaluation").json()["evaluation"]["lots"][0]
    assert lot["l1"] == f"S{p.market.ids['seller-d']}"  # C's lower price was never in the running


# --- time -----------------------------------------------------------------------------------


def test_too_few_offers_extend_the_bid_once(p):
    bid = p.published(min_offers=3, extension_days=7)
    p.offer("seller-c", bid, 70_000)
    end = datetime.fromisoformat(bid["end_at"].replace("Z", "+00:00"))
    assert len(p.step(end)) == 1
    assert p.step(end) == []  # the step is idempotent
    extended = p.get("seller-b", bid).json()
    assert extended["status"] == "published" and extended["extensions_done"] == 1
    assert extended["end_at"] == iso_utc(end + timedelta(days=7))
    assert p.offer("seller-b", bid, 71_000).status_code == 200  # still open to offers
    _to_opening(p, extended)
    assert p.get("buyer", bid).json()["status"] == "financial_evaluation"  # once only: opens with two


def test_a_seller_keeps_seeing_the_bids_it_offered_on_after_they_close(p):
    bid = p.published(min_offers=1)
    assert p.offer("seller-c", bid, 70_000).status_code == 200
    listed = lambda user: [b["id"] for b in p.client.get("/api/v1/bids", headers=p.h(user)).json()["bids"]]  # noqa: E731
    assert p.market.create("seller-b").status_code == 201  # a laptop listing: the bid is for seller-b too
    assert bid["id"] in listed("seller-c") and bid["id"] in listed("seller-b")
    p.step(datetime.fromisoformat(bid["end_at"].replace("Z", "+00:00")))
    assert bid["id"] in listed("seller-c")  # it follows the opening, a match or a negotiation
    assert bid["id"] not in listed("seller-b")  # no longer open to offers, and it did not offer


def test_a_late_offer_is_refused_by_the_servers_clock(p):
    bid = p.published()
    p.clock.now = datetime.fromisoformat(bid["end_at"].replace("Z", "+00:00"))
    error = _error(p.offer("seller-c", bid, 70_000), 409, "bid_closed")
    assert "offers after the end are not accepted" in error["message"]


def test_a_fourth_withdrawal_is_refused(p):
    bid = p.published()
    offer_id = str(uuid.uuid4())
    for n in range(3):
        assert p.offer("seller-c", bid, 70_000 + n, offer_id=offer_id).status_code == 200
        withdrawn = p.client.post(f"/api/v1/bids/{bid['id']}/offers/{offer_id}/withdraw", headers=p.h("seller-c"))
        assert withdrawn.status_code == 200 and withdrawn.json()["withdrawals_left"] == 2 - n
    assert p.offer("seller-c", bid, 69_000, offer_id=offer_id).status_code == 200
    error = _error(p.client.post(f"/api/v1/bids/{bid['id']}/offers/{offer_id}/withdraw", headers=p.h("seller-c")),
                   409, "too_many_withdrawals")
    assert "3 times" in error["message"]


# --- maker-checker and input -----------------------------------------------------------------


def test_the_clerk_cannot_approve_their_own_bid(p):
    bid = p.post("buyer", p.draft(), "send-for-approval").json()
    assert "approving officer" in _error(p.post("buyer", bid, "approve"), 403, "forbidden")["message"]
    assert _error(p.post("approver", bid, "return"), 422, "validation_failed")["fields"] == {
        "remark": "say why, for the buyer and the record"}
    returned = p.post("approver", bid, "return", {"remark": "Add the Durg consignee"}).json()
    assert returned["status"] == "returned"
    assert p.get("buyer", bid, "/history").json()["events"][-1]["note"] == "Add the Durg consignee"


def test_an_end_too_soon_cannot_be_published(p):
    bid = p.draft(end_at=iso_utc(p.clock.now + timedelta(days=3)))
    bid = p.post("buyer", bid, "send-for-approval").json()
    error = _error(p.post("approver", bid, "approve"), 422, "validation_failed")
    assert error["fields"]["end_at"].startswith("must be at least 10 days after publishing")


@pytest.mark.parametrize(("overrides", "field"), [
    ({"title": ""}, "title"),
    ({"method": "cheapest"}, "method"),
    ({"packets": 3}, "packets"),
    ({"end_at": "next Tuesday"}, "end_at"),
    ({"offer_validity_days": 30}, "offer_validity_days"),
    ({"extension_days": 3}, "extension_days"),
    ({"emd": {"mode": "amount", "amount_paise": 100}}, "emd.amount_paise"),
    ({"ra_enabled": True}, "ra_rule"),
    ({"ra_enabled": True, "ra_rule": "direct", "method": "item_wise"}, "ra_rule"),
    ({"mse_preference": {"enabled": "yes", "band_bp": 1500, "share_bp": 2500}}, "mse_preference"),
    ({"items": []}, "items"),
    ({"items": [{"id": "A", "name": "x", "category_id": 999999, "consignees": [{"district": "Raipur", "quantity": 0, "delivery_days": 9}]}]},
     "items[0].consignees[0].quantity"),
    ({"method": "group_wise", "groups": []}, "groups"),
    ({"surprise": 1}, "surprise"),
])
def test_bad_bid_fields_are_named(p, overrides, field):
    response = p.client.put(f"/api/v1/bids/{uuid.uuid4()}", json=p.body(**overrides), headers=p.h("buyer"))
    assert field in _error(response, 422, "validation_failed")["fields"]


def test_roles_and_offices(p):
    bid = p.draft()
    for user in ("seller-a", "approver", "admin"):
        assert p.client.put(f"/api/v1/bids/{uuid.uuid4()}", json=p.body(), headers=p.h(user)).status_code == 403
    assert p.get("seller-a", bid).status_code == 404  # a draft is the office's own
    _error(p.offer("buyer", p.published(), 70_000), 403, "forbidden")


# --- sealed until opening -----------------------------------------------------------------


def test_nothing_about_offers_leaks_before_opening(p):
    quiet, busy = p.published(min_offers=2), p.published(min_offers=2)
    for user, price in (("seller-c", 70_000), ("seller-b", 75_000)):
        assert p.offer(user, busy, price).status_code == 200

    def strip(bid_json: dict) -> dict:
        return {k: v for k, v in bid_json.items() if k not in ("id", "number", "created_at", "updated_at", "end_at",
                                                             "opening_at")}

    for user in ("buyer", "approver", "seller-a", "admin"):
        # The bid reads the same, with or without offers (version, times, status).
        assert strip(p.get(user, busy).json()) == strip(p.get(user, quiet).json())
        # Offers, the evaluation and the history say the same about both.
        for path in ("/offers", "/evaluation", "/history", "/audit-export"):
            a, b = p.get(user, busy, path), p.get(user, quiet, path)
            assert a.status_code == b.status_code, (user, path)
            if a.status_code == 200:
                assert [e["action"] for e in a.json().get("events", [])] == [e["action"] for e in b.json().get("events", [])]
            else:
                assert a.json()["error"]["code"] == b.json()["error"]["code"]
    assert p.get("buyer", busy, "/offers").json()["error"]["code"] == "sealed"
    # Another seller learns nothing from its own offer calls.
    assert p.get("seller-d", busy, "/my-offer").status_code == 404 == p.get("seller-d", quiet, "/my-offer").status_code
    # The audit trail shows no offer event (their number would be a count) until opening.
    audit = p.client.get("/api/v1/audit", params={"entity_type": "offer"}, headers=p.h("admin")).json()["events"]
    assert audit == []
    _to_opening(p, busy)
    audit = p.client.get(f"/api/v1/audit/sealed/{busy['id']}", headers=p.h("admin")).json()["events"]
    assert len(audit) == 2
    # The trail's digest is the receipt: salted, so it could not be searched for a price
    # before opening; with the salt revealed at opening, anyone can check it.
    mine = p.get("seller-c", busy, "/my-offer").json()
    content = bid_rules.canonical_json({"items": mine["items"], "local": mine["local_content_pct"],
                                        "status": "submitted", "technical": "pending"})
    digests = {event["digest"] for event in audit}
    assert bid_rules.sha256_hex(mine["seal_salt"] + content) in digests
    assert bid_rules.sha256_hex(content) not in digests


def test_a_seller_cannot_take_over_anothers_offer_id(p):
    bid = p.published()
    offer_id = p.offer("seller-c", bid, 70_000).json()["id"]
    response = p.offer("seller-b", bid, 60_000, offer_id=offer_id)
    assert _error(response, 422, "validation_failed")["fields"] == {"offer_id": "is taken: make a new UUID for your offer"}
    assert p.get("seller-c", bid, "/my-offer").json()["items"]["LAPTOP"]["unit_price_paise"] == 70_000_00


# --- offer validity -------------------------------------------------------------------------


def _valid_until(bid: dict) -> datetime:
    """Offers bind their sellers until the (latest) end plus the bid's offer validity."""
    return datetime.fromisoformat(bid["end_at"].replace("Z", "+00:00")) + timedelta(days=bid["offer_validity_days"])


@pytest.mark.parametrize("packets", [1, 2])
def test_a_bid_not_awarded_lapses_when_its_offers_validity_ends(p, packets):
    bid = p.published(min_offers=1, offer_validity_days=60, packets=packets)
    for user, price in (("seller-c", 70_000), ("seller-b", 77_000)):
        assert p.offer(user, bid, price).status_code == 200
    opened = _to_opening(p, bid)
    assert opened["status"] == ("financial_evaluation" if packets == 1 else "technical_evaluation")
    until = _valid_until(opened)
    assert until == datetime.fromisoformat(bid["end_at"].replace("Z", "+00:00")) + timedelta(days=60)

    early = p.step(until - timedelta(seconds=1))  # (B's invitation to match L1 lapsed 72 hours after the opening)
    assert not any("lapsed: offers valid" in line for line in early)  # not a second early
    assert p.get("buyer", bid).json()["status"] == opened["status"]
    assert p.step(until) == [f"{opened['number']} lapsed: offers valid until {iso_utc(until)}"]
    lapsed = p.get("buyer", bid).json()
    assert lapsed["status"] == "lapsed"
    history = p.get("buyer", bid, "/history").json()["events"]
    assert p.step(until) == [] and p.step(until + timedelta(days=30)) == []  # idempotent
    assert p.get("buyer", bid).json()["version"] == lapsed["version"]
    assert p.get("buyer", bid, "/history").json()["events"] == history

    # The sellers see the lapse, and why, in the public timeline: they are free of their offers.
    note = (f"the offers' validity ended on {ist_text(until)} (60 days after the end) before an award; "
            "the sellers are no longer bound by their offers")
    public = p.get("seller-b", bid, "/history").json()["events"]
    assert [(e["action"], e["role"], e["note"]) for e in public][-1] == ("lapsed", "system", note)
    assert history[-1]["action"] == "lapsed" and history[-1]["who"] == "system"
    assert bid["id"] in [b["id"] for b in p.client.get("/api/v1/bids", headers=p.h("seller-b")).json()["bids"]]
    audit = p.client.get("/api/v1/audit", params={"entity_type": "bid", "entity_id": bid["id"]},
                         headers=p.h("admin")).json()["events"]
    assert [(e["action"], e["actor_role"]) for e in audit][-1] == ("bid.lapsed", "system")
    # The office keeps what it had: prices only if they had been opened.
    offers = p.get("buyer", bid, "/offers").json()["offers"]
    assert len(offers) == 2
    assert all(("unit_price_paise" in o["items"]["LAPTOP"]) == (packets == 1) for o in offers)


def test_award_after_the_offers_validity_is_refused_even_before_the_step(p):
    bid = p.published(min_offers=1)
    assert p.offer("seller-c", bid, 70_000).status_code == 200
    opened = _to_opening(p, bid)
    until = _valid_until(opened)
    p.clock.now = until  # the step has not run: the bid still reads as in financial evaluation
    assert p.get("buyer", bid).json()["status"] == "financial_evaluation"
    error = _error(p.post("buyer", opened, "award"), 409, "offers_lapsed")
    assert f"The offers' validity ended on {ist_text(until)} (server time)" in error["message"]
    assert p.get("buyer", bid).json()["status"] == "financial_evaluation"  # the refusal changed nothing
    assert p.client.get("/api/v1/orders", headers=p.h("seller-c")).json()["orders"] == []
    p.step(until)
    lapsed = p.get("buyer", bid).json()
    assert lapsed["status"] == "lapsed"
    assert _error(p.post("buyer", lapsed, "award"), 409, "offers_lapsed")["message"] == error["message"]


def test_an_awarded_bid_never_lapses(p):
    bid = p.published(min_offers=1)
    assert p.offer("seller-c", bid, 70_000).status_code == 200
    opened = _to_opening(p, bid)
    until = _valid_until(opened)
    p.clock.now = until - timedelta(seconds=1)  # the last second of the validity
    response = p.post("buyer", opened, "award")
    assert response.status_code == 200, response.text
    for moment in (until, until + timedelta(days=400)):
        assert p.step(moment) == []
    assert p.get("buyer", bid).json()["status"] == "awarded"
    assert "lapsed" not in [e["action"] for e in p.get("seller-c", bid, "/history").json()["events"]]


def test_an_extension_moves_the_validity_and_an_open_negotiation_lapses_with_the_bid(p):
    bid = p.published(min_offers=2, extension_days=7, offer_validity_days=60)
    assert p.offer("seller-c", bid, 70_000).status_code == 200
    p.step(datetime.fromisoformat(bid["end_at"].replace("Z", "+00:00")))  # too few offers: extended a week
    assert p.offer("seller-d", bid, 82_600, local=60).status_code == 200
    opened = _to_opening(p, p.get("buyer", bid).json())
    until = _valid_until(opened)
    assert until == datetime.fromisoformat(bid["end_at"].replace("Z", "+00:00")) + timedelta(days=67)
    p.clock.now = until - timedelta(hours=1)
    asked = p.client.post(f"/api/v1/bids/{bid['id']}/negotiations", json={"lot": "all"},
                          headers=p.h("buyer", p.get("buyer", bid).json()["version"]))
    assert asked.status_code == 201, asked.text
    p.step(until)
    rounds = p.get("buyer", bid, "/negotiations").json()["negotiations"]
    assert [r["status"] for r in rounds] == ["lapsed"]
    notes = [(e["action"], e["note"]) for e in p.get("buyer", bid, "/history").json()["events"]]
    assert notes[-2:] == [
        ("negotiation lapsed", f"round 1 on lot all: lapsed with the bid, as the offers' validity ended on {ist_text(until)}"),
        ("lapsed", f"the offers' validity ended on {ist_text(until)} (60 days after the end) before an award; "
                   "the sellers are no longer bound by their offers")]
    audit = p.client.get("/api/v1/audit", params={"entity_type": "negotiation"}, headers=p.h("admin")).json()["events"]
    assert [e["action"] for e in audit] == ["negotiation.asked", "negotiation.lapsed"]


def test_a_sellers_district_filter_matches_a_district_however_it_is_written(p):
    items = p.body()["items"]
    items[0]["consignees"] = [{"district": "Janjgir-Champa", "quantity": 20, "delivery_days": 30}]
    bid = p.published(items=items)
    assert p.market.create("seller-b").status_code == 201  # a laptop listing: the bid is for seller-b
    for written in ("Janjgir-Champa", "janjgir champa", "JANJGIR  CHAMPA"):
        found = p.client.get("/api/v1/bids", params={"district": written}, headers=p.h("seller-b")).json()["bids"]
        assert [b["id"] for b in found] == [bid["id"]], written  # the desktop's filter matched all three; the server only the first
    assert p.client.get("/api/v1/bids", params={"district": "Raipur"}, headers=p.h("seller-b")).json()["bids"] == []
