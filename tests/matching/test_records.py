"""Reading fixture documents into position records, without Flask."""

from __future__ import annotations

from matching.records import PositionRecord, positions_from_fixture


def doc(*employers):
    return {"fair": {"id": "f"}, "employers": list(employers)}


def test_positions_inherit_the_employer_industry_and_read_labels_as_keys():
    records = positions_from_fixture(
        doc(
            {
                "id": "E1",
                "name": "桂林七星投资集团",
                "ownership": "国企",
                "industry": "K",
                "booth": "A-01",
                "positions": [
                    {"id": "P1", "title": " 置业顾问 ", "skills": ["沟通能力", " "], "education": "大专"},
                    {"id": "P2", "title": "会计", "industry": "批发和零售业", "salary_min": 4000,
                     "salary_max": 6000, "openings": 2, "majors": ["会计学"], "description": "做账"},
                ],
            }
        )
    )  # fmt: skip
    assert records == [
        PositionRecord("P1", "置业顾问", ("沟通能力",), "real_estate", "associate", None, None, 1, "E1",
                       "桂林七星投资集团", "state_owned", "A-01"),
        PositionRecord("P2", "会计", (), "wholesale_retail", "none", 4000, 6000, 2, "E1", "桂林七星投资集团",
                       "state_owned", "A-01", "做账", ("会计学",)),
    ]  # fmt: skip


def test_the_default_fair_reads_completely():
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "fixtures" / "qixing-2023.json"
    if not path.exists():
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    records = positions_from_fixture(data)
    assert len(records) == sum(len(e["positions"]) for e in data["employers"])
    assert all(r.industry and r.ownership and r.education for r in records)
