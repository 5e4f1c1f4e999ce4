"""What each position offers and asks for, read from the employers' own wording for the list's filters:
the filterable benefits (see `schemas.benefits`) and the majors, kept per data version."""

from __future__ import annotations

import threading
import weakref

from sqlmodel import Session, select

from matching.majors import field_holds, full_major
from matching.normalize import compact
from schemas.benefits import benefits_held, position_text

from .models import Fair, Position

_lock = threading.Lock()
# Per database engine (an app has its own): the data version read and what its positions offer.
_kept: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def benefits_by_position(session: Session) -> dict[str, frozenset[str]]:
    """Every position's filterable benefits, read once per data version (descriptions are long to fold)."""
    engine = session.get_bind()
    version = session.exec(select(Fair.data_version)).first() or 0
    kept = _kept.get(engine)
    if kept is not None and kept[0] == version:
        return kept[1]
    rows = session.exec(select(Position.id, Position.benefits, Position.title, Position.description)).all()
    held = {pid: benefits_held(position_text(b, title, text)) for pid, b, title, text in rows}
    with _lock:
        _kept[engine] = (version, held)
    return held


def asks_for(majors: list[str], major: str, open_ok: bool) -> bool:
    """Whether a position asks for the major (either name inside the other: 会计 and 会计学; a short name
    read as its full name: 计科 is 计算机科学与技术; a field holding it: 计算机相关专业 holds 软件工程), or,
    with `open_ok`, asks for none (专业不限 is none)."""
    named = [name for name in majors if full_major(name)]
    if not named:
        return open_ok
    asked = compact(full_major(major))
    return any(asked in (m := compact(full_major(n))) or m in asked or field_holds(n, major) for n in named)
