"""The API's blueprint class: flask-smorest's, its arguments read from the body the guard parsed."""

from __future__ import annotations

import flask_smorest

from ..guard.body import ParsedBodyParser


class Blueprint(flask_smorest.Blueprint):
    ARGUMENTS_PARSER = ParsedBodyParser()
