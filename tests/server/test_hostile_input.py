"""What a hostile probe of the server found (issue 14, findings 2 and 3), each at its root:
stored values that would break every later read, and wrong types or numbers too big for the
arithmetic or the columns. Every answer is a 422 naming the field, never a 500, and nothing
is stored by a refused write. (TestClient re-raises server errors: a 500 fails loudly.)"""

from __future__ import annotations

import uuid

import pytest

from domain.free_form import BODY, TEXT_MAP, check
from domain.money import MAX_PAISE
from tests.server.test_auctions import _auction, _opened_bid, _params, _start
from tests.server.test_bids import _error, _to_opening, p  # noqa: F401 (p is the fixture)


def _deep(levels: int):
    value: object = "x"
    for _ in range(levels):
        value = [value]
    return value


def _offer_body(compliance, price_paise: int = 70_000_00) -> dict:
    return {"local_content_pct": 10,
            "items": {"LAPTOP": {"unit_price_paise": price_paise, "listing_id": None, "compliance": compliance}}}


def _put_offer(p, user, bid, body):
    return p.client.put(f"/api/v1/bids/{bid['id']}/offers/{uuid.uuid4()}", json=body, headers=p.h(user))


# --- finding 2: stored values that break later reads ------------------------------------------


def test_json_nested_deep_in_an_offer_is_refused_and_the_opened_bid_reads_for_the_buyer(p):
    bid = p.published(packets=2, min_offers=1)
    error = _error(_put_offer(p, "seller-c", bid, _offer_body({"ram_gb": _deep(300)})), 422, "validation_failed")
    [(field, problem)] = error["fields"].items()
    assert field.startswith("items.LAPTOP.compliance.ram_gb[0]") and problem == "is nested deeper than 12 level(s)"
    assert p.get("seller-c", bid, "/my-offer").status_code == 404  # nothing stored
    # Nesting within the body's bounds but in a free-form place is refused too: it must be text.
    error = _error(_put_offer(p, "seller-c", bid, _offer_body({"ram_gb": {"a": {"b": "16"}}})), 422, "validation_failed")
    assert error["fields"] == {"items.LAPTOP.compliance.ram_gb": "must be text"}
    assert _put_offer(p, "seller-c", bid, _offer_body({"ram_gb": "16"})).status_code == 200
    _to_opening(p, bid)
    offers = p.get("buyer", bid, "/offers")
    assert offers.status_code == 200 and len(offers.json()["offers"]) == 1


def test_an_unknown_member_of_a_bid_item_is_refused_and_the_lists_read(p):
    body = p.body()
    body["items"][0]["colour"] = {"shade": "red"}
    error = _error(p.client.put(f"/api/v1/bids/{uuid.uuid4()}", json=body, headers=p.h("buyer")), 422,
                   "validation_failed")
    assert "items[0].colour" in error["fields"]
    body = p.body()
    body["items"][0]["consignees"][0]["note"] = "ring first"
    body["emd"] = {"mode": "none", "amount_paise": 0, "mse_startup_exempt": True, "extra": 1}
    error = _error(p.client.put(f"/api/v1/bids/{uuid.uuid4()}", json=body, headers=p.h("buyer")), 422,
                   "validation_failed")
    assert {"items[0].consignees[0].note", "emd.extra"} <= set(error["fields"])
    bid = p.published()
    for user in ("buyer", "seller-a", "admin"):
        assert p.client.get("/api/v1/bids", headers=p.h(user)).status_code == 200
        assert p.get(user, bid).status_code == 200


@pytest.mark.parametrize("where", ["listing.key_specs", "listing.other_specs", "bid.key_specs", "offer.compliance",
                                   "purchase.key_specs", "comparison.key_specs"])
def test_every_free_form_field_is_bounded_by_the_one_validator(p, where):
    """Depth, size, text length and type: each free-form field, where it enters."""
    market = p.market
    for bad, problem in (({"a": {"b": "c"}}, "must be text"), ({"a": 16}, "must be text"),
                         ({"a": "x" * 1001}, "longer than 1000"), ({f"k{n}": "v" for n in range(101)}, "more than 100"),
                         ({"a\u0000": "v"}, "NUL")):
        kind, field = where.split(".")
        if kind == "listing":
            response = market.create(**{field: bad})
        elif kind == "bid":
            body = p.body()
            body["items"][0]["key_specs"] = bad
            response = p.client.put(f"/api/v1/bids/{uuid.uuid4()}", json=body, headers=p.h("buyer"))
            field = "items[0].key_specs"
        elif kind == "offer":
            response = _put_offer(p, "seller-c", p.published(), _offer_body(bad))
            field = "items.LAPTOP.compliance"
        elif kind == "purchase":
            response = p.client.put(f"/api/v1/purchases/{uuid.uuid4()}", headers=p.h("buyer"), json={
                "mode": "l1", "listing_id": str(uuid.uuid4()), "quantity": 1, "consignee_district": "Raipur",
                "key_specs": bad})
        else:
            response = p.client.post("/api/v1/purchases/l1-comparison", headers=p.h("buyer"), json={
                "category_id": market.ids["laptops"], "consignee_district": "Raipur", "key_specs": bad})
        fields = _error(response, 422, "validation_failed")["fields"]
        named = {name: text for name, text in fields.items() if name == field or name.startswith(field + ".")}
        assert named and any(problem in text for text in named.values()), (where, bad, fields)


