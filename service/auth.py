"""Organiser access: a bearer token compared in constant time; no token configured means no access."""

from __future__ import annotations

import hmac
import re
from collections.abc import Callable
from contextlib import suppress
from functools import wraps
from typing import Any
from urllib.parse import unquote

from flask import Flask, current_app, request
from flask_smorest import Api, abort


def organiser_required(view: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        check_organiser()
        return view(*args, **kwargs)

    return wrapped


def check_organiser() -> None:
    expected = current_app.config.get("FAIR_ADMIN_TOKEN")
    if not expected:
        abort(403, message="Organiser endpoints are disabled: FAIR_ADMIN_TOKEN is not set. Use the CLI.")
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        abort(
            401,
            message="An organiser token is required: send 'Authorization: Bearer <token>'.",
            headers={"WWW-Authenticate": 'Bearer realm="fairmatch"'},
        )
    if not hmac.compare_digest(token.strip().encode(), expected.encode()):
        abort(403, message="The organiser token is wrong.")


def organiser_name() -> str | None:
    """The free-text name organisers give with their token, for the load history."""
    name = request.headers.get("X-Organiser", "").strip()
    return name[:100] or None


def actor() -> str | None:
    """The organiser's name for the history. Browsers send it percent-encoded (a header cannot carry 张三
    as is); raw UTF-8 from curl arrives read as Latin-1 and is read again as UTF-8."""
    name = organiser_name()
    if not name:
        return None
    with suppress(UnicodeError):
        name = name.encode("latin-1").decode("utf-8")
    return unquote(name).strip()[:100] or None


def document_security(app: Flask, api: Api) -> None:
    """Mark every organiser-only operation in the OpenAPI document with the bearer scheme."""
    api.spec.components.security_scheme(
        "organiser", {"type": "http", "scheme": "bearer", "description": "FAIR_ADMIN_TOKEN"}
    )
    for rule in app.url_map.iter_rules():
        view_class = getattr(app.view_functions[rule.endpoint], "view_class", None)
        if organiser_required not in getattr(view_class, "decorators", ()):
            continue
        path = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule.rule)
        for method, operation in api.spec._paths.get(path, {}).items():
            if method.upper() in rule.methods:
                operation["security"] = [{"organiser": []}]
                operation.setdefault("responses", {}).update(
                    {"401": {"description": "No token"}, "403": {"description": "Wrong token, or none set"}}
                )
