"""Request-level protections, applied before any view runs: body limits, organiser authentication before the
body is read, bounded and well-formed JSON, rate limits, and security and CORS headers on every answer.

`init_app` must run before `errors.init_app` so that these checks come first.
"""

from __future__ import annotations

from flask import Flask

from . import body, headers, limits
from .body import parse_json

__all__ = ["init_app", "parse_json"]


def init_app(app: Flask) -> None:
    headers.init_app(app)  # registered first, so its after_request runs last and sees the final headers
    limits.init_app(app)  # then: an address over its limit is refused before anything else is done
    body.init_app(app)
