"""Builders for résumés as seekers really send them: realistic Chinese text, a DOCX (python-docx, with the
personal details in a table), a PDF (reportlab's built-in CJK font STSong-Light), a scan with no text layer,
an encrypted PDF, and the small accounting fair they are matched against."""

from __future__ import annotations

import io
from typing import Any

from tests.builders import employer, fair_doc, position

NAME, PHONE, EMAIL = "李晓梅", "13877312468", "lixiaomei@example.com"
ID_CARD, ADDRESS = "450305200102150026", "桂林市七星区漓江路28号"
PERSONAL = (NAME, PHONE, "138-7731-2468", EMAIL, ID_CARD, ADDRESS, "漓江路28号")

HEADER = [
    "个人简历",
    NAME,
    "电话：138-7731-2468  邮箱：" + EMAIL,
    "身份证号：" + ID_CARD,
    "现居住地：" + ADDRESS,
]
BODY = [
    "求职意向：会计/出纳  期望薪资：5-6K  期望行业：财务",
    "教育背景",
    "2019.09-2022.06 桂林电子科技大学 会计 大专",
    "2022.09-2024.06 广西师范大学漓江学院 会计学 本科（专升本）",
    "专业技能",
    "熟练使用Excel和金蝶，能运用数据透视表做报表",
    "持有C1驾照",
    "证书",
    "会计证、普通话二级甲等、CET-4",
    "实习经历",
    "2023.07-2023.09 桂林某某商贸有限公司 会计助理：负责凭证录入、出纳收付，" + NAME + "同学表现优秀",
    "自我评价",
    "吃苦耐劳，有团队合作精神",
]


def resume_text() -> str:
    return "\n".join([*HEADER, *BODY])


def docx_resume(body: list[str] | None = None) -> bytes:
    """A Word résumé: the name as a heading, personal details in a table, sections as paragraphs."""
    import docx

    document = docx.Document()
    document.add_heading(NAME, level=1)
    table = document.add_table(rows=2, cols=4)
    for cell, text in zip(table.rows[0].cells, ["电话：", PHONE, "邮箱：", EMAIL], strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["身份证号：", ID_CARD, "地址：", ADDRESS], strict=True):
        cell.text = text
    for line in body if body is not None else BODY:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf_resume(lines: list[str] | None = None, *, pages: int = 1, password: str | None = None) -> bytes:
    """A PDF résumé in STSong-Light (an Adobe-GB1 CID font, as Chinese PDFs use)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    page = canvas.Canvas(out, encrypt=password)
    for _ in range(pages):
        page.setFont("STSong-Light", 11)
        for n, line in enumerate(lines if lines is not None else [*HEADER, *BODY]):
            page.drawString(40, 800 - 18 * n, line)
        page.showPage()
    page.save()
    return out.getvalue()


def scanned_pdf() -> bytes:
    """A page with only an image on it (a phone photo of a résumé): no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    picture = Image.new("RGB", (400, 300), "white")
    ImageDraw.Draw(picture).rectangle((20, 20, 380, 60), fill="black")
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.drawImage(ImageReader(picture), 40, 400, width=400, height=300)
    page.showPage()
    page.save()
    return out.getvalue()


def accounting_fair() -> dict[str, Any]:
    """Seven positions around accounting, so what to learn next has exact, hand-checkable answers."""
    return fair_doc(
        employer("E01", "桂林漓江财务咨询有限公司", industry="wholesale_retail", positions=[
            position("E01-P01", "会计", skills=["Excel", "金蝶", "数据透视表"], education="associate",
                     salary_min=4500, salary_max=6000),
            position("E01-P02", "出纳", skills=["Excel", "数据透视表"], salary_min=4000, salary_max=5000),
            position("E01-P03", "会计助理", skills=["Excel", "用友"], salary_min=3800, salary_max=4500),
            position("E01-P04", "财务专员", skills=["Excel", "初级会计职称"], education="bachelor",
                     salary_min=6000, salary_max=7000),
        ]),
        employer("E02", "桂林七星物流有限公司", industry="wholesale_retail", positions=[
            position("E02-P01", "配送司机", skills=["C1驾驶证"], education="high_school",
                     salary_min=4500, salary_max=7000),
            position("E02-P02", "普工", salary_min=3500, salary_max=4500),
            position("E02-P03", "数据专员", skills=["Python", "SQL", "数据透视表"], education="bachelor",
                     salary_min=5000, salary_max=8000),
        ]),
    )  # fmt: skip
