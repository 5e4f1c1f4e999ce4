"""Publishing without fear: every state kept and restorable, dry runs that show the change, deletions
confirmed, corrections that change nothing or name an unknown field, a version that never repeats."""

from __future__ import annotations

from .builders import employer, fair_doc, position, small_fair

URL = "/api/v1/fixtures"


def load(client, doc, headers, **query):
    params = "&".join(f"{k}={v}" for k, v in query.items())
    return client.post(f"{URL}?{params}" if params else URL, json=doc, headers=headers)


def export(client, headers) -> dict:
    return client.get(f"{URL}/export", headers=headers).get_json()


def history(client, headers) -> list[dict]:
    return client.get(f"{URL}/history", headers=headers).get_json()["items"]


def version(client) -> int:
    return client.get("/api/v1/fair").get_json()["data_version"]


def other_fair() -> dict:
    return fair_doc(employer("X1", positions=[position("X1-P1", "会计")]), fair_id="other-fair")


def test_after_a_replace_the_previous_state_restores_to_an_identical_export(client, organiser):
    assert load(client, small_fair(), organiser, mode="replace").status_code == 200
    before = export(client, organiser)
    previous = history(client, organiser)[0]["id"]
    assert load(client, other_fair(), organiser, mode="replace").status_code == 200
    assert export(client, organiser)["fair"]["id"] == "other-fair"

    document = client.get(f"{URL}/history/{previous}/document", headers=organiser)
    assert document.status_code == 200 and document.get_json() == before
    restored = client.post(f"{URL}/history/{previous}/restore", headers=organiser)
    assert restored.status_code == 200, restored.get_json()
    assert export(client, organiser) == before
    newest = history(client, organiser)[0]
    assert (newest["source"], newest["restored_from"], newest["kept"]) == ("restore", previous, True)
    # the restore is itself a state: restoring the one before it brings the other fair back
    replaced = history(client, organiser)[1]["id"]
    assert client.post(f"{URL}/history/{replaced}/restore", headers=organiser).status_code == 200
    assert export(client, organiser)["fair"]["id"] == "other-fair"


def test_a_restore_takes_no_parameter_and_one_sent_restores_nothing(client, organiser):
    assert load(client, small_fair(), organiser, mode="replace").status_code == 200
    previous = history(client, organiser)[0]["id"]
    assert load(client, other_fair(), organiser, mode="replace").status_code == 200
    before = export(client, organiser)
    response = client.post(f"{URL}/history/{previous}/restore?dry_run=true", headers=organiser)
    assert response.status_code == 422
    assert "query.dry_run" in response.get_json()["errors"]
    assert export(client, organiser) == before


def test_history_lists_what_each_state_changed(client, organiser):
    load(client, small_fair(), organiser, mode="replace")
    doc = small_fair()
    doc["employers"][0]["booth"] = "Z-99"
    load(client, doc, organiser)
    item = history(client, organiser)[0]
    change = item["changes"]["employers"]["updated"]
    assert change == [
        {
            "id": doc["employers"][0]["id"],
            "fields": {"booth": {"old": small_fair()["employers"][0]["booth"], "new": "Z-99"}},
        }
    ]
    assert item["changes"]["employers"]["names"] == {
        doc["employers"][0]["id"]: {"name": doc["employers"][0]["name"]}
    }


def test_an_unknown_state_is_404(client, organiser):
    load(client, small_fair(), organiser, mode="replace")
    assert client.get(f"{URL}/history/999/document", headers=organiser).status_code == 404
    assert client.post(f"{URL}/history/999/restore", headers=organiser).get_json()["code"] == 404


def test_retention_keeps_the_newest_states_whole(make_app, organiser):
    client = make_app(FAIR_HISTORY_KEEP=2).test_client()
    for booth in ("B-1", "B-2", "B-3"):
        doc = small_fair()
        doc["employers"][0]["booth"] = booth
        load(client, doc, organiser, mode="replace")
    kept = [item["kept"] for item in history(client, organiser)]
    assert kept == [True, True, False]


