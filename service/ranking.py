"""The ranking index for the current data version: built once per version, swapped whole, per worker."""

from __future__ import annotations

import logging
import threading

from flask import Flask, current_app
from matching.index import MatchIndex
from matching.records import PositionRecord
from sqlmodel import Session, select

from .db import get_engine
from .models import Employer, Fair, Position

log = logging.getLogger(__name__)


def _version(session: Session) -> int:
    return session.exec(select(Fair.data_version)).first() or 0


def read_records(session: Session) -> tuple[int, list[PositionRecord]]:
    """Every position as plain data, with the data version it belongs to."""
    while True:
        version = _version(session)
        rows = session.exec(
            select(Position, Employer)
            .join(Employer, Position.employer_id == Employer.id)
            .order_by(Employer.sort_order, Employer.id, Position.sort_order, Position.id)
        ).all()
        if _version(session) == version:  # no load committed in between
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
    """Holds one immutable MatchIndex; a request that sees a newer data version waits for the rebuild."""

    def __init__(self, app: Flask) -> None:
        self._app = app
        self._index: MatchIndex | None = None
        self._lock = threading.Lock()

    def index(self) -> MatchIndex:
        engine = get_engine(self._app)
        with Session(engine) as session:
            version = _version(session)
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


def current_index() -> MatchIndex:
    return current_app.extensions["fairmatch.ranking"].index()
