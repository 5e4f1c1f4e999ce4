"""Reading and writing one spreadsheet cell: pay ranges, head counts, lists of skills, majors and benefits.

Lists split on 、，,;；/ and new lines, except a `/` between two Latin letters or digits (TCP/IP, C/C++,
HTML5/CSS3 stay whole: splitting them breaks real skill names, and a seeker who types one half still matches
through the engine's fuzzy comparison). An item in double quotes ("HTML、CSS", “HTML、CSS”) is kept exactly as
written, separators and all: that is how an export writes an item that holds a separator.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from typing import Any


class CellError(ValueError):
    """A cell whose text cannot be read; the message says what was expected."""


def folded_name(name: str) -> str:
    """A name as compared within a file and with the stored fair (an employer's, a position's title): NFKC
    (full-width letters and brackets as half-width), case folded, without spaces."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name)).casefold()


def folded_id(written: str) -> str:
    """An id as compared within a file and with the stored fair: NFKC, so Ｅ００１ is E001 (case and spaces
    kept: ids are compared as written otherwise)."""
    return unicodedata.normalize("NFKC", written)


def text(value: Any) -> str:
    """A cell's value as trimmed text: whole numbers without `.0`, dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def refuse_date(value: Any) -> None:
    """A date where a number or a range belongs: Excel made it of what was typed (3-5 becomes 3月5日)."""
    if isinstance(value, date):
        month, day = value.month, value.day
        raise CellError(
            f"Excel turned this cell into a date ({month}月{day}日); if {month}-{day} was typed, set the "
            "column's format to text (文本) and write it again"
        )


# Excel keeps 15 significant digits of a number, and shows (and saves in a CSV) a long one as 1.23457E+17.
_SCIENTIFIC = re.compile(r"^\d(?:\.\d+)?E\+\d+$", re.IGNORECASE)


def number_damage(value: Any) -> str | None:
    """Why an id or booth cell cannot be what was typed, Excel having made a long number of it; else None."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) >= 10**15:
        return (
            f"Excel keeps 15 digits of a number, so this id ({text(value)}) has lost its last ones; "
            "format the column as 文本 and write it again"
        )
    if isinstance(value, str) and _SCIENTIFIC.match(value.strip()):
        return (
            f"Excel saved this long number as {value.strip()}, without its digits; format the column as "
            "文本 and write the id again (or upload the .xlsx export, which keeps it)"
        )
    return None


# --- lists -----------------------------------------------------------------------------------------------

_QUOTES = {'"': '"', "“": "”", "「": "」"}
_SEPARATORS = "、，,;；\n\r"


def _latin(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "+#.")


def split_list(value: Any) -> list[str]:
    """Items of a list cell, trimmed, empty ones dropped, each item's wording kept."""
    raw = text(value)
    items: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(raw):
        ch = raw[i]
        if ch in _QUOTES and not "".join(current).strip():
            end = raw.find(_QUOTES[ch], i + 1)
            if end > i:
                items.append(raw[i + 1 : end])
                current = []
                i = end + 1
                continue
        split_here = ch in _SEPARATORS or (
            ch == "/" and not (i > 0 and i + 1 < len(raw) and _latin(raw[i - 1]) and _latin(raw[i + 1]))
        )
        if split_here:
            items.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
        i += 1
    items.append("".join(current).strip())
    return [item for item in items if item]


def join_list(items: list[str]) -> str:
    """The cell text that `split_list` reads back as exactly `items`."""
    return "、".join(item if split_list(item) == [item] else f'"{item}"' for item in items)


# --- pay -------------------------------------------------------------------------------------------------

