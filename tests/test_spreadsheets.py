"""Reading organisers' spreadsheets into fixture documents, and writing the fair back as one."""

from __future__ import annotations

import pytest

from service.errors import FixtureInvalid
from service.sheets import Unreadable, csv_bytes, read_file, workbook
from service.sheets.cells import CellError, join_list, parse_openings, parse_pay, split_list
from service.store.loader import validate_document

from .builders import employer, fair_doc, position, small_fair
from .sheet_builders import EN, csv_file, fair_sheet, row, table, xlsx

FAIR = {"id": "test-fair", "name": "测试招聘会"}


def read_xlsx(data: bytes, fair: dict | None = FAIR):
    return read_file(data, "fair.xlsx", "xlsx", fair=fair)


def positions(sheet) -> list[dict]:
    return [p for e in sheet.document["employers"] for p in e["positions"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5000-8000", (5000, 8000)),
        ("5000～8000", (5000, 8000)),
        ("5000~8000元/月", (5000, 8000)),
        ("5000 — 8000", (5000, 8000)),
        ("5k-8k", (5000, 8000)),
        ("5K-8K", (5000, 8000)),
        ("5-8k", (5000, 8000)),
        ("4.5k-6k", (4500, 6000)),
        ("5千-8千", (5000, 8000)),
        ("0.5万-0.8万", (5000, 8000)),
        ("1-1.5万", (10000, 15000)),
        ("5,000-8,000", (5000, 8000)),
        ("５０００－８０００", (5000, 8000)),
        ("4000以上", (4000, None)),
        ("4000元起", (4000, None)),
        ("3000+", (3000, None)),  # a trailing + is a minimum, not the pay itself
        ("4k+", (4000, None)),
        ("４０００＋", (4000, None)),
        ("3000+（包吃住）", (3000, None)),
        ("保底4000", (4000, None)),  # a guaranteed amount is a minimum
        ("保底工资：4000", (4000, None)),
        ("保底3000-5000", (3000, 5000)),
        ("8000以下", (None, 8000)),
        ("6000", (6000, 6000)),
        ("面议", (None, None)),
        ("", (None, None)),
        (None, (None, None)),
        (6000, (6000, 6000)),
        (6000.0, (6000, 6000)),
        ("2500-3500（包吃住）", (2500, 3500)),  # a note in brackets after the pay
        ("4000(税前)", (4000, 4000)),
        ("3000以上（包住）", (3000, None)),
        ("5-8k·13薪", (5000, 8000)),  # the months a year pays
        ("5-8K 13薪", (5000, 8000)),
        ("底薪3000+提成（上不封顶）", (3000, None)),
        ("3万", (30000, 30000)),
        ("100000", (100000, 100000)),  # in digits: as written
    ],
)
def test_pay_formats(text, expected):
    assert parse_pay(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("8000-5000", "minimum above maximum"),
        ("五千到八千", "not a monthly pay"),
        ("年薪10万", "'年薪10万' looks like a year's pay, not a monthly pay"),  # as the README says
        ("150元/天", "looks like a day's pay"),
        ("10-15万", "looks like a year's pay"),  # 100000-150000 a month at a graduates' fair: a year's pay
        ("12万", "looks like a year's pay"),
        ("(包吃住)", "not a monthly pay"),  # a note and no pay
        (5500.5, "whole yuan"),
        ("0.12345万", "whole yuan"),
    ],
)
def test_bad_pay_says_what_is_wrong(text, message):
    with pytest.raises(CellError, match=message):
        parse_pay(text)


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("Python、Django，MySQL,Linux;Git；Docker", ["Python", "Django", "MySQL", "Linux", "Git", "Docker"]),
        ("Excel\nWord\r\nPPT", ["Excel", "Word", "PPT"]),
        ("C/C++、TCP/IP、HTML5/CSS3、Pro/E", ["C/C++", "TCP/IP", "HTML5/CSS3", "Pro/E"]),
        ("销售/市场营销", ["销售", "市场营销"]),
        ("Spring Boot、 ＥＸＣＥＬ ", ["Spring Boot", "ＥＸＣＥＬ"]),
        ('"HTML、CSS"、JavaScript', ["HTML、CSS", "JavaScript"]),
        ("“HTML、CSS”，Vue", ["HTML、CSS", "Vue"]),
        ("、、", []),
        (None, []),
    ],
)
def test_list_separators(text, items):
    assert split_list(text) == items


