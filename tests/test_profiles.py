"""POST /api/v1/profiles/read: résumés (DOCX, PDF, TXT, JSON text) read into a profile field by field, with
evidence and via; personal data never in the answer or the logs; limits and unreadable files as clear 4xx."""

from __future__ import annotations

import io
import json
import logging
import os
import zipfile

import pytest

from schemas.guidance import MAX_RESUME_CHARACTERS
from service.documents import MAX_BYTES
from tests.resume_builders import (
    BODY,
    PERSONAL,
    accounting_fair,
    docx_content_control,
    docx_in_header,
    docx_nested_table,
    docx_resume,
    docx_text_box,
    docx_two_columns,
    docx_wps_table,
    pdf_inflating,
    pdf_operators,
    pdf_placed,
    pdf_resume,
    pdf_scattered,
    pdf_two_columns,
    resume_text,
    scanned_pdf,
)


@pytest.fixture
def client(app, organiser):
    client = app.test_client()
    loaded = client.post("/api/v1/fixtures?mode=replace", json=accounting_fair(), headers=organiser)
    assert loaded.status_code == 200
    return client


def upload(client, data: bytes, name: str):
    return client.post(
        "/api/v1/profiles/read", data={"file": (io.BytesIO(data), name)}, content_type="multipart/form-data"
    )


def read_text(client, text: str):
    """The answer to a résumé sent as text, which must be read."""
    answer = client.post("/api/v1/profiles/read", json={"text": text})
    assert answer.status_code == 200, answer.json
    return answer


def check_profile(answer: dict) -> None:
    """The profile the builders' résumé gives, value by value."""
    profile, read = answer["profile"], answer["read"]
    for skill in ("Excel", "金蝶", "C1驾驶证", "数据透视表", "初级会计职称", "英语四级", "吃苦耐劳"):
        assert skill in profile["skills"], skill
    assert "驾驶证" not in profile["skills"]  # 驾照 inside C1驾照 is the C1 licence only
    assert profile["titles"] == ["会计", "出纳"]
    assert profile["education"] == "bachelor"  # 大专, then 本科 (专升本): the highest
    assert profile["major"] == "会计学"
    assert profile["expected_salary"] == 5000
    assert read["expected_salary"]["max"] == 6000
    skills = {s["value"]: s for s in read["skills"]}
    assert skills["Excel"]["evidence"] == "熟练使用Excel和金蝶，能运用数据透视表做报表"
    assert skills["Excel"]["via"] == "text" and skills["Excel"]["section"] == "skills"
    assert skills["C1驾驶证"]["via"] == "alias" and skills["C1驾驶证"]["evidence"] == "持有C1驾照"
    assert skills["C1驾驶证"]["echo"]["matched"] == "C1驾驶证"
    assert skills["英语四级"]["via"] == "alias" and skills["英语四级"]["section"] == "certificates"
    assert skills["初级会计职称"]["via"] == "alias"  # 会计证 is the nickname of the fair's 初级会计职称
    education = read["education"]
    assert education["school"] == "广西师范大学漓江学院"
    assert (education["start"], education["end"], education["label"]) == ("2022-09", "2024-06", "本科")
    assert education["evidence"].startswith("2022.09-2024.06 广西师范大学漓江学院")
    assert read["titles"][0]["evidence"].startswith("求职意向")
    assert answer["experience"]["months"] == 3
    assert answer["stored"] is False


def assert_private(text: str) -> None:
    for value in PERSONAL:
        assert value not in text, value


def test_a_docx_resume_is_read_field_by_field(client):
    answer = upload(client, docx_resume(), "简历.docx")
    assert answer.status_code == 200, answer.json
    check_profile(answer.json)
    assert answer.json["source"]["kind"] == "docx"
    assert_private(answer.get_data(as_text=True))


