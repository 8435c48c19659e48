"""Bids, offers, evaluation and award: the HTTP side of server/services/bids.py (the orders an
award places are served by server/api/routes/orders.py).

Writes take the bid's version in `If-Match` (where the bid changes) and may carry an
`Idempotency-Key`: the outbox replays a write after a lost answer, and gets the first
answer again instead of a second change.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Callable

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from server.api.contract import Anything, Award, Bid, Remark, BidChanges, BidFields, Bids, Evaluation, MatchAnswer, Offer, OfferFields, Offers, Technical, Timeline, answers, body, extra, headers
from server.api.deps import current_caller, database, idempotency_key, if_match, json_body, optional_json_body, query_text
from server.errors import not_found
from server.services import bids as rules
from server.services import idempotency as idem
from server.services import orders as order_rules
from server.services.caller import Caller

router = APIRouter(prefix="/api/v1")


def now(request: Request) -> datetime:
    """The server's clock (tests put a controlled one in `app.state.clock`)."""
    return request.app.state.clock()


def write(request: Request, caller: Caller, status: int, body: Any, version: int | None,
          change: Callable[[Session], Any]) -> JSONResponse:
    answer = idem.write(database(request), caller.user_id, idempotency_key(request, required=False),
                        idem.request_hash(request.method, request.url.path, version, body), status, change)
    return JSONResponse(answer.body, status_code=answer.status)


# --- bids ----------------------------------------------------------------------------------


@router.get("/bids", responses=answers(Bids, 403))
def list_bids(request: Request, status: str | None = Query(None, max_length=30), district: str | None = Query(None, max_length=100),
              max_value_paise: int | None = Query(None, ge=0, le=10**17), caller: Caller = Depends(current_caller)) -> dict[str, Any]:
    query_text(district, "district")
    query_text(status, "status")
    with database(request).reading() as session:
        return {"bids": rules.list_bids(session, caller, status=status, district=district, max_value_paise=max_value_paise)}


@router.get("/bids/{bid_id}", responses=answers(Bid, 404))
def get_bid(request: Request, bid_id: str, caller: Caller = Depends(current_caller)) -> dict[str, Any]:
    with database(request).reading() as session:
        return rules.bid_json(rules.bid_for(session, caller, bid_id), session)


@router.get("/bids/{bid_id}/history", responses=answers(Timeline, 404))
def bid_history(request: Request, bid_id: str, caller: Caller = Depends(current_caller)) -> dict[str, Any]:
    with database(request).reading() as session:
        return {"events": rules.history(session, caller, bid_id)}


@router.put("/bids/{bid_id}", status_code=201, openapi_extra=extra(body(BidFields), headers(key="optional")),
            responses=answers(Bid, 403, 404, 409, status=201))
def create_bid(request: Request, bid_id: str, body: Any = Depends(json_body), caller: Caller = Depends(current_caller)) -> JSONResponse:
    at = now(request)
    return write(request, caller, 201, body, None,
                  lambda s: rules.bid_json(rules.create_draft(s, caller, bid_id, body, at), s))


@router.patch("/bids/{bid_id}", openapi_extra=extra(body(BidChanges), headers(if_match=True, key="optional")), responses=answers(Bid, 403, 404, 409, 428))
def edit_bid(request: Request, bid_id: str, body: Any = Depends(json_body), caller: Caller = Depends(current_caller)) -> JSONResponse:
    at, version = now(request), if_match(request)
    return write(request, caller, 200, body, version,
                  lambda s: rules.bid_json(rules.edit_draft(s, caller, bid_id, version, body, at), s))


_TRANSITIONS: dict[str, Callable[..., Any]] = {
    "approve": rules.approve,
    "return": rules.return_to_buyer,
    "cancel": rules.cancel,
}


@router.post("/bids/{bid_id}/send-for-approval", openapi_extra=headers(if_match=True, key="optional"), responses=answers(Bid, 403, 404, 409, 428))
def send_for_approval(request: Request, bid_id: str, caller: Caller = Depends(current_caller)) -> JSONResponse:
    at, version = now(request), if_match(request)
    return write(request, caller, 200, None, version,
                  lambda s: rules.bid_json(rules.send_for_approval(s, caller, bid_id, version, at), s))


def _verb(verb: str) -> Callable[..., JSONResponse]:
    def endpoint(request: Request, bid_id: str, body: Any = Depends(optional_json_body),
                 caller: Caller = Depends(current_caller)) -> JSONResponse:
        return transition(request, bid_id, verb, body, caller)

    return endpoint


# Each verb its own operation in the OpenAPI document, with its own body; all go to `transition`.
for _verb_name, _body, _answer in (("approve", Remark, Bid), ("return", Remark, Bid), ("cancel", Remark, Bid),
                                   ("open-financial", None, Bid), ("award", None, Award)):
    router.add_api_route(f"/bids/{{bid_id}}/{_verb_name}", _verb(_verb_name), methods=["POST"],
                         name=f"bid_{_verb_name.replace('-', '_')}", responses=answers(_answer, 403, 404, 409, 428),
                         openapi_extra=extra(body(_body, required=False) if _body else None,
                                             headers(if_match=True, key="optional")))


