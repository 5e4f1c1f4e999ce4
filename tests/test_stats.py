"""Dashboard figures: pay by industry, and the mix a load would give."""

from __future__ import annotations

from service.store.db import session_scope
from service.store.loader import validate_document
from service.store.stats import mix_preview

from .builders import employer, fair_doc, position, small_fair


def test_pay_by_industry(client, organiser):
    client.post("/api/v1/fixtures?mode=replace", json=small_fair(), headers=organiser)
    client.put("/api/v1/positions/E01-P03", json={"employer_id": "E01", "title": "学徒", "salary_min": 3000},
               headers=organiser)  # fmt: skip
    industries = client.get("/api/v1/stats/pay", headers=organiser).get_json()["industries"]
    assert [i["industry"] for i in industries] == ["manufacturing", "real_estate", "software_it", "education"]
    manufacturing = industries[0]
    assert manufacturing == {
        "industry": "manufacturing",
        "positions": 3,
        "with_pay": 3,
        "min": 3000,
        "max": 7500,
        "median": 6000.0,
        "median_min": 5000.0,
        "median_max": 7250.0,
    }  # the median of the midpoints 6000, 6750 and 3000 (a minimum-only range counts as its minimum)
    software = industries[2]
    assert (software["positions"], software["with_pay"], software["min"], software["median"]) == (
        1,
        0,
        None,
        None,
    )


def test_the_mix_after_an_upsert_keeps_what_the_document_leaves_out(app, client, organiser):
    client.post("/api/v1/fixtures?mode=replace", json=small_fair(), headers=organiser)
    doc = validate_document(
        fair_doc(
            employer("E02", ownership="国企", industry="K", positions=[position("E02-P01", openings=4)]),
            employer(
                "E07", ownership="民企", industry="电子商务", positions=[position("E07-P01", openings=2)]
            ),
        )
    )
    with session_scope(app) as session:
        upsert = mix_preview(session, doc, replace=False)
        replace = mix_preview(session, doc, replace=True)
    assert (upsert["current"]["positions"], upsert["current"]["openings"]) == (5, 27)
    assert (upsert["new"]["employers"], upsert["new"]["positions"], upsert["new"]["openings"]) == (4, 6, 32)
    assert upsert["new"]["by_industry"]["ecommerce"] == {"employers": 1, "positions": 1, "openings": 2}
    assert (replace["new"]["employers"], replace["new"]["positions"]) == (2, 2)
    assert replace["new"]["by_ownership"]["education_training"] == {
        "employers": 0,
        "positions": 0,
        "openings": 0,
    }