def test_a_pdf_resume_in_a_chinese_cid_font_is_read(client):
    answer = upload(client, pdf_resume(), "resume.pdf")
    assert answer.status_code == 200, answer.json
    check_profile(answer.json)
    assert (answer.json["source"]["kind"], answer.json["source"]["pages"]) == ("pdf", 1)
    assert_private(answer.get_data(as_text=True))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_a_text_resume_in_any_common_encoding(client, encoding):
    answer = upload(client, resume_text().encode(encoding), "resume.txt")
    assert answer.status_code == 200, answer.json
    check_profile(answer.json)


def test_json_text_and_the_profile_feeds_matching(client):
    answer = read_text(client, resume_text())
    check_profile(answer.json)
    assert answer.json["source"]["kind"] == "text"
    matched = client.post("/api/v1/matches", json={**answer.json["profile"], "limit": 3})
    assert matched.status_code == 200
    assert matched.json["results"][0]["position"]["id"] == "E01-P01"  # 会计 [Excel, 金蝶, 数据透视表]


def test_numbered_lines_and_unknown_words_hide_no_skill(client):
    text = (
        "专业技能\n"
        "1. 熟练使用金蝶、Excel等软件；\n"
        "2. 已取得初级会计职称、英语四级（CET-4）、计算机二级证书；\n"
        "自我评价\n"
        "熟悉Xmindd思维导图，会用用友做账。"
    )
    answer = read_text(client, text)
    skills = answer.json["profile"]["skills"]
    # CET-4) ends no list item; Xmindd, a word no skill holds, hides none beside it
    assert {"金蝶", "Excel", "初级会计职称", "英语四级", "计算机二级", "用友"} <= set(skills)
    assert not {"1", "2", "4"} & set(skills)  # a list number is no skill


@pytest.mark.parametrize(
    ("line", "skill"), [("技能：Python", "Python"), ("专业技能: Excel", "Excel"), ("IT技能：CAD", "AutoCAD")]
)
def test_one_latin_skill_after_a_label_is_read_and_a_bilingual_heading_still_opens_its_section(
    client, line, skill
):
    # An English name after a heading (教育背景 Education) is read off; Latin after a colon is the value.
    text = f"求职意向：行政文员\n{line}\n教育背景 Education\n桂林理工大学 汉语言文学 本科"
    answer = read_text(client, text)
    assert answer.json["profile"]["skills"] == [skill]
    assert answer.json["read"]["education"]["section"] == "education"


@pytest.mark.parametrize(
    ("line", "major"),
    [
        ("专业：会计学", "会计学"),
        ("所学专业：计算机科学与技术（软件方向）", "计算机科学与技术"),
        ("专业: 市场营销", "市场营销"),
    ],
)
def test_a_major_on_a_line_of_its_own_is_the_major_not_a_skill(client, line, major):
    text = f"基本信息\n姓名：张三 性别：女\n{line}\n学历：本科\n专业技能\n熟练使用Excel"
    answer = read_text(client, text)
    profile = answer.json["profile"]
    assert (profile["major"], profile["education"], profile["skills"]) == (major, "bachelor", ["Excel"])
    assert line.split("：" if "：" in line else ":")[0] in answer.json["read"]["major"]["evidence"]


def test_personal_data_is_never_in_the_answer_nor_the_logs(client, caplog):
    caplog.set_level(logging.DEBUG)
    text = resume_text() + f"\n联系我：{PERSONAL[1]}，或写信到 {PERSONAL[3]}\n{PERSONAL[0]}熟悉用友"
    answers = [
        client.post("/api/v1/profiles/read", json={"text": text}),
        upload(client, docx_resume([*BODY, f"{PERSONAL[0]}熟悉用友"]), "cv.docx"),
        upload(client, pdf_resume(), "cv.pdf"),
    ]
    for answer in answers:
        assert answer.status_code == 200
        assert_private(answer.get_data(as_text=True))
    assert "用友" in answers[0].json["profile"]["skills"]  # the line is read, the name in it masked
    logged = "\n".join(r.getMessage() for r in caplog.records) + caplog.text
    assert_private(logged)


