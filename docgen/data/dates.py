"""Dates and times as secretaries write them, parsed into ``date``/``datetime``.

Accepted dates: ``2026-11-21``, ``2026/11/21``, ``2026.11.21``, ``2026年11月21日``,
and ``date``/``datetime`` values (YAML timestamps, Excel date cells). A time may
follow a date: ``2026-11-21 14:30``, ``2026-11-21T14:30:00``, ``2026年11月21日14:30``,
``2026年11月21日14时30分``. Numbers are refused: a bare number is far more often a
typo than an Excel serial, and Excel date cells already arrive as dates.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import get_args

from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError

_SEP_DATE = r"(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
_ZH_DATE = r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日?"
_TIME = (
    r"(?:(?:[T\s]+|\s*)(?P<H>\d{1,2})\s*[:：时]\s*(?P<M>\d{2})"
    r"(?:\s*[:：分]\s*(?:(?P<S>\d{2})(?:\.(?P<f>\d{1,6}))?)?)?\s*秒?)?"
)
_PATTERNS = [re.compile(_SEP_DATE + _TIME), re.compile(_ZH_DATE + _TIME)]


def date_error(value: object) -> PydanticCustomError:
    """The error for a value that is not a date in any accepted form."""
    zh = f"无法识别的日期“{value}”，请写成 2026-11-21、2026/11/21、2026.11.21 或 2026年11月21日"
    en = f"not a date: {value!r}; write 2026-11-21, 2026/11/21, 2026.11.21 or 2026年11月21日"
    return PydanticCustomError("date_format", "{en}", {"zh": zh, "en": en})


def parse_moment(value: object) -> dt.date:
    """A ``date``, or a ``datetime`` when the input carries a time of day.

    Raises ``PydanticCustomError`` (``date_format``) for anything else, including
    days that do not exist such as 2026-02-30.
    """
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise date_error(value)
    for pattern in _PATTERNS:
        match = pattern.fullmatch(value.strip())
        if match is None:
            continue
        try:
            day = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
            if match["H"] is None:
                return day
            micro = int((match["f"] or "0").ljust(6, "0"))
            clock = dt.time(int(match["H"]), int(match["M"]), int(match["S"] or 0), micro)
        except ValueError:
            raise date_error(value) from None
        return dt.datetime.combine(day, clock)
    raise date_error(value)


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
    "is_date_field",
    "iso_text",
    "parse_date",
    "parse_moment",
]
