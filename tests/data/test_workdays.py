"""Calendar months and Chinese working days (State Council schedule via chinesecalendar)."""

from __future__ import annotations

import datetime as dt

import pytest

from docgen.data.workdays import add_months, add_years, is_workday, workday_end, workdays_between
from docgen.exceptions import NoHolidaySchedule

D = dt.date.fromisoformat


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        ("2026-01-31", 1, "2026-02-28"),  # February lacks the 31st: its last day
        ("2024-01-31", 1, "2024-02-29"),
        ("2026-03-01", 1, "2026-04-01"),
        ("2025-11-19", 3, "2026-02-19"),  # across the year end
        ("2026-08-31", -6, "2026-02-28"),
    ],
)
def test_add_months_counts_calendar_months(day: str, months: int, expected: str) -> None:
    assert add_months(D(day), months) == D(expected)


def test_add_years_from_leap_day() -> None:
    assert add_years(D("2008-02-29"), 18) == D("2026-02-28")
    assert add_years(D("2025-11-19"), 1) == D("2026-11-19")


def test_weekends_holidays_and_made_up_working_days() -> None:
    """National Day week is off; the Saturday made a working day (调休) counts."""
    assert not is_workday(D("2026-10-01"))
    assert not is_workday(D("2026-10-03"))  # a Saturday, also in the holiday
    assert is_workday(D("2026-10-10"))  # a Saturday worked in exchange
    assert is_workday(D("2026-09-28"))
    assert not is_workday(D("2026-09-27"))  # an ordinary Sunday


def test_a_five_working_day_notice_over_the_national_day_holiday() -> None:
    """Starting Monday 28 September 2026, five working days end on 9 October, not 2 October."""
    end = workday_end(D("2026-09-28"), 5)
    assert end == D("2026-10-09")
    assert workdays_between(D("2026-09-28"), end) == 5
    assert workdays_between(D("2026-09-28"), end - dt.timedelta(days=1)) == 4


def test_a_notice_over_a_plain_weekend() -> None:
    """Friday to Thursday holds five working days: the weekend does not count."""
    assert workdays_between(D("2026-04-17"), D("2026-04-23")) == 5
    assert workdays_between(D("2026-04-17"), D("2026-04-22")) == 4


def test_a_year_without_a_schedule_is_an_error_naming_it() -> None:
    import chinese_calendar  # type: ignore[import-untyped]

    years = [d.year for d in chinese_calendar.holidays]
    beyond = dt.date(max(years) + 1, 3, 2)
    with pytest.raises(NoHolidaySchedule, match=f"没有{beyond.year}年的法定节假日安排"):
        is_workday(beyond)
