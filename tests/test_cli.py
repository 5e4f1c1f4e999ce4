"""The organisers' command line: `flask --app service fair load|export|stats|init`."""

from __future__ import annotations

import json

from .builders import small_fair
from .sheet_builders import csv_file, row, table, xls, xlsx


def write(tmp_path, doc, name="fair.json"):
    path = tmp_path / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_load_then_stats_and_export(app, tmp_path):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["fair", "load", str(write(tmp_path, small_fair())), "--replace"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout.strip().splitlines()[-1])["positions"]["created"] == 5
    stats = runner.invoke(args=["fair", "stats"])
    assert "employers 3" in stats.output and "positions 5" in stats.output
    assert "国有企业" in stats.output and "state_owned" in stats.output
    out = tmp_path / "export.json"
    assert runner.invoke(args=["fair", "export", str(out)]).exit_code == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert [e["id"] for e in exported["employers"]] == ["E01", "E02", "E03"]
    again = runner.invoke(args=["fair", "load", str(out), "--replace"])
    assert json.loads(again.stdout.strip().splitlines()[-1])["positions"]["unchanged"] == 5


def test_dry_run_writes_nothing(app, tmp_path):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["fair", "load", str(write(tmp_path, small_fair())), "--dry-run"])
    assert result.exit_code == 0
    assert json.loads(result.stdout.strip().splitlines()[-1])["dry_run"] is True
    assert runner.invoke(args=["fair", "stats"]).exit_code != 0  # still no fair


def test_errors_are_listed_with_paths_and_exit_non_zero(app, tmp_path):
    doc = small_fair()
    doc["employers"][1]["positions"][0]["salary_max"] = 100
    doc["employers"][2]["industry"] = "制造"
    result = app.test_cli_runner().invoke(args=["fair", "load", str(write(tmp_path, doc))])
    assert result.exit_code == 1
    assert "employers[1].positions[0].salary_max" in result.output
    assert "did you mean 'manufacturing'" in result.output


def test_a_file_that_is_not_json_is_refused(app, tmp_path):
    path = tmp_path / "fair.json"
    path.write_text("{not json", encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["fair", "load", str(path)])
    assert result.exit_code != 0 and "not a UTF-8 JSON document" in result.output


def test_init_on_an_empty_database_without_default(app):
    result = app.test_cli_runner().invoke(args=["fair", "init"])
    assert result.exit_code == 0 and "empty" in result.output


def test_a_spreadsheet_loads_from_the_command_line_as_an_upload_does(app, tmp_path):
    """A GBK CSV and an .xlsx: errors at their cells and nothing written, then loaded, blank cells kept."""
    runner = app.test_cli_runner()
    stored = write(tmp_path, small_fair())
    assert runner.invoke(args=["fair", "load", str(stored), "--replace"]).exit_code == 0
    rows = table([row("E09", "主播", salary="8000-5000", openings="3-5人"), row("E09", "运营", salary="4k")])
    bad = tmp_path / "岗位.csv"
    bad.write_bytes(csv_file(rows, encoding="gbk"))
    result = runner.invoke(args=["fair", "load", str(bad)])
    assert result.exit_code == 1
    assert '岗位!G2: 薪资 "8000-5000": minimum above maximum' in result.output
    assert runner.invoke(args=["fair", "stats"]).output.count("positions 5") == 1  # nothing written

    rows[1][rows[0].index("薪资")] = "5000-8000"
    good = tmp_path / "岗位.xlsx"
    good.write_bytes(xlsx(rows))
    result = runner.invoke(args=["fair", "load", str(good)])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["positions"]["created"] == 2 and answer["sheets"] == ["岗位表"]
    assert "counted as 5 openings" in result.output  # the notes, as the page shows them
    blank_pay = table([row("E09", "主播", salary=""), row("E09", "运营", salary="4k")])
    good.write_bytes(xlsx(blank_pay))
    again = json.loads(runner.invoke(args=["fair", "load", str(good)]).stdout.strip().splitlines()[-1])
    assert again["changed"] is False and again["blanks"]["kept"] >= 1  # a blank pay keeps the stored one
    old_format = tmp_path / "岗位.xls"  # Excel 97-2003, as many offices still save
    old_format.write_bytes(xls({"岗位表": table([row("E09", "主播", salary="6000-9000")])}))
    result = runner.invoke(args=["fair", "load", str(old_format)])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["positions"]["updated"] == 1 and answer["sheets"] == ["岗位表"]