def test_nothing_is_stored(app, client):
    from sqlalchemy import inspect, text

    from service.store.db import get_engine

    engine = get_engine(app)
    with engine.connect() as connection:
        before = {t: connection.execute(text(f'SELECT COUNT(*) FROM "{t}"')).scalar()
                  for t in inspect(engine).get_table_names()}  # fmt: skip
    assert client.post("/api/v1/profiles/read", json={"text": resume_text()}).status_code == 200
    with engine.connect() as connection:
        after = {t: connection.execute(text(f'SELECT COUNT(*) FROM "{t}"')).scalar() for t in before}
    assert after == before


@pytest.mark.parametrize("stamp", ["", "Scanned by CamScanner  Page 1"])
def test_a_scanned_pdf_says_it_has_no_text_layer(client, stamp):
    # A scanning app's stamp is a text layer of a few words: it read as an empty résumé (200, nothing read).
    answer = upload(client, scanned_pdf(stamp), "scan.pdf")
    assert answer.status_code == 422
    assert "没有文字层" in answer.json["message"] and "no text layer" in answer.json["message"]
    assert answer.json["errors"] == {"file": ["no_text_layer"]}


def test_an_encrypted_pdf_is_a_clear_4xx(client):
    answer = upload(client, pdf_resume(password="secret"), "locked.pdf")
    assert answer.status_code == 422
    assert answer.json["errors"] == {"file": ["encrypted"]}


@pytest.mark.parametrize(
    ("data", "name", "status", "reason"),
    [
        (b"%PDF-1.4\n garbage that is no PDF", "broken.pdf", 400, "damaged"),
        (b"PK\x03\x04 not really a zip", "broken.docx", 400, "damaged"),
        (b"\xd0\xcf\x11\xe0" + b"\x00" * 600, "old.doc", 415, "old_or_encrypted_word"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "photo.png", 415, "unsupported"),
        (b"   ", "empty.txt", 400, "empty"),
    ],
)
def test_broken_or_unsupported_files_are_4xx(client, data, name, status, reason):
    answer = upload(client, data, name)
    assert answer.status_code == status
    assert answer.json["code"] == status and answer.json["errors"] == {"file": [reason]}


def test_limits_size_and_pages(client):
    too_big = upload(client, b"a" * (MAX_BYTES + 1), "big.txt")
    assert too_big.status_code == 413 and too_big.json["code"] == 413
    long = upload(client, pdf_resume(["教育背景", "桂林理工大学 本科"], pages=11), "long.pdf")
    assert long.status_code == 422 and long.json["errors"] == {"file": ["too_many_pages"]}
    assert upload(client, pdf_resume(pages=10), "ten.pdf").status_code == 200


def test_a_resume_up_to_the_documented_size_is_read(client):
    # A résumé with a photo is often several hundred KB: 2 MB is the documented bound, not the 64 KB of a
    # match request. And 60,000 characters of text as JSON escapes (6 bytes each) are within it too.
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_resume())) as source, zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        target.writestr("word/media/photo.png", os.urandom(900_000), compress_type=zipfile.ZIP_STORED)
    answer = upload(client, buffer.getvalue(), "简历.docx")
    assert answer.status_code == 200, answer.json
    check_profile(answer.json)
    text = ("教育背景\n桂林理工大学 本科 会计学\n技能：Excel、金蝶\n" + "负责日常账务处理。" * 10_000)[
        :MAX_RESUME_CHARACTERS
    ]
    body = json.dumps({"text": text})  # ASCII escapes: about 6 bytes a character
    assert len(body) > 64 * 1024
    assert client.post("/api/v1/profiles/read", data=body, content_type="application/json").status_code == 200


def test_bad_requests(client):
    assert client.post("/api/v1/profiles/read", json={"text": ""}).status_code == 422
    assert client.post("/api/v1/profiles/read", json={}).json["errors"] == {
        "text": ["Missing data for required field."]
    }
    malformed = client.post("/api/v1/profiles/read", data="{", content_type="application/json")
    assert malformed.status_code == 400
    assert client.post("/api/v1/profiles/read", data="x", content_type="text/plain").status_code == 415
    no_file = client.post("/api/v1/profiles/read", data={"other": "1"}, content_type="multipart/form-data")
    assert no_file.status_code == 400
    assert json.loads(no_file.get_data())["code"] == 400


