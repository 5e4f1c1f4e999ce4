"""Sheets that cannot hurt: the template unchanged changes nothing, a blank cell keeps the stored value,
[清空] clears it, pay is read as people write it."""

from __future__ import annotations

import io

from .builders import employer, fair_doc, position
from .sheet_builders import row, table, xlsx

URL = "/api/v1/fixtures"
HEADER = [
    "单位编号",
    "单位名称",
    "单位性质",
    "所属行业",
    "单位简介",
    "岗位编号",
    "岗位名称",
    "薪资",
    "岗位描述",
]


def upload(client, data: bytes, name: str, headers: dict, **query):
    params = "&".join(f"{k}={v}" for k, v in query.items())
    return client.post(f"{URL}?{params}" if params else URL, data={"file": (io.BytesIO(data), name)},
                       headers=headers, content_type="multipart/form-data")  # fmt: skip


def csv_bytes(*rows: list[str]) -> bytes:
    lines = [",".join(HEADER), *(",".join(r) for r in rows)]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def stored_fair(client, organiser) -> None:
    job = position("E01-P01", "电子工程师", salary_min=5000, salary_max=7000, description="负责工艺")
    emp = employer("E01", description="老牌电子企业", positions=[job])
    assert client.post(f"{URL}?mode=replace", json=fair_doc(emp), headers=organiser).status_code == 200


def export(client, organiser) -> dict:
    return client.get(f"{URL}/export", headers=organiser).get_json()


def version(client) -> int:
    return client.get("/api/v1/fair").get_json()["data_version"]


def test_the_template_uploaded_unchanged_changes_nothing_and_says_so(client, organiser):
    stored_fair(client, organiser)
    before, v = export(client, organiser), version(client)
    for suffix in ("xlsx", "csv"):
        template = client.get(f"{URL}/template.{suffix}").data
        out = upload(client, template, f"fair-template.{suffix}", organiser)
        assert out.status_code == 200, out.get_json()
        body = out.get_json()
        assert body["changed"] is False and "Nothing changes" in body["message"]
        assert any("example row" in n["message"] for n in body["notes"])
    assert export(client, organiser) == before and version(client) == v
    refused = upload(client, client.get(f"{URL}/template.csv").data, "t.csv", organiser, mode="replace")
    assert refused.status_code == 422 and export(client, organiser) == before


def test_a_blank_description_cell_in_an_upsert_keeps_the_description(client, organiser):
    stored_fair(client, organiser)
    sheet = csv_bytes(
        ["E01", "桂林测试企业E01有限公司", "民营企业", "制造业", "", "E01-P01", "电子工程师", "6000-8000", ""]
    )
    out = upload(client, sheet, "改薪资.csv", organiser).get_json()
    assert out["blanks"]["kept"] >= 2
    emp = export(client, organiser)["employers"][0]
    assert emp["description"] == "老牌电子企业"
    assert emp["positions"][0]["description"] == "负责工艺" and emp["positions"][0]["salary_min"] == 6000


def test_the_clear_mark_clears_and_the_preview_shows_it(client, organiser):
    stored_fair(client, organiser)
    sheet = csv_bytes(
        [
            "E01",
            "桂林测试企业E01有限公司",
            "民营企业",
            "制造业",
            "[清空]",
            "E01-P01",
            "电子工程师",
            "",
            "（清空）",
        ]
    )
    preview = upload(client, sheet, "清空.csv", organiser, dry_run="true").get_json()
    assert preview["blanks"]["cleared"] == 2
    fields = preview["changes"]["employers"]["updated"][0]["fields"]
    assert fields["description"] == {"old": "老牌电子企业", "new": None}
    upload(client, sheet, "清空.csv", organiser)
    emp = export(client, organiser)["employers"][0]
    assert "description" not in emp and "description" not in emp["positions"][0]
    assert emp["positions"][0]["salary_max"] == 7000  # a blank pay cell kept the pay


def test_pay_as_people_write_it(client, organiser):
    stored_fair(client, organiser)
    cases = {"4000+提成": (4000, None), "底薪4000+提成": (4000, None), "4000以上": (4000, None),
             "3-5千": (3000, 5000), "1.2万": (12000, 12000), "面议": (None, None),
             "2500-3500（包吃住）": (2500, 3500), "5-8k·13薪": (5000, 8000)}  # fmt: skip
    rows = [["E02", "桂林直播电商有限公司", "民营企业", "电子商务", "", f"E02-P{i}", "主播", pay, ""]
            for i, pay in enumerate(cases)]  # fmt: skip
    out = upload(client, csv_bytes(*rows), "薪资.csv", organiser)
    assert out.status_code == 200, out.get_json()
    for i, (pay, (low, high)) in enumerate(cases.items()):
        got = client.get(f"/api/v1/positions/E02-P{i}").get_json()
        assert (got["salary_min"], got["salary_max"]) == (low, high), pay
    assert client.get("/api/v1/positions/E02-P0").get_json()["salary_text"] == "4000+提成"
    noted = client.get("/api/v1/positions/E02-P6").get_json()
    assert noted["salary_text"] == "2500-3500（包吃住）"  # as written
    yearly = csv_bytes(["E02", "x", "民营企业", "电子商务", "", "E02-P8", "主播", "10-15万", ""])
    bad = upload(client, yearly, "y.csv", organiser).get_json()
    assert bad["code"] == 422 and "looks like a year's pay" in bad["cells"][0]["message"]
    unreadable = csv_bytes(["E02", "x", "民营企业", "电子商务", "", "E02-P9", "主播", "很高", ""])
    bad = upload(client, unreadable, "b.csv", organiser).get_json()
    assert bad["code"] == 422 and "4000+提成" in bad["cells"][0]["message"]


