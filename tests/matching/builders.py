"""Builders for engine-level tests: position records, small fairs as indexes, and ranking read-outs."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from matching.index import MatchIndex
from matching.records import PositionRecord
from matching.weights import Weights


def position(
    pid: str,
    title: str = "普工",
    *skills: str,
    industry: str = "software_it",
    education: str = "none",
    salary: tuple[int | None, int | None] = (None, None),
    openings: int = 1,
    employer: str = "E01",
    employer_name: str = "",
    ownership: str = "private",
    description: str = "",
    majors: tuple[str, ...] = (),
) -> PositionRecord:
    """A position record; skills are positional so a trap reads like the posting it imitates."""
    return PositionRecord(
        id=pid,
        title=title,
        skills=tuple(skills),
        industry=industry,
        education=education,
        salary_min=salary[0],
        salary_max=salary[1],
        openings=openings,
        employer_id=employer,
        employer_name=employer_name or f"桂林测试企业{employer}有限公司",
        ownership=ownership,
        booth=f"A-{employer[-2:]}",
        description=description,
        majors=majors,
    )


def fair(*positions: PositionRecord, weights: Weights | None = None) -> MatchIndex:
    return MatchIndex.build(positions, version="test", weights=weights)


def ranked(index: MatchIndex, limit: int = 100, **profile: Any) -> list[str]:
    """Position ids in rank order for a profile given as keyword arguments."""
    return [r["position"]["id"] for r in index.match(profile, limit=limit)["results"]]


def scores(index: MatchIndex, limit: int = 100, **profile: Any) -> dict[str, float]:
    return {r["position"]["id"]: r["score"] for r in index.match(profile, limit=limit)["results"]}


def result_for(answer: Mapping[str, Any], pid: str) -> dict[str, Any]:
    return next(r for r in answer["results"] if r["position"]["id"] == pid)


def assert_first(index: MatchIndex, expected: str, *, above: tuple[str, ...] = (), **profile: Any) -> None:
    """``expected`` ranks first with a positive score, and strictly above every trap in ``above``."""
    order = scores(index, **profile)
    assert next(iter(order)) == expected, (profile, order)
    assert order[expected] > 0, (profile, order)
    for trap in above:
        assert order[expected] > order[trap], (profile, expected, trap, order)


def trap_fair(**extra: Any) -> MatchIndex:
    """Look-alike postings: the right one for each seeker, and the traps a naive fuzzy matcher falls into."""
    p = position
    return fair(
        p("JAVA", "Java开发工程师（应届生可）", "Java", "Spring Boot", "MySQL"),
        p("JS", "JavaScript前端工程师", "JavaScript", "Vue", "HTML/CSS"),
        p("C", "嵌入式软件工程师", "C语言", "单片机", "Linux"),
        p("CPP", "C++开发工程师", "C++", "Qt"),
        p("CS", "上位机开发工程师", "C#", ".NET"),
        p("CAD", "机械设计工程师", "CAD", "SolidWorks", industry="manufacturing"),
        p("GO", "后端开发工程师", "Golang", "gRPC", "k8s"),
        p("GOOGLE", "海外推广专员", "Google Ads", "SEM", industry="ecommerce"),
        p("DJANGO", "Web开发工程师", "Django", "Flask"),
        p("R", "统计分析师", "R", "SPSS"),
        p("REDIS", "运维工程师", "Redis", "Linux", "Docker"),
        p("PY", "Python开发工程师", "Python", "Pandas"),
        p("DATA", "数据分析专员", "熟练使用Python进行数据分析", "SQL", "Excel"),
        p("SHOP", "电商运营组长（天猫/拼多多）", "淘宝店铺运营", "直通车", industry="ecommerce"),
        p("LIVE", "主播助理", "直播运营", "抖音", industry="ecommerce"),
        p("KEFU", "淘宝在线客服提供食宿缴纳五险", industry="ecommerce"),
        p("ART", "电商美工", "PS", "美工设计", industry="ecommerce"),
        p("CLERK", "行政文员", "PPT", "Word", "excellent communication", industry="wholesale_retail"),
        p("PG", "急聘普工 7500月包吃住", industry="manufacturing", salary=(6000, 7500)),
        p("PLC", "电气工程师", "PLC编程", "电工证", industry="manufacturing"),
        p("ACC", "会计", industry="wholesale_retail", description="负责门店账务，熟练使用用友和Excel"),
        p("EXPO", "会展设计师", "会展设计", "3D建模", industry="culture_sports"),
        p(
            "TEACH",
            "小学语文教师",
            "教师资格证",
            "普通话二级甲等",
            industry="education",
            education="bachelor",
        ),
        p("DRIVER", "配送司机", "C1驾照", industry="logistics"),
        p("SPRING", "后端开发", "SpringBoot", "MyBatis"),
        **extra,
    )
