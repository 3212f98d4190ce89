"""Chinese dates: the GB/T 9704 Arabic form (2026年11月21日) and the hanzi form (二〇二六年…)."""

from __future__ import annotations

import datetime as dt
import re

from docgen.i18n import tr
from docgen.zh.numerals import digits_to_chinese, to_chinese

#: Inputs a template may pass as text. The separator must repeat (2026-11/21 is refused),
#: since a mixed separator is far more often a typo than a deliberate format.
_SEPARATED = re.compile(r"([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})")
_CHINESE = re.compile(r"([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日")

DateLike = dt.date | dt.datetime | str


def parse_date(value: object) -> dt.date:
    """Turn any accepted date value into a :class:`datetime.date`.

    Args:
        value: a ``date``, a ``datetime`` (its time is dropped), or a string
            ``2026-11-21`` / ``2026/11/21`` / ``2026.11.21`` / ``2026年11月21日``.

    Returns:
        The calendar date.

    Raises:
        ValueError: any other value, or a string naming a day that does not exist
            (2026-02-30); the message quotes the value.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        match = _SEPARATED.fullmatch(text)
        parts = (match.group(1), match.group(3), match.group(4)) if match else None
        if parts is None:
            match = _CHINESE.fullmatch(text)
            parts = (match.group(1), match.group(2), match.group(3)) if match else None
        if parts is not None:
            year, month, day = (int(p) for p in parts)
            try:
                return dt.date(year, month, day)
            except ValueError:
                raise ValueError(tr(f"日期不存在：{value!r}", f"no such date: {value!r}")) from None
    raise ValueError(
        tr(
            f"无法识别的日期：{value!r}（可用 2026-11-21、2026/11/21、2026.11.21、2026年11月21日）",
            f"unrecognised date: {value!r} (use 2026-11-21, 2026/11/21, 2026.11.21 "
            f"or 2026年11月21日)",
        )
    )


def format_date(value: DateLike) -> str:
    """Format a date the GB/T 9704 §7.3.5.4 way: Arabic digits, full year, no zero padding.

    Args:
        value: any value :func:`parse_date` accepts.

    Returns:
        E.g. ``"2026年1月5日"``.

    Raises:
        ValueError: the value is not a recognisable date.
    """
    d = parse_date(value)
    return f"{d.year}年{d.month}月{d.day}日"


def format_date_hanzi(value: DateLike) -> str:
    """Format a date in Chinese numerals: the year digit by digit, month and day read as numbers.

    Args:
        value: any value :func:`parse_date` accepts.

    Returns:
        E.g. ``"二〇二六年十一月二十一日"``; the year's zero is 〇 (U+3007).

    Raises:
        ValueError: the value is not a recognisable date.
    """
    d = parse_date(value)
    return f"{digits_to_chinese(d.year)}年{to_chinese(d.month)}月{to_chinese(d.day)}日"


def format_month(value: DateLike) -> str:
    """Format the year and month of a date, e.g. ``"2026年11月"``.

    Args:
        value: any value :func:`parse_date` accepts (the day is ignored but must be valid).

    Returns:
        The year and unpadded month in Arabic digits.

    Raises:
        ValueError: the value is not a recognisable date.
    """
    d = parse_date(value)
    return f"{d.year}年{d.month}月"


def format_date_paren(value: DateLike) -> str:
    """Format the date line under a speech title, inside full-width parentheses.

    Args:
        value: any value :func:`parse_date` accepts.

    Returns:
        E.g. ``"（2026年11月21日）"`` with U+FF08/U+FF09.

    Raises:
        ValueError: the value is not a recognisable date.
    """
    return f"（{format_date(value)}）"