def test_joined_lists_read_back_as_the_same_items():
    items = ["HTML、CSS", "C/C++", "销售/市场", " 留白", "五险一金"]
    assert split_list(join_list(items)) == items


def test_openings_read_numbers_and_some():
    assert parse_openings(3) == (3, None)
    assert parse_openings("3人") == (3, None)
    assert parse_openings("") == (None, None)
    count, note = parse_openings("若干")
    assert count == 1 and "若干" in note
    with pytest.raises(CellError):
        parse_openings("很多")


@pytest.mark.parametrize(
    ("written", "count", "noted"),
    [
        ("招10人", 10, False),
        ("招聘3名", 3, False),
        ("十人", 10, False),  # Chinese numerals
        ("十五人", 15, False),
        ("二十名", 20, False),
        ("两人", 2, False),
        ("3-5人", 5, True),  # a range: the most it hires, with a note
        ("2~3名", 3, True),
        ("10人以上", 10, True),  # about as many: the number, with a note
        ("10人左右", 10, True),
        ("10余人", 10, True),
        ("三十多人", 30, True),
        ("5+", 5, True),
    ],
)
def test_head_counts_as_postings_write_them(written, count, noted):
    got, note = parse_openings(written)
    assert got == count
    assert (note is not None and written in note) == noted


@pytest.mark.parametrize("written", ["5-3人", "一五", "数十名", "多"])
def test_a_head_count_that_is_no_number_says_so(written):
    with pytest.raises(CellError, match="head count"):
        parse_openings(written)


@pytest.mark.parametrize(
    ("written", "level"),
    [
        ("大专或以上", "associate"),  # every level is a minimum: 'or above' is read off
        ("本科及以上学历", "bachelor"),
        ("硕士研究生及以上", "master"),
        ("高中或以上", "high_school"),
        ("中专或同等学力", "secondary_vocational"),
    ],
)
def test_a_postings_minimum_education_reads_as_its_level(written, level):
    sheet = read_xlsx(xlsx(table([row("E01", "文员", education=written)])))
    assert sheet.errors == []
    assert validate_document(sheet.document)["employers"][0]["positions"][0]["education"] == level


def test_rows_become_the_fixture_document():
    rows = [
        row("E01", "电子工艺工程师", skills="SMT工艺、AutoCAD", education="大专", salary="5k-7k", openings=3,
            position_id="E01-P01", benefits="五险一金、包住", majors="电子信息工程"),
        row("E01", "普工", salary="面议", openings="若干"),
        row("E02", "置业顾问", ownership="国企", industry="K", salary="4000以上"),
    ]  # fmt: skip
    sheet = read_xlsx(xlsx(table(rows)))
    assert sheet.errors == []
    doc = validate_document(sheet.document)
    assert [e["id"] for e in doc["employers"]] == ["E01", "E02"]
    first, second = doc["employers"][0]["positions"]
    assert first["id"] == "E01-P01" and first["skills"] == ["SMT工艺", "AutoCAD"]
    assert (first["education"], first["salary_min"], first["salary_max"]) == ("associate", 5000, 7000)
    assert first["benefits"] == ["五险一金", "包住"] and first["openings"] == 3
    assert second["id"] == "E01-F679D0"  # generated from the employer and the title (普工)
    assert (second["salary_min"], second["salary_max"], second["openings"]) == (None, None, 1)
    assert {(n.cell.ref, n.path) for n in sheet.notes} >= {("岗位表!F3", "employers[0].positions[1].id")}
    assert any("若干" in n.message and n.cell.row == 3 for n in sheet.notes)
    e02 = doc["employers"][1]
    assert (e02["ownership"], e02["industry"], e02["positions"][0]["salary_min"]) == (
        "state_owned",
        "real_estate",
        4000,
    )


