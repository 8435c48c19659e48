"""Invitations to match L1 through the API, with a controlled server clock (issue 17): every
MSE in the band invited together and sharing the 25% (PPP-MSE Order 2012 para 10; DoE manual
para 1.10, 5(b)), one who declines dropping out, an invitation lapsing at its deadline so the
others and the award do not wait, the quantity that cannot be split offered in turn (5(b)(i)),
and the Make in India exemption below Rs 5 lakh (PPP-MII Order 2017, revised 2020, para 4)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.timefmt import iso_utc, utc_now
from server.db.models import SellerFirm, User
from server.db.trail import SYSTEM, act_as
from server.services import matching
from tests.server.conftest import _PASSWORD_HASH
from tests.server.test_bids import Procurement, _error, _to_opening


@pytest.fixture
def p(market) -> Procurement:
    """The bids' test market with a second MSE manufacturer, E (micro)."""
    procurement = Procurement(market)
    with market.db.writing() as session:
        act_as(session, SYSTEM, "test.setup")
        firm = SellerFirm(name="Bhilai Steel Desks", mse_class="micro", udyam_number="UDYAM-CG-05-0000002",
                          nature="manufacturer", state="Chhattisgarh", district="Durg")
        session.add(firm)
        session.flush()
        market.ids["seller-e"] = firm.id
        session.add(User(username="seller-e", display_name="Seller-E", password_hash=_PASSWORD_HASH, role="seller",
                         seller_firm_id=firm.id, active=True, created_at=utc_now()))
    return procurement


def _alias(p: Procurement, user: str) -> str:
    return f"S{p.market.ids['firm_b' if user == 'seller-b' else user]}"


def _opened(p: Procurement, **overrides) -> dict:
    """20 laptops: C (large) L1 at Rs 70,000; B (small) and E (micro), MSE manufacturers, at
    Rs 77,000 and Rs 78,000, both within L1 + 15% (Rs 80,500)."""
    bid = p.published(min_offers=1, **overrides)
    for user, price in (("seller-c", 70_000), ("seller-b", 77_000), ("seller-e", 78_000)):
        assert p.offer(user, bid, price).status_code == 200
    return _to_opening(p, bid)


def _answer(p: Procurement, user: str, bid: dict, accept: bool):
    return p.client.post(f"/api/v1/bids/{bid['id']}/matches/all", json={"accept": accept}, headers=p.h(user))


def _award(p: Procurement, bid: dict):
    return p.post("buyer", p.get("buyer", bid).json(), "award")


def _lines(orders: list[dict]) -> dict[int, tuple[int, int]]:
    return {o["seller_id"]: (o["lines"][0]["quantity"], o["lines"][0]["unit_price_paise"]) for o in orders}


def test_two_mses_invited_together_share_the_mse_quantity(p):
    bid = _opened(p)
    b, e = _alias(p, "seller-b"), _alias(p, "seller-e")
    opened_at = p.clock.now
    result = p.get("buyer", bid, "/evaluation").json()
    band = result["evaluation"]["lots"][0]["mse_band"]
    assert band["invited"] == [b, e] and band["matched"] == [b, e]
    due = iso_utc(opened_at + timedelta(hours=72))
    assert result["waiting_for"] == [{"seller": b, "lot": "all", "due_at": due}, {"seller": e, "lot": "all", "due_at": due}]

    # B accepts first; the award still waits for E, within its deadline.
    p.clock.now += timedelta(hours=5)
    assert _answer(p, "seller-b", bid, True).status_code == 200
    assert [w["seller"] for w in p.get("buyer", bid, "/evaluation").json()["waiting_for"]] == [e]
    _error(_award(p, bid), 409, "waiting_for_match")
    # E accepts too: 25% of 20 is 5 laptops, 2.5 each; the odd one to the lower offer, B.
    assert _answer(p, "seller-e", bid, True).status_code == 200
    orders = _award(p, bid).json()["orders"]
    assert _lines(orders) == {p.market.ids["seller-c"]: (15, 70_000_00), p.market.ids["firm_b"]: (3, 70_000_00),
                              p.market.ids["seller-e"]: (2, 70_000_00)}


