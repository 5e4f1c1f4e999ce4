"""Read queries for the fair, its employers and positions: plain functions over a session."""

from __future__ import annotations

import copy
import unicodedata
import weakref
from functools import cache, lru_cache
from typing import Any

from pypinyin import lazy_pinyin
from sqlalchemy import func, or_
from sqlmodel import Session, select

from matching.majors import full_major
from matching.normalize import normalize, prefold, to_simplified
from matching.reference import education_levels, industries, ownership_kinds
from matching.titles import title_synonyms

from .models import Employer, Fair, Position
from .offers import asks_for, benefits_by_position


def current_fair(session: Session) -> Fair | None:
    return session.exec(select(Fair)).first()


def _bucket() -> dict[str, int]:
    return {"employers": 0, "positions": 0, "openings": 0}


# Per database engine (an app has its own): the data version last summed up and its summary.
_summaries: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def fair_summary(session: Session) -> dict[str, Any] | None:
    """The fair with its counts: employers, positions, openings, by ownership and by industry; summed once
    per data version (every change to the fair, its employers or positions bumps it): reading the 3,100
    positions cost 20 ms a request."""
    fair = current_fair(session)
    if fair is None:
        return None
    engine = session.get_bind()
    kept = _summaries.get(engine)
    if kept is None or kept[0] != fair.data_version:
        kept = _summaries[engine] = (fair.data_version, _summary(session, fair))
    return copy.deepcopy(kept[1])


def _summary(session: Session, fair: Fair) -> dict[str, Any]:
    employers = session.exec(select(Employer.id, Employer.ownership, Employer.industry)).all()
    ownership_of = {e.id: e.ownership for e in employers}
    positions = session.exec(select(Position.employer_id, Position.industry, Position.openings)).all()
    by_ownership = {k.key: _bucket() for k in ownership_kinds()}
    by_industry = {i.key: _bucket() for i in industries() if i.core}
    for emp in employers:
        by_ownership.setdefault(emp.ownership, _bucket())["employers"] += 1
        by_industry.setdefault(emp.industry, _bucket())["employers"] += 1
    for pos in positions:
        for bucket in (
            by_ownership.setdefault(ownership_of[pos.employer_id], _bucket()),
            by_industry.setdefault(pos.industry, _bucket()),
        ):
            bucket["positions"] += 1
            bucket["openings"] += pos.openings
    return {
        **fair.model_dump(exclude={"extra"}),
        **fair.extra,
        "counts": {
            "employers": len(employers),
            "positions": len(positions),
            "openings": sum(p.openings for p in positions),
            "by_ownership": by_ownership,
            "by_industry": by_industry,
        },
    }


def _page(session: Session, query, limit: int, offset: int) -> tuple[int, list]:
    total = session.exec(select(func.count()).select_from(query.order_by(None).subquery())).one()
    return total, list(session.exec(query.limit(limit).offset(offset)).all())


@cache
def _synonyms() -> dict[str, tuple[str, ...]]:
    """A job-title synonym word -> every word of its group (``matching/data/title_synonyms.json``)."""
    return {word: group for group in title_synonyms() for word in group}


def _search_terms(q: str | None, *, titles: bool = False) -> list[str]:
    """What a name or title is searched for, each matched case-insensitively (``icontains``): the words as
    typed, in simplified script, with full-width letters and digits made plain (ＪＡＶＡ: java), and, for
    ``titles``, the other words of a job-title synonym's group (幼师: 幼儿教师, 幼儿园老师). Invisible format
    characters (a zero-width space or joiner, a soft hyphen, bidi marks: Unicode's Cf) are dropped, as ranking
    reads Python with a zero-width space inside as Python."""
    text = "".join(char for char in q or "" if unicodedata.category(char) != "Cf").strip()
    if not text:
        return []
    terms = [text, to_simplified(text), prefold(text)]  # prefold: NFKC, case folded, simplified script
    if titles:
        terms += _synonyms().get(normalize(text), ())
    return list(dict.fromkeys(terms))


def list_employers(
    session: Session,
    *,
    ownership: list[str] | None = None,
    industry: list[str] | None = None,
    q: str | None = None,
    sort: str = "booth",
    limit: int = 20,
    offset: int = 0,
) -> tuple[int, list[dict[str, Any]]]:
    query = select(Employer)
    if ownership:
        query = query.where(Employer.ownership.in_(ownership))
    if industry:
        query = query.where(Employer.industry.in_(industry))
    if terms := _search_terms(q):
        query = query.where(or_(*(Employer.name.icontains(t, autoescape=True) for t in terms)))
    counts = dict(
        session.exec(select(Position.employer_id, func.count()).group_by(Position.employer_id)).all()
    )
    rows = session.exec(query).all()
    rows = sorted(rows, key=_employer_sort_key(sort))
    items = [employer_dict(e, positions=counts.get(e.id, 0)) for e in rows[offset : offset + limit]]
    return len(rows), items


def _employer_sort_key(sort: str):
    if sort == "name":  # Chinese names sort by their pinyin, as a Chinese reader expects
        return lambda e: (_pinyin(e.name), e.id)
    if sort == "id":
        return lambda e: e.id
    return lambda e: (booth_key(e.booth), e.sort_order, e.id)


