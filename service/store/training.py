"""Demand counts as the station's figures read them: matched skill → times requested (nothing else)."""

from __future__ import annotations

from sqlmodel import Session, select

from .models import SkillDemand


def matched_demand(session: Session, *, limit: int = 1000) -> dict[str, int]:
    """The most requested skills that matched the fair, with their counts."""
    rows = session.exec(
        select(SkillDemand)
        .where(SkillDemand.matched.is_(True))
        .order_by(SkillDemand.count.desc(), SkillDemand.skill)
        .limit(limit)
    ).all()
    return {r.skill: r.count for r in rows}
