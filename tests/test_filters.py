"""The filters seekers expect, as hard filters: benefits and majors, and the order by pay, on
`POST /api/v1/matches` and `GET /api/v1/positions`."""

from __future__ import annotations

import pytest

from .builders import employer, fair_doc, position

MATCHES = "/api/v1/matches"
POSITIONS = "/api/v1/positions"


def benefits_fair() -> dict:
    return fair_doc(
        employer(
            "E01",
            industry="manufacturing",
            positions=[
                position("E01-P01", "普工", benefits=["五险一金", "双休"], salary_min=4000, salary_max=5000,
                         majors=["机械设计制造及其自动化"]),
                position("E01-P02", "操作工", benefits=["缴纳五险一金", "包吃包住"], salary_min=5000,
                         salary_max=7000),
                position("E01-P03", "装配工", benefits=["五险", "单双休"], salary_min=3500, salary_max=4500),
                position("E01-P04", "急聘普工 7500月包吃住", salary_min=6000, salary_max=7500,
                         description="周末双休。"),
            ],
        ),
        employer(
            "E02",
            industry="software_it",
            positions=[
                position("E02-P01", "会计", skills=["会计"], benefits=["六險一金", "包住", "免費工作餐"],
                         majors=["会计学", "财务管理"], salary_min=4500, salary_max=6000),
                position("E02-P02", "出纳", skills=["会计"], benefits=["不包住", "员工宿舍需自费"],
                         majors=["会计"], description="非双休"),
                position("E02-P03", "文员", skills=["办公软件"], benefits=["餐补"]),
            ],
        ),
    )  # fmt: skip


@pytest.fixture
def fair(client, organiser):
    response = client.post("/api/v1/fixtures?mode=replace", json=benefits_fair(), headers=organiser)
    assert response.status_code == 200, response.get_json()
    return client


def matched_ids(client, **body) -> list[str]:
    response = client.post(MATCHES, json=body)
    assert response.status_code == 200, response.get_json()
    return [r["position"]["id"] for r in response.get_json()["results"]]


def listed_ids(client, query: str) -> list[str]:
    response = client.get(f"{POSITIONS}?{query}")
    assert response.status_code == 200, response.get_json()
    answer = response.get_json()
    assert answer["total"] == len(answer["items"])
    return [p["id"] for p in answer["items"]]


def test_benefits_match_the_employers_wording(fair):
    # 缴纳五险一金 and 六險一金 (traditional) are 五险一金; 五险 alone is not.
    assert sorted(matched_ids(fair, filters={"benefits": ["五险一金"]})) == ["E01-P01", "E01-P02", "E02-P01"]
    # 包吃包住, a title saying 包吃住, and 包住 with 免费工作餐; never 不包住.
    assert sorted(matched_ids(fair, filters={"benefits": ["包吃住"]})) == ["E01-P02", "E01-P04", "E02-P01"]
    # 双休 in the list or the description; neither 单双休 nor 非双休.
    assert sorted(matched_ids(fair, filters={"benefits": ["双休"]})) == ["E01-P01", "E01-P04"]
    assert matched_ids(fair, filters={"benefits": ["雙休", "Meals and housing"]}) == ["E01-P04"]


def test_benefit_filters_keep_the_ranking_and_its_counts(fair):
    body = {"skills": ["会计"], "filters": {"benefits": ["五险一金"]}}
    answer = fair.post(MATCHES, json=body).get_json()
    assert answer["total"] == 3 and answer["matched"] == 1
    assert answer["results"][0]["position"]["id"] == "E02-P01"
    assert answer["results"][0]["explanation"]["skills"]["matched"]
    assert [r["explanation"]["below_floor"] for r in answer["results"]] == [False, True, True]
    unfiltered = fair.post(MATCHES, json={"skills": ["会计"]}).get_json()
    assert unfiltered["results"][0]["score"] == answer["results"][0]["score"]


def test_major_filter_finds_close_names_and_optionally_open_positions(fair):
    assert sorted(matched_ids(fair, filters={"majors": ["会计"]})) == ["E02-P01", "E02-P02"]
    with_open = matched_ids(fair, filters={"majors": ["会计"], "include_open_majors": True})
    assert sorted(with_open) == ["E01-P02", "E01-P03", "E01-P04", "E02-P01", "E02-P02", "E02-P03"]
    assert listed_ids(fair, "major=会计") == ["E02-P01", "E02-P02"]
    assert len(listed_ids(fair, "major=会计&include_open_majors=true")) == 6


def test_a_major_by_its_short_name_filters_as_its_full_name(fair):
    # 财管 is how students say 财务管理; 机自, 机械设计制造及其自动化.
    assert sorted(matched_ids(fair, filters={"majors": ["财管"]})) == ["E02-P01"]
    assert listed_ids(fair, "major=财管") == ["E02-P01"]
    assert listed_ids(fair, "major=机自") == ["E01-P01"]


