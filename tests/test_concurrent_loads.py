"""Loads take turns: two at once (on SQLite, or on PostgreSQL with TEST_DATABASE_URL) never interleave,
never answer 5xx, and leave exactly one fair row with that fair's own employers."""

from __future__ import annotations

import io
import threading

import pytest
from sqlalchemy import text

from service.store import loader
from service.store.db import get_engine

from .builders import employer, fair_doc, position
from .sheet_builders import row, table, xlsx

URL = "/api/v1/fixtures?mode=replace"


def big_fair(fair_id: str, prefix: str) -> dict:
    employers = [
        employer(f"{prefix}{i:03d}", positions=[position(f"{prefix}{i:03d}-P{j}", "普工") for j in range(20)])
        for i in range(40)
    ]
    return fair_doc(*employers, fair_id=fair_id)


def both_at_once(apps, docs, organiser) -> list[int]:
    barrier = threading.Barrier(len(apps))
    answers: list[int] = [0] * len(apps)

    def run(i: int) -> None:
        client = apps[i].test_client()
        barrier.wait()
        answers[i] = client.post(URL, json=docs[i], headers=organiser).status_code

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(apps))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


@pytest.mark.parametrize("same_id", [True, False], ids=["same new id", "different new ids"])
def test_two_concurrent_replaces_take_turns(make_app, organiser, same_id):
    first = make_app()
    assert first.test_client().post(URL, json=big_fair("old-fair", "O"), headers=organiser).status_code == 200
    apps = [first, make_app()]
    docs = [big_fair("new-a", "A"), big_fair("new-a" if same_id else "new-b", "B")]
    assert both_at_once(apps, docs, organiser) == [200, 200]
    with get_engine(first).connect() as connection:
        fairs = connection.execute(text("SELECT id, data_version FROM fair")).all()
        prefixes = {row[0][0] for row in connection.execute(text("SELECT id FROM employer"))}
        versions = [row[0] for row in connection.execute(text("SELECT data_version FROM loadrecord"))]
    assert len(fairs) == 1
    assert len(prefixes) == 1  # the employers of one load, not a mix
    winner = "A" if docs[0]["fair"]["id"] != docs[1]["fair"]["id"] and fairs[0][0] == "new-a" else None
    if winner:
        assert prefixes == {"A"}
    assert len(set(versions)) == len(versions) and fairs[0][1] == max(versions)


def test_a_correction_made_while_a_sheet_is_read_is_not_undone_by_its_blank_cells(
    client, organiser, monkeypatch
):
    """A sheet's blank cell keeps the value stored when the load has its turn, not the one stored when the
    file was read: another organiser's correction in between stays."""
    job = position("E01-P01", "电子工程师", description="负责工艺")
    assert (
        client.post(URL, json=fair_doc(employer("E01", positions=[job])), headers=organiser).status_code
        == 200
    )
    real_lock = loader.lock_writes

    def correction_first(session) -> None:  # another organiser's correction gets the writers' lock first
        monkeypatch.setattr(loader, "lock_writes", real_lock)
        fixed = client.patch("/api/v1/employers/E01", json={"description": "改过的简介"}, headers=organiser)
        assert fixed.status_code == 200
        real_lock(session)

    monkeypatch.setattr(loader, "lock_writes", correction_first)
    sheet = xlsx(table([row("E01", "电子工程师", position_id="E01-P01", salary="6000-8000")]))
    answer = client.post("/api/v1/fixtures?mode=upsert", data={"file": (io.BytesIO(sheet), "改薪资.xlsx")},
                         headers=organiser, content_type="multipart/form-data")  # fmt: skip
    assert answer.status_code == 200, answer.get_json()
    stored = client.get("/api/v1/employers/E01").get_json()
    assert stored["description"] == "改过的简介"
    assert (
        stored["positions"][0]["salary_min"] == 6000 and stored["positions"][0]["description"] == "负责工艺"
    )
