"""Builders for fixture documents used across the tests."""

from __future__ import annotations

from typing import Any


def position(pid: str, title: str = "普工", **fields: Any) -> dict[str, Any]:
    return {"id": pid, "title": title, **fields}


def employer(
    eid: str,
    name: str | None = None,
    *,
    positions: list[dict[str, Any]] | None = None,
    ownership: str = "private",
    industry: str = "manufacturing",
    booth: str | None = None,
    **fields: Any,
) -> dict[str, Any]:
    return {
        "id": eid,
        "name": name or f"桂林测试企业{eid}有限公司",
        "ownership": ownership,
        "industry": industry,
        "booth": booth or f"A-{eid[-2:]}",
        **fields,
        "positions": positions if positions is not None else [],
    }


def fair_doc(*employers: dict[str, Any], fair_id: str = "test-fair", **fair: Any) -> dict[str, Any]:
    return {
        "fair": {"id": fair_id, "name": "测试招聘会", "city": "桂林市", "district": "七星区", **fair},
        "employers": list(employers),
    }


def small_fair() -> dict[str, Any]:
    """Three employers, five positions: enough to check counts, filters and paging."""
    return fair_doc(
        employer(
            "E01",
            "桂林漓江电子科技有限公司",
            industry="manufacturing",
            booth="A-02",
            positions=[
                position("E01-P01", "电子工艺工程师", skills=["SMT工艺", "AutoCAD"], education="associate",
                         salary_min=5000, salary_max=7000, openings=3),
                position("E01-P02", "急聘普工 7500月包吃住", education="none", salary_min=6000, salary_max=7500,
                         openings=20),
            ],
        ),
        employer(
            "E02",
            "桂林七星投资集团有限公司",
            ownership="国企",
            industry="K",
            booth="A-10",
            positions=[position("E02-P01", "置业顾问", skills=["沟通能力"], education="大专", salary_min=4000,
                                salary_max=9000)],
        ),
        employer(
            "E03",
            "七星区启航培训学校",
            ownership="教育培训",
            industry="教育",
            booth="B-01",
            positions=[
                position("E03-P01", "小学数学教师", skills=["教师资格证"], education="本科", salary_min=4500,
                         salary_max=6500, openings=2),
                position("E03-P02", "少儿编程老师", skills=["Python", "Scratch"], industry="software_it",
                         education="bachelor"),
            ],
        ),
    )  # fmt: skip
