"""Only with the test_clock setting: move the server's clock forward and run the scheduled
step at once, so an end-to-end test runs a whole procurement (end, extension, opening) in
seconds. An administrator's call; the routes do not exist otherwise."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request

from domain.timefmt import iso_utc
from server.api.deps import current_caller, database, json_body
from server.api.contract import ClockAdvance, ClockAnswer, answers, body
from server.errors import forbidden, validation_failed
from server.services import schedule
from server.services.caller import Caller

router = APIRouter(prefix="/api/v1/test")


@router.post("/clock", openapi_extra=body(ClockAdvance), responses=answers(ClockAnswer, 403))
def advance_clock(request: Request, body: Any = Depends(json_body), caller: Caller = Depends(current_caller)) -> dict[str, Any]:
    if not caller.is_admin:
        raise forbidden("Only an administrator can move the test clock.")
    seconds = body.get("advance_seconds") if isinstance(body, dict) else None
    if not isinstance(seconds, int) or isinstance(seconds, bool) or not 0 <= seconds <= 10 * 365 * 86400:
        raise validation_failed({"advance_seconds": "must be a whole number of seconds, not negative"})
    now = request.app.state.clock.advance(seconds)
    done = schedule.run_step(database(request), lambda: now)  # the auctions' close included
    return {"now": iso_utc(now), "step": done}