def test_a_dry_run_shows_created_deleted_and_changed_fields(client, organiser):
    load(client, small_fair(), organiser, mode="replace")
    doc = small_fair()
    first = doc["employers"][0]
    first["description"] = "新的简介"
    gone = doc["employers"].pop()
    doc["employers"].append(employer("E77", positions=[position("E77-P1")]))
    out = load(client, doc, organiser, mode="replace", dry_run="true").get_json()
    changes = out["changes"]
    assert changes["employers"]["created"] == ["E77"] and changes["employers"]["deleted"] == [gone["id"]]
    assert changes["positions"]["created"] == ["E77-P1"]
    assert set(changes["positions"]["deleted"]) == {p["id"] for p in gone["positions"]}
    updated = {u["id"]: u["fields"] for u in changes["employers"]["updated"]}
    assert updated[first["id"]]["description"]["new"] == "新的简介"
    assert history(client, organiser)[0]["mode"] == "replace"  # the dry run wrote nothing
    assert export(client, organiser)["employers"][-1]["id"] == gone["id"]


def test_the_change_names_every_row_it_lists_beside_its_id(client, organiser):
    load(client, small_fair(), organiser, mode="replace")
    doc = small_fair()
    doc["employers"][0]["positions"][0]["openings"] = 9
    gone = doc["employers"].pop()
    doc["employers"].append(
        employer("E77", "桂林新开张商贸有限公司", positions=[position("E77-P1", "理货员")])
    )
    changes = load(client, doc, organiser, mode="replace", dry_run="true").get_json()["changes"]
    employers, positions = changes["employers"], changes["positions"]
    assert employers["names"] == {
        "E77": {"name": "桂林新开张商贸有限公司"},
        gone["id"]: {"name": gone["name"]},
    }
    assert positions["names"]["E77-P1"] == {
        "title": "理货员", "employer_id": "E77", "employer_name": "桂林新开张商贸有限公司"
    }  # fmt: skip
    for pos in gone["positions"]:  # deleted with their employer: named as they were
        assert positions["names"][pos["id"]] == {
            "title": pos["title"], "employer_id": gone["id"], "employer_name": gone["name"]
        }  # fmt: skip
    assert positions["updated"] == [{"id": "E01-P01", "fields": {"openings": {"old": 3, "new": 9}}}]
    assert positions["names"]["E01-P01"] == {
        "title": "电子工艺工程师", "employer_id": "E01", "employer_name": "桂林漓江电子科技有限公司"
    }  # fmt: skip
    assert positions["created"] == ["E77-P1"]  # the ids stay as they were
    correction = client.delete("/api/v1/positions/E02-P01?dry_run=true", headers=organiser).get_json()
    assert correction["changes"]["positions"]["names"] == {
        "E02-P01": {"title": "置业顾问", "employer_id": "E02", "employer_name": "桂林七星投资集团有限公司"}
    }
    assert history(client, organiser)[0]["counts"]["positions"] == {"created": 5, "updated": 0, "deleted": 0}


def test_confirm_deletions_refuses_the_wrong_count_and_changes_nothing(client, organiser):
    load(client, small_fair(), organiser, mode="replace")
    before, v = export(client, organiser), version(client)
    expected = 1 + sum(len(e["positions"]) for e in small_fair()["employers"])
    refused = load(client, other_fair(), organiser, mode="replace", confirm_deletions=1)
    assert refused.status_code == 409
    body = refused.get_json()
    assert body["code"] == 409 and str(expected + len(small_fair()["employers"]) - 1) in body["message"]
    assert export(client, organiser) == before and version(client) == v
    real = load(client, small_fair(), organiser, mode="replace", dry_run="true").get_json()["deletions"]
    assert real == 0
    deletions = load(client, other_fair(), organiser, mode="replace", dry_run="true").get_json()["deletions"]
    ok = load(client, other_fair(), organiser, mode="replace", confirm_deletions=deletions)
    assert ok.status_code == 200 and export(client, organiser)["fair"]["id"] == "other-fair"


def test_a_plain_replace_still_works_without_confirmation(client, organiser):
    load(client, small_fair(), organiser, mode="replace")
    assert load(client, other_fair(), organiser, mode="replace").status_code == 200


def test_patch_with_an_unknown_field_is_422_naming_it_and_keeps_the_version(client, organiser):
    load(client, small_fair(), organiser, mode="replace")
    pid = small_fair()["employers"][0]["positions"][0]["id"]
    v = version(client)
    answer = client.patch(f"/api/v1/positions/{pid}", json={"salary": "4500-6500"}, headers=organiser)
    assert answer.status_code == 422 and "salary" in answer.get_json()["errors"]
    assert version(client) == v


