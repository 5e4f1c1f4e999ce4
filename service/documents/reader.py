"""One entry point, ``read_document``: the bytes of an uploaded résumé to its text, or ``DocumentRejected``
with the HTTP status and a message a seeker understands (Chinese first, then English)."""

from __future__ import annotations

import io
import time
import zipfile
from dataclasses import dataclass

from ..turns import take_turns
from .pdf import PdfRefused, pdf_text
from .word import WordRefused, docx_text

MAX_BYTES = 2 * 1024 * 1024
MAX_PAGES = 10
MAX_CHARACTERS = 60_000
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
    "too_dense": (
        422,
        "PDF 的一页上内容过多，不像一份简历，无法读取。",
        "A page of the PDF holds far more than a résumé page: it cannot be read.",
    ),
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
    try:
        text, pages = pdf_text(
            data, max_pages=MAX_PAGES, deadline=time.monotonic() + seconds, turn=take_turns
        )
    except PdfRefused as refused:
        raise DocumentRejected(refused.reason) from None
    if len("".join(text.split())) < MIN_TEXT:
        raise DocumentRejected("no_text_layer")
    return Extracted(text, "pdf", pages)


def _docx(data: bytes) -> Extracted:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return Extracted(docx_text(archive), "docx")
    except WordRefused as refused:
        raise DocumentRejected(refused.reason) from None
    except Exception:  # zipfile and lxml raise their own errors on a damaged file (or one nested past reason)
        raise DocumentRejected("damaged") from None


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
