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
                position("E01-P02", "急聘普工 7500月包吃住", education="none", salary_min=6000,
                         salary_max=7500, openings=20),
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


def trap_fair() -> dict[str, Any]:
    """Positions that look alike to a naive matcher: short tokens, abbreviations, noisy titles, no skills."""

    def pos(pid: str, title: str, skills: list[str], **fields: Any) -> dict[str, Any]:
        return position(pid, title, skills=skills, **{"education": "associate", "salary_min": 5000,
                                                      "salary_max": 8000, **fields})  # fmt: skip

    software = [
        pos("S-JAVA", "Java开发工程师", ["Java", "Spring Boot", "MySQL"]),
        pos("S-JS", "前端开发工程师", ["JavaScript", "Vue.js", "HTML/CSS"]),
        pos("S-C", "嵌入式软件工程师", ["C", "单片机", "Linux"]),
        pos("S-CPP", "C++开发工程师", ["C++", "Qt"]),
        pos("S-CS", "上位机开发工程师", ["C#", ".NET", "WPF"]),
        pos("S-GO", "后端开发工程师", ["Go", "gRPC", "Kubernetes"]),
        pos("S-GOOGLE", "海外推广专员", ["Google Ads", "SEM"]),
        pos("S-R", "统计分析师", ["R", "SPSS", "统计学"]),
        pos("S-REDIS", "运维工程师", ["Redis", "Linux", "Docker"]),
        pos("S-PY", "Python开发工程师", ["Python", "Django"]),
        pos(
            "S-ALGO",
            "算法工程师",
            ["Python", "机器学习"],
            education="master",
            salary_min=12000,
            salary_max=20000,
        ),
        pos("S-DATA", "数据分析专员", ["数据分析", "Excel", "SQL"]),
    ]
    commerce = [
        pos("C-SHOP", "电商运营专员", ["淘宝店铺运营", "直通车"]),
        pos("C-LIVE", "直播运营", ["直播运营", "抖音"]),
        pos("C-ART", "电商美工", ["Photoshop", "美工设计"]),
        pos(
            "C-KEFU",
            "淘宝在线客服提供食宿缴纳五险",
            [],
            education="high_school",
            salary_min=3500,
            salary_max=5000,
        ),
    ]
    factory = [
        pos(
            "M-PG",
            "急聘普工 7500月包吃住",
            [],
            education="none",
            salary_min=6000,
            salary_max=7500,
            openings=30,
        ),
        pos("M-PLC", "电气工程师", ["PLC编程", "电工证", "电气图纸"]),
        pos("M-CAD", "机械设计工程师", ["AutoCAD", "SolidWorks"]),
    ]
    others = [
        pos("O-ACC", "会计", ["会计", "用友", "Excel"], industry="wholesale_retail"),
        pos(
            "O-CLERK",
            "行政文员",
            ["PPT", "Word"],
            industry="wholesale_retail",
            salary_min=3500,
            salary_max=4500,
        ),
        pos("O-DRIVER", "配送司机", ["C1驾照"], industry="wholesale_retail", education="junior_high"),
        pos(
            "O-TEACH",
            "小学语文教师",
            ["教师资格证", "普通话二级甲等"],
            industry="education",
            education="bachelor",
        ),
        pos("O-HOUSE", "置业顾问", ["沟通能力"], industry="real_estate", salary_min=4000, salary_max=12000),
    ]
    return fair_doc(
        employer("E01", "桂林云智软件有限公司", industry="software_it", booth="B-01", positions=software),
        employer("E02", "桂林优品电子商务有限公司", industry="ecommerce", booth="C-03", positions=commerce),
        employer(
            "E03", "桂林漓江电子科技有限公司", industry="manufacturing", booth="A-01", positions=factory
        ),
        employer(
            "E04", "七星区综合商贸有限公司", industry="wholesale_retail", booth="D-02", positions=others
        ),
    )
