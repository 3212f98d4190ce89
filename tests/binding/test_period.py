"""Quarters and years as the command line writes them, their days, and the bad spellings."""

from __future__ import annotations

import datetime as dt

import pytest

from docgen.binding.period import Period, parse_quarter, parse_year
from docgen.exceptions import DataError


@pytest.mark.parametrize("text", ["2026Q3", "2026q3", "2026-Q3", " 2026 Q3 ", "2026年第三季度",
                                  "2026年3季度", "2026年第3季度"])  # fmt: skip
def test_quarter_spellings(text: str) -> None:
    assert parse_quarter(text) == Period(2026, 3)


def test_quarter_days_and_label() -> None:
    q3, q4, q1 = Period(2026, 3), Period(2026, 4), Period(2024, 1)
    assert (q3.first_day, q3.last_day) == (dt.date(2026, 7, 1), dt.date(2026, 9, 30))
    assert (q4.first_day, q4.last_day) == (dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    assert q1.last_day == dt.date(2024, 3, 31)
    assert (q3.label, q3.code) == ("2026年第三季度", "2026Q3")
    # The edges belong to the quarter; the days beside them do not.
    assert dt.date(2026, 7, 1) in q3
    assert dt.date(2026, 9, 30) in q3
    assert dt.date(2026, 6, 30) not in q3
    assert dt.date(2026, 10, 1) not in q3
    assert dt.datetime(2026, 9, 30, 23, 59) in q3


def test_year() -> None:
    year = parse_year("2026年")
    assert year == Period(2026)
    assert year.label == "2026年"
    assert year.code == "2026"
    assert (year.first_day, year.last_day) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))


@pytest.mark.parametrize("text", ["2026Q5", "2026Q0", "26Q3", "Q3", "2026", "2026年第五季度", ""])
def test_bad_quarter_names_what_was_written(text: str) -> None:
    with pytest.raises(DataError) as caught:
        parse_quarter(text)
    assert caught.value.message_zh == (
        f"季度写法不对：{text!r}；请写成 2026Q3（2026年第三季度）这样的年份加 Q1 至 Q4"
    )


def test_bad_year() -> None:
    with pytest.raises(DataError) as caught:
        parse_year("二〇二六")
    assert caught.value.message_zh == "年份写法不对：'二〇二六'；请写成 2026 这样的四位数年份"
