"""Seller writes and admin decisions: validation, roles and ownership, idempotency,
optimistic concurrency and the status rules."""

from __future__ import annotations

import uuid

import pytest

from tests.server.conftest import listing_body


def _error(response, status, code):
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code, error
    assert error["message"]
    return error


# ---- creating and validating ----------------------------------------------------------


def test_create_registered_brand_publishes_at_once(market):
    listing_id = str(uuid.uuid4())
    response = market.create(listing_id=listing_id)
    assert response.status_code == 201, response.text
    listing = response.json()
    assert listing["id"] == listing_id and listing["status"] == "published" and listing["version"] == 1
    assert listing["seller_id"] == market.ids["firm_a"] and listing["mii_class"] == "class_i"
    assert listing["price_paise"] == 72_500_00 and listing["created_at"].endswith("Z")
    got = market.client.get(f"/api/v1/listings/{listing_id}", headers=market.headers("buyer"))
    assert got.status_code == 200 and got.json() == listing


def test_create_unregistered_brand_waits_for_approval_and_draft_stays_draft(market):
    assert market.create(brand="LocalCo").json()["status"] == "pending_approval"
    assert market.create(submit=False).json()["status"] == "draft"
    assert market.create(stock=0).json()["status"] == "out_of_stock"


def test_validation_names_every_bad_field(market):
    response = market.create(price_paise=100_000_00, stock=-1, title="", key_specs={"ram_gb": "lots"}, delivery_pincodes=["12"], colour="red")
    error = _error(response, 422, "validation_failed")
    assert set(error["fields"]) == {"price_paise", "stock", "title", "key_specs.ram_gb", "key_specs.os", "delivery_pincodes", "colour"}
    assert error["fields"]["price_paise"] == "offer price must not be above the MRP"
    assert "price_paise" in error["message"] and "key_specs.os" in error["message"]


def test_key_params_come_from_the_category_in_the_database(market):
    # Chairs need a material and nothing about RAM.
    response = market.create(category_id=market.ids["chairs"])
    assert set(_error(response, 422, "validation_failed")["fields"]) == {"key_specs.material"}
    ok = market.create(category_id=market.ids["chairs"], key_specs={"material": "steel"})
    assert ok.status_code == 201
    bad_choice = market.create(key_specs={"ram_gb": "8", "os": "BeOS"})
    assert "one of" in _error(bad_choice, 422, "validation_failed")["fields"]["key_specs.os"]


def test_unknown_and_non_leaf_categories(market):
    for category_id, expected in ((999999, "is not a known category"), (10**30, "is a number beyond what the marketplace stores (64 bits)"), ("1", "is not a known category")):
        fields = _error(market.create(category_id=category_id), 422, "validation_failed")["fields"]
        assert fields["category_id"] == expected
    fields = _error(market.create(category_id=market.ids["computers"]), 422, "validation_failed")["fields"]
    assert "leaf" in fields["category_id"]


def test_listing_id_must_be_a_uuid(market):
    response = market.client.put("/api/v1/listings/not-a-uuid", json=listing_body(market.ids["laptops"]),
                                 headers=market.headers("seller-a", **{"Idempotency-Key": "k1"}))
    assert _error(response, 422, "validation_failed")["fields"] == {"id": "must be a UUID the client made for this listing"}


# ---- roles and ownership -------------------------------------------------------------


@pytest.mark.parametrize("username", ["buyer", "approver", "admin"])
def test_only_sellers_create(market, username):
    _error(market.create(username=username), 403, "forbidden")


def test_seller_cannot_touch_another_firms_listing(market):
    published = market.create().json()
    draft = market.create(submit=False).json()
    _error(market.patch("seller-b", published["id"], 1, {"stock": 3}), 403, "forbidden")
    _error(market.retire("seller-b", published["id"], 1), 403, "forbidden")
    # Another firm's draft does not exist as far as seller-b knows.
    _error(market.patch("seller-b", draft["id"], 1, {"stock": 3}), 404, "not_found")
    _error(market.client.get(f"/api/v1/listings/{draft['id']}", headers=market.headers("seller-b")), 404, "not_found")
    _error(market.client.get(f"/api/v1/listings/{draft['id']}", headers=market.headers("buyer")), 404, "not_found")
    # A colleague in the same firm may edit it.
    assert market.patch("seller-a2", draft["id"], 1, {"stock": 3}).status_code == 200
    # Re-using another firm's listing id for a create is refused.
    _error(market.create(username="seller-b", listing_id=published["id"]), 403, "forbidden")


def test_buyers_cannot_write_and_non_admins_cannot_decide(market):
    listing = market.create(brand="LocalCo").json()
    _error(market.patch("buyer", listing["id"], 1, {"stock": 3}), 403, "forbidden")
    _error(market.retire("approver", listing["id"], 1), 403, "forbidden")
    for username in ("buyer", "approver", "seller-a"):
        _error(market.decide(listing["id"], 1, True, username=username), 403, "forbidden")
        _error(market.decide(listing["id"], 1, False, "no", username=username), 403, "forbidden")
    _error(market.client.get("/api/v1/audit", headers=market.headers("seller-a")), 403, "forbidden")
    _error(market.client.get("/api/v1/listings?status=pending_approval", headers=market.headers("buyer")), 403, "forbidden")


