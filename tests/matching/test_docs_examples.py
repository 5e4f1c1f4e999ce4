"""The worked examples in docs/matching.md are the engine's real outputs: change one, change the other."""

from __future__ import annotations

import json
from pathlib import Path

from matching.index import MatchIndex
from matching.records import positions_from_fixture

from .builders import fair, position, scores

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "qixing-2023.json"


def test_skills_only_example():
    index = fair(
        position("DATA", "数据分析专员", "熟练使用Python进行数据分析", "SQL", "Excel"),
        position("PY", "Python开发工程师", "Python", "Pandas"),
        position("JS", "JavaScript前端工程师", "JavaScript", "Vue"),
    )
    assert scores(index, skills=["Pyhton", "sql"]) == {"PY": 0.6548, "DATA": 0.5891, "JS": 0.0}


def test_whole_profile_example():
    index = fair(
        position("A", "会计", "会计", "用友", "Excel", industry="wholesale_retail", education="associate",
                 salary=(4500, 6000)),
        position("B", "财务主管", "会计", "中级会计职称", "用友", industry="wholesale_retail",
                 education="bachelor", salary=(7000, 9000)),
        position("C", "出纳（应届生可）", industry="ecommerce", salary=(3500, 4500),
                 description="协助会计做好日常收付，熟练使用Excel"),
    )  # fmt: skip
    profile = {"skills": ["會計", "金蝶", "ＥＸＣＥＬ"], "titles": ["会计"], "industries": ["零售"],
               "education": "associate", "expected_salary": 5000}  # fmt: skip
    assert scores(index, **profile) == {"A": 0.9252, "B": 0.3725, "C": 0.285}


def test_short_token_trap_example():
    index = fair(
        position("JAVA", "Java开发工程师（应届生可）", "Java", "Spring Boot"),
        position("JS", "JavaScript前端工程师", "JavaScript", "Vue"),
    )
    assert scores(index, skills=["java"], titles=["Java"]) == {"JAVA": 0.8372, "JS": 0.0}


def test_the_job_in_the_title_examples_on_the_default_fair():
    index = MatchIndex.build(positions_from_fixture(json.loads(FIXTURE.read_text(encoding="utf-8"))))

    def score(profile: dict, pid: str) -> float:
        return next(
            r["score"] for r in index.match(profile, limit=3100)["results"] if r["position"]["id"] == pid
        )

    accounting = {"skills": ["kuaiji", "Excel"]}
    assert (score(accounting, "E018-P23"), score(accounting, "E018-P17")) == (0.624, 0.5414)
    java = {"skills": ["java"], "titles": ["后端开发"]}
    assert (score(java, "E073-P01"), score(java, "E028-P19")) == (0.7054, 0.2526)