def test_a_blank_position_id_comes_from_the_employer_and_the_title_not_the_row():
    rows = [
        row("E01", "普工", position_id=""),
        row("E01", "ＰＨＰ 开发"),
        row("E01", "普工", salary="面议"),  # the employer's second 普工
        row("E02", "普工"),
        row("E01", "php开发"),  # the same title in another width, case and spacing
        row("E01", " 普工 ", position_id="E01-P9"),  # given: kept as written, and no 普工 of the count
        row("E01", "普工"),
    ]
    ids = {
        "E01": ["E01-F679D0", "E01-0C4CF5", "E01-F679D0-2", "E01-0C4CF5-2", "E01-P9", "E01-F679D0-3"],
        "E02": ["E02-F679D0"],
    }
    sheet = read_xlsx(xlsx(table(rows)))
    assert sheet.errors == []
    assert {e["id"]: [p["id"] for p in e["positions"]] for e in sheet.document["employers"]} == ids
    shifted = read_xlsx(
        xlsx([["（第二批）"], [], *table(rows)])
    )  # a note row and a blank one above the header
    assert {e["id"]: [p["id"] for p in e["positions"]] for e in shifted.document["employers"]} == ids


def test_english_headers_with_case_and_spaces():
    headers = {k: f" {v.upper()} " for k, v in EN.items()}
    sheet = read_xlsx(
        xlsx(table([row("E01", "Java开发", skills="Java, Spring Boot", salary="8k-12k")], headers))
    )
    assert sheet.errors == []
    assert positions(sheet)[0]["skills"] == ["Java", "Spring Boot"]
    assert positions(sheet)[0]["salary_max"] == 12000


def test_header_aliases_notes_and_a_title_row_above():
    rows = [
        ["七星区2023年招聘会岗位信息表"],
        ["企业名称", "职位名称", "薪资待遇（元/月）", "备注"],
        ["某公司", "会计", "4000-5000", "x"],
    ]
    sheet = read_xlsx(xlsx(rows))
    assert sheet.errors == []
    assert positions(sheet)[0]["title"] == "会计" and positions(sheet)[0]["salary_min"] == 4000
    assert sheet.document["employers"][0]["id"].startswith("E-")  # made from the name: stable across uploads
    assert read_xlsx(xlsx(rows)).document["employers"][0]["id"] == sheet.document["employers"][0]["id"]
    assert [(n.cell.ref, n.message) for n in sheet.notes if n.path == "columns"] == [
        ("岗位表!D2", "column not read by the service")
    ]


def test_a_group_row_of_merged_cells_above_the_header_is_not_the_header():
    rows = [
        ["七星区2023年招聘会用人单位岗位需求表"],
        ["用人单位", "", "", "", "招聘岗位", "", "", ""],  # merged over the employer and position columns
        ["单位名称", "单位性质", "所属行业", "展位号", "岗位名称", "学历要求", "薪资", "招聘人数"],
        ["甲公司", "民企", "制造业", "A-01", "操作工", "初中", "4000-6000", 3],
        ["乙公司", "国企", "K", "A-02", "物业管理员", "大专", "3500", 2],
    ]
    sheet = read_xlsx(xlsx(rows, merged=["A1:H1", "A2:D2", "E2:H2"]))
    assert sheet.errors == []
    assert [(p["title"], p["salary_min"], p["openings"]) for p in positions(sheet)] == [
        ("操作工", 4000, 3),
        ("物业管理员", 3500, 2),
    ]
    assert [e["booth"] for e in sheet.document["employers"]] == ["A-01", "A-02"]
    assert sheet.cell_for("employers[1].positions[0].title").ref == "岗位表!E5"


def test_missing_and_repeated_columns_are_errors():
    sheet = read_xlsx(xlsx([["单位名称", "薪资", "薪资"], ["某公司", "5000", "6000"]]))
    found = {(p.path, p.cell.ref) for p in sheet.errors}
    assert ("columns.title", "岗位表!1") in found
    assert ("columns.salary", "岗位表!C1") in found
    assert "岗位表!1: missing column 岗位名称 (title)" in [p.describe() for p in sheet.errors]
    assert sheet.document["employers"] == []


def test_no_header_row_is_an_error():
    named = read_xlsx(xlsx([["a", "b"], [1, 2]]))
    assert [(p.path, p.cell.ref) for p in named.errors] == [("columns", "岗位表!1")]
    assert "no header row" in named.errors[0].message
    unnamed = read_xlsx(xlsx([["a", "b"], [1, 2]], sheet="Sheet1", extra_sheets={"封面": [["七星区"]]}))
    assert "no sheet of positions" in unnamed.errors[0].message


