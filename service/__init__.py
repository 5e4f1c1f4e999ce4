"""fairmatch: ranks a job fair's positions against a job seeker's profile, behind a JSON API."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from flask import Flask

from .config import Config


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app: configuration from the environment, overridden by `config`; database; API; pages."""
    app = Flask(__name__, instance_relative_config=True, static_folder=None)  # pages serve their own
    app.config.from_mapping(Config().as_dict())
    if config:
        app.config.from_mapping(config)
    app.json.ensure_ascii = False
    app.json.sort_keys = False

    from . import auth, cli, errors, guard, turns
    from .store import db, schema

    db.init_app(app)
    turns.init()
    api = errors.FairApi(app)
    app.extensions["fairmatch.api"] = api
    guard.init_app(app)  # before errors': limits, authentication and body checks come first
    errors.init_app(app)

    from . import pushes, ranking, web
    from .api import (
        corrections,
        docs,
        employers,
        fair,
        fixtures,
        guidance,
        matches,
        positions,
        profiles,
        skills,
        station,
        stats,
    )
    from .api import pushes as pushes_api
    from .store import demand

    api.register_blueprint(fair.blp, url_prefix="/api/v1")
    api.register_blueprint(employers.blp, url_prefix="/api/v1/employers")
    api.register_blueprint(positions.blp, url_prefix="/api/v1/positions")
    api.register_blueprint(corrections.blp, url_prefix="/api/v1")  # PUT/PATCH/DELETE beside the read routes
    api.register_blueprint(fixtures.blp, url_prefix="/api/v1/fixtures")
    api.register_blueprint(matches.blp, url_prefix="/api/v1/matches")
    api.register_blueprint(skills.blp, url_prefix="/api/v1/skills")
    api.register_blueprint(stats.blp, url_prefix="/api/v1/stats")
    api.register_blueprint(profiles.blp, url_prefix="/api/v1/profiles")
    api.register_blueprint(guidance.blp, url_prefix="/api/v1/guidance")
    api.register_blueprint(station.blp, url_prefix="/api/v1/stats")  # the guidance station's figures
    api.register_blueprint(pushes_api.blp, url_prefix="/api/v1/pushes")
    app.register_blueprint(fair.health)
    app.register_blueprint(web.pages)
    web.init_compression(app)
    ranking.init_app(app)
    pushes.init_app(app)
    demand.init_app(app)
    auth.document_security(app, api)
    docs.init_app(app)
    cli.init_app(app)

    if app.config.get("FAIR_BOOTSTRAP", True):
        # Under the `flask` command the default fair waits for `fair init`, so `fair load` starts clean.
        schema.bootstrap(app, load_default=os.environ.get("FLASK_RUN_FROM_CLI") != "true")
    return app