def test_the_validator_walks_without_recursion_and_names_paths():
    assert check({"a": [1, {"b": 2**64}]}, "", BODY) == {"a[1].b": "is a number beyond what the marketplace stores (64 bits)"}
    assert check(float("inf"), "x", BODY) == {"x": "is a number beyond what JSON can carry (it overflows to infinity)"}
    assert list(check(_deep(100_000), "deep", BODY)) == ["deep" + "[0]" * BODY.depth]
    assert check({"ram": "16"}, "key_specs", TEXT_MAP) == {}
    assert check([], "key_specs", TEXT_MAP) == {"key_specs": "must map names to text"}


# --- finding 3: wrong types and big numbers -----------------------------------------------------


@pytest.mark.parametrize("overrides,field", [
    ({"method": ["total_value"]}, "method"),
    ({"kind": ["goods"]}, "kind"),
    ({"kind": {"goods": 1}}, "kind"),
    ({"method": "group_wise", "groups": [{"id": "G", "name": "g", "items": 5}]}, "groups[0].items"),
    ({"method": "group_wise", "groups": [{"id": ["G"], "items": ["LAPTOP"]}]}, "groups[0].id"),
    ({"method": "group_wise", "groups": ["G"]}, "groups[0]"),
    ({"emd": {"mode": ["amount"]}}, "emd"),
    ({"estimated_value_paise": MAX_PAISE + 1}, "estimated_value_paise"),
])
def test_wrong_types_in_a_bid_are_named(p, overrides, field):
    response = p.client.put(f"/api/v1/bids/{uuid.uuid4()}", json=p.body(**overrides), headers=p.h("buyer"))
    assert field in _error(response, 422, "validation_failed")["fields"]


def test_a_number_that_overflows_json_is_refused_before_anything_is_written(p):
    bid = p.published()
    raw = (b'{"local_content_pct": 10, "items": {"LAPTOP": {"unit_price_paise": 7000000, "listing_id": null, '
           b'"compliance": {"ram_gb": 1e999}}}}')
    response = p.client.put(f"/api/v1/bids/{bid['id']}/offers/{uuid.uuid4()}", content=raw,
                            headers={**p.h("seller-c"), "Content-Type": "application/json"})
    assert list(_error(response, 422, "validation_failed")["fields"]) == ["items.LAPTOP.compliance.ram_gb"]
    assert p.get("seller-c", bid, "/my-offer").status_code == 404  # SQLite too: nothing committed
    listing = p.client.put(f"/api/v1/listings/{uuid.uuid4()}", content=b'{"title": "x", "stock": 1e999}',
                           headers={**p.h("seller-a"), "Idempotency-Key": "k", "Content-Type": "application/json"})
    assert "stock" in _error(listing, 422, "validation_failed")["fields"]


@pytest.mark.parametrize("category_id", [2**70, -(2**70), 2**40, 0, True, "3"])
def test_a_category_id_outside_the_column_is_named(p, category_id):
    response = p.client.post("/api/v1/purchases/l1-comparison", headers=p.h("buyer"), json={
        "category_id": category_id, "consignee_district": "Raipur", "key_specs": {}})
    assert "category_id" in _error(response, 422, "validation_failed")["fields"]


def test_an_offer_whose_total_cannot_be_held_is_refused_when_it_is_written(p):
    """10 million laptops at Rs 1,000 crore each is 10**19 paise, beyond a 64-bit column: the
    award would have failed on it. Refused at the offer, naming the price."""
    item = {"id": "LAPTOP", "name": "Laptop", "category_id": p.market.ids["laptops"], "key_specs": {"ram_gb": "16"},
            "consignees": [{"district": "Raipur", "quantity": 10_000_000, "delivery_days": 30}]}
    bid = p.published(items=[item], estimated_value_paise=MAX_PAISE)
    response = _put_offer(p, "seller-c", bid, _offer_body({"ram_gb": "16"}, price_paise=10**12))
    error = _error(response, 422, "validation_failed")
    assert list(error["fields"]) == ["items.LAPTOP.unit_price_paise"] and "Rs 1,00,00,00,00,00,000.00" in error["message"] + \
        error["fields"]["items.LAPTOP.unit_price_paise"]
    assert _put_offer(p, "seller-c", bid, _offer_body({"ram_gb": "16"}, price_paise=10**8)).status_code == 200


def test_an_auction_price_of_ten_to_the_28_is_named(p):
    auction = _auction(p)
    _start(p, auction)
    response = p.client.post(f"/api/v1/auctions/{auction['id']}/bids", json={"price_paise": 10**28},
                             headers=p.h("seller-c") | {"Idempotency-Key": str(uuid.uuid4())})
    assert list(_error(response, 422, "validation_failed")["fields"]) == ["price_paise"]
    bid = _opened_bid(p)
    for overrides, field in (({"decrement": {"kind": "amount", "value": 10**28}}, "decrement.value"),
                             ({"decrement": {"kind": "percent", "value": 10**28}}, "decrement.value"),
                             ({"start_price_paise": 10**28}, "start_price_paise")):
        response = p.client.post(f"/api/v1/bids/{bid['id']}/auction", json=_params(p, **overrides),
                                 headers=p.h("buyer"))
        assert field in _error(response, 422, "validation_failed")["fields"], overrides
