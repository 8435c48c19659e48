"""Negotiation with a lot's L1 seller: the HTTP side of server/services/negotiation.py.

Registered before the bids router: its `POST /bids/{id}/{verb}` would otherwise take
`POST /bids/{id}/negotiations` for an unknown action.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse

from server.api.deps import current_caller, database, if_match, json_body
from server.api.routes.bids import now, write
from server.api.contract import NegotiationAsk, NegotiationDecline, NegotiationPrices, RoundAndBid, Rounds, answers, body, extra, headers
from server.services import negotiation
from server.services.caller import Caller

router = APIRouter(prefix="/api/v1")


@router.get("/bids/{bid_id}/negotiations", responses=answers(Rounds, 403, 404))
def list_rounds(request: Request, bid_id: str, caller: Caller = Depends(current_caller)) -> dict[str, Any]:
    with database(request).reading() as session:
        return negotiation.rounds_for(session, caller, bid_id)


@router.post("/bids/{bid_id}/negotiations", status_code=201, openapi_extra=extra(body(NegotiationAsk), headers(if_match=True, key="optional")),
             responses=answers(RoundAndBid, 403, 404, 409, 428, status=201))
def ask(request: Request, bid_id: str, body: Any = Depends(json_body), caller: Caller = Depends(current_caller)) -> JSONResponse:
    at, version = now(request), if_match(request)
    return write(request, caller, 201, body, version,
                 lambda s: negotiation.with_bid(s, negotiation.ask(s, caller, bid_id, version, body, at)))


@router.post("/bids/{bid_id}/negotiations/{negotiation_id}/answer", openapi_extra=extra(body(NegotiationPrices, NegotiationDecline), headers(key="optional")),
             responses=answers(RoundAndBid, 403, 404, 409))
def answer(request: Request, bid_id: str, negotiation_id: str, body: Any = Depends(json_body),
           caller: Caller = Depends(current_caller)) -> JSONResponse:
    at = now(request)
    return write(request, caller, 200, body, None,
                 lambda s: negotiation.with_bid(s, negotiation.answer(s, caller, bid_id, negotiation_id, body, at)))
