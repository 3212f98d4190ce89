"""Date spellings, deadlines and months as secretaries write them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

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


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2026年11月5日 14:30-16:00", (14, 30), (16, 0)),
        ("2026年11月5日 14:30—16:00", (14, 30), (16, 0)),
        ("2026-11-05 14:30～16:00", (14, 30), (16, 0)),
        ("2026年11月5日 下午2:30-4:00", (14, 30), (16, 0)),
        ("2026年11月5日上午9点至11点半", (9, 0), (11, 30)),
    ],
)
def test_time_spans_as_people_write_them(
    text: str, start: tuple[int, int], end: tuple[int, int]
) -> None:
    """One text gives the meeting's start and end on its day."""
    from docgen.data.models.meeting import TimeSpan

    span = TimeSpan.model_validate(text)
    assert span.start == dt.datetime(2026, 11, 5, *start)
    assert span.end == dt.datetime(2026, 11, 5, *end)


@pytest.mark.parametrize(
    ("text", "clock"),
    [("下午2:30", (14, 30)), ("晚上7点", (19, 0)), ("中午12:10", (12, 10)), ("上午9时5分", (9, 5))],
)
def test_times_of_day_with_their_part_of_day(text: str, clock: tuple[int, int]) -> None:
    """上午/下午/晚上 before a time decide the hour, after a date too."""
    assert parse_moment(f"2026年11月5日 {text}") == dt.datetime(2026, 11, 5, *clock)


def test_end_as_time_of_day_is_on_the_start_day() -> None:
    """``end: 16:00`` (which YAML 1.1 would read as 960) ends on the start's day."""
    from docgen.data.loaders.yaml_source import load_yaml
    from docgen.data.models.meeting import TimeSpan

    raw = load_yaml("start: 2026-11-05 14:30\nend: 16:00\n", "t.yaml")
    assert raw.data == {"start": "2026-11-05 14:30", "end": "16:00"}
    assert TimeSpan.model_validate(raw.data).end == dt.datetime(2026, 11, 5, 16, 0)


def test_due_date_without_year_is_in_the_documents_year(tmp_path: Path) -> None:
    """11月30日 in a 2026 meeting's follow-up is 2026-11-30; without any year it is refused."""
    from docgen.data import load_result

    path = tmp_path / "m.yaml"
    path.write_text(
        "kind: minutes\nmeeting_type: 支委会\ntime: 2026年11月5日 14:30-16:00\n"
        "follow_up:\n  - task: 报送材料\n    due: 11月30日\n",
        encoding="utf-8",
    )
    result = load_result(path)
    assert result.problems == []
    assert result.model is not None
    assert result.model.follow_up[0].due == dt.date(2026, 11, 30)  # type: ignore[attr-defined]
    plan = tmp_path / "p.yaml"
    plan.write_text("kind: speech\ntitle: 讲话\ndate: 7月1日\n", encoding="utf-8")
    problems = load_result(plan).errors
    assert [p.code for p in problems] == ["date_without_year"]
    assert problems[0].location.line == 3


def test_deadline_without_year_inside_the_plans_year(tmp_path: Path) -> None:
    """A rectification plan signed in 2026: a deadline of 12月31日 is 2026-12-31."""
    from docgen.data import load_result

    path = tmp_path / "r.yaml"
    path.write_text(
        "kind: rectification\nsignoff:\n  org: 示例支部\n  date: 2026年10月30日\n"
        "problems:\n  - title: 学习不够深入\n    deadline: 12月31日\n",
        encoding="utf-8",
    )
    result = load_result(path)
    assert result.errors == []
    assert result.model is not None
    assert result.model.problems[0].deadline == dt.date(2026, 12, 31)  # type: ignore[attr-defined]