def test_a_sheet_with_an_error_reports_no_error_at_the_blank_cells_an_upsert_keeps(client, organiser):
    """Positions of a stored employer listed by 单位编号 alone: one bad pay is the one error, not also its
    name, ownership and industry that the clerk left blank to keep."""
    stored_fair(client, organiser)
    before = export(client, organiser)
    sheet = csv_bytes(["E01", "", "", "", "", "E01-P01", "电子工程师", "8000-6000", ""])
    out = upload(client, sheet, "改薪资.csv", organiser, dry_run="true")
    assert out.status_code == 422
    assert [(c["cell"], c["message"]) for c in out.get_json()["cells"]] == [("H2", "minimum above maximum")]
    assert upload(client, sheet, "改薪资.csv", organiser).status_code == 422
    assert export(client, organiser) == before


def test_pay_with_a_note_after_it_or_a_word_before_it_loads_with_its_wording(client, organiser):
    """Pay as HR sheets write it beyond the range: a note after a comma or space, 左右, 税前, 综合收入."""
    stored_fair(client, organiser)
    cases = {"4000-6000，包吃住": (4000, 6000), "4000-6000 包吃住": (4000, 6000), "5000左右": (5000, 5000),
             "3000以上 五险一金": (3000, None), "2000-3000元/月，另有提成": (2000, None),
             "税前5000-8000": (5000, 8000), "综合收入5000-8000元": (5000, 8000)}  # fmt: skip
    rows = [["E02", "桂林直播电商有限公司", "民营企业", "电子商务", "", f"E02-P{i}", "主播", pay, ""]
            for i, pay in enumerate(cases)]  # fmt: skip
    out = upload(client, csv_bytes(*rows), "薪资.csv", organiser)
    assert out.status_code == 200, out.get_json()
    for i, (pay, (low, high)) in enumerate(cases.items()):
        got = client.get(f"/api/v1/positions/E02-P{i}").get_json()
        assert (got["salary_min"], got["salary_max"], got["salary_text"]) == (low, high, pay)
    periods = {"5000元/年": "a year's", "年薪10万": "a year's", "150元/天": "a day's", "8万年薪": "a year's"}
    for other_period, period in periods.items():
        row = ["E02", "桂林直播电商有限公司", "民营企业", "电子商务", "", "E02-P9", "主播", other_period, ""]
        bad = upload(client, csv_bytes(row), "b.csv", organiser).get_json()
        message = bad["cells"][0]["message"]
        assert bad["code"] == 422 and f"looks like {period} pay, not a monthly pay" in message, message


def test_an_upsert_with_a_short_fair_sheet_keeps_the_fair_facts_it_leaves_blank(client, organiser):
    """A 招聘会 sheet naming only 编号, 名称 and 日期 kept nothing else: an upsert wiped the city, the venue
    and the hall plan the seekers walk by. Blank keeps, as in 岗位表; [清空] clears; a replace is the file."""
    plan = {"width": 20, "height": 10, "entrance": {"x": 10, "y": 10},
            "zones": [{"id": "A", "name": "A区", "booths": [{"booth": "A-01", "x": 4, "y": 4}]}]}  # fmt: skip
    doc = fair_doc(employer("E01", booth="A-01", positions=[position("E01-P01")]), venue="七星区人才市场")
    doc["fair"]["hall"] = plan
    assert client.post(f"{URL}?mode=replace", json=doc, headers=organiser).status_code == 200
    fair = [
        ["字段", "值"],
        ["编号", "test-fair"],
        ["名称", "测试招聘会"],
        ["日期", "2023-08-20"],
        ["城市", ""],
    ]
    data = xlsx(table([row("E01", "普工", position_id="E01-P01", booth="A-01")]), fair=fair)
    preview = upload(client, data, "岗位.xlsx", organiser, dry_run="true").get_json()
    assert preview["changes"]["fair"] == {"date": {"old": None, "new": "2023-08-20"}}
    assert upload(client, data, "岗位.xlsx", organiser).status_code == 200
    stored = client.get("/api/v1/fair").get_json()
    assert (stored["city"], stored["venue"], stored["date"]) == ("桂林市", "七星区人才市场", "2023-08-20")
    assert stored["hall"]["zones"][0]["booths"][0]["booth"] == "A-01"
    fair.append(["地点", "[清空]"])
    data = xlsx(table([row("E01", "普工", position_id="E01-P01", booth="A-01")]), fair=fair)
    changes = upload(client, data, "岗位.xlsx", organiser).get_json()["changes"]["fair"]
    assert changes == {"venue": {"old": "七星区人才市场", "new": None}}
    replaced = upload(client, data, "岗位.xlsx", organiser, mode="replace").get_json()["changes"]["fair"]
    assert set(replaced) == {"city", "district", "hall"}  # a replace makes the fair exactly the file's
