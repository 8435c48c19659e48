"""What every request passes before any endpoint sees it (a plain ASGI middleware):

- **Authentication before the body.** A request with a body to anything but sign-in and
  token refresh must carry a valid access token, checked before a byte of the body is read:
  an anonymous caller gets 401, never 413, and costs the server no memory for what it sent.
- **Bodies limited as they arrive.** A declared `Content-Length` above the limit is refused
  at once (413); a body sent without one (chunked) is counted as it is read and refused the
  moment it passes the limit, so a 50 MB body is never held whole. Sign-in and refresh
  bodies are small: their limit is too.
- **Security headers on every answer**: `X-Content-Type-Options: nosniff` (a JSON error is
  never run as a script), `Cache-Control: no-store` unless the endpoint said otherwise
  (answers are one caller's, and token answers must never sit in a cache: RFC 6749 5.1),
  `Referrer-Policy: no-referrer`.
"""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.api.errors import error_response
from server.errors import ApiError

API_BODY_LIMIT = 1_000_000
# Sign-in and refresh: a user name and a password, or a refresh token.
PUBLIC_BODY_LIMIT = 16_000
PUBLIC_WITH_BODY = frozenset({"/api/v1/auth/login", "/api/v1/auth/refresh"})
SECURITY_HEADERS = ((b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"))


class BodyTooLarge(ApiError):
    def __init__(self, limit: int) -> None:
        super().__init__(413, "too_large", f"The body is larger than {limit} bytes, the most this request may send.")


class RequestGuard:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = _with_security_headers(send)
        headers = {key.lower(): value for key, value in scope.get("headers", [])}
        declared = headers.get(b"content-length")
        chunked = b"chunked" in headers.get(b"transfer-encoding", b"").lower()
        if declared is None and not chunked or declared is not None and declared.strip() in (b"0", b""):
            await self.app(scope, receive, send)  # no body: the endpoint checks the caller itself
            return
        public = scope["path"] in PUBLIC_WITH_BODY
        limit = PUBLIC_BODY_LIMIT if public else API_BODY_LIMIT
        try:
            if not public:
                await self._authenticate(scope)
            if declared is not None and (not declared.strip().isdigit() or int(declared) > limit):
                raise BodyTooLarge(limit) if declared.strip().isdigit() else ApiError(
                    400, "bad_request", "Content-Length must be a number of bytes.")
        except ApiError as error:
            await error_response(error)(scope, receive, send)
            return
        await self.app(scope, _limited(receive, limit), send)

    @staticmethod
    async def _authenticate(scope: Scope) -> None:
        from server.api.deps import authenticate  # deps imports the services; loaded when the app runs

        request = Request(scope)
        caller = await run_in_threadpool(authenticate, request)
        scope.setdefault("state", {})["caller"] = caller  # current_caller finds it there


def _limited(receive: Receive, limit: int) -> Receive:
    seen = 0

    async def receive_limited() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise BodyTooLarge(limit)  # an ApiError: answered as JSON by the error handlers
        return message

    return receive_limited


def _with_security_headers(send: Send) -> Send:
    async def send_with_headers(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers: list[Any] = list(message.get("headers", []))
            names = {name.lower() for name, _ in headers}
            headers += [(name, value) for name, value in SECURITY_HEADERS if name not in names]
            if b"cache-control" not in names:
                headers.append((b"cache-control", b"no-store"))
            message = {**message, "headers": headers}
        await send(message)

    return send_with_headers