def test_merged_and_blank_employer_cells_continue_the_employer_above():
    rows = table([row("E01", "会计"), row("E01", "出纳"), row("E02", "文员")])
    rows[2][:5] = ["", "", "", "", ""]  # left blank under the first row
    data = xlsx([*rows, ["", "", "", "", "", "仓管"]], merged=["A4:A5", "B4:B5", "C4:C5", "D4:D5", "E4:E5"])
    sheet = read_xlsx(data)
    assert sheet.errors == []
    titles = {e["id"]: [p["title"] for p in e["positions"]] for e in sheet.document["employers"]}
    assert titles == {"E01": ["会计", "出纳"], "E02": ["文员", "仓管"]}


def test_an_employer_row_without_a_position_lists_the_employer():
    rows = table([row("E01", "会计"), row("E02", "")])
    sheet = read_xlsx(xlsx(rows))
    assert sheet.errors == []
    assert [len(e["positions"]) for e in sheet.document["employers"]] == [1, 0]


def test_employer_names_written_in_other_widths_cases_or_spacing_are_one_employer():
    rows = [
        row("", "导游", employer_name="桂林旅游(集团)有限公司"),
        row("", "讲解员", employer_name="桂林旅游（集团）有限公司"),
        row("", "前端", employer_name="ＡＢＣ科技有限公司"),
        row("", "后端", employer_name="ABC科技有限公司"),
        row("", "测试", employer_name="abc 科技有限公司"),
        row("", "仓管", employer_name="桂林 七星贸易"),
        row("", "理货员", employer_name="桂林七星贸易"),
    ]
    sheet = read_xlsx(xlsx(table(rows)))
    assert sheet.errors == []
    doc = validate_document(sheet.document)
    assert [(e["name"], [p["title"] for p in e["positions"]]) for e in doc["employers"]] == [
        ("桂林旅游(集团)有限公司", ["导游", "讲解员"]),  # named as first written
        ("ＡＢＣ科技有限公司", ["前端", "后端", "测试"]),
        ("桂林 七星贸易", ["仓管", "理货员"]),
    ]
    assert [(n.cell.ref, n.message) for n in sheet.notes if n.path.endswith(".name")][:2] == [
        ("岗位表!B3", "read as '桂林旅游(集团)有限公司', the employer of row 2"),
        ("岗位表!B5", "read as 'ＡＢＣ科技有限公司', the employer of row 4"),
    ]


def test_disagreeing_employer_columns_are_errors_at_the_cell():
    rows = [
        row("E01", "会计", booth="A-01"),
        row("E01", "出纳", booth="A-09"),
        row("E01", "文员", ownership="民企"),
    ]
    sheet = read_xlsx(xlsx(table(rows)))
    assert [(p.cell.ref, p.path) for p in sheet.errors] == [("岗位表!E3", "employers[0].booth")]
    assert "row 2" in sheet.errors[0].message and "'A-01'" in sheet.errors[0].message


PAY_PAIRS = [("最低月薪（元）", "最高月薪（元）"), ("薪资下限", "薪资上限"), ("最低工资", "最高工资"),
             ("月薪下限", "月薪上限"), ("起薪", "最高薪资")]  # fmt: skip


@pytest.mark.parametrize(("low", "high"), PAY_PAIRS)
def test_pay_split_in_two_columns_is_the_pay_range(low, high):
    rows = [
        ["单位名称", "岗位名称", low, high],
        ["甲公司", "操作工", 4000, 6000],
        ["甲公司", "焊工", "5k", ""],  # a minimum only
        ["甲公司", "仓管", "", "8000以下"],
        ["甲公司", "质检员", "面议", ""],
        ["甲公司", "销售", "底薪3000", "8000"],
    ]
    sheet = read_xlsx(xlsx(rows))
    assert sheet.errors == [] and [n for n in sheet.notes if n.path == "columns"] == []  # every column read
    assert [(p.get("salary_min"), p.get("salary_max")) for p in positions(sheet)] == [
        (4000, 6000), (5000, None), (None, 8000), (None, None), (3000, 8000),
    ]  # fmt: skip
    assert positions(sheet)[4]["salary_text"] == "底薪3000～8000"
    assert sheet.cell_for("employers[0].positions[2].salary_max").ref == "岗位表!D4"


