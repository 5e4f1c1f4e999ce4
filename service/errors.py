"""One JSON shape for every error: `{code, status, message, errors}`, with errors keyed by field path."""

from __future__ import annotations

import logging
import time
from typing import Any

from flask import Flask, current_app, request
from flask_limiter.errors import RateLimitExceeded
from flask_smorest import Api, abort
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from werkzeug.exceptions import (
    BadRequest,
    ClientDisconnected,
    Conflict,
    HTTPException,
    InternalServerError,
    MethodNotAllowed,
    NotFound,
    ServiceUnavailable,
    UnprocessableEntity,
)
from werkzeug.http import HTTP_STATUS_CODES

log = logging.getLogger(__name__)

MESSAGES = {
    400: "The request is malformed.",
    401: "An organiser token is required: send 'Authorization: Bearer <token>'.",
    403: "Not allowed.",
    404: "Not found.",
    405: "Method not allowed.",
    413: "The request body is larger than the service accepts.",
    414: "The request line (path and query string) is longer than the service accepts.",
    415: "Unsupported media type.",
    422: "The input is not valid; see errors for each field.",
    429: "Too many requests from this address; try again later.",
    431: "The request's headers are larger, or more, than the service accepts.",
    500: "Internal error; nothing was changed.",
    503: "The database is not answering; nothing was changed. Try again in a few seconds.",
}
RETRY_DB_SECONDS = 5
CUT_SHORT = "The request body was cut short or arrived too slowly; send the request again."
REDIS_DOWN = (
    "Redis, where pushes are kept, is not answering; nothing was changed. Try again in a few seconds."
)


def error_body(code: int, message: str | None = None, errors: dict | None = None) -> dict[str, Any]:
    """The error shape for an answer made outside a Flask request (the server's own errors)."""
    status = HTTP_STATUS_CODES.get(code, "Unknown Error")
    message = message or MESSAGES.get(code, status)
    return {"code": code, "status": status, "message": message, "errors": errors or {}}


def flatten(errors: Any, prefix: str = "") -> dict[str, list[str]]:
    """Turn marshmallow's nested errors into `{"employers[3].positions[7].salary_max": [...]}`."""
    if not isinstance(errors, dict):
        messages = errors if isinstance(errors, list) else [errors]
        return {prefix or "_schema": [str(m) for m in messages]}
    flat: dict[str, list[str]] = {}
    for key, value in errors.items():
        if key == "_schema":
            path = prefix
        elif isinstance(key, int) or (isinstance(key, str) and key.isdigit()):
            path = f"{prefix}[{key}]"
        else:
            path = f"{prefix}.{key}" if prefix else str(key)
        for sub, messages in flatten(value, path).items():
            flat.setdefault(sub, []).extend(messages)
    return flat


class FixtureInvalid(UnprocessableEntity):
    """A fixture document failed validation; `errors` maps each path to its messages."""

    def __init__(self, errors: dict[str, list[str]], message: str | None = None) -> None:
        super().__init__()
        count = len(errors)
        self.data = {
            "message": message
            or f"The document has {count} error{'s' if count != 1 else ''}; nothing was changed.",
            "errors": errors,
        }


class Missing(NotFound):
    """What a request names is not stored (raised by the data layer; the message names it)."""


class NoFairLoaded(Conflict):
    """A write needs a fair and none is loaded yet."""


class FairApi(Api):
    """flask-smorest's Api with field paths flattened and no detail of server errors shown."""

    def handle_http_exception(self, error: HTTPException):
        payload, code, headers = super().handle_http_exception(error)
        if "errors" in payload:
            errors = payload["errors"]
            # webargs nests errors under their location; the body's are the usual case.
            if isinstance(errors, dict) and set(errors) <= {"json", "query", "form", "files", "headers"}:
                nested = {}
                for location, value in errors.items():
                    nested.update(flatten(value, "" if location in {"json", "form"} else location))
                errors = nested
            payload["errors"] = errors
        if isinstance(error, ClientDisconnected):
            # The body stopped short of its Content-Length, or came too slowly (the server's least rate).
            payload["message"] = CUT_SHORT
        if isinstance(error, RateLimitExceeded):
            # Flask-Limiter's description is the bare limit ("1200 per 1 minute"): say what happened.
            payload["message"] = f"Too many requests from this address (at most {error.limit.limit}); " + (
                f"try again in {wait} s." if (wait := _limit_wait()) else "try again later."
            )
        if "message" not in payload:
            # A description raised on purpose says more than the generic one; a server error says nothing.
            specific = error.description != type(error).description and code < 500
            payload["message"] = error.description if specific else MESSAGES.get(code, error.name)
        if payload.get("errors") == {"_schema": ["Invalid JSON body."]}:
            payload["message"], payload["errors"] = "The request body is not valid JSON.", {}
        payload.setdefault("errors", {})
        if isinstance(error, MethodNotAllowed) and error.valid_methods:
            headers = {**headers, "Allow": ", ".join(sorted(error.valid_methods))}
        if code == 429 and "Retry-After" not in headers and getattr(error, "retry_after", None):
            headers = {**headers, "Retry-After": str(error.retry_after)}
        return payload, code, headers


