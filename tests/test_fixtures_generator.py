"""The seeded generator reproduces the committed default fair, and that fair has the published shape."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from matching import reference

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT / "fixtures" / "generate_qixing.py"
COMMITTED = ROOT / "fixtures" / "qixing-2023.json"

CORE_INDUSTRIES = set(reference.CORE_INDUSTRIES)
EDUCATION_KEYS = {level.key for level in reference.education_levels()}


def run_generator(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(GENERATOR), *args], capture_output=True, text=True, timeout=60, check=False
    )


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    out = tmp_path_factory.mktemp("fixture") / "qixing-2023.json"
    result = run_generator("--out", str(out))
    assert result.returncode == 0, result.stderr
    return out.read_bytes()


@pytest.fixture(scope="module")
def document(generated: bytes) -> dict:
    return json.loads(generated.decode("utf-8"))


@pytest.fixture(scope="module")
def positions(document: dict) -> list[tuple[dict, dict]]:
    return [(employer, position) for employer in document["employers"] for position in employer["positions"]]


def test_output_equals_the_committed_file_byte_for_byte(generated: bytes) -> None:
    assert generated == COMMITTED.read_bytes()


def test_check_flag_accepts_the_committed_file_and_rejects_a_changed_one(tmp_path: Path) -> None:
    assert run_generator("--check").returncode == 0
    changed = tmp_path / "changed.json"
    changed.write_bytes(COMMITTED.read_bytes().replace(b'"E094"', b'"E095"', 1))
    assert run_generator("--check", "--out", str(changed)).returncode == 1


def test_fair_is_the_qixing_2023_event(document: dict) -> None:
    fair = document["fair"]
    assert fair["id"] == "qixing-2023"
    assert fair["name"] == "七星区2023年高校毕业生专项活动暨青年就业服务攻坚行动专场招聘会"
    assert (fair["city"], fair["district"], fair["venue"], fair["date"]) == (
        "桂林市",
        "七星区",
        "国贸益华城",
        "2023-08-20",
    )
    assert fair["organisers"] == ["七星区人力资源和社会保障局", "共青团七星区委员会"]


def test_fair_note_says_the_data_is_simulated(document: dict) -> None:
    note = document["fair"].get("note", "")
    assert "模拟" in note
    assert "simulated" in note.lower()


def test_94_employers_with_the_published_ownership_mix(document: dict) -> None:
    employers = document["employers"]
    assert len(employers) == 94
    assert Counter(e["ownership"] for e in employers) == {
        "state_owned": 5,
        "private": 86,
        "education_training": 3,
    }
    assert len({e["name"] for e in employers}) == 94


def test_3100_positions(positions: list) -> None:
    assert len(positions) == 3100


def test_ids_are_unique(document: dict, positions: list) -> None:
    ids = [e["id"] for e in document["employers"]] + [p["id"] for _, p in positions]
    assert len(ids) == len(set(ids))
    assert all(p["id"].startswith(e["id"] + "-P") for e, p in positions)


def test_every_employer_has_a_distinct_booth(document: dict) -> None:
    booths = [e.get("booth", "") for e in document["employers"]]
    assert all(re.fullmatch(r"[A-Z]-\d{2}", booth) for booth in booths)
    assert len(set(booths)) == len(booths)


def test_every_position_is_in_a_core_industry(document: dict, positions: list) -> None:
    assert all(e["industry"] in CORE_INDUSTRIES for e in document["employers"])
    assert all(p.get("industry", e["industry"]) in CORE_INDUSTRIES for e, p in positions)
    assert {p.get("industry", e["industry"]) for e, p in positions} == CORE_INDUSTRIES


def test_education_keys_are_valid(positions: list) -> None:
    assert all(p.get("education", "none") in EDUCATION_KEYS for _, p in positions)


def test_salaries_are_in_range(positions: list) -> None:
    for _, p in positions:
        assert ("salary_min" in p) == ("salary_max" in p), p["id"]
        if "salary_min" in p:
            assert isinstance(p["salary_min"], int) and isinstance(p["salary_max"], int), p["id"]
            assert 0 <= p["salary_min"] <= p["salary_max"] <= 1_000_000, p["id"]


def test_openings_are_positive(positions: list) -> None:
    assert all(isinstance(p.get("openings", 1), int) and p.get("openings", 1) >= 1 for _, p in positions)


def test_skills_follow_the_contract(positions: list) -> None:
    for _, p in positions:
        skills = p["skills"]
        assert isinstance(skills, list) and len(skills) <= 50, p["id"]
        assert all(isinstance(s, str) and 1 <= len(s.strip()) <= 100 for s in skills), p["id"]


def test_titles_and_names_are_not_blank(document: dict, positions: list) -> None:
    assert all(e["name"].strip() for e in document["employers"])
    assert all(p["title"].strip() for _, p in positions)


def test_at_least_a_tenth_of_positions_list_no_skills(positions: list) -> None:
    bare = sum(1 for _, p in positions if not p["skills"])
    assert bare >= 0.10 * len(positions)
