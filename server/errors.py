"""The one kind of error the server's services raise: an answer for the client, with its
HTTP status, a stable `code` from docs/api.md and a sentence a person can act on.

Services raise it without knowing about FastAPI; `server/api/errors.py` renders it.
"""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        fields: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.fields = fields
        self.extra = extra or {}
        self.headers = headers

    def body(self) -> dict[str, Any]:
        error: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.fields:
            error["fields"] = self.fields
        error.update(self.extra)
        return {"error": error}


def validation_failed(fields: dict[str, str]) -> ApiError:
    names = ", ".join(sorted(fields))
    count = len(fields)
    noun = "field is" if count == 1 else "fields are"
    return ApiError(422, "validation_failed", f"{count} {noun} not valid: {names}", fields=dict(sorted(fields.items())))


def bad_request(message: str) -> ApiError:
    return ApiError(400, "bad_request", message)


def unauthenticated(message: str = "Sign in again: the access token is missing, unknown, expired or revoked.") -> ApiError:
    return ApiError(401, "unauthenticated", message, headers={"WWW-Authenticate": "Bearer"})


def forbidden(message: str) -> ApiError:
    return ApiError(403, "forbidden", message)


def not_found(message: str = "There is no such listing, or it is not one you may see.") -> ApiError:
    return ApiError(404, "not_found", message)
