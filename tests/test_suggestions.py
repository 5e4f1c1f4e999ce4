"""A suggestion for a value close to a known one names it in Chinese too (制造业, not only manufacturing)."""

from __future__ import annotations

from tests.builders import employer, fair_doc


def test_a_close_industry_is_suggested_with_its_chinese_name(client, organiser):
    doc = fair_doc(employer("E01", industry="制造"))
    answer = client.post("/api/v1/fixtures?dry_run=true", json=doc, headers=organiser)
    assert answer.status_code == 422
    (message,) = answer.get_json()["errors"]["employers[0].industry"]
    assert "did you mean 'manufacturing' (制造业)?" in message
