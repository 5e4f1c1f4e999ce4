"""The web pages the service serves itself: the seekers' page at `/`, the organisers' at `/organizer`, and
their static files (ES modules and styles, no build step) under `/static`.

The seekers' page names its files under `/static/v/<build>/…`, where the build is a digest of every static
file: those answers are cached for a year (`immutable`), and a new deploy is a new build, so new URLs. The
ES modules import each other by relative names, so a module of one build only ever loads modules of the same
build. The page itself and `/sw.js` are revalidated on every use; plain `/static/…` URLs are too.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from flask import Blueprint, Flask, Response, abort, request, send_from_directory
from flask_compress import Compress

STATIC = Path(__file__).parent / "static"
YEAR = 365 * 24 * 3600
SW_BUILD = 'const BUILD = "dev";'  # the service worker's line that names its build
# JSON answers and the pages' files travel compressed (brotli, else gzip) to clients that ask for it.
COMPRESSED = ["application/json", "text/html", "text/css", "text/javascript", "application/javascript",
              "image/svg+xml"]  # fmt: skip


class Pages(Blueprint):
    def get_send_file_max_age(self, filename: str | None) -> int | None:
        # Revalidated on every use (`no-cache`) against the file's ETag: an unchanged file costs a 304 with
        # no body, and a redeploy is picked up at once (the ES modules import each other by plain names).
        return None


pages = Pages("pages", __name__, static_folder="static", static_url_path="/static")


def init_compression(app: Flask) -> None:
    app.config.setdefault("COMPRESS_MIMETYPES", COMPRESSED)
    app.config.setdefault("COMPRESS_ALGORITHM", ["br", "gzip"])
    app.config.setdefault("COMPRESS_BR_LEVEL", 4)  # brotli's fast levels: a 15 kB answer in well under 1 ms
    app.config.setdefault("COMPRESS_LEVEL", 6)
    app.config.setdefault("COMPRESS_MIN_SIZE", 500)

    @app.after_request
    def _revalidate(response: Response) -> Response:
        # Runs after compression (hooks run last-registered first), so a compressed file's own ETag,
        # sent back in If-None-Match, is answered 304 too.
        etag, _ = response.get_etag()
        if request.method not in {"GET", "HEAD"} or response.status_code != 200 or not etag:
            return response
        if not request.if_none_match.contains(etag):
            return response
        response.close()  # the file it was about to send
        kept = {
            k: v
            for k, v in response.headers.items()
            if k in {"ETag", "Cache-Control", "Vary", "Last-Modified"}
        }
        return Response(status=304, headers=kept)

    Compress(app)

    @app.after_request
    def _read_small_files(response: Response) -> Response:
        # Runs before compression: the pages' files are small, so read them whole and close them here (the
        # compressor would read a passed-through file without closing it).
        if response.direct_passthrough and request.blueprint == "pages":
            source = response.response
            try:
                data = b"".join(source) if response.status_code == 200 else b""
            finally:
                getattr(source, "close", lambda: None)()
            response.direct_passthrough = False
            response.set_data(data)
        return response


@cache
def build_id() -> str:
    """A digest of every static file: it changes whenever any of them does (read once per process)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in STATIC.rglob("*") if p.is_file()):
        digest.update(path.relative_to(STATIC).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def versioned_prefix() -> str:
    return f"/static/v/{build_id()}/"


def _revalidated(body: str, mimetype: str) -> Response:
    response = Response(body, mimetype=mimetype)
    response.cache_control.no_cache = True
    response.set_etag(hashlib.sha256(body.encode()).hexdigest()[:32])
    return response


@cache
def _seekers_page() -> str:
    return (
        (STATIC / "seeker" / "index.html")
        .read_text(encoding="utf-8")
        .replace('"/static/', f'"{versioned_prefix()}')
    )


@pages.get("/static/v/<build>/<path:filename>")
def versioned(build: str, filename: str):
    if filename == "seeker/sw.js":
        abort(404)  # the worker lives at /sw.js only: its scope is the whole site
    response = send_from_directory(STATIC, filename)
    if build == build_id():
        response.cache_control.no_cache = None
        response.cache_control.public = True
        response.cache_control.max_age = YEAR
        response.cache_control.immutable = True
    # An older build's URL (a page loaded before a deploy) gets today's file, revalidated: never kept as its.
    return response


@pages.get("/")
def seekers():
    return _revalidated(_seekers_page(), "text/html")


@pages.get("/organizer")
def organisers():
    return send_from_directory(STATIC / "organizer", "index.html", max_age=0)


@pages.get("/sw.js")
def service_worker():
    # Served from the root so that its scope covers the whole page (a worker under /static could not), and
    # named after the build: a deploy changes its bytes, so the browser installs the new worker.
    source = (STATIC / "seeker" / "sw.js").read_text(encoding="utf-8")
    response = _revalidated(source.replace(SW_BUILD, f'const BUILD = "{build_id()}";', 1), "text/javascript")
    response.headers["Service-Worker-Allowed"] = "/"
    return response


@pages.get("/organizer/qr")
def booth_codes():
    return send_from_directory(STATIC / "shared", "booth-codes.html", max_age=0)
