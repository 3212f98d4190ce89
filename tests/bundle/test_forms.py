"""``minutes_form``: a 主题党日 record pre-filled from one row of an annual plan's schedule."""

from __future__ import annotations

from pathlib import Path

import pytest

import docgen
from docgen.bundle.forms import DAY_BLANK, WRITING_LINES, minutes_form, planned_way
from docgen.data.models.annual_plan import AnnualPlan, ScheduleEntry
from docgen.exceptions import BundleError

PLAN = Path(__file__).resolve().parents[2] / "fixtures/school/xxgc-jg1/2026/annual_plan.yaml"


@pytest.fixture(scope="module")
def plan() -> AnnualPlan:
    """The sample branch's 2026 plan."""
    loaded = docgen.load_data(PLAN)
    assert isinstance(loaded, AnnualPlan)
    return loaded


def _theme_day(plan: AnnualPlan, month: int) -> ScheduleEntry:
    return next(e for e in plan.schedule if e.meeting_type == "主题党日" and e.month == month)


def test_known_parts_are_filled(plan: AnnualPlan) -> None:
    """Title, theme, study content, who is to take part and who is responsible come from
    the schedule row; the planned participants are 参加对象, never 出席人员."""
    context = minutes_form(plan, _theme_day(plan, 3))
    assert context["title"].startswith("中共星河大学信息工程学院教工第一党支部2026年3月主题党日")
    assert context["theme"] == "学习全国两会精神"
    assert context["agenda"] == ["政府工作报告中教育、科技、人才部分"]
    assert (context["audience"], context["attendees_text"]) == ("全体党员", "")
    assert context["form"]["owner"] == "宣传委员 黎晓雯"
    assert context["time_text"].startswith(f"2026年3月{DAY_BLANK}日{DAY_BLANK}时")
    assert context["form"]["space"].count("\n") == WRITING_LINES - 1


def test_what_only_the_meeting_knows_is_blank(plan: AnnualPlan) -> None:
    """Place, host, counts and absentees are empty, not “无”; no proceedings are invented."""
    context = minutes_form(plan, _theme_day(plan, 3))
    for key in ("location", "host_text", "due_text", "fixed_actions_text", "note"):
        assert context[key] == "", key
    assert not context["absent_text"].strip()
    assert context["proceedings"] == []


def test_way_carries_form_and_schedule_note(plan: AnnualPlan) -> None:
    """活动形式 is a form beyond the meeting type and the schedule's “线上”; no note on
    where the data came from."""
    assert planned_way(_theme_day(plan, 2)) == "线上"
    assert planned_way(_theme_day(plan, 4)).startswith("参观见学")
    assert planned_way(ScheduleEntry(month=1)) == ""


def test_wrong_arguments_are_a_bundle_error(plan: AnnualPlan) -> None:
    """A plain mapping instead of the typed plan is refused with both types named."""
    with pytest.raises(BundleError, match="dict"):
        minutes_form({"year": 2026}, _theme_day(plan, 1))


def test_the_form_renders_with_the_library_template(plan: AnnualPlan) -> None:
    """The context satisfies every field of reports/zhuti-dangri-jilu."""
    from docgen.library import find_template

    blob = docgen.load(find_template("reports/zhuti-dangri-jilu")).render(
        minutes_form(plan, _theme_day(plan, 5)), check=True
    )
    assert docgen.verify_package(blob) == []
