"""Direct and L1 purchases: the HTTP side of server/services/purchases.py (their approval is
with the other steps of an order, in server/api/routes/orders.py)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse

from server.api.deps import current_caller, database, json_body
from server.api.routes.bids import now, write
from server.api.contract import Comparison, ComparisonQuestion, Order, PurchaseFields, answers, body, extra, headers
from server.errors import forbidden
from server.services import purchases
from server.services.caller import Caller

router = APIRouter(prefix="/api/v1")


@router.post("/purchases/l1-comparison", openapi_extra=body(ComparisonQuestion), responses=answers(Comparison, 403))
def l1_comparison(request: Request, body: Any = Depends(json_body), caller: Caller = Depends(current_caller)) -> dict[str, Any]:
    if caller.buyer_org_id is None and not caller.is_admin:
        raise forbidden("Only a buyer's office compares for an L1 purchase.")
    purchases.check_comparison(body)
    with database(request).reading() as session:
        return purchases.comparison_for(session, body["category_id"], body.get("key_specs", {}), body["consignee_district"])


@router.put("/purchases/{order_id}", status_code=201, openapi_extra=extra(body(PurchaseFields), headers(key="optional")),
            responses=answers(Order, 403, 409, status=201))
def create(request: Request, order_id: str, body: Any = Depends(json_body), caller: Caller = Depends(current_caller)) -> JSONResponse:
    at = now(request)

    def change(session):
        order, warnings = purchases.create(session, caller, order_id, body, at)
        session.flush()
        return purchases.as_json(session, caller, order, at, warnings)

    return write(request, caller, 201, body, None, change)
