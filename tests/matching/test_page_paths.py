"""The page of positions above the floor, ranked among themselves alone, is the page the whole fair gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from matching.index import MatchIndex
from matching.records import positions_from_fixture

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "qixing-2023.json"
PROFILES = [
    {"skills": ["Excel", "会计"], "industries": ["零售"], "expected_salary": 5000, "education": "associate"},
    {"skills": ["Java", "MySQL"], "titles": ["后端开发"], "education": "bachelor"},
    {"titles": ["物业管家"], "expected_salary": 4500},
    {"skills": ["电工证", "PLC"], "industries": ["工厂"], "min_score": 0.2},
    {"skills": ["PS", "淘宝运营"], "major": "电子商务", "filters": {"min_salary": 4000}},
    {"industries": ["房产"], "education": "high_school", "filters": {"education_eligible": True}},
]


@pytest.fixture(scope="module")
def default_fair() -> MatchIndex:
    return MatchIndex.build(positions_from_fixture(json.loads(FIXTURE.read_text(encoding="utf-8"))))


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize(("limit", "offset"), [(5, 0), (10, 10)])
def test_ranking_the_fits_alone_gives_the_page_of_the_whole_fair(default_fair, profile, limit, offset):
    page = default_fair.match(profile, limit=limit, offset=offset)
    assert page["matched"] >= limit + offset  # the page is filled by positions above the floor
    # Asking for every position makes the fits too few to fill the page: the whole fair is ranked.
    whole = default_fair.match(profile, limit=len(default_fair))
    assert whole["matched"] < len(default_fair) and whole["matched"] == page["matched"]
    assert page["total"] == whole["total"]
    assert page["results"] == whole["results"][offset : offset + limit]
    assert not any(r["explanation"]["below_floor"] for r in page["results"])
