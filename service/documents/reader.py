"""One entry point, ``read_document``: the bytes of an uploaded résumé to its text, or ``DocumentRejected``
with the HTTP status and a message a seeker understands (Chinese first, then English)."""

from __future__ import annotations

import io
import logging
import time
import zipfile
from dataclasses import dataclass

from ..turns import take_turns

MAX_BYTES = 2 * 1024 * 1024
MAX_PAGES = 10
MAX_CHARACTERS = 60_000
MAX_UNZIPPED = 40 * 1024 * 1024  # a DOCX inflating beyond this is no résumé (a zip bomb)
MIN_TEXT = 10  # fewer visible characters than this: no text layer


# reason -> (HTTP status, Chinese, English): what the seeker is told.
REASONS = {
    "too_large": (413, "简历文件不能超过 2 MB。", "The résumé file may be at most 2 MB."),
    "unpacked_too_large": (413, "文档解压后过大。", "The document is too large once unpacked."),
    "empty": (400, "文件是空的。", "The file is empty."),
    "unsupported": (
        415,
        "请上传 PDF、Word（.docx）或文本（.txt）文件。",
        "Upload a PDF, a Word (.docx) or a text file.",
    ),
    "old_or_encrypted_word": (
        415,
        "请把 .doc 或加密的文档另存为未加密的 .docx 或 PDF。",
        "Save a .doc or an encrypted document as a plain .docx or PDF.",
    ),
    "encoding": (
        400,
        "无法识别文本文件的编码，请另存为 UTF-8。",
        "The text's encoding is not known: save it as UTF-8.",
    ),
    "encrypted": (
        422,
        "PDF 已加密，请上传未加密的文件。",
        "The PDF is encrypted: upload one without a password.",
    ),
    "damaged": (400, "文件已损坏，无法读取。", "The file is damaged and cannot be read."),
    "not_word": (400, "这不是 Word 文档。", "The file is not a Word document."),
    "too_many_pages": (422, f"简历超过 {MAX_PAGES} 页。", f"The résumé has more than {MAX_PAGES} pages."),
    "too_slow": (422, "读取这份文件超时。", "Reading this file took too long."),
    "too_long": (422, "简历文字过长。", "The résumé's text is too long."),
    "no_text_layer": (
        422,
        "这份 PDF 没有文字层（可能是扫描件或照片），请上传可复制文字的 PDF、Word 文档或文本。",
        "The PDF has no text layer (a scan or a photo): upload a PDF with selectable text, a DOCX or a TXT.",
    ),
}


class DocumentRejected(Exception):
    """The file cannot be read; ``status`` is the HTTP answer, ``message`` Chinese then English."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        self.status, zh, en = REASONS[reason]
        self.message = f"{zh} {en}"
        super().__init__(self.message)


@dataclass(frozen=True, slots=True)
class Extracted:
    text: str
    kind: str
    pages: int | None = None


def kind_of(name: str, data: bytes) -> str | None:
    """pdf, docx, ole (an old .doc, or an encrypted .docx) or txt, from the first bytes, else the name."""
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    lowered = name.lower()
    if lowered.endswith(".txt") or ("." not in lowered and b"\x00" not in data[:1024]):
        return "txt"
    return None


def decode_text(data: bytes) -> str:
    """A plain-text résumé: UTF-8 (BOM or not), UTF-16 with its BOM, or GB18030 (GBK) as Windows saves it."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    raise DocumentRejected("encoding")


def _pdf(data: bytes, seconds: float) -> Extracted:
    from pdfminer.converter import TextConverter
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # its debug output quotes the document
    deadline = time.monotonic() + seconds
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        pages = list(PDFPage.create_pages(document))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise DocumentRejected("encrypted") from None
    except Exception:  # pdfminer raises many kinds of error on a damaged file
        raise DocumentRejected("damaged") from None
    if len(pages) > MAX_PAGES:
        raise DocumentRejected("too_many_pages")
    out = io.StringIO()
    resources = PDFResourceManager()
    converter = TextConverter(resources, out, laparams=LAParams())
    interpreter = PDFPageInterpreter(resources, converter)
    try:
        for page in pages:
            if time.monotonic() > deadline:
                raise DocumentRejected("too_slow")
            interpreter.process_page(page)
            take_turns()  # a page can take a second: the worker's other connections are not held meanwhile
    except DocumentRejected:
        raise
    except Exception:
        raise DocumentRejected("damaged") from None
    finally:
        converter.close()
    text = out.getvalue()
    if len("".join(text.split())) < MIN_TEXT:
        raise DocumentRejected("no_text_layer")
    return Extracted(text, "pdf", len(pages))


def _docx(data: bytes) -> Extracted:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(i.file_size for i in archive.infolist()) > MAX_UNZIPPED:
                raise DocumentRejected("unpacked_too_large")
            if "word/document.xml" not in archive.namelist():
                raise DocumentRejected("not_word")
        document = docx.Document(io.BytesIO(data))
    except DocumentRejected:
        raise
    except Exception:  # zipfile, lxml and python-docx each raise their own errors on a damaged file
        raise DocumentRejected("damaged") from None
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        if block.tag.endswith("}p"):
            lines.append(Paragraph(block, document).text)
        elif block.tag.endswith("}tbl"):
            for row in Table(block, document).rows:
                cells = list(dict.fromkeys(c.text.strip() for c in row.cells if c.text.strip()))
                # one cell across the row holds a section's lines; several are fields side by side
                lines.extend(cells[0].split("\n") if len(cells) == 1 else ["  ".join(cells)])
    return Extracted("\n".join(lines), "docx")


def read_document(name: str, data: bytes, *, seconds: float = 10.0) -> Extracted:
    """The text of an uploaded résumé (``name`` as uploaded), within the size, page and time limits."""
    if len(data) > MAX_BYTES:
        raise DocumentRejected("too_large")
    if not data.strip():
        raise DocumentRejected("empty")
    kind = kind_of(name, data)
    if kind == "pdf":
        extracted = _pdf(data, seconds)
    elif kind == "docx":
        extracted = _docx(data)
    elif kind == "txt":
        extracted = Extracted(decode_text(data), "txt")
    else:
        raise DocumentRejected("old_or_encrypted_word" if kind == "ole" else "unsupported")
    if len(extracted.text) > MAX_CHARACTERS:
        raise DocumentRejected("too_long")
    return extracted
