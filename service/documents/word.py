"""A DOCX résumé's text, read from its XML as Word and WPS templates write it: paragraphs, tables (a nested
table inside a cell too), text boxes (a sidebar drawn in a shape, read once: its VML copy for old readers is
skipped), content controls (w:sdt), and the page header and footer, in document order. Each part is read with
a bounded read, whatever sizes the archive declares (a zip bomb), and parsed without entities or network.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator

from lxml import etree

# The XML parts read (body, headers, footers), together. A two-page résumé's are tens to hundreds of KB; their
# parsed tree takes some 17 times their size (39 MB of empty paragraphs, sent as 153 KB: 8.6 s and 680 MB).
MAX_UNZIPPED = 5 * 1024 * 1024
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
_PARTS = re.compile(r"word/(header\d*|document|footer\d*)\.xml")
_SKIPPED = {"Fallback", "delText", "instrText", "rPr", "pPr", "tblPr", "trPr", "tcPr", "sectPr", "sdtPr"}


class WordRefused(Exception):
    """The DOCX cannot be read; ``reason`` is a reason code of ``documents.reader.REASONS``."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


def _local(element: etree._Element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _paragraph(p: etree._Element) -> Iterator[str]:
    """A paragraph's text (a tab is a gap, a line break a new line), then the text boxes anchored in it."""
    pieces: list[str] = []
    boxes: list[etree._Element] = []

    def walk(node: etree._Element) -> None:
        for child in node:
            name = _local(child)
            if name == "t":
                pieces.append(child.text or "")
            elif name in ("tab", "ptab"):
                pieces.append("  ")
            elif name in ("br", "cr"):
                pieces.append("\n")
            elif name == "txbxContent":
                boxes.append(child)
            elif name not in _SKIPPED:
                walk(child)

    walk(p)
    yield from "".join(pieces).split("\n")
    for box in boxes:
        yield from _blocks(box)


def _children(parent: etree._Element, tag: str) -> Iterator[etree._Element]:
    """The ``tag`` children of a table or row (``tr``, ``tc``), also those wrapped in content controls."""
    for child in parent:
        name = _local(child)
        if name == tag:
            yield child
        elif name in ("sdt", "sdtContent", "customXml"):
            yield from _children(child, tag)


def _table(table: etree._Element) -> Iterator[str]:
    """A row of one-line cells is one line of fields two spaces apart (姓名  李晓梅  性别  女); a row whose
    cells hold several lines is a layout (two columns of a template): each cell's lines in turn."""
    for row in _children(table, "tr"):
        cells = [
            [x for x in (" ".join(line.split()) for line in _blocks(cell)) if x]
            for cell in _children(row, "tc")
        ]
        cells = [c for c in cells if c]
        if all(len(c) == 1 for c in cells):
            yield "  ".join(dict.fromkeys(c[0] for c in cells))
        else:
            for cell in cells:
                yield from cell


def _blocks(element: etree._Element) -> Iterator[str]:
    for child in element:
        name = _local(child)
        if name == "p":
            yield from _paragraph(child)
        elif name == "tbl":
            yield from _table(child)
        elif name not in _SKIPPED:
            yield from _blocks(child)  # w:sdt, w:sdtContent, w:customXml, w:ins, mc:AlternateContent…


def _part(archive: zipfile.ZipFile, name: str, budget: int) -> bytes:
    with archive.open(name) as stream:
        data = stream.read(budget + 1)
    if len(data) > budget:
        raise WordRefused("unpacked_too_large")
    return data


def _order(name: str) -> tuple[int, str]:
    kind = name.removeprefix("word/")
    return (0 if kind.startswith("header") else 2 if kind.startswith("footer") else 1, kind)


def docx_text(archive: zipfile.ZipFile) -> str:
    """The text of the headers, the body and the footers of an open DOCX archive. Raises ``WordRefused``."""
    names = archive.namelist()
    if "word/document.xml" not in names:
        raise WordRefused("not_word")
    parts = sorted((n for n in names if _PARTS.fullmatch(n)), key=_order)
    # Only the parts read count: a photo (word/media/…, a BMP inflating to 50 MB) is never opened.
    if sum(archive.getinfo(n).file_size for n in parts) > MAX_UNZIPPED:
        raise WordRefused("unpacked_too_large")  # what the archive declares; the reads below hold regardless
    budget = MAX_UNZIPPED
    lines: list[str] = []
    for name in parts:
        data = _part(archive, name, budget)
        budget -= len(data)
        root = etree.fromstring(data, _PARSER)
        body = next((c for c in root if _local(c) == "body"), root)
        lines.extend(_blocks(body))
    return "\n".join(lines)
