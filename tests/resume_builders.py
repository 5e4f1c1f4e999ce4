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


def scanned_pdf(stamp: str = "") -> bytes:
    """A page with only an image on it (a phone photo of a résumé): no text layer, but for the ``stamp`` a
    scanning app writes on it."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    picture = Image.new("RGB", (400, 300), "white")
    ImageDraw.Draw(picture).rectangle((20, 20, 380, 60), fill="black")
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.drawImage(ImageReader(picture), 20, 40, width=555, height=780)  # the page, as a scan covers it
    page.drawString(40, 20, stamp)
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


# Templates as the fair's graduates bring them: WPS and Word layouts, PDF exports, and hostile files.
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_SHAPES = (
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml"'
)


def _paragraphs_xml(lines: list[str]) -> str:
    from xml.sax.saxutils import escape

    return "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(x)}</w:t></w:r></w:p>' for x in lines)


def _saved(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_text_box(lines: list[str], before: str = "求职意向：平面设计") -> bytes:
    """A sidebar drawn in a text box, as Word 2010+ and WPS write it: the DrawingML shape, and its VML copy
    for older readers (mc:Fallback) holding the same text."""
    import docx
    from docx.oxml import parse_xml

    body = _paragraphs_xml(lines)
    document = docx.Document()
    paragraph = document.add_paragraph(before)
    paragraph._p.append(parse_xml(
        f'<w:r {_W} {_SHAPES}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
        '<wp:docPr id="1" name="Text Box 1"/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>'
        f"<w:txbxContent>{body}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor>"
        "</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
        f"<w:txbxContent>{body}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    ))  # fmt: skip
    document.add_paragraph("教育背景")
    document.add_paragraph("2019.09-2022.06 桂林旅游学院 视觉传达设计 大专")
    return _saved(document)


def docx_content_control(lines: list[str]) -> bytes:
    """A body whose skills sit in a content control (w:sdt), as Word's own résumé templates write them."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("求职意向：护士")
    body = document.element.body
    body.insert(
        len(body) - 1,
        parse_xml(f"<w:sdt {_W}><w:sdtPr/><w:sdtContent>{_paragraphs_xml(lines)}</w:sdtContent></w:sdt>"),
    )
    return _saved(document)


def docx_nested_table(lines: list[str], depth: int = 3) -> bytes:
    """Skills in a table inside the cell of a layout table, ``depth`` tables deep."""
    import docx

    document = docx.Document()
    document.add_paragraph("求职意向：电商运营")
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    for _ in range(depth - 1):
        cell = cell.add_table(rows=1, cols=1).cell(0, 0)
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)
    return _saved(document)


def docx_in_header(header: str, body: list[str]) -> bytes:
    """求职意向 in the page header, as some one-page templates place it beside the name."""
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = header
    for line in body:
        document.add_paragraph(line)
    return _saved(document)


def docx_two_columns(left: list[str], right: list[str]) -> bytes:
    """A two-column template (五百丁, 超级简历 in Word): one layout table, a sidebar cell and a body cell."""
    import docx

    document = docx.Document()
    sidebar, main = document.add_table(rows=1, cols=2).rows[0].cells
    for cell, lines in ((sidebar, left), (main, right)):
        cell.text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    return _saved(document)


def docx_wps_table(rows: list[list[str]], body: list[str]) -> bytes:
    """A WPS template: 基本信息 as a table of label and value cells with no colons, then paragraphs."""
    import docx

    document = docx.Document()
    document.add_paragraph("个人简历")
    document.add_paragraph("基本信息")
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    for line in body:
        document.add_paragraph(line)
    return _saved(document)


def pdf_placed(strings: list[tuple[float, float, str]], font_size: int = 11) -> bytes:
    """A PDF page of strings each drawn at its own (x, y), as exporters of two-column and grid templates
    place them."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.setFont("STSong-Light", font_size)
    for x, y, text in strings:
        page.drawString(x, y, text)
    page.showPage()
    page.save()
    return out.getvalue()


def pdf_two_columns(left: list[str], right: list[str]) -> bytes:
    """A sidebar at the left and the body at the right, each with its own line spacing."""
    return pdf_placed([(30, 800 - 18 * n, x) for n, x in enumerate(left)] +
                      [(220, 796 - 23 * n, x) for n, x in enumerate(right)])  # fmt: skip


def _raw_pdf(objects: list[bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    start = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, start))
    return out.getvalue()


def _one_page(packed: bytes) -> bytes:
    """A PDF of one page whose content is the Flate-compressed stream ``packed``."""
    return _raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
    ])  # fmt: skip


def pdf_inflating(megabytes: int) -> bytes:
    """One page whose content stream, a few hundred KB as sent, inflates to ``megabytes`` MB of spaces."""
    import zlib

    packer, chunk = zlib.compressobj(9), b" " * (1024 * 1024)
    packed = b"".join(packer.compress(chunk) for _ in range(megabytes)) + packer.flush()
    return _one_page(packed)


def pdf_scattered(words: int) -> bytes:
    """One page of ``words`` short words scattered over it (no résumé: a hostile or broken export)."""
    import random

    from reportlab.pdfgen import canvas

    spread = random.Random(7)
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.setFont("Helvetica", 4)
    for n in range(words):
        page.drawString(spread.uniform(0, 590), spread.uniform(0, 840), f"word{n:04d}")
    page.showPage()
    page.save()
    return out.getvalue()


def pdf_operators(operators: bytes, count: int) -> bytes:
    """One page whose content stream repeats ``operators`` ``count`` times (a few KB as sent)."""
    import zlib

    packed = zlib.compress(operators * count, 9)
    return _one_page(packed)