def test_an_invitation_not_answered_by_its_deadline_lapses_and_the_others_do_not_wait(p):
    bid = _opened(p)
    e = _alias(p, "seller-e")
    due = p.clock.now + timedelta(hours=72)
    assert _answer(p, "seller-b", bid, True).status_code == 200
    assert p.step(due - timedelta(seconds=1)) == []  # E still has a second

    # At the deadline E's answer is refused, even before the step has run; the award does not
    # wait for the step either: it lapses E's invitation itself, and B, the one MSE left, has
    # the whole 25%.
    p.clock.now = due
    error = _error(_answer(p, "seller-e", bid, True), 409, "invitation_lapsed")
    assert "counts as declined" in error["message"]
    orders = _award(p, bid).json()["orders"]
    assert _lines(orders) == {p.market.ids["seller-c"]: (15, 70_000_00), p.market.ids["firm_b"]: (5, 70_000_00)}
    band = p.get("buyer", bid, "/evaluation").json()["evaluation"]["lots"][0]["mse_band"]
    assert band["declined"] == [e] and band["matched"] == [_alias(p, "seller-b")]
    assert p.get("seller-e", bid, "/evaluation").json()["invitations"] == [{"lot": "all", "answer": "lapsed"}]
    assert p.step(due + timedelta(minutes=1)) == []  # nothing left for the step
    events = p.get("buyer", bid, "/history").json()["events"]
    lapsed = next(event for event in events if event["action"] == "match lapsed")
    assert lapsed["who"] == "system" and lapsed["note"].startswith(f"lot all: {e} did not answer by ")


def test_a_quantity_that_cannot_be_split_is_offered_in_turn_each_with_its_deadline(p):
    bid = _opened(p, quantity_splittable=False)
    b = _alias(p, "seller-b")
    assert [w["seller"] for w in p.get("buyer", bid, "/evaluation").json()["waiting_for"]] == [b]
    assert p.get("seller-e", bid, "/evaluation").json()["invitations"] == []  # not asked yet

    # B lets its invitation lapse; the step passes it to E, with a deadline of its own.
    lapsed_at = p.clock.now + timedelta(hours=72)
    assert p.step(lapsed_at) == [f"{bid['number']}: the invitation to {b} to match L1 in lot all lapsed"]
    [invitation] = p.get("seller-e", bid, "/evaluation").json()["invitations"]
    assert invitation["answer"] is None and invitation["due_at"] == iso_utc(lapsed_at + timedelta(hours=72))
    assert _answer(p, "seller-e", bid, True).status_code == 200
    orders = _award(p, bid).json()["orders"]
    assert _lines(orders) == {p.market.ids["seller-e"]: (20, 70_000_00)}  # the whole quantity at L1's price


def test_below_rs_5_lakh_the_make_in_india_margin_is_not_applied(p):
    # Para 4 of the PPP-MII Order: the estimated value, Rs 4,00,000, is below Rs 5 lakh. D is a
    # Class-I supplier within 20% of C, but is not invited.
    bid = p.published(min_offers=1, estimated_value_paise=4_00_000_00, emd={"mode": "none"},
                      items=[{**p.body()["items"][0], "consignees": [{"district": "Raipur", "quantity": 5,
                                                                      "delivery_days": 30}]}])
    for user, price, local in (("seller-c", 70_000, 10), ("seller-d", 80_000, 60)):
        assert p.offer(user, bid, price, local).status_code == 200
    _to_opening(p, bid)
    result = p.get("buyer", bid, "/evaluation").json()
    evaluation = result["evaluation"]
    assert evaluation["lots"][0]["mii_band"]["outcome"] == "exempt_small_purchase"
    assert [n["code"] for n in evaluation["notices"]] == ["mii_exempt_small_purchase"]
    assert result["waiting_for"] == []
    assert p.get("buyer", bid, "/audit-export").json()["bid"]["estimated_value_paise"] == 4_00_000_00


def test_an_evaluation_stored_before_sharing_still_names_its_one_matching_seller():
    # Before issue 17 a band's `matched` was one seller or None; such evaluations stay stored
    # until the bid is evaluated again.
    assert matching.matched({"matched": "S2"}) == ["S2"] and matching.matched({"matched": None}) == []
    assert matching.invited({"lots": [{"lot": "all", "mse_band": {"matched": "S2"}, "mii_band": None}]}) == [("S2", "all")]
