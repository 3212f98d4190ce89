"""Tests for Chinese date formatting and date parsing."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from docgen.zh.dates import (
    format_date,
    format_date_hanzi,
    format_date_paren,
    format_month,
    parse_date,
)
from docgen.zh.numerals import digits_to_chinese

NOV_21 = dt.date(2026, 11, 21)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (NOV_21, NOV_21),
        (dt.datetime(2026, 11, 21, 14, 30), NOV_21),
        ("2026-11-21", NOV_21),
        ("2026/11/21", NOV_21),
        ("2026.11.21", NOV_21),
        ("2026年11月21日", NOV_21),
        (" 2026-11-21 ", NOV_21),
        ("2026-1-5", dt.date(2026, 1, 5)),
        ("2026-01-05", dt.date(2026, 1, 5)),
        ("2026年1月5日", dt.date(2026, 1, 5)),
        ("2024-02-29", dt.date(2024, 2, 29)),
    ],
)
def test_parse_date_accepts_supported_forms(value: object, expected: dt.date) -> None:
    """Dates, datetimes and the four string forms all parse to the same date."""
    result = parse_date(value)
    assert result == expected
    assert type(result) is dt.date


@pytest.mark.parametrize(
    "value",
    [
        "2026-11/21",
        "2026-02-30",
        "2026-13-01",
        "2025-02-29",
        "21/11/2026",
        "26-11-21",
        "2026-11-21T10:00",
        "二〇二六年十一月二十一日",
        "２０２６-11-21",
        "",
        None,
        20261121,
        ["2026-11-21"],
    ],
)
def test_parse_date_rejects_other_values(value: object) -> None:
    """Anything else raises ValueError quoting the offending value."""
    with pytest.raises(ValueError, match=re.escape(repr(value))):
        parse_date(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-11-21", "2026年11月21日"),
        ("2026-01-05", "2026年1月5日"),
        (dt.date(2026, 10, 1), "2026年10月1日"),
        (dt.datetime(2000, 12, 31, 23, 59), "2000年12月31日"),
    ],
)
def test_format_date_uses_unpadded_arabic_digits(value: dt.date | str, expected: str) -> None:
    """GB/T 9704 dates are Arabic digits with no zero padding."""
    assert format_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-11-21", "二〇二六年十一月二十一日"),
        ("2026-01-01", "二〇二六年一月一日"),
        ("2000-10-30", "二〇〇〇年十月三十日"),
        ("2010-12-10", "二〇一〇年十二月十日"),
        ("2026-05-20", "二〇二六年五月二十日"),
        ("1999-09-09", "一九九九年九月九日"),
    ],
)
def test_format_date_hanzi_spells_year_and_reads_month_day(value: str, expected: str) -> None:
    """The year is spelled digit by digit with 〇; month and day are read as numbers."""
    assert format_date_hanzi(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2026-11-21", "2026年11月"), ("2026-01-31", "2026年1月"), (NOV_21, "2026年11月")],
)
def test_format_month(value: dt.date | str, expected: str) -> None:
    """The month form keeps the full year and an unpadded month."""
    assert format_month(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2026-11-21", "（2026年11月21日）"), ("2026-01-05", "（2026年1月5日）")],
)
def test_format_date_paren_uses_fullwidth_parentheses(value: str, expected: str) -> None:
    """The speech date sits inside U+FF08 / U+FF09."""
    result = format_date_paren(value)
    assert result == expected
    assert (result[0], result[-1]) == ("\uff08", "\uff09")


@pytest.mark.parametrize(
    "formatter", [format_date, format_date_hanzi, format_month, format_date_paren]
)
def test_formatters_reject_bad_dates(formatter: Callable[[str], str]) -> None:
    """Every formatter passes a bad date on as ValueError."""
    with pytest.raises(ValueError, match="2026-02-30"):
        formatter("2026-02-30")


@given(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_format_date_round_trips(day: dt.date) -> None:
    """The GB/T 9704 form parses back to the same date."""
    assert parse_date(format_date(day)) == day


@given(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_format_date_hanzi_never_uses_wrong_zero(day: dt.date) -> None:
    """Hanzi dates never contain 零 or look-alike zeros, and start with the spelled year."""
    text = format_date_hanzi(day)
    assert not set(text) & {"零", "\u25cb", "Ｏ", "0"}
    assert text.startswith(digits_to_chinese(day.year) + "年")
    assert text.endswith("日")
