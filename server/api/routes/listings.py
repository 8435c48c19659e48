"""Listing reads and writes: a seller's create / edit / retire, an admin's approve / reject.

Writes are idempotent by `Idempotency-Key` (required for sellers, optional for admins): the
key is checked, the write made and its answer kept in one transaction
(server/services/idempotency.py).
"""

from __future__ import annotations

from typing import Any, Callable

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from server.api.contract import Listing as ListingAnswer
from server.api.contract import ListingChanges, ListingFields, Listings, Reason, answers, body, extra, headers
from server.api.deps import current_caller, database, idempotency_key, if_match, json_body, optional_json_body
from server.db.models import Listing
from server.errors import forbidden
from server.services import idempotency as idem
from server.services import listings as rules
from server.services.caller import Caller
from server.wire import listing_json

router = APIRouter(prefix="/api/v1/listings")


def _require_seller(caller: Caller) -> None:
    if caller.firm is None:
        raise forbidden("Only a seller can change listings.")


def _require_admin(caller: Caller) -> None:
    if not caller.is_admin:
        raise forbidden("Only an administrator can approve or reject listings.")


def _write(
    request: Request,
    caller: Caller,
    *,
    status: int,
    key_required: bool,
    version: int | None,
    body: Any,
    change: Callable[[Session], Listing],
) -> JSONResponse:
    key = idempotency_key(request, key_required)
    fingerprint = idem.request_hash(request.method, request.url.path, version, body)
    for attempt in range(2):
        try:
            answer = idem.write(database(request), caller.user_id, key, fingerprint, status,
                                lambda session: listing_json(change(session)))
            break
        except IntegrityError:
            # Two creates of the same id raced; the second look sees the first's row.
            if attempt:
                raise
    return JSONResponse(answer.body, status_code=answer.status)


@router.put("/{listing_id}", status_code=201, openapi_extra=extra(body(ListingFields), headers(key="required")),
            responses=answers(ListingAnswer, 400, 403, 409, status=201))
def create(request: Request, listing_id: str, body: Any = Depends(json_body), caller: Caller = Depends(current_caller)) -> JSONResponse:
    _require_seller(caller)
    return _write(
        request, caller, status=201, key_required=True, version=None, body=body,
        change=lambda session: rules.create_listing(session, caller, listing_id, body),
    )


@router.patch("/{listing_id}", openapi_extra=extra(body(ListingChanges), headers(if_match=True, key="required")), responses=answers(ListingAnswer, 400, 403, 404, 409, 428))
def update(request: Request, listing_id: str, body: Any = Depends(json_body), caller: Caller = Depends(current_caller)) -> JSONResponse:
    _require_seller(caller)
    version = if_match(request)
    return _write(
        request, caller, status=200, key_required=True, version=version, body=body,
        change=lambda session: rules.update_listing(session, caller, listing_id, version, body),
    )


@router.post("/{listing_id}/retire", openapi_extra=headers(if_match=True, key="required"), responses=answers(ListingAnswer, 400, 403, 404, 409, 428))
def retire(request: Request, listing_id: str, body: Any = Depends(optional_json_body), caller: Caller = Depends(current_caller)) -> JSONResponse:
    _require_seller(caller)
    version = if_match(request)
    return _write(
        request, caller, status=200, key_required=True, version=version, body=body,
        change=lambda session: rules.retire_listing(session, caller, listing_id, version),
    )


@router.post("/{listing_id}/approve", openapi_extra=headers(if_match=True, key="optional"), responses=answers(ListingAnswer, 403, 404, 409, 428))
def approve(request: Request, listing_id: str, body: Any = Depends(optional_json_body), caller: Caller = Depends(current_caller)) -> JSONResponse:
    _require_admin(caller)
    version = if_match(request)
    return _write(
        request, caller, status=200, key_required=False, version=version, body=body,
        change=lambda session: rules.decide_listing(session, caller, listing_id, version, True, body),
    )


@router.post("/{listing_id}/reject", openapi_extra=extra(body(Reason), headers(if_match=True, key="optional")), responses=answers(ListingAnswer, 403, 404, 409, 428))
def reject(request: Request, listing_id: str, body: Any = Depends(json_body), caller: Caller = Depends(current_caller)) -> JSONResponse:
    _require_admin(caller)
    version = if_match(request)
    return _write(
        request, caller, status=200, key_required=False, version=version, body=body,
        change=lambda session: rules.decide_listing(session, caller, listing_id, version, False, body),
    )


@router.get("/{listing_id}", responses=answers(ListingAnswer, 404))
def read(request: Request, listing_id: str, caller: Caller = Depends(current_caller)) -> dict[str, Any]:
    with database(request).reading() as session:
        return listing_json(rules.get_listing(session, caller, listing_id))


@router.get("", responses=answers(Listings, 403))
def by_status(
    request: Request,
    status: str = Query(..., max_length=40),
    limit: int = Query(1000, ge=1, le=5000),
    caller: Caller = Depends(current_caller),
) -> dict[str, Any]:
    with database(request).reading() as session:
        return {"listings": [listing_json(x) for x in rules.listings_by_status(session, caller, status, limit)]}
