"""Calendar arithmetic the 发展党员 rules need: whole months and years, and Chinese working days.

Months are counted on the calendar: one month after 1 March is 1 April, and a day the
target month lacks falls to its last day (31 January + 1 month = 28 or 29 February);
a year after 29 February is 28 February. A limit reached exactly is met (“within one
month” includes the day one month later; “at least one year” includes the anniversary).

Working days follow the State Council's yearly holiday schedule (weekends, public
holidays and the weekend days made working days, 调休) as kept by the maintained
``chinesecalendar`` package; a year the package has no schedule for is an error
naming the year, never a guess.
"""

from __future__ import annotations

import calendar
import datetime as dt

from docgen.exceptions import NoHolidaySchedule


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months`` calendar months (clamped to the month's last day)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` moved by ``years`` (29 February falls to 28 February)."""
    return add_months(day, 12 * years)


def is_workday(day: dt.date) -> bool:
    """Whether ``day`` is a working day in mainland China (调休 included)."""
    # Imported on first use: most commands never count working days.
    import chinese_calendar  # type: ignore[import-untyped]

    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError as exc:
        raise NoHolidaySchedule(
            f"没有{day.year}年的法定节假日安排（chinesecalendar 尚未收录），无法计算工作日；"
            "请升级 chinesecalendar 后重试",
            f"no holiday schedule for {day.year} in chinesecalendar; upgrade it",
        ) from exc


def workdays_between(first: dt.date, last: dt.date) -> int:
    """How many working days ``first`` to ``last`` covers, both included."""
    count = 0
    day = first
    while day <= last:
        count += is_workday(day)
        day += dt.timedelta(days=1)
    return count


def workday_end(first: dt.date, days: int) -> dt.date:
    """The last day of a period of ``days`` working days starting on ``first``
    (``first`` itself counts when it is a working day)."""
    day = first
    count = 0
    while True:
        if is_workday(day):
            count += 1
            if count >= days:
                return day
        day += dt.timedelta(days=1)


__all__ = [
    "NoHolidaySchedule",
    "add_months",
    "add_years",
    "is_workday",
    "workday_end",
    "workdays_between",
]
