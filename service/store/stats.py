"""Figures over the stored fair: pay by industry, and the ownership and industry mix before and after a
load."""

from __future__ import annotations

from statistics import median
from typing import Any

from sqlmodel import Session, select

from matching.reference import industries, ownership_kinds

from .models import Employer, Position


def pay_by_industry(session: Session) -> list[dict[str, Any]]:
    """Lowest, median and highest monthly pay of each industry's positions; 面议 positions count apart."""
    rows = session.exec(select(Position.industry, Position.salary_min, Position.salary_max)).all()
    grouped: dict[str, list[tuple[int | None, int | None]]] = {}
    for industry, low, high in rows:
        grouped.setdefault(industry, []).append((low, high))
    order = {ind.key: i for i, ind in enumerate(industries())}
    out = []
    for industry in sorted(grouped, key=lambda k: (order.get(k, len(order)), k)):
        ranges = grouped[industry]
        paid = [(low, high) for low, high in ranges if low is not None or high is not None]
        lows = [low for low, _ in paid if low is not None]
        highs = [high for _, high in paid if high is not None]
        middles = [
            ((low if low is not None else high) + (high if high is not None else low)) / 2
            for low, high in paid
        ]
        out.append(
            {
                "industry": industry,
                "positions": len(ranges),
                "with_pay": len(paid),
                "min": min(lows or highs) if paid else None,
                "median": median(middles) if middles else None,
                "median_min": median(lows) if lows else None,
                "median_max": median(highs) if highs else None,
                "max": max(highs or lows) if paid else None,
            }
        )
    return out


def _bucket() -> dict[str, int]:
    return {"employers": 0, "positions": 0, "openings": 0}


def _mix(employers: dict[str, tuple[str, str]], positions: dict[str, tuple[str, str, int]]) -> dict[str, Any]:
    by_ownership = {k.key: _bucket() for k in ownership_kinds()}
    by_industry = {i.key: _bucket() for i in industries() if i.core}
    for ownership, industry in employers.values():
        by_ownership.setdefault(ownership, _bucket())["employers"] += 1
        by_industry.setdefault(industry, _bucket())["employers"] += 1
    for employer_id, industry, openings in positions.values():
        ownership = employers[employer_id][0] if employer_id in employers else None
        for bucket in (by_ownership.setdefault(ownership or "unknown", _bucket()),
                       by_industry.setdefault(industry, _bucket())):  # fmt: skip
            bucket["positions"] += 1
            bucket["openings"] += openings
    return {
        "employers": len(employers),
        "positions": len(positions),
        "openings": sum(p[2] for p in positions.values()),
        "by_ownership": by_ownership,
        "by_industry": by_industry,
    }


def mix_preview(session: Session, doc: dict[str, Any], *, replace: bool) -> dict[str, Any]:
    """The fair's ownership and industry mix now (`current`) and after loading `doc` (`new`)."""
    employers = {e.id: (e.ownership, e.industry) for e in session.exec(select(Employer)).all()}
    positions = {
        p.id: (p.employer_id, p.industry, p.openings)
        for p in session.exec(select(Position.id, Position.employer_id, Position.industry, Position.openings))
    }
    new_employers = {} if replace else dict(employers)
    new_positions = {} if replace else dict(positions)
    for emp in doc["employers"]:
        new_employers[emp["id"]] = (emp["ownership"], emp["industry"])
        for pos in emp["positions"]:
            new_positions[pos["id"]] = (emp["id"], pos["industry"], pos["openings"])
    return {"current": _mix(employers, positions), "new": _mix(new_employers, new_positions)}
