"""Security headers on every answer, and CORS: closed by default, opened per origin by FAIR_CORS_ORIGINS."""

from __future__ import annotations

from flask import Flask, Response, current_app, g, request

# The pages load their scripts and styles as files; none is inline (a style set through the DOM is allowed).
PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# The browsable API page (Swagger UI) starts itself with an inline script.
DOCS_POLICY = PAGE_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "style-src 'self'", "style-src 'self' 'unsafe-inline'"
)
FIXED = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}
CORS_HEADERS = "Authorization, Content-Type, If-None-Match, X-Organiser"
# What a browser lets a page of another origin read is only the safelisted headers unless named here: a push's
# Location, a read's ETag, and when to try again after a 429 or 503 and how much of the rate limit is left.
CORS_EXPOSED = "ETag, Location, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset"


def allowed_origins() -> set[str]:
    value = current_app.config.get("FAIR_CORS_ORIGINS") or ""
    items = value.split(",") if isinstance(value, str) else value
    return {o.strip().rstrip("/") for o in items if o.strip()}


def _cors(response: Response) -> None:
    origin = request.headers.get("Origin")
    if not origin or not request.path.startswith("/api/"):
        return
    response.vary.add("Origin")
    if origin.rstrip("/") not in allowed_origins():
        return
    response.headers["Access-Control-Allow-Origin"] = origin
    response.headers["Access-Control-Expose-Headers"] = CORS_EXPOSED
    if request.method == "OPTIONS":
        response.headers["Access-Control-Allow-Methods"] = "GET, POST, PUT, PATCH, DELETE"
        response.headers["Access-Control-Allow-Headers"] = CORS_HEADERS
        response.headers["Access-Control-Max-Age"] = "600"


def init_app(app: Flask) -> None:
    @app.after_request
    def _headers(response: Response) -> Response:
        for name, value in FIXED.items():
            response.headers.setdefault(name, value)
        docs = request.path.rstrip("/") == "/api/docs"
        response.headers.setdefault("Content-Security-Policy", DOCS_POLICY if docs else PAGE_POLICY)
        own = g.pop("own_retry_after", None)  # the answer's own, before the rate limiter's (`limits`)
        if response.status_code not in {429, 503}:
            response.headers.pop("Retry-After", None)  # the rate limiter sends one on every answer
        elif own:
            response.headers["Retry-After"] = own  # a database fault's seconds, not the limit's window
        _cors(response)
        return response
