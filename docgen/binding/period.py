"""The period a 合订本 binds: one quarter (``2026Q3``) or one year (``2026``) of meetings."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from docgen.exceptions import DataError

_QUARTER_ZH = "一二三四"
#: ``2026Q3``, ``2026-q3``, ``2026 Q3``, ``2026年第三季度``, ``2026年3季度``.
_QUARTER = re.compile(
    r"(?P<year>\d{4})\s*(?:[-_/ ]?\s*[Qq](?P<q>[1-4])|年\s*第?(?P<zh>[1-4一二三四])季度?)"
)
_YEAR = re.compile(r"(?P<year>\d{4})\s*年?")


@dataclass(frozen=True, order=True)
class Period:
    """A calendar year, or one quarter of it (``quarter`` 1–4)."""

    year: int
    quarter: int | None = None

    @property
    def first_day(self) -> dt.date:
        """The period's first day."""
        month = 1 if self.quarter is None else 3 * self.quarter - 2
        return dt.date(self.year, month, 1)

    @property
    def last_day(self) -> dt.date:
        """The period's last day."""
        if self.quarter is None or self.quarter == 4:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year, 3 * self.quarter + 1, 1) - dt.timedelta(days=1)

    @property
    def label(self) -> str:
        """``2026年第三季度`` or ``2026年``."""
        if self.quarter is None:
            return f"{self.year}年"
        return f"{self.year}年第{_QUARTER_ZH[self.quarter - 1]}季度"

    @property
    def code(self) -> str:
        """``2026Q3`` or ``2026``: how the command line writes it."""
        return str(self.year) if self.quarter is None else f"{self.year}Q{self.quarter}"

    def __contains__(self, day: object) -> bool:
        if isinstance(day, dt.datetime):
            day = day.date()
        return isinstance(day, dt.date) and self.first_day <= day <= self.last_day


def parse_quarter(text: str) -> Period:
    """The quarter written ``2026Q3`` (also ``2026-Q3``, ``2026年第三季度``).

    Raises :class:`~docgen.exceptions.DataError` naming what was written (the command line
    reports it as a usage error).
    """
    match = _QUARTER.fullmatch(text.strip())
    if match is None:
        raise DataError(
            f"季度写法不对：{text!r}；请写成 2026Q3（2026年第三季度）这样的年份加 Q1 至 Q4",
            f"bad quarter {text!r}: write it like 2026Q3 (a year, then Q1 to Q4)",
        )
    digit = match.group("q") or match.group("zh")
    quarter = int(digit) if digit.isdigit() else _QUARTER_ZH.index(digit) + 1
    return Period(int(match.group("year")), quarter)


def parse_year(text: str) -> Period:
    """The year written ``2026`` (or ``2026年``).

    Raises :class:`~docgen.exceptions.DataError` naming what was written.
    """
    match = _YEAR.fullmatch(text.strip())
    if match is None:
        raise DataError(
            f"年份写法不对：{text!r}；请写成 2026 这样的四位数年份",
            f"bad year {text!r}: write four digits, like 2026",
        )
    return Period(int(match.group("year")))


__all__ = ["Period", "parse_quarter", "parse_year"]
