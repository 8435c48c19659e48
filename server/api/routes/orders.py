"""Orders from approval to payment: the HTTP side of server/services/orders.py (and of the
approving officer's decision in server/services/purchases.py).

Every step is a POST with an optional `{"remark"}` and may carry an `Idempotency-Key`: the
outbox replays a step after a lost answer and gets the first answer again.
"""

from __future__ import annotations

from typing import Any, Callable

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse

from server.api.deps import current_caller, database, optional_json_body, query_text
from server.api.routes.bids import now, write
from server.api.contract import Order, Orders, Remark, Timeline, answers, body, extra, headers
from server.errors import not_found
from server.services import orders as rules
from server.services import purchases
from server.services.caller import Caller

router = APIRouter(prefix="/api/v1")


@router.get("/orders", responses=answers(Orders, 403))
def list_orders(request: Request, status: str | None = Query(None, max_length=30),
                caller: Caller = Depends(current_caller)) -> dict[str, Any]:
    query_text(status, "status")
    with database(request).reading() as session:
        return {"orders": rules.orders_for(session, caller, now(request), status=status)}


@router.get("/orders/{order_id}", responses=answers(Order, 404))
def get_order(request: Request, order_id: str, caller: Caller = Depends(current_caller)) -> dict[str, Any]:
    with database(request).reading() as session:
        return rules.as_seen_by(session, caller, rules.order_for(session, caller, order_id), now(request))


@router.get("/orders/{order_id}/history", responses=answers(Timeline, 404))
def order_history(request: Request, order_id: str, caller: Caller = Depends(current_caller)) -> dict[str, Any]:
    with database(request).reading() as session:
        return {"events": rules.history(session, caller, order_id)}


def _step(verb: str) -> Callable[..., JSONResponse]:
    def endpoint(request: Request, order_id: str, body: Any = Depends(optional_json_body),
                 caller: Caller = Depends(current_caller)) -> JSONResponse:
        return take_step(request, order_id, verb, body, caller)

    return endpoint


# Each step its own operation in the OpenAPI document; all go to `take_step`.
for _verb_name in ("approve", "return", *rules.STEPS):
    router.add_api_route(f"/orders/{{order_id}}/{_verb_name}", _step(_verb_name), methods=["POST"],
                         name=f"order_{_verb_name}", responses=answers(Order, 403, 404, 409),
                         openapi_extra=extra(body(Remark, required=False), headers(key="optional")))


@router.post("/orders/{order_id}/{verb}", include_in_schema=False)  # unknown steps: 404
def take_step(request: Request, order_id: str, verb: str, body: Any = Depends(optional_json_body),
              caller: Caller = Depends(current_caller)) -> JSONResponse:
    at = now(request)
    if verb in ("approve", "return"):
        def change(session):
            return rules.as_seen_by(session, caller, purchases.decide(session, caller, order_id, verb == "approve", body, at), at)
    elif verb in rules.STEPS:
        def change(session):
            return rules.as_seen_by(session, caller, rules.take_step(session, caller, order_id, verb, body, at), at)
    else:
        raise not_found(f"There is no action {verb!r} on an order.")
    return write(request, caller, 200, body, None, change)