def _limit_wait() -> int | None:
    """Seconds until the rate limit this request went over lets the address in again."""
    current = current_app.extensions["fairmatch.limiter"].current_limit
    return max(1, int(current.reset_at - time.time())) if current is not None else None


# The endpoints that take a file upload (multipart/form-data) besides JSON; every other body is JSON.
FILE_UPLOADS = {"fixtures.FixturesView", "profiles.ReadView"}


def nul_paths(value: Any, path: str = "") -> list[str]:
    """Where a NUL character hides in a JSON value: no text column can store one (PostgreSQL refuses)."""
    if isinstance(value, str):
        return [path or "_schema"] if "\x00" in value else []
    if isinstance(value, dict):
        items = ((f"{path}.{k}" if path else str(k), v) for k, v in value.items())
        return [p for key, v in items for p in ([key] if "\x00" in key else nul_paths(v, key))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in nul_paths(v, f"{path}[{i}]")]
    return []


def database_fault(error: BaseException) -> bool:
    """The database is unreachable, hung or restarting (not a bug in a statement)."""
    if isinstance(error, PoolTimeout):
        return True
    if not isinstance(error, DBAPIError):
        return False
    return error.connection_invalidated or isinstance(error, OperationalError)


def unreadable_body(error: BaseException) -> bool:
    """The server could not read the request's body as framed: a chunked body's size line or chunk end is
    malformed (gunicorn raises while the app reads it). The client's fault, not the service's."""
    return type(error).__module__ == "gunicorn.http.errors"


def init_app(app: Flask) -> None:
    @app.before_request
    def _json_bodies_only():
        # webargs would read a body of another type as an empty one; say so instead. A chunked body has no
        # Content-Length.
        sent = request.content_length or "chunked" in request.headers.get("Transfer-Encoding", "").lower()
        has_body = request.method in {"POST", "PUT", "PATCH"} and sent
        upload = request.mimetype == "multipart/form-data" and request.endpoint in FILE_UPLOADS
        typed = request.is_json or upload  # application/*+json is JSON too
        if has_body and request.path.startswith("/api/") and not typed:
            abort(415, message="Send the body as application/json.")

    @app.before_request
    def _no_nul_characters():
        where = ["path"] if "\x00" in request.path else []
        where += [f"query.{k}" for k, v in request.args.items(multi=True) if "\x00" in k + v]
        # A JSON body can hold a NUL only as a \u0000 escape (a raw one is no JSON): only then is it walked.
        if request.is_json and request.content_length and b"\\u0000" in request.get_data(cache=True):
            where += nul_paths(request.get_json(silent=True))
        if where:
            abort(
                400,
                message="Text may not contain NUL characters.",
                errors={w: ["NUL character"] for w in where},
            )

    @app.errorhandler(Exception)
    def _unexpected(error: Exception):
        if isinstance(error, HTTPException):
            return app.extensions["fairmatch.api"].handle_http_exception(error)
        if unreadable_body(error):
            malformed = BadRequest(f"The request body is malformed: {error}")
            return app.extensions["fairmatch.api"].handle_http_exception(malformed)
        if database_fault(error):
            # Only the kind of fault: the statement and its parameters stay out of the log.
            log.warning("database unavailable: %s", type(getattr(error, "orig", None) or error).__name__)
            unavailable = ServiceUnavailable(retry_after=RETRY_DB_SECONDS)
            payload, code, headers = app.extensions["fairmatch.api"].handle_http_exception(unavailable)
            return payload, code, {**headers, "Retry-After": str(RETRY_DB_SECONDS)}
        if isinstance(error, (RedisConnectionError, RedisTimeoutError)):
            # REDIS_URL: where pushes keep their state (the rate limits fall back to memory by themselves).
            log.warning("redis unavailable: %s", type(error).__name__)
            unavailable = ServiceUnavailable(retry_after=RETRY_DB_SECONDS)
            payload, code, headers = app.extensions["fairmatch.api"].handle_http_exception(unavailable)
            return {**payload, "message": REDIS_DOWN}, code, {**headers, "Retry-After": str(RETRY_DB_SECONDS)}
        log.exception("unhandled error")
        return app.extensions["fairmatch.api"].handle_http_exception(InternalServerError())
