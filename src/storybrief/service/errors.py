"""Errors as JSON: every failure a client can cause answers ``{"error": reason}`` with the right status.

400 bad input (malformed JSON, no documents, nothing usable), 413 too large, 415 unsupported body type,
422 invalid fields, 503 too slow or no story store; 500 is left for faults of the service itself.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("storybrief.service")


class ApiError(Exception):
    """A failure to report to the client: an HTTP status, a one-line reason and optional extra fields."""

    def __init__(self, status: int, reason: str, **extra: Any) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason
        self.extra = extra


def error_response(status: int, reason: str, **extra: Any) -> JSONResponse:
    """The JSON body every error has: ``{"error": reason, ...}``."""
    return JSONResponse({"error": reason, **extra}, status_code=status)


def invalid_fields(errors: list[Any]) -> ApiError:
    """A 422 naming each invalid field; the client's input is not echoed back (it may be megabytes)."""
    details = [
        {
            "field": ".".join(str(p) for p in e.get("loc", ()) if p != "body"),
            "reason": e.get("msg", "invalid").removeprefix("Value error, "),
        }
        for e in errors
    ]
    if any(e.get("type") == "json_invalid" for e in errors):
        return ApiError(400, "malformed JSON body")
    reason = "; ".join(f"{d['field'] or 'body'}: {d['reason']}" for d in details)
    return ApiError(422, f"invalid fields: {reason}", fields=details)


def install(app: FastAPI) -> None:
    """Register the handlers that turn every exception into a JSON error."""

    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.reason, **exc.extra)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return error_response(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    @app.exception_handler(ValidationError)
    async def _validation_error(_: Request, exc: RequestValidationError | ValidationError) -> JSONResponse:
        err = invalid_fields(list(exc.errors()))
        return error_response(err.status, err.reason, **err.extra)

    @app.exception_handler(Exception)
    async def _fault(request: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return error_response(500, f"internal error: {type(exc).__name__}")
