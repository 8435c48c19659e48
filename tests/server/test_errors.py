"""Whatever the input, the answer is a JSON error in the documented shape, never a 500.
(TestClient re-raises server exceptions, so a 500 would fail these tests loudly.)"""

from __future__ import annotations

import uuid

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st


def _assert_json_error(response, status=None):
    assert response.status_code < 500, response.text
    if status is not None:
        assert response.status_code == status, response.text
    if response.status_code >= 400:
        error = response.json()["error"]
        assert isinstance(error["code"], str) and isinstance(error["message"], str)
        return error
    return None


def test_unknown_paths_and_methods(market):
    _assert_json_error(market.client.get("/nowhere"), 404)
    _assert_json_error(market.client.get("/api/v1/listings/x/y/z"), 404)
    error = _assert_json_error(market.client.delete(f"/api/v1/listings/{uuid.uuid4()}"), 405)
    assert error["code"] == "method_not_allowed"
    _assert_json_error(market.client.put("/api/v1/changes"), 405)


@pytest.mark.parametrize(
    "raw",
    [b"{", b"[1,2", b"\xff\xfe", b"NaN", b'{"title": Infinity}', b'{"stock": 1' + b"0" * 5000 + b"}", b"[" * 5000 + b"]" * 5000,
     b'{"title": "a\\u0000b"}', b'{"title": "\\ud800"}', b"null", b"42", b'"text"', b"{}"],
)
def test_malformed_and_odd_bodies(market, raw):
    headers = market.headers("seller-a", **{"Idempotency-Key": str(uuid.uuid4()), "Content-Type": "application/json"})
    response = market.client.put(f"/api/v1/listings/{uuid.uuid4()}", content=raw, headers=headers)
    error = _assert_json_error(response)
    assert response.status_code in (400, 422)
    if response.status_code == 422:
        assert error["code"] == "validation_failed" and error["fields"]
    login = market.client.post("/api/v1/auth/login", content=raw, headers={"Content-Type": "application/json"})
    assert login.status_code in (400, 422)
    _assert_json_error(login)


@pytest.mark.parametrize(
    "field,value",
    [("stock", 10**30), ("stock", 2**31), ("min_order_qty", 10**19), ("mrp_paise", 10**40), ("price_paise", -(10**40)),
     ("local_content_pct", 10**20), ("category_id", -(10**25)), ("stock", "5"), ("stock", 5.5), ("stock", True),
     ("title", 123), ("title", ["a"]), ("key_specs", []), ("key_specs", {"ram_gb": 16, "os": "Linux"}),
     ("other_specs", {"a": {"b": 1}}), ("delivery_districts", "Raipur"), ("delivery_districts", [None]),
     ("images", ["a", "b", "c", "d"]), ("images", [1]), ("title", "x" * 5000), ("submit", "yes"),
     ("key_specs", {"ram_gb": "1" * 5000, "os": "Linux"}), ("delivery_pincodes", [492001])],
)
def test_wrong_types_and_huge_numbers_name_the_field(market, field, value):
    error = _assert_json_error(market.create(**{field: value}), 422)
    assert error["code"] == "validation_failed"
    assert any(name == field or name.startswith(field + ".") for name in error["fields"]), error


def test_bad_query_parameters(market):
    headers = market.headers("buyer")
    for params in ({"limit": 0}, {"limit": 5001}, {"limit": "ten"}, {"limit": 10**30}, {"categories": "-1"},
                   {"districts": "Rai\x00pur"}, {"cursor": "\x00"}, {"categories": "9" * 40}):
        error = _assert_json_error(market.client.get("/api/v1/changes", params=params, headers=headers))
        assert market.client.get("/api/v1/changes", params=params, headers=headers).status_code in (400, 422), params
        if error["code"] == "validation_failed":
            assert set(error["fields"]) <= {"limit", "categories", "districts", "cursor"}
    admin = market.headers("admin")
    for params in ({"after_id": -1}, {"after_id": 10**30}, {"entity_id": "x" * 100}, {"entity_id": "a\x00"}):
        response = market.client.get("/api/v1/audit", params=params, headers=admin)
        assert response.status_code == 422, params
    _assert_json_error(market.client.get("/api/v1/listings", params={"status": "bogus"}, headers=admin), 422)
    _assert_json_error(market.client.get("/api/v1/listings", headers=admin), 422)


def test_bad_ids_in_paths(market):
    headers = market.headers("seller-a", **{"Idempotency-Key": "k", "If-Match": "1"})
    for listing_id in ("1", "x" * 300, "%00", "00000000-0000-0000-0000-000000000000"):
        _assert_json_error(market.client.get(f"/api/v1/listings/{listing_id}", headers=headers), 404)
        _assert_json_error(market.client.patch(f"/api/v1/listings/{listing_id}", json={"stock": 1}, headers=headers), 404)
        _assert_json_error(market.client.post(f"/api/v1/listings/{listing_id}/retire", headers=headers), 404)


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=12,
)
_listing_like = st.fixed_dictionaries(
    {},
    optional={name: _json for name in ("category_id", "title", "brand", "model", "key_specs", "other_specs", "country_of_origin",
                                       "local_content_pct", "mrp_paise", "price_paise", "stock", "min_order_qty",
                                       "delivery_districts", "delivery_pincodes", "images", "submit")},
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=_json | _listing_like)
def test_no_body_makes_a_500(market, body):
    listing = market.client.put(f"/api/v1/listings/{uuid.uuid4()}", json=body,
                                headers=market.headers("seller-a", **{"Idempotency-Key": str(uuid.uuid4())}))
    _assert_json_error(listing)
    login = market.client.post("/api/v1/auth/login", json=body)
    _assert_json_error(login)
