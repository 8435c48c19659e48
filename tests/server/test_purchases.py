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
    assert placed.json()["status"] == "accepted"  # a direct order is accepted by the system when placed
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


# -- a direct purchase of several listings of one seller (the desktop's cart) ---------------


def buy_lines(market, lines, district="Raipur", user="buyer", **extra):
    body = {"mode": "direct", "lines": [{"listing_id": l, "quantity": q} for l, q in lines],
            "consignee_district": district, **extra}
    return market.client.put(f"/api/v1/purchases/{uuid.uuid4()}", json=body, headers=market.headers(user))


def chair(market, user="seller-a", price_paise=12_000_00, **fields) -> str:
    return listing(market, user, category_id=market.ids["chairs"], key_specs={"material": "Steel"},
                   mrp_paise=50_000_00, price_paise=price_paise, title=fields.pop("title", "Office chair"), **fields)


def test_a_cart_of_one_seller_becomes_one_order_with_every_line(shop):
    chair_id = chair(shop, price_paise=12_000_00, min_order_qty=2)
    stool = chair(shop, price_paise=15_000_00, title="Steel stool")
    order = buy_lines(shop, [(chair_id, 2), (stool, 1)])
    assert order.status_code == 201, order.text
    order = order.json()
    assert order["status"] == "awaiting_approval" and order["mode"] == "direct"
    assert order["total_paise"] == 39_000_00 and order["seller_id"] == shop.ids["firm_a"]
    assert [(line["item"], line["listing_id"], line["quantity"], line["unit_price_paise"], line["total_paise"])
            for line in order["lines"]] == [("Office chair", chair_id, 2, 12_000_00, 24_000_00),
                                            ("Steel stool", stool, 1, 15_000_00, 15_000_00)]
    placed = shop.client.post(f"/api/v1/orders/{order['id']}/approve", json={"remark": "ok"},
                              headers=shop.headers("approver"))
    assert placed.json()["status"] == "accepted" and len(placed.json()["lines"]) == 2  # direct: accepted when placed
    seen = shop.client.get("/api/v1/orders", headers=shop.headers("seller-a")).json()["orders"]
    assert [(o["id"], o["total_paise"]) for o in seen] == [(order["id"], 39_000_00)]


def test_lines_of_two_sellers_are_refused_naming_the_line(shop):
    mine, theirs = chair(shop), chair(shop, "seller-b", title="Chair of another firm")
    error = _error(buy_lines(shop, [(mine, 1), (theirs, 1)]), 422, "validation_failed")
    assert list(error["fields"]) == ["lines.1.listing_id"]
    assert "another seller" in error["fields"]["lines.1.listing_id"]


def test_the_orders_total_is_held_to_the_direct_limit(shop):
    cheap = [chair(shop, price_paise=20_000_00, title=f"Chair {n}") for n in range(3)]
    assert buy_lines(shop, [(cheap[0], 1), (cheap[1], 1)]).status_code == 201  # Rs 40,000
    error = _error(buy_lines(shop, [(c, 1) for c in cheap]), 422, "validation_failed")  # Rs 60,000
    assert error["fields"]["lines"] == ("the order's total, Rs 60,000.00, is above the direct purchase limit of "
                                        "Rs 50,000.00 (OM F.1/3/2024-PPD, 10 Jul 2024); buy by L1 purchase or bid")


def test_each_lines_stock_minimum_and_delivery_are_named(shop):
    few = chair(shop, price_paise=1_000_00, stock=3, title="Few chairs")
    boxed = chair(shop, price_paise=1_000_00, min_order_qty=5, title="Chairs by five")
    far = chair(shop, price_paise=1_000_00, delivery_districts=["Durg"], title="Durg only")
    error = _error(buy_lines(shop, [(boxed, 2), (few, 4), (far, 1)]), 422, "validation_failed")
    assert error["fields"] == {"lines.0.quantity": "the seller's minimum order is 5",
                               "lines.1.quantity": "only 3 in stock",
                               "lines.2.listing_id": "does not deliver to Raipur"}
    gone = _error(buy_lines(shop, [(few, 1), (str(uuid.uuid4()), 1)]), 422, "validation_failed")
    assert gone["fields"] == {"lines.1.listing_id": "is not a listing on sale"}


@pytest.mark.parametrize(("change", "field"), [
    (lambda body, ids: body.update(mode="l1"), "lines"),
    (lambda body, ids: body.update(listing_id=ids[0], quantity=1), "lines"),
    (lambda body, ids: body.update(lines=[]), "lines"),
    (lambda body, ids: body.update(lines=[{"listing_id": ids[0], "quantity": 1}] * 51), "lines"),
    (lambda body, ids: body.update(lines=[{"listing_id": ids[0], "quantity": 1}, {"listing_id": ids[0], "quantity": 2}]),
     "lines.1.listing_id"),
    (lambda body, ids: body["lines"][0].update(colour="red"), "lines.0.colour"),
    (lambda body, ids: body["lines"][1].update(quantity=0), "lines.1.quantity"),
    (lambda body, ids: body["lines"][1].update(listing_id="chair"), "lines.1.listing_id"),
])
def test_bad_lines_are_named(shop, change, field):
    ids = [chair(shop), chair(shop, title="Another chair")]
    body = {"mode": "direct", "consignee_district": "Raipur", "lines": [{"listing_id": i, "quantity": 1} for i in ids]}
    change(body, ids)
    response = shop.client.put(f"/api/v1/purchases/{uuid.uuid4()}", json=body, headers=shop.headers("buyer"))
    assert field in _error(response, 422, "validation_failed")["fields"]


def test_a_delivery_district_matches_however_it_is_written(shop):
    chair_id = chair(shop, delivery_districts=["Janjgir-Champa"])
    order = buy(shop, chair_id, district="janjgir champa")  # as the desktop's district filter matched it
    assert order.status_code == 201, order.text
    assert "this listing does not deliver to Raipur" in _error(buy(shop, chair_id), 422, "validation_failed")["fields"]["consignee_district"]
