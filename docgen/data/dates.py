"""Dates and times as secretaries write them, parsed into ``date``/``datetime``.

Accepted dates: ``2026-11-21``, ``2026/11/21``, ``2026.11.21``, ``2026年11月21日``,
and ``date``/``datetime`` values (YAML timestamps, Excel date cells). A time may
follow a date: ``2026-11-21 14:30``, ``2026-11-21T14:30:00``, ``2026年11月21日14:30``,
``2026年11月21日14时30分``, ``2026年11月5日 下午2:30``, ``2026-11-05 2点半``. A span
``2026年11月5日 14:30-16:00`` (any dash, 至, 到) gives a start and an end
(:func:`parse_span`); a day without its year (``11月5日``) is a day of the
document's own year when it has one (:func:`in_year`). Numbers are refused: a bare
number is far more often a typo than an Excel serial, and Excel date cells already
arrive as dates (a day number in a workbook's date column is read by the loader).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import get_args

from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError

_SEP_DATE = r"(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
_ZH_DATE = r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]?"
_DATES = [re.compile(_SEP_DATE), re.compile(_ZH_DATE)]
#: A day without a year, inside a document whose year is known: 11月5日, 11月5号.
_YEARLESS = re.compile(r"\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]\s*")
_PERIOD = r"(?P<ap>上午|下午|中午|晚上|早上|凌晨|傍晚)?"
_CLOCK = re.compile(
    _PERIOD + r"\s*(?P<H>\d{1,2})\s*(?:"
    r"[:：]\s*(?P<M>\d{2})(?:\s*[:：]\s*(?P<S>\d{2})(?:\.(?P<f>\d{1,6}))?)?"
    r"|[时点]\s*(?:(?P<half>半)|(?P<M2>\d{1,2})\s*分?)?(?:\s*(?P<S2>\d{1,2})\s*秒)?)"
)
#: Between the two times of a span: 14:30-16:00, 14:30—16:00, 14:30至16:00 …
_SPAN_SEP = re.compile(r"\s*(?:——|—|–|－|-|~|～|至|到)\s*")
_LATER = frozenset({"下午", "晚上", "傍晚"})


def date_error(value: object) -> PydanticCustomError:
    """The error for a value that is not a date in any accepted form."""
    zh = f"无法识别的日期“{value}”，请写成 2026-11-21、2026/11/21、2026.11.21 或 2026年11月21日"
    en = f"not a date: {value!r}; write 2026-11-21, 2026/11/21, 2026.11.21 or 2026年11月21日"
    return PydanticCustomError("date_format", "{en}", {"zh": zh, "en": en})


def parse_clock(text: str, after: dt.time | None = None) -> dt.time | None:
    """A time of day as people write it: ``14:30``, ``下午2:30``, ``2点半``, ``14时30分``.

    ``after`` is the start of a span: an end such as the ``4:00`` of
    ``下午2:30-4:00`` takes the start's afternoon. Returns ``None`` for anything else.
    """
    match = _CLOCK.fullmatch(text.strip())
    if match is None:
        return None
    hour = int(match["H"])
    minute = 30 if match["half"] else int(match["M"] or match["M2"] or 0)
    second = int(match["S"] or match["S2"] or 0)
    period = match["ap"]
    if period in _LATER or (period == "中午" and hour < 11):
        hour += 12 if hour < 12 else 0
    elif period == "凌晨" and hour == 12:
        hour = 0
    elif period is None and after is not None and hour < 12 and hour + 12 > after.hour > hour:
        hour += 12
    try:
        return dt.time(hour, minute, second, int((match["f"] or "0").ljust(6, "0")))
    except ValueError:
        return None


def _split_date(text: str) -> tuple[dt.date, str] | None:
    """The date at the start of ``text`` and what follows it, or ``None``."""
    for pattern in _DATES:
        match = pattern.match(text)
        if match is not None:
            try:
                day = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                return None
            return day, text[match.end() :].strip().removeprefix("T").strip()
    return None


def parse_moment(value: object) -> dt.date:
    """A ``date``, or a ``datetime`` when the input carries a time of day.

    Raises ``PydanticCustomError`` (``date_format``) for anything else, including
    days that do not exist such as 2026-02-30.
    """
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise date_error(value)
    found = _split_date(value.strip())
    if found is None:
        raise date_error(value)
    day, rest = found
    if not rest:
        return day
    clock = parse_clock(rest)
    if clock is None:
        raise date_error(value)
    return dt.datetime.combine(day, clock)


def parse_span(text: str) -> tuple[dt.date, dt.date] | None:
    """Start and end of ``2026年11月5日 14:30-16:00`` (any dash, 至 or 到 between the
    times; ``下午2:30-4:00`` ends at 16:00), or ``None`` when ``text`` is not a span."""
    found = _split_date(text.strip())
    if found is None or not found[1]:
        return None
    day, rest = found
    parts = _SPAN_SEP.split(rest)
    if len(parts) != 2:
        return None
    first = parse_clock(parts[0])
    if first is None:
        return None
    period = _CLOCK.fullmatch(parts[0].strip())
    second = parse_clock(parts[1], first)
    if second is None and period is not None and period["ap"]:
        second = parse_clock(period["ap"] + parts[1], first)
    if second is None:
        return None
    return dt.datetime.combine(day, first), dt.datetime.combine(day, second)


def in_year(value: object, year: int | None) -> dt.date | None:
    """``11月5日`` as a day of ``year`` (the document's own year), else ``None``."""
    if year is None or not isinstance(value, str):
        return None
    match = _YEARLESS.fullmatch(value)
    if match is None:
        return None
    try:
        return dt.date(year, int(match["m"]), int(match["d"]))
    except ValueError:
        return None


def yearless(value: object) -> bool:
    """Whether ``value`` is a day written without its year (``11月5日``)."""
    return isinstance(value, str) and _YEARLESS.fullmatch(value) is not None


def parse_date(value: object) -> dt.date:
    """A calendar ``date`` (a time of day, when given, is dropped)."""
    moment = parse_moment(value)
    return moment.date() if isinstance(moment, dt.datetime) else moment


_BY = re.compile(
    r"(?P<y>\d{4})\s*年\s*(?:(?P<m>\d{1,2})\s*月\s*(?:(?P<d>\d{1,2})\s*日)?)?"
    r"\s*(?P<part>上旬|中旬|下旬|底|末)?\s*(?P<before>前|以前|之前)?"
)


def deadline_by(text: str) -> dt.date | None:
    """The last day meant by a deadline such as ``2026年3月底前`` or ``2026年底前``.

    Accepts a year with an optional month, day, part of month (上旬/中旬/下旬/底/末)
    and 前/以前/之前; a bare full date is left to :func:`parse_date`. Returns
    ``None`` when ``text`` is not such an expression or names no real day.
    """
    match = _BY.fullmatch(text.strip())
    if match is None or not (match["part"] or match["before"]) or (match["d"] and match["part"]):
        return None
    year, month = int(match["y"]), int(match["m"] or 12)
    try:
        if match["d"]:
            return dt.date(year, month, int(match["d"]))
        last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
        day = {"上旬": 10, "中旬": 20}.get(match["part"] or "", last)
        return dt.date(year, month, day)
    except ValueError:
        return None


#: Excel day numbers docgen reads as dates: 1990-01-01 … 2100-12-31 (a smaller or
#: larger number in a date column is far more likely a typo than a date).
_SERIALS = (32874, 73415)
_EXCEL_EPOCH = dt.datetime(1899, 12, 30)


def excel_serial_date(value: object) -> dt.date | None:
    """The date (or date-time, for a fraction) an Excel day number stands for, if plausible.

    Only for values read from a workbook's date field: a date cell formatted as a
    number shows 46331 for 2026-11-05.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if not _SERIALS[0] <= value <= _SERIALS[1]:
        return None
    moment = _EXCEL_EPOCH + dt.timedelta(days=float(value))
    moment = moment.replace(microsecond=0)
    return moment.date() if moment.time() == dt.time(0) else moment


def is_date_field(info: FieldInfo) -> bool:
    """Whether a model field holds a date (a date, date-time or deadline)."""
    stack: list[object] = [info.annotation]
    while stack:
        item = stack.pop()
        if isinstance(item, type) and issubclass(item, dt.date):
            return True
        stack.extend(get_args(item))
    return False


def iso_text(value: object) -> object:
    """``date``/``datetime`` as ISO text (minutes kept, seconds only when set)."""
    if isinstance(value, dt.datetime):
        spec = "auto" if value.microsecond else "seconds" if value.second else "minutes"
        return value.isoformat(timespec=spec)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


__all__ = [
    "date_error",
    "deadline_by",
    "excel_serial_date",
    "in_year",
    "is_date_field",
    "iso_text",
    "parse_clock",
    "parse_date",
    "parse_moment",
    "parse_span",
    "yearless",
]