def _answer(result) -> dict:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_export_writes_the_pages_workbook_and_csv_and_each_loads_back_unchanged(app, tmp_path):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["fair", "export", str(tmp_path / "none.xlsx")]).exit_code == 1  # no fair yet
    _answer(runner.invoke(args=["fair", "load", str(write(tmp_path, small_fair())), "--replace"]))
    for name in ("fair.xlsx", "fair.csv"):
        result = runner.invoke(args=["fair", "export", str(tmp_path / name)])
        assert result.exit_code == 0 and "3 employers and 5 positions" in result.output
        again = runner.invoke(args=["fair", "load", str(tmp_path / name), "--replace"])
        assert _answer(again)["changed"] is False
    assert (tmp_path / "fair.xlsx").read_bytes()[:2] == b"PK"
    wrong = runner.invoke(args=["fair", "export", str(tmp_path / "fair.ods")])
    assert wrong.exit_code == 2 and "export to a .json, .xlsx or .csv file" in wrong.output


def test_a_sheet_saved_as_unicode_text_loads_and_an_unknown_kind_is_refused(app, tmp_path):
    runner = app.test_cli_runner()
    _answer(runner.invoke(args=["fair", "load", str(write(tmp_path, small_fair())), "--replace"]))
    text = tmp_path / "岗位.txt"  # Excel's Unicode text, as an upload takes it
    text.write_bytes(csv_file(table([row("E09", "主播", salary="6000")]), encoding="utf-16", delimiter="\t"))
    assert _answer(runner.invoke(args=["fair", "load", str(text)]))["positions"]["created"] == 1
    other = tmp_path / "岗位.ods"
    other.write_bytes(b"PK\x03\x04")
    result = runner.invoke(args=["fair", "load", str(other)])
    assert result.exit_code == 1 and "not a file the service reads" in result.output


def test_history_and_restore_bring_back_the_state_before_a_bad_load(app, tmp_path):
    runner = app.test_cli_runner()
    _answer(runner.invoke(args=["fair", "load", str(write(tmp_path, small_fair())), "--replace"]))
    before = tmp_path / "before.json"
    runner.invoke(args=["fair", "export", str(before)])
    bad = small_fair()
    del bad["employers"][1:]
    assert (
        _answer(runner.invoke(args=["fair", "load", str(write(tmp_path, bad, "bad.json")), "--replace"]))[
            "positions"
        ]["deleted"]
        == 3
    )
    history = runner.invoke(args=["fair", "history"])
    assert history.exit_code == 0
    lines = history.output.strip().splitlines()
    assert "bad.json" in lines[0] and "fair.json" in lines[1]
    good_state = int(lines[1].split()[0])
    preview = _answer(runner.invoke(args=["fair", "restore", str(good_state), "--dry-run"]))
    assert preview["dry_run"] is True and len(preview["changes"]["positions"]["created"]) == 3
    restored = _answer(runner.invoke(args=["fair", "restore", str(good_state)]))
    assert restored["changed"] is True
    after = tmp_path / "after.json"
    runner.invoke(args=["fair", "export", str(after)])
    assert json.loads(after.read_text(encoding="utf-8")) == json.loads(before.read_text(encoding="utf-8"))
    assert f"#{good_state}" in runner.invoke(args=["fair", "history"]).output.splitlines()[0]
    missing = runner.invoke(args=["fair", "restore", "999"])
    assert missing.exit_code == 1 and "No kept state 999" in missing.output


def test_loading_an_older_export_names_the_corrections_it_would_undo(app, organiser, tmp_path):
    runner = app.test_cli_runner()
    _answer(runner.invoke(args=["fair", "load", str(write(tmp_path, small_fair())), "--replace"]))
    older = tmp_path / "fair.xlsx"
    assert runner.invoke(args=["fair", "export", str(older)]).exit_code == 0
    client = app.test_client()
    assert (
        client.patch("/api/v1/positions/E01-P01", json={"openings": 9}, headers=organiser).status_code == 200
    )
    result = runner.invoke(args=["fair", "load", str(older), "--dry-run"])
    assert _answer(result)["positions"]["updated"] == 1
    assert "this file was exported at data version 1; 1 load(s) or correction(s) were published since" in (
        result.stderr
    )
    assert "岗位表!N2: 招聘人数 \"3\": sets openings of position 'E01-P01' back to 3 as exported; since " \
           "changed to 9" in result.stderr  # fmt: skip
