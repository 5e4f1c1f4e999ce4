"""A PDF résumé's text (pdfminer.six), page by page, in reading order, within bounds that hold before the
expensive work: the pages are counted first, every compressed stream's inflated size is measured with a
bounded inflate before pdfminer inflates it whole, and a page's characters are counted as they are drawn.

pdfminer's own ordering of text boxes (``boxes_flow``) costs time quadratic in the boxes of a page (2,000
scattered words took 84 s on one page); it is off, and the lines are put in reading order here: columns
side by side are read one after the other (a sidebar of 专业技能 is not cut into the 实习经历 beside it),
while labels and values side by side on the same baselines (姓名 王芳 / 学历 本科) stay one line.
"""

from __future__ import annotations

import io
import logging
import statistics
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

MAX_INFLATED = 40 * 1024 * 1024  # every compressed stream of the file inflated, together
MAX_PAGE_DRAWN = 20_000  # characters and lines drawn on a page: one of 8 pt Latin text holds about 10,000
# A page's content (its streams and the forms it draws), inflated. pdfminer reads some 250,000 operators a
# second whatever they draw: 1 MB of them is 4-7 s. A résumé page's text, borders and icons take tens to
# hundreds of KB.
MAX_PAGE_CONTENT = 1024 * 1024
MAX_CUTS = 40  # how deep the reading order splits a page into blocks
SCAN_TEXT = 40  # a page mostly a picture, with fewer visible characters, is a scan (a stamp, a page number)
SCAN_COVER = 0.5  # of the page's area


class PdfRefused(Exception):
    """The PDF cannot be read; ``reason`` is a reason code of ``documents.reader.REASONS``."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


@dataclass(frozen=True, slots=True)
class Box:
    """One line of text on a page: its left and right edges, its top and bottom (downwards), its text."""

    left: float
    right: float
    top: float
    bottom: float
    text: str


def _check_inflated(document: object) -> None:
    """Every Flate stream's inflated size, measured without inflating past the budget (a stream of 2 MB
    inflates to 2 GB of spaces: pdfminer would inflate it whole, in memory)."""
    from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream

    left = MAX_INFLATED
    for xref in document.xrefs:  # type: ignore[attr-defined]
        for objid in xref.get_objids():
            try:
                stream = document.getobj(objid)  # type: ignore[attr-defined]
            except Exception:  # a damaged object is pdfminer's to refuse, if a page uses it
                continue
            if not isinstance(stream, PDFStream) or stream.rawdata is None:
                continue
            filters = stream.get_filters()
            if filters and filters[0][0] in LITERALS_FLATE_DECODE:  # the file's own size bounds the rest
                left -= _inflated_size(stream, left)
                if left < 0:
                    raise PdfRefused("unpacked_too_large")


def _inflated_size(stream: object, most: int) -> int:
    """How large ``stream`` is once inflated, counting no further than ``most`` + 1."""
    from pdfminer.pdftypes import LITERALS_FLATE_DECODE

    data = stream.rawdata  # type: ignore[attr-defined]
    if data is None:
        return len(stream.data or b"")  # type: ignore[attr-defined]
    filters = stream.get_filters()  # type: ignore[attr-defined]
    if not filters:
        return len(data)
    if filters[0][0] not in LITERALS_FLATE_DECODE:
        return 0
    if stream.decipher:  # type: ignore[attr-defined]
        data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)  # type: ignore[attr-defined]
    try:
        return len(zlib.decompressobj().decompress(data, most + 1))
    except zlib.error:
        return 0


def _check_content(page: object) -> None:
    """A page's content streams and the forms its resources hold, inflated, within MAX_PAGE_CONTENT."""
    from pdfminer.pdftypes import PDFStream, dict_value, resolve1

    streams = list(page.contents)  # type: ignore[attr-defined]
    try:
        forms = dict_value(dict_value(page.resources).get("XObject"))  # type: ignore[attr-defined]
    except Exception:
        forms = {}
    streams += [x for x in map(resolve1, forms.values()) if isinstance(x, PDFStream)
                and getattr(x.get("Subtype"), "name", None) == "Form"]  # fmt: skip
    left = MAX_PAGE_CONTENT
    for stream in map(resolve1, streams):
        if isinstance(stream, PDFStream):
            left -= _inflated_size(stream, left)
            if left < 0:
                raise PdfRefused("too_dense")