def test_pay_in_two_columns_is_read_as_薪资_is_and_must_agree_with_it():
    rows = [
        ["单位名称", "岗位名称", "薪资", "最低月薪", "最高月薪"],
        ["甲公司", "操作工", "4000-6000", 4000, 6000],  # the same pay twice
        ["甲公司", "焊工", "5000-8000", "", "8k"],
        ["甲公司", "仓管", "", 3500, ""],
        ["甲公司", "质检员", "4000-6000", 4500, ""],
        ["甲公司", "文员", "", 8000, 5000],
        ["甲公司", "销售", "", "10万", ""],
        ["甲公司", "会计", "", "3000-5000", ""],
    ]
    sheet = read_xlsx(xlsx(rows))
    assert [(p["title"], p.get("salary_min"), p.get("salary_max")) for p in positions(sheet)][:3] == [
        ("操作工", 4000, 6000), ("焊工", 5000, 8000), ("仓管", 3500, None),
    ]  # fmt: skip
    assert [p.describe() for p in sheet.errors] == [
        "岗位表!D5: 最低月薪 \"4500\": differs from 薪资 '4000-6000': leave one blank or write the same pay",
        '岗位表!D6: 最低月薪 "8000": minimum above maximum',
        "岗位表!D7: 最低月薪 \"10万\": '10万' gives 100000 yuan a month, which looks like a year's pay; "
        "write the monthly pay (in digits if it is one)",
        '岗位表!D8: 最低月薪 "3000-5000": one amount here, the lowest monthly pay such as 5000; '
        "a range goes in 薪资",
    ]


def test_a_booth_written_in_full_width_is_the_same_booth():
    rows = [
        row("E01", "会计", booth="A-2"),
        row("E01", "出纳", booth="A－2"),  # a full-width hyphen
        row("E02", "文员", booth="Ｂ－０１"),
    ]
    sheet = read_xlsx(xlsx(table(rows)))
    assert sheet.errors == []
    assert [e["booth"] for e in sheet.document["employers"]] == ["A-2", "B-01"]


def test_cell_errors_and_validation_errors_point_at_cells():
    rows = [
        row("E01", "会计", salary="8000-5000"),
        row("E01", "", openings=0, education="幼儿园", skills="x" * 101),
    ]
    sheet = read_xlsx(xlsx(table(rows)))
    assert [p.describe() for p in sheet.errors] == ['岗位表!I2: 薪资 "8000-5000": minimum above maximum']
    with pytest.raises(FixtureInvalid) as caught:
        validate_document(sheet.document)
    located = {p.path: p.cell.ref for p in sheet.locate(caught.value.data["errors"])}
    assert located == {
        "employers[0].positions[1].title": "岗位表!F3",
        "employers[0].positions[1].openings": "岗位表!J3",
        "employers[0].positions[1].education": "岗位表!H3",
        "employers[0].positions[1].skills[0]": "岗位表!G3",
    }


def test_gbk_csv_is_read():
    rows = table([row("E01", "仓库管理员", skills="叉车证、熟练使用Excel", salary="4500～6000")])
    sheet = read_file(csv_file(rows, encoding="gbk"), "岗位.csv", "csv", fair=FAIR)
    assert sheet.errors == []
    assert positions(sheet)[0]["skills"] == ["叉车证", "熟练使用Excel"]
    assert sheet.document["employers"][0]["name"] == "桂林测试企业E01有限公司"
    assert sheet.sheet == "岗位"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_csv_encodings_and_delimiters(encoding):
    rows = table([row("E01", "會計", skills="用友、金蝶")])
    for delimiter in (",", "\t", ";"):
        sheet = read_file(csv_file(rows, encoding=encoding, delimiter=delimiter), "a.csv", "csv", fair=FAIR)
        assert positions(sheet)[0]["title"] == "會計", (encoding, delimiter)


def test_unreadable_files():
    with pytest.raises(Unreadable, match="empty"):
        read_xlsx(b"")
    with pytest.raises(Unreadable, match="xlsx"):
        read_xlsx(b"PK\x03\x04 not really a zip")
    with pytest.raises(Unreadable):
        read_file(b"\x00\x01\x02\xff\xfe\x00", "a.csv", "csv", fair=FAIR)


