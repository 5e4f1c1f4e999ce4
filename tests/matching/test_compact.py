"""The compact batch form is the full batch answer cut down, built without the explanations."""

from __future__ import annotations

from matching.index import MatchIndex

from .builders import position


def cut_down(full: list[dict]) -> list[dict]:
    return [
        {
            "candidate_id": item["candidate_id"],
            "total": item["total"],
            "results": [
                {
                    "id": r["position"]["id"],
                    "score": r["score"],
                    "matched": [m["position"] for m in r["explanation"]["skills"]["matched"]],
                    "missing": r["explanation"]["skills"]["missing"],
                }
                for r in item["results"]
            ],
            "matched": item["matched"],
        }
        for item in full
    ]


def test_compact_answers_equal_the_full_answers_cut_down():
    index = MatchIndex.build(
        [
            position("P1", "Java开发工程师", "Java", "Spring Boot", "MySQL"),
            position("P2", "前端开发", "JavaScript", "Vue"),
            position("P3", "数据分析师", "Python", "SQL", description="熟练使用Excel进行数据分析"),
            position("P4", "会计", "初级会计职称", industry="manufacturing"),
            position("P5", "普工", industry="manufacturing"),
        ]
    )
    candidates = [
        {"id": "a", "skills": ["java", "mysql", "excel"]},
        {"id": "b", "skills": ["Pyhton", "數據分析"], "titles": ["数据分析"], "min_score": 0.2},
        {"id": "c", "titles": ["会计"], "industries": ["工厂"]},
        {"id": "d"},
    ]
    compact, echoes = index.match_compact(candidates, limit=3, min_score=0.05)
    assert compact == cut_down(index.match_batch(candidates, limit=3, min_score=0.05))
    assert compact[0]["results"][0]["id"] == "P1"
    assert "Spring Boot" in compact[0]["results"][0]["missing"]
    full = index.match_batch(candidates, limit=3)
    assert echoes == [item["profile"]["skills"] for item in full]
