"""What endpoints need from a request: the database, the settings, the signed-in caller,
a JSON body (parsed by us, so malformed JSON is a 400 in our shape), and header values."""

from __future__ import annotations

import ipaddress
import json
import re
from typing import Any

from fastapi import Depends, Request
from fastapi.security import HTTPBearer

from server.config import Settings
from server.db.engine import Database
from server.errors import ApiError, bad_request, unauthenticated, validation_failed
from server.services.auth import caller_for_access_token
from server.services.caller import Caller
from domain.free_form import BODY, check as free_form_problems
from server.services.text import storable

MAX_BODY_BYTES = 1_000_000
# Declares the bearer scheme in the OpenAPI document for every route that needs a caller;
# the checking is ours (`current_caller`), so a missing token is our 401, not FastAPI's 403.
BEARER = HTTPBearer(auto_error=False, description="An access token from POST /api/v1/auth/login or /refresh.")
_IF_MATCH = re.compile(r'^\s*(?:W/)?"?([0-9]{1,10})"?\s*$')


def database(request: Request) -> Database:
    return request.app.state.db


def settings(request: Request) -> Settings:
    return request.app.state.settings


def _trusted(address: str, proxies: str) -> bool:
    for entry in (part.strip() for part in proxies.split(",")):
        if not entry:
            continue
        try:
            if ipaddress.ip_address(address) in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:
            if address == entry:  # a name, as a test client's peer is
                return True
    return False


def client_address(request: Request) -> str:
    """The address the request came from, for the per-address sign-in limit. X-Forwarded-For
    is believed only from the reverse proxies the operator named (settings.trusted_proxies):
    walking it from the right, the first address that is not such a proxy is the client's.
    From anyone else the header is the caller's own say-so, and ignored."""
    peer = request.client.host if request.client else "unknown"
    proxies = settings(request).trusted_proxies
    if not proxies or not _trusted(peer, proxies):
        return peer
    hops = [hop.strip() for header in request.headers.getlist("x-forwarded-for") for hop in header.split(",")]
    for hop in reversed([hop for hop in hops if hop]):
        if not _trusted(hop, proxies):
            return hop
    return peer


def bearer_token(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise unauthenticated("Sign in first: this needs an access token (Authorization: Bearer ...).")
    return token.strip()


def authenticate(request: Request) -> Caller:
    with database(request).reading() as session:
        return caller_for_access_token(session, bearer_token(request))


def current_caller(request: Request, _bearer: Any = Depends(BEARER)) -> Caller:
    """The signed-in caller; the guard (server/api/guard.py) has already found it for a
    request with a body, which it authenticates before reading the body."""
    known = getattr(request.state, "caller", None)
    return known if known is not None else authenticate(request)


async def json_body(request: Request) -> Any:
    raw = await request.body()  # limited while it is read (server/api/guard.py)
    if not raw.strip():
        raise bad_request("This request needs a JSON body.")
    try:
        value = json.loads(raw, parse_constant=_refuse_constant)
    except (ValueError, RecursionError):
        # ValueError covers malformed JSON, bad UTF-8 and integers too long to convert.
        raise bad_request("The body is not valid JSON.") from None
    problems = free_form_problems(value, "", BODY)
    if problems:
        raise validation_failed(problems)
    return value


async def optional_json_body(request: Request) -> Any:
    raw = await request.body()
    if not raw.strip():
        return None
    return await json_body(request)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def if_match(request: Request, required: bool = True) -> int | None:
    value = request.headers.get("if-match")
    if value is None:
        if required:
            raise ApiError(
                428,
                "precondition_required",
                "This change needs If-Match: the version of the listing you edited.",
            )
        return None
    match = _IF_MATCH.match(value)
    if not match:
        raise bad_request("If-Match must be the listing's version number.")
    return int(match.group(1))


def idempotency_key(request: Request, required: bool) -> str | None:
    key = request.headers.get("idempotency-key")
    if key is None or not key.strip():
        if required:
            raise bad_request("Seller writes need an Idempotency-Key header (a UUID made for this change).")
        return None
    key = key.strip()
    if len(key) > 100 or not storable(key):
        raise bad_request("The Idempotency-Key must be at most 100 characters.")
    return key


def query_text(value: str | None, name: str) -> str | None:
    if value is not None and (not storable(value) or len(value) > 10_000):
        raise ApiError(422, "validation_failed", f"1 field is not valid: {name}", fields={name: "is not valid text"})
    return value