PAY_FORMATS = (
    "5000-8000, 5000～8000, 5k-8k, 3-5千, 0.5万-0.8万, 1.2万, 4000以上, 4000+提成, 底薪4000+提成, "
    "8000以下, 6000, 面议"
)
NEGOTIABLE = {"", "面议", "薪资面议", "工资面议", "待遇面议", "薪酬面议", "negotiable"}
_UNITS = {"": 1, "k": 1000, "千": 1000, "w": 10000, "万": 10000}
_NUMBER = r"(\d+(?:\.\d+)?)\s*([k千w万]?)"
_RANGE = re.compile(rf"^{_NUMBER}\s*(?:-|~|〜|—|–|至|到)+\s*{_NUMBER}$")
_SINGLE = re.compile(rf"^{_NUMBER}\s*(以上|及以上|起|\+|以下|及以下|以内)?$")
_NOISE = re.compile(r"元|/月|每月|月薪|人民币|rmb|¥|￥|/人")
# A base named before the amount (底薪4000), pay on top after it (+提成, 上不封顶): the amount is a floor.
# A guaranteed amount (保底4000) is a floor on its own, as a trailing + is (3000+, 4k+).
_GUARANTEED = re.compile(r"^(?:保底工资|保底薪资|保底)[:：]?")
_BASE = re.compile(
    r"^(?:(?:底薪|基本工资|基本薪资|无责底薪|综合工资|综合薪资|综合收入|月收入|收入|税前|税后|综合|工资|薪资|基本)[:：]?)+"
)
_ON_TOP = re.compile(r"(?:\+|加|\(|（)?(?:提成|绩效|奖金|补贴|加班费|计件|全勤)[^\d]*$|上不封顶$|多劳多得$")
# A note after the pay, no amount: in brackets (（包吃住）, (试用期)) or the months a year pays (·13薪).
_NOTE = re.compile(r"(?:[(（][^()（）]*[)）]|[·*x×,，]?\d{2}薪)$")
# A note after the pay with no amount in it (4000-6000，包吃住; 5000左右; 3000以上 五险一金): the pay is what
# comes before. Never a note naming another period (5000/年, 150/天, 8万年薪): that is no monthly pay.
_TAIL = re.compile(
    r"^(?P<pay>.*?\d[k千w万]?(?:以上|及以上|起|\+|以下|及以下|以内)?)[,，、;；]?(?P<note>\D+)$"
)
_OTHER_PERIOD = re.compile(r"^[/每]|年薪|年收入|年包|日薪|时薪|^(?:年|天|日|时|小时|周)$")
# 10万 a month and more, written with 万, is a year's pay more often than not (10-15万).
_YEARLY_LOOKING = 100_000
# The period a pay refused as no monthly pay names (年薪10万, 5000元/年, 150元/天), for the error to say so.
_PERIODS = (
    (re.compile(r"年薪|年收入|年包|[/每]年|年$"), "a year's"),
    (re.compile(r"日薪|[/每][天日]|[天日]$"), "a day's"),
    (re.compile(r"时薪|[/每]小?时|小?时$"), "an hour's"),
    (re.compile(r"周薪|[/每]周|周$"), "a week's"),
)


def _amount(number: str, unit: str, original: str) -> int:
    value = float(number) * _UNITS[unit]
    if not value.is_integer():
        raise CellError(f"pay is whole yuan a month; {original!r} gives {value:g}")
    return int(value)


def _not_yearly(amount: int, unit: str, original: str) -> None:
    if unit in {"w", "万"} and amount >= _YEARLY_LOOKING:
        raise CellError(
            f"'{original}' gives {amount} yuan a month, which looks like a year's pay; write the monthly pay "
            "(in digits if it is one)"
        )


