"""The audit trail, for administrators."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy import select

from server.api.deps import current_caller, database, query_text
from server.db.models import AuditEvent, Bid, Offer
from server.errors import forbidden
from server.services.caller import Caller
from server.wire import audit_event_json

router = APIRouter(prefix="/api/v1")


@router.get("/audit")
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
    # A sealed offer's events stay out of sight until its bid opens: even their number would
    # tell how many offers the bid has (server/services/bids.py).
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