def test_a_pdf_is_read_page_by_page_taking_turns_with_the_worker_s_other_requests(client, monkeypatch):
    turns: list[int] = []
    monkeypatch.setattr("service.documents.reader.take_turns", lambda: turns.append(1))
    assert upload(client, pdf_resume(pages=3), "three.pdf").status_code == 200
    assert len(turns) == 3  # one after each page


# Templates as the fair's graduates bring them (the accounting fair knows Excel, 金蝶, 用友, 数据透视表, SQL,
# Python, C1驾驶证, 初级会计职称 and the alias list's canonicals: 英语四级, Photoshop…).
SIDEBAR = ["专业技能", "熟练使用Excel", "熟悉用友、金蝶", "了解Python", "证书", "初级会计职称"]


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (docx_text_box(SIDEBAR), "text-box.docx"),
        (docx_content_control(SIDEBAR), "content-control.docx"),
        (docx_nested_table(SIDEBAR, depth=3), "nested.docx"),
        (docx_in_header("求职意向：会计  期望薪资：5-6K", SIDEBAR), "header.docx"),
    ],
)
def test_text_in_text_boxes_content_controls_nested_tables_and_headers_is_read(client, data, name):
    # python-docx's paragraphs and top-level tables held none of it: the skills were lost without a word.
    answer = upload(client, data, name)
    assert answer.status_code == 200, answer.json
    assert {"Excel", "用友", "金蝶", "Python", "初级会计职称"} <= set(answer.json["profile"]["skills"])
    assert answer.json["read"]["skills"][0]["section"] == "skills"
    if name == "header.docx":
        assert (answer.json["profile"]["titles"], answer.json["profile"]["expected_salary"]) == (
            ["会计"],
            5000,
        )
    else:  # the text box's VML copy (mc:Fallback) is not read twice
        assert answer.json["read"]["skills"][0]["evidence"] == "熟练使用Excel"


LEFT = [
    "个人简历",
    "电话：13877312468",
    "专业技能",
    "熟练使用Excel",
    "熟悉用友、金蝶",
    "证书",
    "初级会计职称",
    "C1驾照",
]
RIGHT = [
    "求职意向：会计  期望薪资：4000-6000元/月",
    "教育背景",
    "2019.09-2023.06 桂林理工大学 会计学 本科",
    "实习经历",
    "2022.07-2022.09 桂林某商贸有限公司 出纳",
    "负责现金收付、银行对账",
]


@pytest.mark.parametrize(
    ("data", "name"), [(docx_two_columns(LEFT, RIGHT), "two.docx"), (pdf_two_columns(LEFT, RIGHT), "two.pdf")]
)
def test_a_two_column_resume_reads_each_column_whole(client, data, name):
    # Read row by row, the sidebar's lines fell under the body's headings (or one line joined the last of
    # the sidebar to 求职意向), so C1驾照 was lost and 教育背景 held skill lines.
    answer = upload(client, data, name)
    assert answer.status_code == 200, answer.json
    profile, read = answer.json["profile"], answer.json["read"]
    assert {"Excel", "用友", "金蝶", "初级会计职称", "C1驾驶证"} <= set(profile["skills"])
    assert {s["value"]: s["section"] for s in read["skills"]}["C1驾驶证"] == "certificates"
    assert (profile["titles"], profile["expected_salary"], profile["education"]) == (
        ["会计"],
        4000,
        "bachelor",
    )
    assert read["education"]["school"] == "桂林理工大学" and profile["major"] == "会计学"
    assert answer.json["sections"] == ["skills", "certificates", "intention", "education", "experience"]


