"""The ranking index for the current data version: built once per version, swapped whole, per worker."""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict

import orjson
from flask import Flask, current_app
from sqlalchemy import Connection
from sqlmodel import Session, select

from matching.index import MatchIndex
from matching.records import PositionRecord

from .store.db import get_engine
from .store.models import Employer, Position

log = logging.getLogger(__name__)


VERSION_SQL = "SELECT data_version FROM fair"
ANSWER_CACHE = 4096


def _version(connection: Connection) -> int:
    # Asked on every ranking request, so it goes straight to the driver: no statement to compile.
    return connection.exec_driver_sql(VERSION_SQL).scalar() or 0


def read_records(session: Session) -> tuple[int, list[PositionRecord]]:
    """Every position as plain data, with the data version it belongs to."""
    while True:
        version = _version(session.connection())
        rows = session.exec(
            select(Position, Employer)
            .join(Employer, Position.employer_id == Employer.id)
            .order_by(Employer.sort_order, Employer.id, Position.sort_order, Position.id)
        ).all()
        if _version(session.connection()) == version:  # no load committed in between
            break
    records = [
        PositionRecord(
            id=p.id,
            title=p.title,
            skills=tuple(p.skills),
            industry=p.industry,
            education=p.education,
            salary_min=p.salary_min,
            salary_max=p.salary_max,
            openings=p.openings,
            employer_id=e.id,
            employer_name=e.name,
            ownership=e.ownership,
            booth=e.booth,
            description=p.description or "",
            majors=tuple(p.majors),
        )
        for p, e in rows
    ]
    return version, records


class Ranking:
    """Holds one immutable MatchIndex; a request that sees a newer data version waits for the rebuild.

    Answers are also kept, serialised, for the last few thousand distinct requests of the current data
    version: the same profile (the page's example, a livestream push) is ranked once. A new version
    starts an empty cache, so nothing stale is ever served.
    """

    def __init__(self, app: Flask) -> None:
        self._app = app
        self._index: MatchIndex | None = None
        self._lock = threading.Lock()
        self._answers: OrderedDict[bytes, tuple[dict, bytes]] = OrderedDict()
        self._answers_version: str | None = None

    def match(self, request: dict) -> tuple[dict, bytes]:
        """The answer for a validated match request, and its JSON body."""
        index = self.index()
        key = orjson.dumps(request, option=orjson.OPT_SORT_KEYS)
        with self._lock:
            if self._answers_version != index.version:
                self._answers.clear()
                self._answers_version = index.version
            hit = self._answers.get(key)
            if hit is not None:
                self._answers.move_to_end(key)
                return hit
        profile = {k: v for k, v in request.items() if k not in {"limit", "offset"}}
        answer = index.match(profile, limit=request["limit"], offset=request["offset"])
        answer["data_version"] = int(index.version)
        entry = (answer, orjson.dumps(answer, option=orjson.OPT_SERIALIZE_NUMPY))
        with self._lock:
            if self._answers_version == index.version:
                self._answers[key] = entry
                if len(self._answers) > ANSWER_CACHE:
                    self._answers.popitem(last=False)
        return entry

    def index(self) -> MatchIndex:
        engine = get_engine(self._app)
        with engine.connect() as connection:
            version = _version(connection)
        current = self._index
        if current is not None and current.version == str(version):
            return current
        with self._lock:
            current = self._index
            if current is not None and current.version == str(version):
                return current
            with Session(engine) as session:
                built_version, records = read_records(session)
            current = MatchIndex.build(records, version=str(built_version))
            self._index = current  # one reference swap: no request sees a half-built index
            log.info("ranking index built for data version %s: %d positions", built_version, len(records))
            return current


def init_app(app: Flask) -> None:
    app.extensions["fairmatch.ranking"] = Ranking(app)


def current_ranking() -> Ranking:
    return current_app.extensions["fairmatch.ranking"]


def current_index() -> MatchIndex:
    return current_ranking().index()