def test_sort_by_pay_puts_matches_first_then_best_paid(fair):
    answer = fair.post(MATCHES, json={"skills": ["会计"], "sort": "salary"}).get_json()
    order = [r["position"]["id"] for r in answer["results"]]
    # the two matched positions by pay, then the rest by pay, negotiable last
    assert order == ["E02-P01", "E02-P02", "E01-P04", "E01-P02", "E01-P01", "E01-P03", "E02-P03"]
    assert [r["rank"] for r in answer["results"]] == list(range(1, 8))
    paged = fair.post(
        MATCHES, json={"skills": ["会计"], "sort": "salary", "limit": 2, "offset": 2}
    ).get_json()
    assert [r["position"]["id"] for r in paged["results"]] == order[2:4]


def test_positions_list_filters_and_sorts(fair):
    assert listed_ids(fair, "benefits=五险一金,包吃住") == ["E01-P02", "E02-P01"]
    order = listed_ids(fair, "sort=salary")
    assert order[:3] == ["E01-P04", "E01-P02", "E02-P01"] and order[-1] == "E02-P03"
    page = fair.get(f"{POSITIONS}?benefits=五险一金&limit=1&offset=1").get_json()
    assert page["total"] == 3 and [p["id"] for p in page["items"]] == ["E01-P02"]


@pytest.mark.parametrize(
    ("method", "url", "body"),
    [
        ("post", MATCHES, {"filters": {"benefits": ["年终奖"]}}),
        ("post", MATCHES, {"sort": "pay"}),
        ("post", MATCHES, {"filters": {"majors": [""]}}),
        ("get", f"{POSITIONS}?benefits=免费", None),
        ("get", f"{POSITIONS}?sort=match", None),
    ],
)
def test_bad_filters_are_422(fair, method, url, body):
    response = getattr(fair, method)(url, json=body) if body is not None else fair.get(url)
    assert response.status_code == 422
    assert response.get_json()["errors"]


def test_batch_requests_do_not_take_the_page_filters(fair):
    body = {"candidates": [{"id": "c1", "filters": {"benefits": ["双休"]}}]}
    assert fair.post(f"{MATCHES}/batch", json=body).status_code == 422


def test_the_filters_are_documented(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    filters = spec["components"]["schemas"]["MatchPageFilters"]["properties"]
    assert {"benefits", "majors", "include_open_majors"} <= set(filters)
    assert "五险一金" in filters["benefits"]["description"]
    names = {p["name"] for p in spec["paths"]["/api/v1/positions"]["get"]["parameters"]}
    assert {"benefits", "major", "include_open_majors", "sort"} <= names


def test_the_list_filters_follow_a_correction(fair, organiser):
    assert listed_ids(fair, "benefits=双休") == ["E01-P01", "E01-P04"]
    patch = {"benefits": ["双休"]}
    assert fair.patch("/api/v1/positions/E02-P03", json=patch, headers=organiser).status_code == 200
    assert listed_ids(fair, "benefits=双休") == ["E01-P01", "E01-P04", "E02-P03"]
    assert "E02-P03" in matched_ids(fair, filters={"benefits": ["双休"]})


def test_a_field_a_position_asks_filters_as_each_of_its_majors_and_any_major_as_none(client, organiser):
    doc = fair_doc(employer("E01", positions=[
        position("FIELD", "程序员", majors=["计算机相关专业"]),
        position("ANY", "文员", majors=["专业不限"]),
        position("ACC", "会计", majors=["会计学"]),
    ]))  # fmt: skip
    assert client.post("/api/v1/fixtures?mode=replace", json=doc, headers=organiser).status_code == 200
    assert matched_ids(client, filters={"majors": ["软件工程"]}) == ["FIELD"]
    assert listed_ids(client, "major=软件工程") == ["FIELD"]
    # 专业不限 asks no major: it is among the open positions, and only there.
    assert sorted(matched_ids(client, filters={"majors": ["软件工程"], "include_open_majors": True})) == [
        "ANY",
        "FIELD",
    ]
    assert sorted(listed_ids(client, "major=软件工程&include_open_majors=true")) == ["ANY", "FIELD"]
    assert listed_ids(client, "major=会计") == ["ACC"]


@pytest.mark.parametrize("hidden", ["\u200b", "\u200d", "\u00ad", "\u2060", "\ufeff", "\u200e"])
def test_a_search_drops_invisible_format_characters_as_ranking_does(fair, hidden):
    """A title or name pasted with a zero-width space inside finds what it finds without (操作工)."""
    for word in ("操作工", "会计", "文员"):
        found = listed_ids(fair, f"q={word}")
        assert found and listed_ids(fair, f"q={word[0]}{hidden}{word[1:]}") == found, word
    employers = fair.get(f"/api/v1/employers?q=桂林测试企业E01{hidden}").get_json()
    assert [e["id"] for e in employers["items"]] == ["E01"]
