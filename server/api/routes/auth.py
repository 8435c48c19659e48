"""Sign-in, token refresh, sign-out and "who am I"."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request, Response

from server.api.deps import client_address, current_caller, database, json_body, settings
from server.db.models import User
from server.errors import validation_failed
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


@router.post("/auth/login")
def login(request: Request, body: Any = Depends(json_body)) -> dict[str, Any]:
    fields = _text_fields(body, ("username", "password"))
    return auth.login(database(request), settings(request), fields["username"], fields["password"], client_address(request))


@router.post("/auth/refresh")
def refresh(request: Request, body: Any = Depends(json_body)) -> dict[str, Any]:
    fields = _text_fields(body, ("refresh_token",))
    return auth.refresh(database(request), settings(request), fields["refresh_token"])


@router.post("/auth/logout", status_code=204)
def logout(request: Request, caller: Caller = Depends(current_caller)) -> Response:
    auth.logout(database(request), caller)
    return Response(status_code=204)


@router.get("/me")
def me(request: Request, caller: Caller = Depends(current_caller)) -> dict[str, Any]:
    with database(request).reading() as session:
        return auth.user_json(session, session.get(User, caller.user_id))
