"""The web pages the service serves itself: the seekers' page at `/`, the organisers' at `/organizer`, and
their static files (ES modules and styles, no build step) under `/static`."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, send_from_directory

STATIC = Path(__file__).parent / "static"
pages = Blueprint("pages", __name__, static_folder="static", static_url_path="/static")


@pages.get("/")
def seekers():
    return send_from_directory(STATIC / "seeker", "index.html", max_age=0)


@pages.get("/organizer")
def organisers():
    return send_from_directory(STATIC / "organizer", "index.html", max_age=0)


@pages.get("/sw.js")
def service_worker():
    # Served from the root so that its scope covers the whole page (a worker under /static could not).
    response = send_from_directory(STATIC / "seeker", "sw.js", max_age=0)
    response.headers["Service-Worker-Allowed"] = "/"
    return response


@pages.get("/organizer/qr")
def booth_codes():
    return send_from_directory(STATIC / "shared", "booth-codes.html", max_age=0)
