"""The buyer's cart on the desktop: kept across restarts, merged by listing, held to the
direct purchase limit as a whole, and sent for approval as one order per seller in the same
transaction that empties it."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from app.cart import Cart, CartError
from app.outbox import Outbox
from app.procurement import Procurement

BUYER = "demo-buyer@http://127.0.0.1:8000"


def listing(title: str, seller_id: int, price_paise: int, min_order_qty: int = 1, stock: int = 100,
            category_id: int = 7) -> dict:
    return {"id": str(uuid.uuid4()), "title": title, "brand": title.split()[0], "seller_id": seller_id,
            "category_id": category_id, "price_paise": price_paise, "min_order_qty": min_order_qty, "stock": stock}


@pytest.fixture
def outbox(tmp_path):
    box = Outbox(tmp_path / "desk")
    box.set_owner(BUYER)
    yield box
    box.close()


def test_the_cart_survives_closing_the_app(tmp_path, outbox):
    pens, files = listing("Inkwave ball pens", 4, 64_00, min_order_qty=10), listing("Lekhni files", 6, 23_00)
    cart = Cart(outbox)
    cart.add(pens)
    cart.add(files, 30)
    outbox.close()

    reopened = Outbox(tmp_path / "desk")
    try:
        lines = Cart(reopened).lines()
        assert [(line.title, line.quantity, line.unit_price_paise, line.total_paise) for line in lines] == [
            ("Inkwave ball pens", 10, 64_00, 640_00), ("Lekhni files", 30, 23_00, 690_00)]
        assert lines[0].min_order_qty == 10 and lines[0].stock == 100 and lines[0].seller_id == 4
        assert Cart(reopened).total_paise() == 1_330_00
    finally:
        reopened.close()


def test_adding_a_listing_again_merges_its_line(outbox):
    cart = Cart(outbox)
    pens = listing("Inkwave ball pens", 4, 64_00, min_order_qty=10, stock=25)
    cart.add(pens)
    line = cart.add({**pens, "price_paise": 60_00})  # the price as seen now
    assert cart.count() == 1 and line.quantity == 20 and line.unit_price_paise == 60_00
    with pytest.raises(CartError, match="Only 25 of Inkwave ball pens are in stock"):
        cart.add(pens)
    assert cart.set_quantity(pens["id"], 25).total_paise == 25 * 60_00
    with pytest.raises(CartError, match="minimum order for Inkwave ball pens is 10"):
        cart.set_quantity(pens["id"], 9)
    assert cart.lines()[0].quantity == 25
    with pytest.raises(CartError, match="cannot be bought now"):
        cart.add(listing("Sold out", 4, 10_00, stock=0))
    cart.remove(pens["id"])
    assert cart.lines() == [] and cart.total_paise() == 0


def test_each_user_of_the_computer_has_a_cart_of_their_own(outbox):
    cart = Cart(outbox)
    cart.add(listing("Inkwave ball pens", 4, 64_00))
    outbox.set_owner("demo-approver@http://127.0.0.1:8000")
    assert cart.lines() == []
    outbox.set_owner(BUYER)
    assert [line.title for line in cart.lines()] == ["Inkwave ball pens"]


def test_checkout_queues_one_purchase_per_seller_and_empties_the_cart(outbox):
    cart, procurement = Cart(outbox), Procurement(outbox)
    pens, files, binders = (listing("Inkwave ball pens", 4, 64_00, min_order_qty=10), listing("Lekhni files", 6, 23_00),
                            listing("Lekhni binders", 6, 124_00, min_order_qty=10))
    for each in (pens, files, binders):
        cart.add(each)
    order_ids = cart.checkout(procurement, "  Raipur ")
    assert cart.lines() == []
    queued = procurement.requests()
    assert [request.entity for request in queued] == [f"order:{order_id}" for order_id in order_ids]
    assert [request.body for request in queued] == [
        {"mode": "direct", "consignee_district": "Raipur", "lines": [{"listing_id": pens["id"], "quantity": 10}]},
        {"mode": "direct", "consignee_district": "Raipur",
         "lines": [{"listing_id": files["id"], "quantity": 1}, {"listing_id": binders["id"], "quantity": 10}]},
    ]
    assert all(request.method == "PUT" and request.path == f"/api/v1/purchases/{request.entity[6:]}"
               for request in queued)
    with pytest.raises(CartError, match="The cart is empty"):
        cart.checkout(procurement, "Raipur")


def test_a_checkout_that_fails_half_way_leaves_the_cart_and_queues_nothing(outbox, monkeypatch):
    cart, procurement = Cart(outbox), Procurement(outbox)
    cart.add(listing("Inkwave ball pens", 4, 64_00))
    cart.add(listing("Lekhni files", 6, 23_00))
    real, calls = Procurement.purchase_lines, []

    def crash_on_the_second(self, *args, **kwargs):
        calls.append(args)
        if len(calls) == 2:
            raise OSError("disk full")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Procurement, "purchase_lines", crash_on_the_second)
    with pytest.raises(OSError):
        cart.checkout(procurement, "Raipur")
    assert len(calls) == 2 and procurement.requests() == []
    assert [line.title for line in cart.lines()] == ["Inkwave ball pens", "Lekhni files"]


def test_a_cart_above_the_direct_limit_is_refused_as_a_whole(outbox):
    cart, procurement = Cart(outbox), Procurement(outbox)
    cart.add(listing("Steel almirah", 4, 30_000_00))
    cart.add(listing("Office chair", 6, 21_000_00))  # each within the limit; together Rs 51,000
    with pytest.raises(CartError) as refused:
        cart.checkout(procurement, "Raipur")
    assert str(refused.value) == (
        "The cart's total, Rs 51,000.00, is above the direct purchase limit of Rs 50,000.00 (GFR 2017 Rule 149; "
        "OM F.1/3/2024-PPD, 10 Jul 2024). The whole cart is one purchase: buy it by L1 purchase or bid, or take "
        "items out of the cart.")
    assert procurement.requests() == [] and cart.count() == 2
    # The limit is the one in force on the day: Rs 25,000 under the 2019 order.
    lines = cart.lines()
    assert "limit of Rs 25,000.00" in cart.problem(lines[:1], "Raipur", on=date(2023, 5, 1))
    assert cart.problem(lines[:1], "Raipur") is None
    assert cart.problem(lines[:1], " ") == "Enter the consignee's district."


def test_the_cart_reaches_the_marketplace_as_one_order_per_seller(device, server):
    """Through a real server: the orders wait for the officer, each with all its seller's lines."""
    buyer = device("demo-buyer")
    buyer.outbox.set_owner("demo-buyer@" + server.url)
    rows = server.query(
        "SELECT id, title, brand, seller_firm_id, category_id, price_paise, min_order_qty, stock FROM listings "
        "WHERE status = 'published' AND stock >= min_order_qty AND price_paise * min_order_qty <= 1000000 "
        "AND delivery_districts LIKE '%\"Raipur\"%' ORDER BY seller_firm_id, id")
    by_seller: dict[int, list] = {}
    for row in rows:
        by_seller.setdefault(row[3], []).append(row)
    two = next(found for found in by_seller.values() if len(found) >= 2)[:2]
    one = next(found for seller, found in by_seller.items() if seller != two[0][3])[:1]
    cart, procurement = Cart(buyer.outbox), Procurement(buyer.outbox)
    for row in (*two, *one):
        cart.add(dict(zip(("id", "title", "brand", "seller_id", "category_id", "price_paise", "min_order_qty", "stock"),
                          row)))
    order_ids = cart.checkout(procurement, "Raipur")
    buyer.sync()
    assert procurement.requests(("rejected",)) == []
    orders = {o["id"]: o for o in procurement.orders(buyer.session.api)}
    first, second = orders[order_ids[0]], orders[order_ids[1]]
    assert first["status"] == second["status"] == "awaiting_approval"
    assert [line["listing_id"] for line in first["lines"]] == [row[0] for row in two]
    assert [line["listing_id"] for line in second["lines"]] == [one[0][0]]
    assert first["total_paise"] == sum(row[5] * row[6] for row in two)