# ---- idempotency and concurrency -------------------------------------------------------


def test_same_key_same_payload_replays_the_stored_answer(market):
    listing_id, key = str(uuid.uuid4()), str(uuid.uuid4())
    first = market.create(listing_id=listing_id, key=key)
    second = market.create(listing_id=listing_id, key=key)
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    patch_key = str(uuid.uuid4())
    a = market.patch("seller-a", listing_id, 1, {"stock": 4}, key=patch_key)
    b = market.patch("seller-a", listing_id, 1, {"stock": 4}, key=patch_key)
    assert a.status_code == b.status_code == 200 and a.json() == b.json() and a.json()["version"] == 2


def test_same_key_other_payload_is_refused(market):
    listing_id, key = str(uuid.uuid4()), str(uuid.uuid4())
    assert market.create(listing_id=listing_id, key=key).status_code == 201
    _error(market.create(listing_id=listing_id, key=key, stock=99), 422, "idempotency_key_reused")


def test_create_of_an_existing_id_under_a_new_key_is_a_conflict(market):
    listing_id = str(uuid.uuid4())
    created = market.create(listing_id=listing_id).json()
    error = _error(market.create(listing_id=listing_id), 409, "version_conflict")
    assert error["current"] == created


def test_a_key_held_by_a_request_in_flight_is_409_and_free_once_it_ends(market):
    """While one transaction holds a key, another copy of the request is told it is in
    flight (PostgreSQL; on SQLite the write lock makes it wait its turn instead); once the
    holder is gone, whether it committed, failed or died, the key is free at once."""
    if market.db.dialect != "postgresql":
        pytest.skip("on SQLite one write transaction runs at a time: a second copy waits, it is never in flight")
    import hashlib

    import psycopg
    from sqlalchemy.engine import make_url

    caller_id = market.login("seller-a")["user"]["id"]
    listing_id, key = str(uuid.uuid4()), str(uuid.uuid4())
    lock = int.from_bytes(hashlib.sha256(f"{caller_id}:{key}".encode()).digest()[:8], "big", signed=True)
    url = make_url(market.db.url).set(drivername="postgresql")
    holder = psycopg.connect(url.render_as_string(hide_password=False))
    try:
        holder.execute("BEGIN")
        holder.execute("SELECT pg_advisory_xact_lock(%s)", (lock,))
        _error(market.create(listing_id=listing_id, key=key), 409, "request_in_flight")
    finally:
        holder.close()  # the holder's connection dies: its lock goes with it
    assert market.create(listing_id=listing_id, key=key).status_code == 201


def test_a_claim_left_by_an_older_server_does_not_block_the_key(market):
    """Servers before claims lived in the write's transaction kept an "in_flight" row; one
    left by a crash is taken over at once."""
    from sqlalchemy import insert

    from domain.timefmt import utc_now
    from server.db.models import IdempotencyRecord
    from server.services import idempotency

    caller_id = market.login("seller-a")["user"]["id"]
    listing_id, key = str(uuid.uuid4()), str(uuid.uuid4())
    body = listing_body(market.ids["laptops"])
    fingerprint = idempotency.request_hash("PUT", f"/api/v1/listings/{listing_id}", None, body)
    with market.db.writing() as session:
        session.execute(insert(IdempotencyRecord).values(user_id=caller_id, key=key, request_hash=fingerprint,
                                                         state="in_flight", created_at=utc_now()))
    response = market.client.put(f"/api/v1/listings/{listing_id}", json=body,
                                 headers=market.headers("seller-a", **{"Idempotency-Key": key}))
    assert response.status_code == 201


def test_missing_idempotency_key_is_a_bad_request(market):
    response = market.client.put(f"/api/v1/listings/{uuid.uuid4()}", json=listing_body(market.ids["laptops"]),
                                 headers=market.headers("seller-a"))
    _error(response, 400, "bad_request")


def test_errors_release_the_key(market):
    listing_id, key = str(uuid.uuid4()), str(uuid.uuid4())
    _error(market.create(listing_id=listing_id, key=key, stock=-1), 422, "validation_failed")
    assert market.create(listing_id=listing_id, key=key).status_code == 201


def test_stale_if_match_gets_the_current_listing(market):
    listing = market.create().json()
    assert market.patch("seller-a", listing["id"], 1, {"stock": 5}).status_code == 200
    error = _error(market.patch("seller-a", listing["id"], 1, {"stock": 6}), 409, "version_conflict")
    assert error["current"]["version"] == 2 and error["current"]["stock"] == 5


