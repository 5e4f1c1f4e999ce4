"""Rate limits per client address (Flask-Limiter): in-process by default, in Redis when REDIS_URL is set so
that several instances share them; generous for ranking, tight for wrong organiser tokens.

A fair's Wi-Fi puts many phones behind one address, so the ranking limit is high and configurable
(RATELIMIT_MATCHING). RATELIMIT_ENABLED=0 switches every limit off (benchmarks, load scripts).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import suppress

from flask import Flask, Response, current_app, g, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_smorest import abort
from limits import parse
from werkzeug.exceptions import HTTPException

from ..auth import check_organiser

RANKING_BLUEPRINTS = {"matches", "skills"}
# Liveness and readiness probes, and the pages' static files: a page load fetches some forty of them, and a
# venue's Wi-Fi puts hundreds of phones behind one address, so a limit on them left pages without their
# scripts and styles. They cost a file read (or a 304) and are cached for a year once versioned.
UNLIMITED = {"health.healthz", "health.readyz", "pages.static", "pages.versioned", "pages.service_worker"}


def _route_limit() -> str:
    key = "RATELIMIT_MATCHING" if request.blueprint in RANKING_BLUEPRINTS else "RATELIMIT_DEFAULT"
    return current_app.config[key]


def _exempt() -> bool:
    return request.endpoint in UNLIMITED


def init_app(app: Flask) -> None:
    redis = app.config.get("REDIS_URL")
    limiter = Limiter(
        key_func=get_remote_address,
        default_limits=[_route_limit],
        default_limits_exempt_when=_exempt,
        headers_enabled=True,
        storage_uri=redis or "memory://",
        storage_options={"socket_connect_timeout": 2, "socket_timeout": 2} if redis else {},
        key_prefix=app.config["RATELIMIT_KEY_PREFIX"],
        swallow_errors=True,  # Redis gone: serve without limits rather than fail every request
        in_memory_fallback_enabled=bool(redis),
        enabled=app.config["RATELIMIT_ENABLED"],
    )
    limiter.init_app(app)
    app.extensions["fairmatch.limiter"] = limiter

    @app.after_request
    def _own_retry_after(response: Response) -> Response:
        # Runs before the limiter's headers, which raise any Retry-After to its window's reset (up to a
        # minute): a 503's few seconds are put back by `headers`.
        g.own_retry_after = response.headers.get("Retry-After")
        return response


# Candidates one address may send to rank in batches and pushes (each candidate a match's work, the request
# limit counting a batch of 1,000 or a push of 100,000 as one request); an organiser's token is not counted.
CANDIDATES = "200000 per hour"


def charge_candidates(count: int) -> None:
    """Count a batch's or a push's candidates, valid or not, against the address's budget
    (RATELIMIT_CANDIDATES); 429 once it is spent. The request limit let one address queue 50 batches a
    second, each up to 14 s of ranking, and 20 pushes of 100,000 candidates."""
    limiter: Limiter = current_app.extensions["fairmatch.limiter"]
    if not limiter.enabled or _organiser():
        return
    item = parse(current_app.config.get("RATELIMIT_CANDIDATES") or CANDIDATES)
    key = (current_app.config["RATELIMIT_KEY_PREFIX"], "candidates", get_remote_address())
    strategy = limiter.limiter
    try:
        if strategy.hit(item, *key, cost=count):
            return
        reset = strategy.get_window_stats(item, *key).reset_time
    except Exception:  # the shared store is unreachable: rank, as the other limits do
        return
    wait = max(1, int(reset - time.time()) + 1)
    abort(429, message=f"This address has sent more candidates to rank than its budget allows ({item}); "
          f"try again in {wait} s.", headers={"Retry-After": str(wait)},
          errors={"candidates": [f"over this address's budget ({item})"]})  # fmt: skip


def _organiser() -> bool:
    with suppress(HTTPException):
        check_organiser()
        return True
    return False


def organiser_check(check: Callable[[], None]) -> None:
    """Run the organiser token check; an address that sent too many wrong tokens gets 429 without a check."""
    limiter: Limiter = current_app.extensions["fairmatch.limiter"]
    if not limiter.enabled:
        return check()
    item, address = parse(current_app.config["RATELIMIT_WRONG_TOKEN"]), get_remote_address()
    # The strategy's keys carry no prefix: the deployment's goes in, as in Flask-Limiter's own limits.
    key = (current_app.config["RATELIMIT_KEY_PREFIX"], "wrong-token", address)
    strategy = limiter.limiter
    try:
        allowed = strategy.test(item, *key)
    except Exception:  # the shared store is unreachable: do not lock organisers out
        allowed = True
    if not allowed:
        reset = strategy.get_window_stats(item, *key).reset_time
        wait = max(1, int(reset - time.time()) + 1)
        abort(429, message=f"Too many wrong organiser tokens from this address; try again in {wait} s.",
              headers={"Retry-After": str(wait)})  # fmt: skip
    try:
        check()
    except HTTPException as err:
        if err.code == 403 and current_app.config.get("FAIR_ADMIN_TOKEN"):  # a token, and wrong
            with suppress(Exception):  # an unreachable store must not turn a 403 into a 500
                strategy.hit(item, *key)
        raise