def test_a_pdf_grid_of_spaced_labels_and_values_is_read_as_fields(client):
    # A 基本信息 grid as PDF exports draw it: each label (姓    名, spaced to line up) and value on its own.
    grid = [("姓    名", "王芳", "性    别", "女"), ("学    历", "本科", "专    业", "会计学"),
            ("电    话", "13977312345", "邮    箱", "wf@example.com")]  # fmt: skip
    strings = [(40, 800, "基 本 信 息")]
    strings += [
        (x, 776 - 20 * n, v)
        for n, row in enumerate(grid)
        for x, v in zip((40, 120, 300, 380), row, strict=True)
    ]
    strings += [(40, 700, "专 业 技 能"), (40, 680, "熟练使用Excel、金蝶")]
    answer = upload(client, pdf_placed(strings), "grid.pdf")
    assert answer.status_code == 200, answer.json
    profile = answer.json["profile"]
    assert (profile["education"], profile["major"]) == ("bachelor", "会计学")
    assert profile["skills"] == ["Excel", "金蝶"]
    for value in ("王芳", "13977312345", "wf@example.com"):
        assert value not in answer.get_data(as_text=True)


def test_a_name_in_a_table_without_colons_is_never_in_the_answer(client):
    # WPS tables write 姓名 | 李晓梅 in two cells, no colon: the name was not known, and quoted elsewhere.
    rows = [["姓名", PERSONAL[0], "性别", "女"], ["联系电话", PERSONAL[1], "民族", "汉"]]
    body = ["专业技能", "熟练使用Excel", "自我评价", f"{PERSONAL[0]}做事认真，熟悉用友"]
    answer = upload(client, docx_wps_table(rows, body), "wps.docx")
    assert answer.status_code == 200, answer.json
    assert {"Excel", "用友"} <= set(answer.json["profile"]["skills"])
    assert_private(answer.get_data(as_text=True))


def test_table_levels_awards_and_the_education_line_are_no_skills(client):
    text = (
        "专业技能\n技能名称  熟练程度\nExcel  精通\nPython  熟练\nSQL  了解\n"
        "获奖情况\n2021年 广西大学生创新创业大赛 广西赛区一等奖\n国家励志奖学金\n"
        "教育背景\n2020.09-2023.06 桂林师范高等专科学校 数据透视表 大专\n英语四级"
    )
    answer = read_text(client, text)
    # 熟练, 技能名称, 广西赛区一等奖 were skills; the major of the education line was one too (统计学 as a
    # skill beside 统计学 the major: here a fair skill's name, to show it is not read from that line)
    assert answer.json["profile"]["skills"] == ["Excel", "Python", "SQL", "英语四级"]
    assert answer.json["read"]["education"]["school"] == "桂林师范高等专科学校"  # not 桂林师范


def test_a_pdf_inflating_past_the_bound_is_a_413_before_it_is_inflated(client):
    # 150 MB of spaces in one content stream: pdfminer inflated it whole (1.5 GB took 30 s and 1.5 GB).
    answer = upload(client, pdf_inflating(150), "bomb.pdf")
    assert answer.status_code == 413
    assert answer.json["errors"] == {"file": ["unpacked_too_large"]}


def test_a_page_of_scattered_words_is_a_422_not_minutes_of_layout(client):
    # 3,000 words scattered over one page: pdfminer's box ordering took minutes on the one page; now the
    # page is refused once it has drawn more characters than any résumé page holds.
    answer = upload(client, pdf_scattered(3_000), "dense.pdf")
    assert answer.status_code == 422
    assert answer.json["errors"] == {"file": ["too_dense"]}
    assert "过多" in answer.json["message"] and "résumé" in answer.json["message"]


def test_deeply_nested_tables_are_a_clear_4xx(client):
    answer = upload(client, docx_nested_table(SIDEBAR, depth=200), "deep.docx")
    assert answer.status_code == 400 and answer.json["errors"] == {"file": ["damaged"]}


WISHED = [
    ("求职意向\n会计、出纳\n全职 | 桂林 | 4000-6000元/月\n专业技能\n熟练使用Excel", ["会计", "出纳"], 4000),
    ("求职意向\n期望从事职业：会计、财务助理\n期望工作地区：桂林\n期望月薪：4001-6000元/月\n技能：Excel",
     ["会计", "财务助理"], 4001),
    ("职能/职位：出纳\n期望薪资：4.5-6千/月\n技能/语言\n办公软件 熟练", ["出纳"], 4500),
    ("Objective: Software Engineer\nSkills\nPython, SQL, Excel\nEducation\n2019.09-2023.06 桂林理工大学",
     ["Software Engineer"], None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "titles", "pay"), WISHED)
