"""Date spellings, deadlines and months as secretaries write them."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic_core import PydanticCustomError

from docgen.data.dates import deadline_by, parse_date, parse_moment
from docgen.data.models import Problem, ScheduleEntry


@pytest.mark.parametrize(
    "text", ["2026-11-21", "2026/11/21", "2026.11.21", "2026年11月21日", " 2026-11-21 "]
)
def test_date_spellings(text: str) -> None:
    """Every accepted spelling gives the same day."""
    assert parse_date(text) == dt.date(2026, 11, 21)


def test_excel_datetime_cell_becomes_date() -> None:
    """A datetime (an Excel date cell) counts as its day."""
    assert parse_date(dt.datetime(2026, 11, 21, 0, 0)) == dt.date(2026, 11, 21)


@pytest.mark.parametrize("value", ["2026-02-30", "2026-11/21", "21/11/2026", 20261121, True, None])
def test_bad_dates_refused(value: object) -> None:
    """Impossible days, mixed separators, numbers and other values are refused."""
    with pytest.raises(PydanticCustomError):
        parse_date(value)


def test_times_kept_when_given() -> None:
    """A time of day makes a datetime; a bare date stays a date."""
    assert parse_moment("2026年11月21日14时30分") == dt.datetime(2026, 11, 21, 14, 30)
    assert parse_moment("2026-11-21") == dt.date(2026, 11, 21)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026年3月底前", dt.date(2026, 3, 31)),
        ("2026年底前", dt.date(2026, 12, 31)),
        ("2026年2月底", dt.date(2026, 2, 28)),
        ("2026年6月中旬前", dt.date(2026, 6, 20)),
        ("2026年9月开学前", None),
        ("2026年", None),
    ],
)
def test_deadline_by(text: str, day: dt.date | None) -> None:
    """End-of-period deadlines resolve to their last day; vague ones do not."""
    assert deadline_by(text) == day


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        ("长期坚持", "长期坚持"),
        ("2026年3月底前", "2026年3月底前"),
        ("2026/12/31", dt.date(2026, 12, 31)),
    ],
)
def test_deadline_field(value: str, kept: object) -> None:
    """A deadline is a date, or a text kept exactly as written."""
    assert Problem.model_validate({"title": "甲", "deadline": value}).deadline == kept


@pytest.mark.parametrize(("value", "month"), [("3月", 3), ("12月份", 12), (7, 7)])
def test_month_spellings(value: object, month: int) -> None:
    """Months may be written with 月 or 月份."""
    assert ScheduleEntry.model_validate({"month": value}).month == month