def parse_pay(value: Any) -> tuple[int | None, int | None]:
    """(salary_min, salary_max) of a pay cell; `面议` and an empty cell give (None, None)."""
    refuse_date(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not float(value).is_integer():
            raise CellError(f"pay is whole yuan a month, not {value:g}")
        return int(value), int(value)
    original = text(value)
    folded = unicodedata.normalize("NFKC", original).casefold().replace(" ", "")
    folded = re.sub(r"(?<=\d),(?=\d{3})", "", _NOISE.sub("", folded))
    if folded in NEGOTIABLE:
        return None, None
    while (noted := _NOTE.sub("", folded)) != folded and noted:
        folded = noted
    guaranteed = bool(_GUARANTEED.match(folded))
    floor_only = bool(_ON_TOP.search(folded))
    folded = _ON_TOP.sub("", _BASE.sub("", _GUARANTEED.sub("", folded))).rstrip(",，、")
    if floor_only or (guaranteed and not _RANGE.match(folded)):
        folded = folded.rstrip("+")
        low, _ = parse_pay(folded + ("" if _RANGE.match(folded) else "以上"))
        return low, None
    if match := _RANGE.match(folded):
        low_number, low_unit, high_number, high_unit = match.groups()
        if not low_unit and high_unit and float(low_number) < 100:  # 5-8k: the unit is shared
            low_unit = high_unit
        low, high = _amount(low_number, low_unit, original), _amount(high_number, high_unit, original)
        if low > high:
            raise CellError("minimum above maximum")
        _not_yearly(high, high_unit, original)
        return low, high
    if match := _SINGLE.match(folded):
        number, unit, bound = match.groups()
        amount = _amount(number, unit, original)
        _not_yearly(amount, unit, original)
        if bound in {"以下", "及以下", "以内"}:
            return None, amount
        if bound:
            return amount, None
        return amount, amount
    period = next((name for pattern, name in _PERIODS if pattern.search(folded)), None)
    try:
        if (match := _TAIL.match(folded)) and not _OTHER_PERIOD.search(match["note"]):
            return parse_pay(match["pay"])
        raise CellError(f"not a monthly pay; write it like {PAY_FORMATS}")
    except CellError:
        if period:
            message = f"'{original}' looks like {period} pay, not a monthly pay; write the monthly pay"
            raise CellError(message) from None
        raise


def parse_pay_end(value: Any, end: str) -> int | None:
    """One end of the pay in a column of its own (最低月薪, 最高月薪): an amount as `parse_pay` reads it, or a
    minimum (4000以上) at the low end, a maximum (8000以下) at the high end; `面议` and empty give None."""
    low, high = parse_pay(value)
    amount, other = (low, high) if end == "min" else (high, low)
    if other is not None and other != amount:
        lowest = "lowest" if end == "min" else "highest"
        raise CellError(f"one amount here, the {lowest} monthly pay such as 5000; a range goes in 薪资")
    return amount


def pay_wording(value: Any, low: int | None, high: int | None) -> str | None:
    """The cell's own wording when it says more than the range it gives (4000+提成), else None."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return None
    written = text(value)
    plain = unicodedata.normalize("NFKC", written).replace(" ", "")
    if (
        not written
        or plain in {format_pay(low, high), *NEGOTIABLE}
        or _RANGE.match(plain)
        or _SINGLE.match(plain)
    ):
        return None
    return written


def format_pay(low: int | None, high: int | None) -> str:
    """The cell text `parse_pay` reads back as (low, high)."""
    if low is None and high is None:
        return "面议"
    if high is None:
        return f"{low}以上"
    if low is None:
        return f"{high}以下"
    return str(low) if low == high else f"{low}-{high}"


# --- head count ------------------------------------------------------------------------------------------

SOME = {"若干", "若干名", "若干人", "多名", "不限", "数名", "n", "若干个"}
_UNIT = "(?:人|名|个|位)"
_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CHINESE_COUNT = re.compile(r"^([一二两三四五六七八九]?)(十?)([一二三四五六七八九]?)$")
# Around a count: 招10人, 约10人 (as many), 10人以上, 10人左右, 5+ (about as many: the count, with a note).
_HIRING = re.compile(r"^(?:招聘?|共|计|约|大约)")
_ABOUT = re.compile(r"(?:及以上|以上|左右|上下|余|多|\+)$")
_RANGE_COUNT = re.compile(rf"^(\d+){_UNIT}?(?:-|~|〜|—|–|至|到)+(\d+){_UNIT}?$")
_UNIT_END = re.compile(rf"{_UNIT}$")


def _count(folded: str) -> int | None:
    """A plain count, in digits (10, 10人) or Chinese numerals up to 99 (十人, 二十名), or None."""
    bare = _UNIT_END.sub("", folded)
    if bare.isascii() and bare.isdigit():
        return int(bare)
    match = _CHINESE_COUNT.match(bare)
    if match is None:
        return None
    tens, ten, ones = match.groups()
    if ten:  # 十, 十五, 二十, 二十五
        return _DIGITS.get(tens, 1) * 10 + _DIGITS.get(ones, 0)
    return _DIGITS[tens or ones] if bool(tens) != bool(ones) else None  # one digit alone: 三, 两


_SHOWN_WHOLE = re.compile(r"^\d{1,3}(?:,\d{3})*(?:\.0+)?$|^\d+\.0+$")


def shown_whole(value: Any) -> int | None:
    """A whole number as a cell shows it, or None: 12, and as a CSV Excel saved shows the cell's number
    format (12.00, 1,200), full-width digits folded."""
    folded = unicodedata.normalize("NFKC", text(value)).replace(" ", "")
    if folded.isascii() and folded.isdigit():
        return int(folded)
    return int(folded.split(".")[0].replace(",", "")) if _SHOWN_WHOLE.match(folded) else None


def parse_openings(value: Any) -> tuple[int | None, str | None]:
    """(openings, note): a number, `3人`, or `若干` (one, with a note); an empty cell leaves the default."""
    refuse_date(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not float(value).is_integer():
            raise CellError(f"a head count is a whole number, not {value:g}")
        return int(value), None
    folded = unicodedata.normalize("NFKC", text(value)).casefold().replace(" ", "")
    if not folded:
        return None, None
    if folded in SOME:
        return 1, f"{text(value)!r} counted as 1 opening"
    folded = _HIRING.sub("", folded)
    if (count := _count(folded)) is not None:
        return count, None
    if (shown := shown_whole(folded)) is not None:  # a CSV Excel saved shows the number format: 3.00
        return shown, None
    if match := _RANGE_COUNT.match(folded):
        low, high = int(match.group(1)), int(match.group(2))
        if low > high:
            raise CellError("a head count range runs from the smaller number")
        return high, f"{text(value)!r} counted as {high} openings, the most it hires"
    for about in (_ABOUT.sub("", folded), _ABOUT.sub("", _UNIT_END.sub("", folded))):  # 10人以上, 10余人
        if about != folded and (count := _count(about)) is not None:
            return count, f"{text(value)!r} counted as {count} openings"
    raise CellError("a head count is a whole number (or 若干)")