def _analyzer(resources: object, deadline: float) -> object:
    """A page aggregator that counts the characters drawn and watches the clock as it goes."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams

    class Bounded(PDFPageAggregator):
        drawn = 0

        def begin_page(self, page, ctm):  # type: ignore[no-untyped-def]
            self.drawn = 0
            super().begin_page(page, ctm)

        def tick(self) -> None:
            self.drawn += 1
            if self.drawn > MAX_PAGE_DRAWN:
                raise PdfRefused("too_dense")
            if not self.drawn % 1000 and time.monotonic() > deadline:
                raise PdfRefused("too_slow")

        def render_char(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            self.tick()
            return super().render_char(*args, **kwargs)

        def paint_path(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            self.tick()
            return super().paint_path(*args, **kwargs)

    return Bounded(resources, laparams=LAParams(boxes_flow=None, all_texts=True))


def _boxes(page: object) -> list[Box]:
    from pdfminer.layout import LTContainer, LTTextLine

    found: list[Box] = []

    def walk(item: object) -> None:
        if isinstance(item, LTTextLine):
            text = item.get_text().strip()
            if text:
                found.append(Box(item.x0, item.x1, -item.y1, -item.y0, text))
        elif isinstance(item, LTContainer):
            for child in item:
                walk(child)

    walk(page)
    return found


def _gaps(spans: Sequence[tuple[float, float]], least: float) -> list[tuple[float, float]]:
    """The gaps at least ``least`` wide between the union of ``spans``, as (start, end)."""
    gaps, reach = [], None
    for start, end in sorted(spans):
        if reach is not None and start - reach >= least:
            gaps.append((reach, start))
        reach = end if reach is None else max(reach, end)
    return gaps


def _same_rows(left: Sequence[Box], right: Sequence[Box], tolerance: float) -> bool:
    """Whether, where both sides have text, their lines share baselines: a grid of labels and values
    (姓名 王芳 / 学历 本科), not two columns of text, whose lines drift apart at their own headings."""
    top, bottom = (
        max(min(b.top for b in left), min(b.top for b in right)),
        min(max(b.bottom for b in left), max(b.bottom for b in right)),
    )
    beside = [(side, other) for side, other in ((left, right), (right, left))]
    shared = [
        any(abs(a.bottom - b.bottom) <= tolerance for b in other)
        for side, other in beside
        for a in side
        if top - tolerance <= a.bottom <= bottom + tolerance
    ]
    return bool(shared) and sum(shared) >= 0.9 * len(shared)


def _columns(boxes: Sequence[Box], height: float) -> list[list[Box]] | None:
    for start, end in _gaps([(b.left, b.right) for b in boxes], height):
        cut = (start + end) / 2
        left, right = [b for b in boxes if b.right <= cut], [b for b in boxes if b.right > cut]
        if not _same_rows(left, right, height / 2):
            return [left, right]
    return None


def _bands(boxes: Sequence[Box], height: float) -> list[list[Box]] | None:
    gaps = _gaps([(b.top, b.bottom) for b in boxes], height / 4)
    if not gaps:
        return None
    start, end = max(gaps, key=lambda g: g[1] - g[0])
    cut = (start + end) / 2
    return [[b for b in boxes if b.bottom <= cut], [b for b in boxes if b.bottom > cut]]


def _rows(boxes: Sequence[Box]) -> list[str]:
    """Lines top to bottom; pieces on one baseline, left to right, are one line two spaces apart."""
    rows: list[list[Box]] = []
    for box in sorted(boxes, key=lambda b: (b.bottom, b.left)):
        middle = (box.top + box.bottom) / 2
        if rows and rows[-1][0].top <= middle <= rows[-1][0].bottom:
            rows[-1].append(box)
        else:
            rows.append([box])
    return ["  ".join(b.text for b in sorted(row, key=lambda b: b.left)) for row in rows]


def reading_order(boxes: Sequence[Box], depth: int = 0) -> list[str]:
    """A page's lines in reading order: split into columns where a gutter runs the whole height of a block,
    else into bands at the widest gap across it, and so on inside each part (an XY cut)."""
    if len(boxes) < 2 or depth >= MAX_CUTS:
        return _rows(boxes)
    height = statistics.median(b.bottom - b.top for b in boxes) or 1.0
    parts = _columns(boxes, height) or _bands(boxes, height)
    if parts is None:
        return _rows(boxes)
    return [line for part in parts for line in reading_order(part, depth + 1)]


def _scanned(page: object, lines: Sequence[str]) -> bool:
    """A page mostly covered by a picture, with next to no text: a scan or a photo, whatever a scanning app
    wrote on it (Scanned by CamScanner, a page number). A résumé's photo covers a few hundredths of a page."""
    from pdfminer.layout import LTContainer, LTImage

    def covered(item: object) -> float:
        if isinstance(item, LTImage):
            return item.width * item.height
        return sum(map(covered, item)) if isinstance(item, LTContainer) else 0.0

    if len("".join("".join(lines).split())) >= SCAN_TEXT:
        return False
    return covered(page) >= SCAN_COVER * page.width * page.height  # type: ignore[attr-defined]


def pdf_text(data: bytes, *, max_pages: int, deadline: float, turn: Callable[[], None]) -> tuple[str, int]:
    """The text of a PDF and its page count; ``turn`` runs after each page. Raises ``PdfRefused``; a PDF
    whose every page is a scan is ``no_text_layer``."""
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # its debug output quotes the document
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        pages = []
        for page in PDFPage.create_pages(document):
            pages.append(page)
            if len(pages) > max_pages:
                raise PdfRefused("too_many_pages")
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise PdfRefused("encrypted") from None
    except PdfRefused:
        raise
    except Exception:  # pdfminer raises many kinds of error on a damaged file
        raise PdfRefused("damaged") from None
    _check_inflated(document)
    resources = PDFResourceManager()
    device = _analyzer(resources, deadline)
    interpreter = PDFPageInterpreter(resources, device)
    lines: list[str] = []
    scans = 0
    try:
        for page in pages:
            if time.monotonic() > deadline:
                raise PdfRefused("too_slow")
            _check_content(page)
            interpreter.process_page(page)
            layout = device.get_result()  # type: ignore[attr-defined]
            read = reading_order(_boxes(layout))
            scans += _scanned(layout, read)
            lines.extend(read)
            turn()  # a page can take a second: the worker's other connections are not held meanwhile
    except PdfRefused:
        raise
    except Exception:
        raise PdfRefused("damaged") from None
    if scans == len(pages):
        raise PdfRefused("no_text_layer")
    return "\n".join(lines), len(pages)
