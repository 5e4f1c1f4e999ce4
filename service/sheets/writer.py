"""Writing the fair as a spreadsheet in the template's layout, and the empty templates themselves.

An export read back by `reader` gives the same document: labels are written in Chinese and read back as
the same keys, pay is written in the formats the reader takes, list items holding a separator are quoted.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from matching.reference import education_levels, industries, ownership_kinds

from .cells import PAY_FORMATS, SOME, format_pay, join_list
from .columns import columns, layout, letter

EMPLOYER_KNOWN = {"id", "name", "ownership", "industry", "booth", "description", "positions"}
POSITION_KNOWN = {
    "id", "title", "skills", "industry", "education", "majors", "salary_min", "salary_max", "salary_text",
    "openings", "benefits", "description",
}  # fmt: skip
EXPORTED = "导出时的数据版本 exported at data version"  # 填写说明's last row, for a re-upload
# A CSV's last column, the version on every row: a column outlives Excel or WPS saving the file again, a
# re-sort and deleted rows, where a line above the header would not.
EXPORTED_COLUMN = "导出版本（请勿修改）"
EXAMPLE_MARK = "示例"  # an id starting so marks the template's example row: the reader skips it
EXAMPLE = {
    "employer_id": "示例-E001",
    "employer_name": "桂林漓江电子科技有限公司",
    "ownership": "民营企业",
    "industry": "制造业",
    "booth": "A-12",
    "employer_description": "主要从事电子元器件的研发和生产。",
    "position_id": "示例-E001-P01",
    "title": "电子工艺工程师",
    "position_industry": "",
    "skills": "SMT工艺、AutoCAD",
    "education": "大专",
    "majors": "电子信息工程、机电一体化",
    "salary": "5000-7000",
    "openings": 3,
    "benefits": "五险一金、包住",
    "description": "负责SMT生产线的工艺改进。",
}


def _labels() -> dict[str, dict[str, str]]:
    return {
        "ownership": {k.key: k.zh for k in ownership_kinds()},
        "industry": {i.key: i.zh for i in industries()},
        "education": {lvl.key: lvl.zh for lvl in education_levels()},
    }


def _extra(item: dict[str, Any], known: set[str]) -> str:
    extra = {k: v for k, v in item.items() if k not in known}
    return json.dumps(extra, ensure_ascii=False) if extra else ""


def rows(document: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    """The header and one row per position (an employer without positions gets a row of its own)."""
    labels = _labels()
    fields = list(layout()["template"])
    employers = document.get("employers") or []
    if any(_extra(e, EMPLOYER_KNOWN) for e in employers):
        fields.append("employer_extra")
    if any(_extra(p, POSITION_KNOWN) for e in employers for p in e.get("positions", [])):
        fields.append("position_extra")
    out = []
    for emp in employers:
        head = {
            "employer_id": emp["id"],
            "employer_name": emp.get("name", ""),
            "ownership": labels["ownership"].get(emp.get("ownership"), emp.get("ownership")),
            "industry": labels["industry"].get(emp.get("industry"), emp.get("industry")),
            "booth": emp.get("booth"),
            "employer_description": emp.get("description"),
            "employer_extra": _extra(emp, EMPLOYER_KNOWN),
        }
        for pos in emp.get("positions") or [None]:
            row = dict(head)
            if pos is not None:
                own = pos.get("industry")
                row |= {
                    "position_id": pos["id"],
                    "title": pos.get("title"),
                    "position_industry": ""
                    if own == emp.get("industry")
                    else labels["industry"].get(own, own),
                    "skills": join_list(pos.get("skills") or []),
                    "education": labels["education"].get(pos.get("education"), pos.get("education")),
                    "majors": join_list(pos.get("majors") or []),
                    "salary": pos.get("salary_text")
                    or format_pay(pos.get("salary_min"), pos.get("salary_max")),
                    "openings": pos.get("openings"),
                    "benefits": join_list(pos.get("benefits") or []),
                    "description": pos.get("description"),
                    "position_extra": _extra(pos, POSITION_KNOWN),
                }
            out.append([row.get(f) if row.get(f) is not None else "" for f in fields])
    return [columns()[f].zh for f in fields], out


def fair_rows(fair: dict[str, Any] | None) -> list[list[str]]:
    spec = layout()["fair_sheet"]["fields"]
    fair = fair or {}
    out = [["字段", "值"]]
    for item in spec:
        value = fair.get(item["field"])
        out.append([item["zh"], join_list(value) if isinstance(value, list) else (value or "")])
    known = {item["field"] for item in spec}
    for key, value in fair.items():
        if key not in known and value is not None:
            out.append([key, value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)])
    return out


def instructions(version: int | None = None) -> list[list[str]]:
    out = [list(layout()["instructions_header"])]
    for col in columns().values():
        also = f"也可写作 also accepted: {', '.join(col.aliases)}" if col.aliases else ""
        out.append([f"{col.zh} ({col.en})", also])
    ownership = "、".join(label for k in ownership_kinds() for label in (k.key, *k.labels))
    industry = "、".join(f"{i.zh}({i.key})" for i in industries())
    education = "、".join(label for lvl in education_levels() for label in lvl.labels if not label.isascii())
    out += [
        ["", ""],
        ["单位性质 accepted", ownership],
        ["所属行业 accepted", industry + "；或国民经济行业分类代码，如 C39、I65、F5292"],
        ["学历要求 accepted", education],
        ["薪资 pay (元/月)", PAY_FORMATS + "；留空即面议 (empty means negotiable)"],
        ["招聘人数 openings", "整数，或 " + "、".join(sorted(SOME - {"n"})) + "（按 1 人计 counted as 1）"],
        [
            "技能/专业/福利 lists",
            "用 、，,;； / 或换行分隔；TCP/IP、C/C++ 这类字母间的 / 不拆分；"
            '含分隔符的一项用双引号括起，如 "HTML、CSS"',
        ],
        [
            "示例行 example row",
            "单位编号以“示例”开头的行是示例，上传时跳过 (rows whose 单位编号 starts with 示例 "
            "are skipped): 照着填写后可删除",
        ],
        [
            "留空 blank cells",
            "增补和更新时，已有单位或岗位的空白单元格保留原值 (a blank cell keeps the stored value); "
            "要清除原值，请填写 [清空] (write [清空] to clear it)",
        ],
        [
            "编号 ids",
            "岗位编号留空时按单位编号和岗位名称生成，与行号无关，如 E001-F679D0；"
            "同一单位同名的第二、三个岗位加 -2、-3；单位编号留空时按单位名称生成",
        ],
        ["单位列 employer columns", "每行重复单位信息，或只在该单位第一行填写（合并单元格亦可）"],
        ["招聘会 sheet", "可选：有则更新招聘会信息（编号、名称、日期等），没有则沿用当前招聘会"],
    ]
    if version is not None:  # an export: uploaded again later, it is checked against what changed since
        out += [["", ""], [EXPORTED, str(version)]]
    return out


def _sheet(book, title: str, table: list[list[Any]], widths: list[int]) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    sheet = book.create_sheet(title)
    for i, width in enumerate(widths):
        sheet.column_dimensions[letter(i)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    for number, values in enumerate(table):
        out: list[Any] = []
        for value in values:
            if number == 0 or (isinstance(value, str) and value.startswith("=")):
                cell = WriteOnlyCell(sheet, value=value)
                cell.data_type = "s"  # text that looks like a formula stays text
                if number == 0:
                    cell.font = bold
                value = cell
            out.append(value)
        sheet.append(out)


def workbook(document: dict[str, Any] | None, version: int | None = None) -> bytes:
    """An .xlsx with a 岗位表 (positions), a 招聘会 (the fair) and a 填写说明 (instructions) sheet.

    Given None, the template: one example row and no 招聘会 sheet, so uploading it keeps the current fair.
    `version`, the fair's data version, is written in 填写说明: an upload of the file names what it undoes
    of the loads and corrections published after it.
    """
    from openpyxl import Workbook

    header, body = rows(document or {"employers": []})
    if document is None:
        body = [[EXAMPLE.get(f, "") for f in layout()["template"]]]
    book = Workbook(write_only=True)
    _sheet(book, layout()["position_sheets"][0], [header, *body], [14 if len(h) < 5 else 22 for h in header])
    if document is not None:
        _sheet(book, layout()["fair_sheet"]["names"][0], fair_rows((document or {}).get("fair")), [14, 60])
    _sheet(book, layout()["instructions_sheet"], instructions(version), [26, 100])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_bytes(document: dict[str, Any] | None, version: int | None = None) -> bytes:
    """A CSV in UTF-8 with a BOM (so Excel opens it as Chinese text): header and rows.

    `version`, the fair's data version, fills a last column (EXPORTED_COLUMN) on every row, as `workbook`
    writes it in 填写说明: an upload of the file names what it undoes of what was published after it.
    """
    header, body = rows(document or {"employers": []})
    if document is None:
        body = [[EXAMPLE.get(f, "") for f in layout()["template"]]]
    elif version is not None:
        header, body = [*header, EXPORTED_COLUMN], [[*row, version] for row in body]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(body)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
