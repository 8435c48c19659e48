"""Direct and L1 purchases from the catalogue: the limits in force, the L1 comparison across
OEMs, the reason for fewer than three, the approving officer, and demand splitting."""

from __future__ import annotations

import uuid

import pytest

from server.db.models import Brand
from server.db.trail import SYSTEM, act_as


def _error(response, status, code):
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code, error
    return error


@pytest.fixture
def shop(market):
    with market.db.writing() as session:
        act_as(session, SYSTEM, "test.setup")
        session.add_all([Brand(name="HP", registered=True), Brand(name="Lenovo", registered=True)])
    return market


def listing(market, user="seller-a", **fields) -> str:
    response = market.create(user, **fields)
    assert response.status_code == 201 and response.json()["status"] == "published", response.text
    return response.json()["id"]


def buy(market, listing_id, mode="direct", quantity=1, district="Raipur", user="buyer", **extra):
    body = {"mode": mode, "listing_id": listing_id, "quantity": quantity, "consignee_district": district, **extra}
    return market.client.put(f"/api/v1/purchases/{uuid.uuid4()}", json=body, headers=market.headers(user))


def test_a_direct_purchase_within_the_limit_waits_for_the_officer(shop):
    chair = listing(shop, category_id=shop.ids["chairs"], key_specs={"material": "Steel"}, mrp_paise=50_000_00,
                    price_paise=45_000_00, title="Office chair")
    order = buy(shop, chair)
    assert order.status_code == 201, order.text
    order = order.json()
    assert order["status"] == "awaiting_approval" and order["total_paise"] == 45_000_00 and order["warnings"] == []
    assert shop.client.get("/api/v1/orders", headers=shop.headers("seller-a")).json()["orders"] == []
    own = shop.client.post(f"/api/v1/orders/{order['id']}/approve", headers=shop.headers("buyer"))
    assert "approving officer" in _error(own, 403, "forbidden")["message"]
    placed = shop.client.post(f"/api/v1/orders/{order['id']}/approve", json={"remark": "ok"}, headers=shop.headers("approver"))
    assert placed.json()["status"] == "placed"
    assert [o["id"] for o in shop.client.get("/api/v1/orders", headers=shop.headers("seller-a")).json()["orders"]] == [order["id"]]


def test_above_the_direct_limit_the_rule_says_so(shop):
    laptop = listing(shop)  # Rs 72,500: above the Rs 50,000 direct limit of 2024
    error = _error(buy(shop, laptop), 422, "validation_failed")
    assert "above the direct purchase limit of Rs 50,000.00 (OM F.1/3/2024-PPD" in error["fields"]["quantity"]
    assert "this listing does not deliver to Bastar" in _error(buy(shop, laptop, district="Bastar"), 422,
                                                               "validation_failed")["fields"]["consignee_district"]


def test_only_the_l1_of_three_oems_can_be_ordered(shop):
    dell = listing(shop, brand="Dell", price_paise=72_500_00)
    hp = listing(shop, "seller-b", brand="HP", price_paise=70_000_00, title="HP laptop")
    listing(shop, brand="Lenovo", price_paise=71_000_00)
    listing(shop, brand="Lenovo", price_paise=60_000_00, key_specs={"ram_gb": "8", "os": "Windows"})  # does not meet
    need = {"ram_gb": "16"}
    compared = shop.client.post("/api/v1/purchases/l1-comparison", headers=shop.headers("buyer"),
                                json={"category_id": shop.ids["laptops"], "key_specs": need, "consignee_district": "raipur"}).json()
    assert compared["l1_listing_id"] == hp and compared["enough_oems"] and len(compared["ranked"]) == 3
    error = _error(buy(shop, dell, "l1", key_specs=need), 422, "validation_failed")
    assert error["fields"]["listing_id"] == "only the L1 listing can be ordered: HP laptop (HP) at Rs 70,000.00"
    order = buy(shop, hp, "l1", quantity=10, key_specs=need)
    assert order.status_code == 201, order.text
    assert order.json()["comparison"]["oems"] == ["HP", "Lenovo", "Dell"]


def test_fewer_than_three_oems_needs_a_reason(shop):
    hp = listing(shop, "seller-b", brand="HP", price_paise=70_000_00)
    listing(shop, brand="Dell", price_paise=72_500_00)
    error = _error(buy(shop, hp, "l1", key_specs={"ram_gb": "16"}), 422, "validation_failed")
    assert error["fields"]["reason"].startswith("only 2 OEM(s) meet the requirement")
    order = buy(shop, hp, "l1", key_specs={"ram_gb": "16"}, reason="Only two OEMs make rugged models for field use")
    assert order.status_code == 201 and order.json()["reason"].startswith("Only two OEMs")


def test_repeated_direct_purchases_warn_of_splitting(shop):
    chair = listing(shop, category_id=shop.ids["chairs"], key_specs={"material": "Steel"}, mrp_paise=50_000_00,
                    price_paise=30_000_00, title="Office chair", stock=100)
    assert buy(shop, chair).json()["warnings"] == []
    warnings = buy(shop, chair).json()["warnings"]
    assert len(warnings) == 1 and warnings[0].startswith("Possible splitting of a demand (GFR 2017 Rule 149(viii))")


@pytest.mark.parametrize(("body", "field"), [
    ({"mode": "cheapest"}, "mode"),
    ({"quantity": 0}, "quantity"),
    ({"consignee_district": ""}, "consignee_district"),
    ({"listing_id": "not-an-id"}, "listing_id"),
    ({"colour": "red"}, "colour"),
])
def test_bad_purchase_fields_are_named(shop, body, field):
    laptop = listing(shop)
    full = {"mode": "direct", "listing_id": laptop, "quantity": 1, "consignee_district": "Raipur", **body}
    response = shop.client.put(f"/api/v1/purchases/{uuid.uuid4()}", json=full, headers=shop.headers("buyer"))
    assert field in _error(response, 422, "validation_failed")["fields"]