def test_the_jobs_wished_for_as_templates_and_job_sites_write_them(client, text, titles, pay):
    # A 求职意向 section of plain lines, 智联's 期望从事职业, 前程无忧's 职能/职位 and an English Objective
    # gave no desired job at all (and a 求职意向 line's pay was lost).
    answer = read_text(client, text)
    assert answer.json["profile"]["titles"] == titles
    assert answer.json["profile"].get("expected_salary") == pay
    assert answer.json["profile"]["skills"]  # and the skills around them are still read


def test_a_large_uncompressed_photo_does_not_refuse_a_docx_but_inflating_text_does(client):
    # A photo pasted as a BMP inflates to 50 MB, and the DOCX was refused as a zip bomb (413) though the
    # photo is never read; the text parts still count, declared or not.
    def with_part(name: str, size: int) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(docx_resume())) as source, zipfile.ZipFile(buffer, "w") as target:
            for item in source.infolist():
                target.writestr(item, source.read(item.filename), compress_type=zipfile.ZIP_DEFLATED)
            target.writestr(name, b"\0" * size, compress_type=zipfile.ZIP_DEFLATED)
        return buffer.getvalue()

    photo = upload(client, with_part("word/media/image1.bmp", 50 * 1024 * 1024), "简历.docx")
    assert photo.status_code == 200, photo.json
    check_profile(photo.json)
    bomb = upload(client, with_part("word/header1.xml", 50 * 1024 * 1024), "bomb.docx")
    assert bomb.status_code == 413 and bomb.json["errors"] == {"file": ["unpacked_too_large"]}


def test_wechat_and_qq_ids_and_a_name_in_a_skill_line_are_neither_quoted_nor_skills(client):
    # 微信号： and QQ号： were no labels (only 微信：, QQ：): the ids were quoted in the evidence; and a name
    # written in a skill line became a skill, masked into the profile as ＊＊＊.
    text = (
        f"{PERSONAL[0]}\n微信号：lxm_2001  QQ号：123456789\n专业技能\n熟练使用Excel，{PERSONAL[0]}\n"
        "自我评价\n做事认真，熟悉用友，微信 lxm_2001，QQ 123456789"
    )
    answer = read_text(client, text)
    assert answer.json["profile"]["skills"] == ["Excel", "用友"]
    body = answer.get_data(as_text=True)
    for value in (PERSONAL[0], "lxm_2001", "123456789"):
        assert value not in body, value


def test_a_skills_section_of_made_up_items_costs_no_reading_past_the_answer(make_app, monkeypatch):
    # 60,000 characters of made-up two-character items on one line, in words the default fair knows: every
    # item was read as a typed skill (12,000 readings) and the line masked whole for each quote (60,000
    # characters, 50 times): 7 s of a worker for one request. Now the items stop at the 50 answered, and
    # only what is quoted is masked.
    from matching.personal import PersonalData
    from matching.profile import ProfileReader

    app = make_app(FAIR_LOAD_DEFAULT=True)
    words = "".join(chr(0x4E00 + (n * 7919) % 20000) for n in range(40_000))
    text = ("专业技能：" + "，".join(words[n : n + 2] for n in range(0, len(words), 2)))[
        :MAX_RESUME_CHARACTERS
    ]
    readings, masked = [], []
    skill, mask = ProfileReader.skill, PersonalData.mask
    monkeypatch.setattr(ProfileReader, "skill", lambda self, item: readings.append(item) or skill(self, item))
    monkeypatch.setattr(
        PersonalData, "mask", lambda self, value: masked.append(len(value)) or mask(self, value)
    )
    answer = app.test_client().post("/api/v1/profiles/read", json={"text": text})
    assert answer.status_code == 200
    assert len(answer.json["profile"]["skills"]) == 50
    assert len(readings) <= 51 + 50  # the items kept, and the echo's reading of the answer
    assert max(masked) <= 260


