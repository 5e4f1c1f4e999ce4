"""The worked examples in docs/matching.md are the engine's real outputs: change one, change the other."""

from __future__ import annotations

from .builders import fair, position, scores


def test_skills_only_example():
    index = fair(
        position("DATA", "数据分析专员", "熟练使用Python进行数据分析", "SQL", "Excel"),
        position("PY", "Python开发工程师", "Python", "Pandas"),
        position("JS", "JavaScript前端工程师", "JavaScript", "Vue"),
    )
    assert scores(index, skills=["Pyhton", "sql"]) == {"DATA": 0.7765, "PY": 0.468, "JS": 0.0}


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
    assert scores(index, **profile) == {"A": 0.8377, "C": 0.3375, "B": 0.1833}


def test_short_token_trap_example():
    index = fair(
        position("JAVA", "Java开发工程师（应届生可）", "Java", "Spring Boot"),
        position("JS", "JavaScript前端工程师", "JavaScript", "Vue"),
    )
    assert scores(index, skills=["java"], titles=["Java"]) == {"JAVA": 0.8755, "JS": 0.0}
