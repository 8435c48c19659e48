"""The audit trail: one event per change, with who, what and a digest, hash-chained, and
append-only by the database's own triggers."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from server.db.models import AuditEvent, FeedState, Listing
from server.db.trail import GENESIS_HASH, canonical_json, sha256_hex, state_of
from domain.timefmt import iso_utc


def test_each_change_writes_one_chained_event(market):
    listing = market.create(brand="LocalCo").json()
    market.patch("seller-a", listing["id"], 1, {"stock": 4})
    market.decide(listing["id"], 2, True)
    market.retire("seller-a2", listing["id"], 3)
    response = market.client.get("/api/v1/audit", params={"entity_type": "listing", "entity_id": listing["id"]},
                                 headers=market.headers("admin"))
    assert response.status_code == 200
    events = response.json()["events"]
    assert [(e["action"], e["actor_username"], e["actor_role"], e["actor_org"]) for e in events] == [
        ("listing.create", "seller-a", "seller", f"seller_firm:{market.ids['firm_a']}"),
        ("listing.update", "seller-a", "seller", f"seller_firm:{market.ids['firm_a']}"),
        ("listing.approve", "admin", "admin", None),
        ("listing.retire", "seller-a2", "seller", f"seller_firm:{market.ids['firm_a']}"),
    ]
    with market.db.reading() as session:
        # The last digest is the SHA-256 of the listing's state now.
        stored = session.get(Listing, listing["id"])
        assert events[-1]["digest"] == sha256_hex(canonical_json(state_of(stored)))
        # The whole chain links from the genesis hash and each hash covers its event.
        chain = list(session.scalars(select(AuditEvent).order_by(AuditEvent.id)))
        previous = GENESIS_HASH
        for event in chain:
            assert event.prev_hash == previous
            body = {
                "at": iso_utc(event.at), "actor_user_id": event.actor_user_id, "actor_username": event.actor_username,
                "actor_role": event.actor_role, "actor_org": event.actor_org, "action": event.action,
                "entity_type": event.entity_type, "entity_id": event.entity_id, "digest": event.digest,
            }
            assert event.hash == sha256_hex(previous + canonical_json(body))
            previous = event.hash
        assert session.get(FeedState, 1).last_audit_hash == previous


def test_replayed_write_writes_no_second_event(market):
    key = "same-key"
    listing = market.create(key=key).json()
    market.create(listing_id=listing["id"], key=key)
    events = market.client.get("/api/v1/audit", params={"entity_id": listing["id"]}, headers=market.headers("admin")).json()
    assert len(events["events"]) == 1


@pytest.mark.parametrize("statement", ["UPDATE audit_events SET action = 'x'", "DELETE FROM audit_events"])
def test_database_refuses_to_change_the_trail(market, statement):
    market.create()
    with pytest.raises(DBAPIError, match="append-only"):
        with market.db.writing() as session:
            session.execute(text(statement))
    with market.db.reading() as session:
        assert session.scalar(select(AuditEvent.action).where(AuditEvent.entity_type == "listing")) == "listing.create"
