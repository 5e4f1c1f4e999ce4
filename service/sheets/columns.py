"""The spreadsheet's columns, read from columns.json, and how a written header finds its column."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path


@dataclass(frozen=True)
class Column:
    field: str
    level: str
    zh: str
    en: str
    aliases: tuple[str, ...]


@cache
def layout() -> dict:
    return json.loads((Path(__file__).parent / "columns.json").read_text(encoding="utf-8"))


@cache
def columns() -> dict[str, Column]:
    return {
        c["field"]: Column(c["field"], c["level"], c["zh"], c["en"], tuple(c["aliases"]))
        for c in layout()["columns"]
    }


def fold_header(header: str) -> str:
    """A header as compared: NFKC, no spaces, no trailing `*`, no bracketed note, case folded."""
    folded = unicodedata.normalize("NFKC", header).strip()
    folded = re.sub(r"\s+", "", folded).rstrip("*").lstrip("*")
    folded = re.sub(r"\(.*?\)$", "", folded)
    return folded.casefold().replace("_", "").replace("-", "")


@cache
def _by_header() -> dict[str, str]:
    table: dict[str, str] = {}
    for col in columns().values():
        for name in (col.zh, col.en, col.field, *col.aliases):
            table[fold_header(name)] = col.field
    return table


def field_for(header: str) -> str | None:
    """The column a written header names, or None for a column the service does not read."""
    return _by_header().get(fold_header(header)) if header else None


@cache
def _fallbacks() -> dict[str, str]:
    return {fold_header(name): field for field, names in layout()["fallbacks"].items() for name in names}


def fallback_for(header: str) -> str | None:
    """The column a header stands for when the sheet has none of that column's own headers (任职要求 for
    岗位描述), or None."""
    return _fallbacks().get(fold_header(header)) if header else None


def letter(index: int) -> str:
    """Spreadsheet column letters of a 0-based index: 0 → A, 26 → AA."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out