def test_a_correction_that_changes_nothing_keeps_the_version(client, organiser):
    load(client, small_fair(), organiser, mode="replace")
    first = small_fair()["employers"][0]
    v, rows = version(client), len(history(client, organiser))
    answer = client.patch(
        f"/api/v1/employers/{first['id']}", json={"booth": first["booth"]}, headers=organiser
    )
    assert answer.status_code == 200 and answer.get_json()["changed"] is False
    assert version(client) == v and len(history(client, organiser)) == rows


def test_a_correction_dry_run_shows_the_change_and_writes_nothing(client, organiser):
    load(client, small_fair(), organiser, mode="replace")
    first = small_fair()["employers"][0]
    v = version(client)
    url = f"/api/v1/employers/{first['id']}?dry_run=true"
    out = client.patch(url, json={"booth": "Q-1"}, headers=organiser).get_json()
    assert out["changes"]["employers"]["updated"][0]["fields"]["booth"] == {
        "old": first["booth"],
        "new": "Q-1",
    }
    assert (
        version(client) == v
        and client.get(f"/api/v1/employers/{first['id']}").get_json()["booth"] == first["booth"]
    )


def test_a_new_fair_id_gets_a_version_never_used_and_every_worker_ranks_it(make_app, organiser):
    one, two = make_app(), make_app()  # two workers on one database
    a, b = one.test_client(), two.test_client()
    load(a, small_fair(), organiser, mode="replace")
    profile = {"titles": ["会计"], "skills": ["会计"]}
    assert a.post("/api/v1/matches", json=profile).status_code == 200
    assert b.post("/api/v1/matches", json=profile).status_code == 200
    v = version(a)
    assert load(a, other_fair(), organiser, mode="replace").get_json()["data_version"] > v
    for client in (a, b):
        ids = [
            r["position"]["id"] for r in client.post("/api/v1/matches", json=profile).get_json()["results"]
        ]
        assert ids == ["X1-P1"]


def test_a_history_id_too_large_for_the_table_is_no_record_not_a_server_error(client, organiser):
    load(client, small_fair(), organiser, mode="replace")
    for record_id in (2**31, 2**80, 201750179129225677635584):
        for answer in (
            client.get(f"{URL}/history/{record_id}/document", headers=organiser),
            client.post(f"{URL}/history/{record_id}/restore", headers=organiser),
        ):
            assert answer.status_code == 404, (record_id, answer.status_code)
            assert answer.get_json()["code"] == 404
    largest = 2**31 - 1  # still an id the table can hold: looked up, and not kept
    missing = client.get(f"{URL}/history/{largest}/document", headers=organiser)
    assert missing.status_code == 404 and "No kept state" in missing.get_json()["message"]
    spec = client.get("/api/v1/openapi.json").get_json()
    for path in ("document", "restore"):
        described = spec["paths"][f"/api/v1/fixtures/history/{{record_id}}/{path}"]["parameters"]
        (parameter,) = (p for p in described if p["name"] == "record_id")
        assert parameter["schema"]["maximum"] == 2**31 - 1


def test_a_restore_after_a_bad_publish_is_exactly_the_state_before_and_every_worker_ranks_it(
    make_app, organiser
):
    """A replace that dropped an employer, undone from the history: the fair is the earlier state to the
    field, and the next match on any worker ranks it again, with no wait."""
    one, two = make_app(), make_app()
    a, b = one.test_client(), two.test_client()
    load(a, small_fair(), organiser, mode="replace")
    assert a.patch("/api/v1/positions/E01-P01", json={"openings": 9}, headers=organiser).status_code == 200
    good = history(a, organiser)[0]
    before = export(a, organiser)
    profile = {"skills": ["SMT工艺"]}
    ranked = [r["position"]["id"] for r in b.post("/api/v1/matches", json=profile).get_json()["results"]]
    assert ranked[0] == "E01-P01"
    bad = small_fair()
    del bad["employers"][0]
    load(a, bad, organiser, mode="replace")
    assert "E01-P01" not in [
        r["position"]["id"] for r in b.post("/api/v1/matches", json=profile).get_json()["results"]
    ]
    restored = a.post(f"{URL}/history/{good['id']}/restore", headers=organiser).get_json()
    assert restored["changed"] is True and restored["data_version"] > good["data_version"]
    assert export(b, organiser) == before
    assert a.get(f"{URL}/history/{good['id']}/document", headers=organiser).get_json() == before
    ranked = [r["position"]["id"] for r in b.post("/api/v1/matches", json=profile).get_json()["results"]]
    assert ranked[0] == "E01-P01"
    assert history(a, organiser)[0]["restored_from"] == good["id"]
