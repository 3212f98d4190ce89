"""Chinese text helpers (numerals, dates, ordinals, punctuation, RMB capitals) and Jinja filters.

Everything here is pure Python with no I/O. :data:`FILTERS` is what the template
environment registers; each filter accepts the loosely typed values templates pass
(``loop.index``, numbers read from a spreadsheet as text) and raises ``ValueError`` with
a readable message for anything else.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal

from docgen.i18n import tr
from docgen.zh.dates import (
    format_date,
    format_date_hanzi,
    format_date_paren,
    format_month,
    parse_date,
)
from docgen.zh.money import rmb_upper
from docgen.zh.numerals import digits_to_chinese, to_chinese
from docgen.zh.ordinals import enumeration, heading_ordinal, join_enumeration, ordinal_di
from docgen.zh.punctuation import normalize_punctuation
from docgen.zh.title_break import break_title, title_break_filter

__all__ = [
    "FILTERS",
    "break_title",
    "digits_to_chinese",
    "enumeration",
    "format_date",
    "format_date_hanzi",
    "format_date_paren",
    "format_month",
    "heading_ordinal",
    "join_enumeration",
    "normalize_punctuation",
    "ordinal_di",
    "parse_date",
    "rmb_upper",
    "to_chinese",
]

_INTEGER_TEXT = re.compile(r"[+-]?[0-9]+")


def _as_int(value: object, what: str, what_en: str) -> int:
    """Coerce a template value to ``int``: an ``int`` or a string of ASCII digits.

    Floats are refused even when whole: a template that computes ``loop.index / 2`` has a
    bug worth reporting, and silently truncating 2.5 would hide it.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and _INTEGER_TEXT.fullmatch(value.strip()):
        return int(value.strip())
    raise ValueError(
        tr(
            f"{what}需要整数或整数字符串，收到 {type(value).__name__}：{value!r}",
            f"{what_en} needs an integer or integer string, got {type(value).__name__}: {value!r}",
        )
    )


def cn_num_filter(value: object) -> str:
    """Jinja ``cn_num``: an integer (or integer string) in Chinese numerals.

    Raises:
        ValueError: not an integer, negative or too large.
    """
    return to_chinese(_as_int(value, "cn_num 过滤器", "the cn_num filter"))


def ordinal_filter(value: object, level: object = 1) -> str:
    """Jinja ``ordinal``: ``{{ loop.index|ordinal(2) }}`` → ``（一）``; level 1 by default.

    Raises:
        ValueError: the position or level is not an integer, or out of range.
    """
    n = _as_int(value, "ordinal 过滤器的序号", "the ordinal filter's position")
    lvl = _as_int(level, "ordinal 过滤器的层级", "the ordinal filter's level")
    return heading_ordinal(n, lvl)


def enum_cn_filter(value: object) -> str:
    """Jinja ``enum_cn``: ``{{ loop.index|enum_cn }}`` → ``一是``.

    Raises:
        ValueError: not an integer, or below 1.
    """
    return enumeration(_as_int(value, "enum_cn 过滤器", "the enum_cn filter"))


def di_filter(value: object) -> str:
    """Jinja ``di``: ``{{ 12|di }}`` → ``第十二``.

    Raises:
        ValueError: not an integer, or below 1.
    """
    return ordinal_di(_as_int(value, "di 过滤器", "the di filter"))


def join_enum_filter(value: object) -> str:
    """Jinja ``join_enum``: a list of strings → ``一是……；二是……。``.

    Raises:
        ValueError: not a list of strings, or an empty item.
    """
    if isinstance(value, str) or not isinstance(value, Sequence):
        raise ValueError(
            tr(
                f"join_enum 过滤器需要字符串列表，收到 {type(value).__name__}：{value!r}",
                f"the join_enum filter needs a list of strings, "
                f"got {type(value).__name__}: {value!r}",
            )
        )
    return join_enumeration(value)


def fullwidth_filter(value: object) -> str:
    """Jinja ``fullwidth``: :func:`normalize_punctuation` for a string.

    Raises:
        ValueError: the value is not a string.
    """
    if not isinstance(value, str):
        raise ValueError(
            tr(
                f"fullwidth 过滤器需要文字，收到 {type(value).__name__}：{value!r}",
                f"the fullwidth filter needs text, got {type(value).__name__}: {value!r}",
            )
        )
    return normalize_punctuation(value)


def rmb_upper_filter(value: object) -> str:
    """Jinja ``rmb_upper``: an amount in RMB capitals.

    Raises:
        ValueError: not a finite number or numeric string, or too large.
    """
    if isinstance(value, (int, float, str, Decimal)):
        return rmb_upper(value)
    raise ValueError(
        tr(
            f"rmb_upper 过滤器需要数字，收到 {type(value).__name__}：{value!r}",
            f"the rmb_upper filter needs a number, got {type(value).__name__}: {value!r}",
        )
    )


#: Jinja filter name → function. The date filters take the core functions as they are,
#: because :func:`parse_date` already turns every bad input into a ``ValueError``.
FILTERS: dict[str, Callable[..., str]] = {
    "date_cn": format_date,
    "date_hanzi": format_date_hanzi,
    "month_cn": format_month,
    "date_paren": format_date_paren,
    "cn_num": cn_num_filter,
    "ordinal": ordinal_filter,
    "enum_cn": enum_cn_filter,
    "join_enum": join_enum_filter,
    "di": di_filter,
    "fullwidth": fullwidth_filter,
    "rmb_upper": rmb_upper_filter,
    "title_break": title_break_filter,
}
