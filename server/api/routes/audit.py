"""The audit trail, for administrators: the main chain, and each bid's sealed chain once it
has opened (server/db/trail.py)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy import select

from server.api.deps import current_caller, database, query_text
from server.api.contract import AuditPage, SealedChain, answers
from server.db.models import AuditEvent, Bid, Offer, SealedAuditEvent
from server.db.trail import GENESIS_HASH, sealed_chain_name
from server.errors import ApiError, forbidden, not_found
from server.services.caller import Caller
from server.services.text import parse_id
from server.wire import audit_event_json, sealed_event_json

router = APIRouter(prefix="/api/v1")


@router.get("/audit", responses=answers(AuditPage, 403))
def audit_events(
    request: Request,
    entity_type: str | None = Query(None, max_length=40),
    entity_id: str | None = Query(None, max_length=64),
    after_id: int = Query(0, ge=0, le=2**62),
    limit: int = Query(1000, ge=1, le=5000),
    caller: Caller = Depends(current_caller),
) -> dict[str, Any]:
    if not caller.is_admin:
        raise forbidden("Only an administrator can read the audit trail.")
    query_text(entity_type, "entity_type")
    query_text(entity_id, "entity_id")
    # Offers' events are never in the main trail while their bid is sealed (they are in its
    # sealed chain: `sealed_chain` below). Events written before that design (migration 0006)
    # stay out of sight here until their bid opens.
    sealed = select(Offer.id).join(Bid, Bid.id == Offer.bid_id).where(Bid.opened_at.is_(None))
    query = (select(AuditEvent).where(AuditEvent.id > after_id)
             .where(~((AuditEvent.entity_type == "offer") & AuditEvent.entity_id.in_(sealed)))
             .order_by(AuditEvent.id).limit(limit))
    if entity_type:
        query = query.where(AuditEvent.entity_type == entity_type)
    if entity_id:
        query = query.where(AuditEvent.entity_id == entity_id)
    with database(request).reading() as session:
        return {"events": [audit_event_json(e) for e in session.scalars(query)]}


@router.get("/audit/sealed/{bid_id}", responses=answers(SealedChain, 403, 404, 409))
def sealed_chain(request: Request, bid_id: str, caller: Caller = Depends(current_caller)) -> dict[str, Any]:
    """A bid's sealed chain (its offers' events while it was sealed), from its opening on: each
    event linked to the one before, and the main trail's event that closed the chain, whose
    digest is `sealed_commitment(chain, length, head)`. Before the opening: 409 `sealed`, in
    the same words whatever the bid holds; a cancelled bid's chain stays sealed."""
    if not caller.is_admin:
        raise forbidden("Only an administrator can read the audit trail.")
    canonical = parse_id(bid_id)
    with database(request).reading() as session:
        bid = session.get(Bid, canonical) if canonical else None
        if bid is None:
            raise not_found("There is no such bid.")
        if bid.opened_at is None:
            raise ApiError(409, "sealed", "A bid's offers and their events are sealed until the bid opens.")
        chain = sealed_chain_name(bid.id)
        events = list(session.scalars(select(SealedAuditEvent).where(SealedAuditEvent.chain == chain)
                                      .order_by(SealedAuditEvent.seq)))
        closed_by = session.scalar(select(AuditEvent).where(AuditEvent.entity_type == "sealed_chain",
                                                            AuditEvent.entity_id == chain))
        return {"chain": chain, "length": len(events), "head": events[-1].hash if events else GENESIS_HASH,
                "events": [sealed_event_json(e) for e in events],
                "closed_by": audit_event_json(closed_by) if closed_by is not None else None}