@lru_cache(maxsize=4096)
def _pinyin(name: str) -> tuple[str, ...]:
    """An employer name's pinyin, read once: 94 names read for every sorted list cost 20 ms a request."""
    return tuple(lazy_pinyin(name))


def booth_key(booth: str | None) -> tuple:
    """`A-2` before `A-10`: booths order by zone letter, then number."""
    if not booth:
        return ("~", 0, "")
    head, _, tail = booth.partition("-")
    digits = "".join(ch for ch in (tail or head) if ch.isdigit())
    return (head if tail else booth.rstrip("0123456789"), int(digits) if digits else 0, booth)


def employer_dict(employer: Employer, positions: int | None = None) -> dict[str, Any]:
    out = {**employer.model_dump(exclude={"extra", "sort_order"}), **employer.extra}
    if positions is not None:
        out["position_count"] = positions
    return out


def get_employer(session: Session, employer_id: str) -> dict[str, Any] | None:
    employer = session.get(Employer, employer_id)
    if employer is None:
        return None
    positions = session.exec(
        select(Position).where(Position.employer_id == employer_id).order_by(Position.sort_order, Position.id)
    ).all()
    out = employer_dict(employer, positions=len(positions))
    out["positions"] = [position_dict(p, employer) for p in positions]
    return out


def position_dict(position: Position, employer: Employer) -> dict[str, Any]:
    out = {**position.model_dump(exclude={"extra", "sort_order", "employer_id"}), **position.extra}
    out["employer"] = {
        "id": employer.id,
        "name": employer.name,
        "ownership": employer.ownership,
        "booth": employer.booth,
    }
    return out


def list_positions(
    session: Session,
    *,
    industry: list[str] | None = None,
    ownership: list[str] | None = None,
    education: str | None = None,
    min_salary: int | None = None,
    employer: str | None = None,
    q: str | None = None,
    benefits: list[str] | None = None,
    major: str | None = None,
    include_open_majors: bool = False,
    sort: str = "fair",
    limit: int = 20,
    offset: int = 0,
) -> tuple[int, list[dict[str, Any]]]:
    """Positions in fair order (or best paid first). `education` is the seeker's level: positions asking for
    more are left out; `benefits` and `major` are read from each position's own wording."""
    query = select(Position, Employer).join(Employer, Position.employer_id == Employer.id)
    if industry:
        query = query.where(Position.industry.in_(industry))
    if ownership:
        query = query.where(Employer.ownership.in_(ownership))
    if education:
        rank = {lvl.key: lvl.rank for lvl in education_levels()}
        allowed = [key for key, r in rank.items() if r <= rank[education]]
        query = query.where(Position.education.in_(allowed))
    if min_salary is not None:
        # Negotiable positions (no range) stay in: their pay is not known to be lower.
        query = query.where(or_(Position.salary_max >= min_salary, Position.salary_max.is_(None)))
    if employer:
        query = query.where(Position.employer_id == employer)
    if terms := _search_terms(q, titles=True):
        query = query.where(or_(*(Position.title.icontains(t, autoescape=True) for t in terms)))
    if sort == "salary":
        top = func.coalesce(Position.salary_max, Position.salary_min)
        query = query.order_by(top.is_(None), top.desc(), Position.salary_min.desc())
    query = query.order_by(Employer.sort_order, Employer.id, Position.sort_order, Position.id)
    if not benefits and not major and not terms:
        total, rows = _page(session, query, limit, offset)
        return total, [position_dict(p, e) for p, e in rows]
    # Benefits and majors are read from the employers' wording, which SQL cannot do portably: filter the ids
    # in order, then read the page's rows. A title search too: counted, then paged, it searched every title
    # twice (普工 and its synonyms are 23 words: 40 ms).
    wanted = set(benefits or ())
    held = benefits_by_position(session) if wanted else {}
    ids = session.exec(query.with_only_columns(Position.id, Position.majors)).all()
    asks = _asking(major, include_open_majors)
    kept = [
        pid for pid, majors in ids if wanted <= held.get(pid, frozenset()) and (not major or asks(majors))
    ]
    page = kept[offset : offset + limit]
    rows = session.exec(query.where(Position.id.in_(page))).all() if page else []
    return len(kept), [position_dict(p, e) for p, e in rows]


def _asking(major: str | None, include_open_majors: bool):
    """Whether a position's majors ask for ``major`` (``asks_for``), each major the fair writes read once: the
    fair's 3,100 positions write some 100, and a long major typed in (100 characters, past the string
    caches) cost 100 ms read against every position's. A list asks for it when one of its majors does, and,
    with ``include_open_majors``, when none of them names a major (专业不限)."""
    one: dict[str, bool] = {}

    def asks_one(name: str) -> bool:
        if (answer := one.get(name)) is None:
            answer = one[name] = asks_for([name], major or "", False)
        return answer

    def asks(majors: list[str] | None) -> bool:
        names = majors or ()
        if any(asks_one(name) for name in names):
            return True
        return include_open_majors and not any(full_major(name) for name in names)

    return asks


def get_position(session: Session, position_id: str) -> dict[str, Any] | None:
    row = session.exec(
        select(Position, Employer)
        .join(Employer, Position.employer_id == Employer.id)
        .where(Position.id == position_id)
    ).first()
    return position_dict(*row) if row else None