def test_missing_if_match_is_428_and_bad_if_match_is_400(market):
    listing = market.create().json()
    headers = market.headers("seller-a", **{"Idempotency-Key": str(uuid.uuid4())})
    _error(market.client.patch(f"/api/v1/listings/{listing['id']}", json={"stock": 1}, headers=headers), 428, "precondition_required")
    _error(market.client.post(f"/api/v1/listings/{listing['id']}/retire", headers=headers), 428, "precondition_required")
    for bad in ("abc", "-1", "1.5", "99999999999999999999"):
        response = market.client.patch(f"/api/v1/listings/{listing['id']}", json={"stock": 1}, headers={**headers, "If-Match": bad})
        _error(response, 400, "bad_request")
    quoted = market.client.patch(f"/api/v1/listings/{listing['id']}", json={"stock": 1}, headers={**headers, "If-Match": '"1"'})
    assert quoted.status_code == 200


# ---- statuses --------------------------------------------------------------------------


def test_stock_zero_goes_out_of_stock_and_back(market):
    listing = market.create().json()
    out = market.patch("seller-a", listing["id"], 1, {"stock": 0}).json()
    assert out["status"] == "out_of_stock" and out["version"] == 2
    back = market.patch("seller-a", listing["id"], 2, {"stock": 7}).json()
    assert back["status"] == "published"


def test_draft_submit_then_admin_approves_or_rejects(market):
    draft = market.create(brand="LocalCo", submit=False).json()
    pending = market.patch("seller-a", draft["id"], 1, {"submit": True}).json()
    assert pending["status"] == "pending_approval"
    listed = market.client.get("/api/v1/listings?status=pending_approval", headers=market.headers("admin")).json()
    assert [x["id"] for x in listed["listings"]] == [draft["id"]]
    _error(market.decide(draft["id"], 2, False, reason="  "), 422, "validation_failed")
    rejected = market.decide(draft["id"], 2, False, reason="Brand papers missing").json()
    assert rejected["status"] == "rejected" and rejected["reject_reason"] == "Brand papers missing"
    _error(market.decide(draft["id"], 3, True), 409, "not_editable")
    # Editing a rejected listing takes it back to draft; submitting asks again.
    edited = market.patch("seller-a", draft["id"], 3, {"title": "Laptop, with papers"}).json()
    assert edited["status"] == "draft" and edited["reject_reason"] is None
    again = market.patch("seller-a", draft["id"], 4, {"submit": True}).json()
    assert again["status"] == "pending_approval"
    _error(market.decide(draft["id"], 4, True), 409, "version_conflict")
    approved = market.decide(draft["id"], 5, True).json()
    assert approved["status"] == "published" and approved["version"] == 6


def test_published_listing_changing_to_unregistered_brand_needs_approval(market):
    listing = market.create().json()
    assert market.patch("seller-a", listing["id"], 1, {"price_paise": 70_000_00}).json()["status"] == "published"
    assert market.patch("seller-a", listing["id"], 2, {"brand": "LocalCo"}).json()["status"] == "pending_approval"


def test_retired_listing_cannot_be_edited(market):
    listing = market.create().json()
    retired = market.retire("seller-a", listing["id"], 1)
    assert retired.status_code == 200 and retired.json()["status"] == "retired"
    _error(market.patch("seller-a", listing["id"], 2, {"stock": 1}), 409, "not_editable")
    _error(market.retire("seller-a", listing["id"], 2), 409, "not_editable")
    # The owner still sees it; a buyer does not.
    assert market.client.get(f"/api/v1/listings/{listing['id']}", headers=market.headers("seller-a")).status_code == 200
    _error(market.client.get(f"/api/v1/listings/{listing['id']}", headers=market.headers("buyer")), 404, "not_found")


def test_patch_validates_the_merged_listing(market):
    listing = market.create().json()
    error = _error(market.patch("seller-a", listing["id"], 1, {"mrp_paise": 1_000_00, "status": "published"}), 422, "validation_failed")
    assert set(error["fields"]) == {"status"}  # unknown field first
    error = _error(market.patch("seller-a", listing["id"], 1, {"mrp_paise": 1_000_00}), 422, "validation_failed")
    assert set(error["fields"]) == {"price_paise"}


def test_a_patch_that_changes_nothing_keeps_the_version_and_writes_nothing(market):
    """docs/api.md: 200 with the listing as it is; no new version, audit event or feed entry."""
    from sqlalchemy import func, select

    from server.db.models import AuditEvent

    listing = market.create().json()
    _changes, cursor, _sellers = market.pull("seller-a")
    with market.db.reading() as session:
        events = session.scalar(select(func.count()).select_from(AuditEvent))
    same = market.patch("seller-a", listing["id"], listing["version"], {"stock": listing["stock"]})
    assert same.status_code == 200
    assert same.json() == listing  # the same version, the same times
    with market.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(AuditEvent)) == events
    assert market.pull("seller-a", cursor)[0] == []
    changed = market.patch("seller-a", listing["id"], listing["version"], {"stock": listing["stock"] + 1})
    assert changed.json()["version"] == listing["version"] + 1
