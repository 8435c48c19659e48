"""Every error the API returns is JSON in the shape of docs/api.md, whatever went wrong:
our own `ApiError`s, unknown paths and methods, FastAPI's parameter validation, and any
unexpected exception (logged, answered with a 500 that never carries internals)."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from server.errors import ApiError, validation_failed

log = logging.getLogger("gemdesk.server")

_CODES = {
    400: "bad_request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    410: "gone",
    413: "too_large",
    415: "unsupported_media_type",
    422: "validation_failed",
    428: "precondition_required",
    429: "too_many_attempts",
    503: "busy",
}


def error_response(error: ApiError) -> JSONResponse:
    return JSONResponse(error.body(), status_code=error.status, headers=error.headers)


def _field_name(loc: tuple) -> str:
    # ("query", "limit") -> "limit"; ("body", "x", 0) -> "x.0"
    parts = [str(p) for p in loc[1:]] if len(loc) > 1 else [str(p) for p in loc]
    return ".".join(parts) or "request"


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, error: ApiError) -> JSONResponse:
        return error_response(error)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        code = _CODES.get(error.status_code, "error")
        if error.status_code == 404:
            message = f"There is nothing at {request.url.path}. Check the address against docs/api.md."
        elif error.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}."
        else:
            message = str(error.detail)
        return JSONResponse(
            {"error": {"code": code, "message": message}},
            status_code=error.status_code,
            headers=getattr(error, "headers", None),
        )

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_request: Request, error: RequestValidationError) -> JSONResponse:
        fields: dict[str, str] = {}
        for problem in error.errors():
            if problem.get("type") == "json_invalid":
                return error_response(ApiError(400, "bad_request", "The body is not valid JSON."))
            fields.setdefault(_field_name(tuple(problem.get("loc", ()))), str(problem.get("msg", "is not valid")))
        return error_response(validation_failed(fields or {"request": "is not valid"}))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, error: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return JSONResponse(
            {"error": {"code": "internal_error", "message": "Something went wrong on the server. It has been logged; try again later."}},
            status_code=500,
        )