@router.post("/bids/{bid_id}/{verb}", include_in_schema=False)  # unknown verbs: 404
def transition(request: Request, bid_id: str, verb: str, body: Any = Depends(optional_json_body),
               caller: Caller = Depends(current_caller)) -> JSONResponse:
    if verb == "open-financial":
        at, version = now(request), if_match(request)
        return write(request, caller, 200, body, version,
                      lambda s: rules.bid_json(rules.open_financial(s, caller, bid_id, version, at), s))
    if verb == "award":
        at, version = now(request), if_match(request)
        return write(request, caller, 200, body, version,
                      lambda s: {"orders": [order_rules.order_json(s, o, at) for o in rules.award(s, caller, bid_id, version, at)]})
    change = _TRANSITIONS.get(verb)
    if change is None:
        raise not_found(f"There is no action {verb!r} on a bid.")
    at, version = now(request), if_match(request)
    return write(request, caller, 200, body, version,
                  lambda s: rules.bid_json(change(s, caller, bid_id, version, body, at), s))


# --- offers ---------------------------------------------------------------------------------


@router.put("/bids/{bid_id}/offers/{offer_id}", openapi_extra=extra(body(OfferFields), headers(key="optional")), responses=answers(Offer, 403, 404, 409))
def submit_offer(request: Request, bid_id: str, offer_id: str, body: Any = Depends(json_body),
                 caller: Caller = Depends(current_caller)) -> JSONResponse:
    at = now(request)
    for attempt in range(2):
        try:
            return write(request, caller, 200, body, None, lambda s: rules.offer_json(
                rules.submit_offer(s, caller, bid_id, offer_id, body, at), with_prices=True))
        except IntegrityError:
            # Two first offers of one firm raced (PostgreSQL): the second look sees the first's
            # row and answers as for any offer already made.
            if attempt:
                raise
    raise AssertionError("unreachable")


@router.post("/bids/{bid_id}/offers/{offer_id}/withdraw", openapi_extra=headers(key="optional"), responses=answers(Offer, 403, 404, 409))
def withdraw_offer(request: Request, bid_id: str, offer_id: str, caller: Caller = Depends(current_caller)) -> JSONResponse:
    at = now(request)
    return write(request, caller, 200, None, None, lambda s: rules.offer_json(
        rules.withdraw_offer(s, caller, bid_id, offer_id, at), with_prices=True))


@router.get("/bids/{bid_id}/my-offer", responses=answers(Offer, 403, 404))
def my_offer(request: Request, bid_id: str, caller: Caller = Depends(current_caller)) -> dict[str, Any]:
    with database(request).reading() as session:
        return rules.my_offer(session, caller, bid_id)


@router.get("/bids/{bid_id}/offers", responses=answers(Offers, 403, 404, 409))
def offers(request: Request, bid_id: str, caller: Caller = Depends(current_caller)) -> dict[str, Any]:
    with database(request).reading() as session:
        return {"offers": rules.offers_for_buyer(session, caller, bid_id)}


@router.post("/bids/{bid_id}/offers/{offer_id}/technical", openapi_extra=extra(body(Technical), headers(key="optional")),
             responses=answers(Offer, 403, 404, 409))
def technical(request: Request, bid_id: str, offer_id: str, body: Any = Depends(json_body),
              caller: Caller = Depends(current_caller)) -> JSONResponse:
    at = now(request)
    return write(request, caller, 200, body, None, lambda s: rules.offer_json(
        rules.technical_decision(s, caller, bid_id, offer_id, body, at), with_prices=False))


# --- evaluation, matching ------------------------------------------------------------------


@router.get("/bids/{bid_id}/evaluation", responses=answers(Evaluation, 404, 409))
def evaluation(request: Request, bid_id: str, caller: Caller = Depends(current_caller)) -> dict[str, Any]:
    with database(request).reading() as session:
        return rules.evaluation_for(session, caller, bid_id)


@router.get("/bids/{bid_id}/audit-export", responses=answers(Anything, 403, 404, 409))
def audit_export(request: Request, bid_id: str, caller: Caller = Depends(current_caller)) -> dict[str, Any]:
    with database(request).reading() as session:
        return rules.audit_export(session, caller, bid_id)


@router.post("/bids/{bid_id}/matches/{lot}", openapi_extra=extra(body(MatchAnswer), headers(key="optional")), responses=answers(Evaluation, 403, 404, 409))
def answer_match(request: Request, bid_id: str, lot: str, body: Any = Depends(json_body),
                 caller: Caller = Depends(current_caller)) -> JSONResponse:
    at = now(request)
    return write(request, caller, 200, body, None, lambda s: rules.answer_match(s, caller, bid_id, lot, body, at))
