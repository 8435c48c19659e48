"""Sign-in, token refresh, sign-out and "who am I"."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request, Response
from starlette.concurrency import run_in_threadpool

from server.api.deps import client_address, current_caller, database, json_body, settings
from server.api.contract import Login, Refresh, Tokens, answers, body
from server.api.contract import User as UserAnswer
from server.db.models import User
from server.api.gate import Busy, Gate, gate_of
from server.errors import validation_failed
from server import security
from server.services import auth
from server.services.caller import Caller

router = APIRouter(prefix="/api/v1")


def _text_fields(body: Any, names: tuple[str, ...]) -> dict[str, str]:
    if not isinstance(body, dict):
        raise validation_failed({"body": f"must be a JSON object with {', '.join(names)}"})
    problems = {}
    for name in names:
        value = body.get(name)
        if not isinstance(value, str) or not value:
            problems[name] = "is required text"
        elif len(value) > 1000:
            problems[name] = "is too long"
    if problems:
        raise validation_failed(problems)
    return {name: body[name] for name in names}


@router.post("/auth/login", openapi_extra=body(Login), responses=answers(Tokens, 401, 429, 503))
async def login(request: Request, body: Any = Depends(json_body)) -> dict[str, Any]:
    """Counted first, then checked one (or a few) at a time (server/services/auth.py,
    server/api/gate.py); async, so that sign-ins waiting for a check hold no worker thread."""
    fields = _text_fields(body, ("username", "password"))
    db, config = database(request), settings(request)
    attempt = await run_in_threadpool(auth.begin_attempt, db, config, fields["username"], client_address(request))
    checks = gate_of(request.app, "password_checks", lambda: Gate(
        "checking sign-ins", config.password_checks_at_once, config.password_checks_waiting,
        config.password_check_wait_seconds))
    try:
        good = await checks.run(security.verify_password, attempt.password_hash, fields["password"])
    except Busy:
        await run_in_threadpool(auth.forget_attempt, db, attempt)  # never checked: no failure
        raise
    return await run_in_threadpool(auth.finish_attempt, db, config, attempt, good)


@router.post("/auth/refresh", openapi_extra=body(Refresh), responses=answers(Tokens, 401))
def refresh(request: Request, body: Any = Depends(json_body)) -> dict[str, Any]:
    fields = _text_fields(body, ("refresh_token",))
    return auth.refresh(database(request), settings(request), fields["refresh_token"])


@router.post("/auth/logout", status_code=204, responses={204: {"description": "Signed out"}})
def logout(request: Request, caller: Caller = Depends(current_caller)) -> Response:
    auth.logout(database(request), caller)
    return Response(status_code=204)


@router.get("/me", responses=answers(UserAnswer))
def me(request: Request, caller: Caller = Depends(current_caller)) -> dict[str, Any]:
    with database(request).reading() as session:
        return auth.user_json(session, session.get(User, caller.user_id))