def test_a_short_page_beside_a_large_picture_is_still_read(client):
    # A page with a wide banner picture and one line of skills is no scan: it was refused as one.
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.drawImage(ImageReader(Image.new("RGB", (1200, 600), "navy")), 0, 500, width=595, height=300)
    page.setFont("STSong-Light", 11)
    page.drawString(40, 400, "专业技能：熟练使用Excel、金蝶，持有C1驾照")
    page.showPage()
    page.save()
    answer = upload(client, out.getvalue(), "banner.pdf")
    assert answer.status_code == 200, answer.json
    assert answer.json["profile"]["skills"] == ["Excel", "金蝶", "C1驾驶证"]


def test_a_length_of_time_is_no_skill(make_app):
    # On the default fair every word of 驾龄3年 is known, and it was kept as a skill beside the licence.
    client = make_app(FAIR_LOAD_DEFAULT=True).test_client()
    answer = read_text(client, "求职意向：司机\n技能：C1驾照，驾龄3年")
    assert answer.json["profile"]["skills"] == ["C1驾驶证"]


def test_an_english_resume_gives_its_degree_school_and_major(client):
    # Bachelor, B.Eng. and a University were unknown: an English résumé gave no education at all.
    text = (
        "Objective: Accountant\nEducation\n"
        "2019.09-2023.06 Guilin University of Electronic Technology, B.Eng. Computer Science\n"
        "Skills\nExcel, SQL, Python"
    )
    answer = read_text(client, text)
    profile, education = answer.json["profile"], answer.json["read"]["education"]
    assert (profile["education"], profile["major"]) == ("bachelor", "Computer Science")
    assert education["school"] == "Guilin University of Electronic Technology"
    assert set(profile["skills"]) == {"Excel", "SQL", "Python"}


def test_the_school_of_a_毕业院校_field_goes_with_the_degree_of_another_line(client):
    text = "学历：大专\n毕业院校：桂林航天工业学院\n专业：会计\n技能：Excel"
    answer = read_text(client, text)
    education = answer.json["read"]["education"]
    assert (education["value"], education["school"], education["major"]) == (
        "associate",
        "桂林航天工业学院",
        "会计",
    )


def test_a_small_docx_whose_body_inflates_to_millions_of_paragraphs_is_a_413(client):
    # 150 KB as sent, 39 MB of XML once inflated: under the old 40 MB bound it was parsed whole (8.6 s and
    # 680 MB of memory) only to be refused as too long.
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_resume())) as source, zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(
                    b"<w:body>", b"<w:body>" + b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 1_200_000
                )
            target.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED)
    answer = upload(client, buffer.getvalue(), "many.docx")
    assert answer.status_code == 413 and answer.json["errors"] == {"file": ["unpacked_too_large"]}


@pytest.mark.parametrize(
    "operators, count",
    [(b"q Q\n", 400_000), (b"0 0 m 1 1 l S\n", 30_000)],  # 1.6 MB saving and restoring; 30,000 lines
)
def test_a_page_of_operators_is_a_422_before_seconds_of_interpreting(client, operators, count):
    # A few KB as sent: pdfminer interprets some 250,000 operators a second whatever they draw, and the
    # page drew no character, so neither the time limit (checked between pages) nor the characters' bound
    # stopped it: 1 MB of them held the worker 4-7 s, 40 MB would have held it minutes.
    answer = upload(client, pdf_operators(operators, count), "ops.pdf")
    assert answer.status_code == 422
    assert answer.json["errors"] == {"file": ["too_dense"]}


def test_a_modelling_contest_is_no_math_olympiad(client):
    # 数学竞赛 (an alias of 奥数) is no phrase of 数学 … 竞赛 across 数学建模, a word of its own (bound words)
    def read(text: str) -> list[str]:
        answer = read_text(client, text)
        return answer.json["profile"]["skills"]

    assert read("专业技能\n熟练使用Excel，参加过全国大学生数学建模竞赛") == ["Excel"]
    assert "奥数" in read("专业技能\n熟练使用Excel，辅导过小学数学竞赛")