def test_the_fair_comes_from_the_fair_sheet_or_the_current_fair():
    rows = table([row("E01", "会计")])
    with_sheet = read_xlsx(
        xlsx(rows, fair=fair_sheet("qixing-2023", "七星区招聘会", 日期="2023-08-20", host="七星区"))
    )
    assert with_sheet.document["fair"] == {
        "id": "qixing-2023", "name": "七星区招聘会", "date": "2023-08-20", "host": "七星区",
    }  # fmt: skip
    assert read_xlsx(xlsx(rows)).document["fair"] == FAIR
    orphan = read_xlsx(xlsx(rows), fair=None)
    assert [p.path for p in orphan.errors] == ["fair"]


def test_the_positions_sheet_is_found_among_others():
    data = xlsx(table([row("E01", "会计")]), sheet="Sheet1", extra_sheets={"封面": [["七星区招聘会"]]})
    assert positions(read_xlsx(data))[0]["title"] == "会计"


def test_every_sheet_of_positions_is_read_and_a_sheet_of_other_data_is_noted():
    zone_a = table([row("E01", "操作工", booth="A-01"), row("E02", "会计", booth="A-02", salary="面议")])
    zone_b = table([row("E01", "仓管", booth="A-01"), row("E03", "焊工", booth="B-01", salary="8000-5000")])
    data = xlsx(zone_b, sheet="B区", extra_sheets={"A区": zone_a, "联系人": [["王经理", "0773-1234567"]]})
    sheet = read_xlsx(data)
    assert sheet.sheet == "A区, B区" and sheet.rows == 4
    titles = {e["id"]: [p["title"] for p in e["positions"]] for e in sheet.document["employers"]}
    assert titles == {"E01": ["操作工", "仓管"], "E02": ["会计"], "E03": ["焊工"]}  # E01 is on both sheets
    assert [p["id"] for p in positions(sheet)] == ["E01-EDE539", "E01-689DF6", "E02-285DFA", "E03-826D8F"]
    assert [p.describe() for p in sheet.errors] == ['B区!G3: 薪资 "8000-5000": minimum above maximum']
    assert sheet.cell_for("employers[0].positions[1].title").ref == "B区!F2"
    assert [(n.cell.ref, n.path) for n in sheet.notes if n.path == "sheets"] == [("联系人!1", "sheets")]


def test_an_employer_on_two_sheets_that_disagree_is_an_error_naming_the_first_cell():
    zone_a, zone_b = table([row("E01", "操作工", booth="A-01")]), table([row("E01", "焊工", booth="B-01")])
    sheet = read_xlsx(xlsx(zone_b, sheet="B区", extra_sheets={"A区": zone_a}))
    assert [(p.cell.ref, p.message) for p in sheet.errors] == [
        ("B区!E2", "differs from A区!E2 ('A-01') for employer 'E01'")
    ]


def test_written_workbook_and_csv_read_back_as_the_same_document():
    doc = small_fair()
    doc["employers"][0]["contact"] = {"person": "李经理"}
    doc["employers"][0]["positions"][0]["skills"] = ["HTML、CSS", "C/C++", "TCP/IP"]
    doc["employers"][0]["positions"][0]["shift"] = "两班倒"
    doc["employers"].append(employer("E04", positions=[]))
    doc["fair"]["organisers"] = ["七星区人力资源和社会保障局", "共青团七星区委员会"]
    doc["fair"]["note"] = "模拟数据"
    expected = validate_document(doc)
    from_xlsx = read_xlsx(workbook(doc), fair=None)
    assert from_xlsx.errors == [] and from_xlsx.notes == []
    assert validate_document(from_xlsx.document) == expected
    from_csv = read_file(csv_bytes(doc), "fair.csv", "csv", fair=doc["fair"])
    assert validate_document(from_csv.document) == expected


def test_the_template_reads_with_its_example_row_skipped():
    sheet = read_xlsx(workbook(None))
    assert sheet.errors == []
    doc = validate_document(sheet.document)
    assert doc["employers"] == []  # the example row (ids starting 示例) is read as an example, not data
    assert [n.message for n in sheet.notes] == ["the template's example row, skipped"]
    from_csv = read_file(csv_bytes(None), "t.csv", "csv", fair=FAIR)
    assert validate_document(from_csv.document) == doc


def test_a_position_industry_differs_from_its_employer():
    doc = fair_doc(employer("E01", industry="education", positions=[position("P1", industry="software_it")]))
    sheet = read_xlsx(workbook(doc), fair=None)
    assert validate_document(sheet.document)["employers"][0]["positions"][0]["industry"] == "software_it"
