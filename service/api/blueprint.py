"""The API's blueprint class: flask-smorest's, its arguments read from the body the guard parsed, and its
reads' answers tagged for revalidation."""

from __future__ import annotations

from typing import Any

import flask_smorest
from flask import Response, request

from ..guard.body import ParsedBodyParser


class Blueprint(flask_smorest.Blueprint):
    ARGUMENTS_PARSER = ParsedBodyParser()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.after_request(_tagged)


def _tagged(response: Response) -> Response:
    """A read's JSON answer carries an ETag, a digest of its body: a client polling the fair, its positions
    or a push sends it back in If-None-Match and gets a 304 with no body while the answer is unchanged
    (the pages' revalidation answers it, after compression: ``web.init_compression``)."""
    json = response.mimetype == "application/json" and not response.direct_passthrough
    if request.method in {"GET", "HEAD"} and response.status_code == 200 and json:
        response.add_etag()
    return response
