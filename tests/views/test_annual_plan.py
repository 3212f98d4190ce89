"""The annual-plan view: titles, goals, tasks, the grouped schedule and the 主题党日 wording."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import docgen
from docgen.data.models.annual_plan import AnnualPlan, Goals, ScheduleEntry, Task
from docgen.data.models.common import Signoff
from docgen.views import VIEWS
from docgen.views.annual_plan import (
    activity_line,
    annual_plan_context,
    cell_owner,
    form_text,
    goals_view,
    participants_text,
    schedule_row,
    task_view,
    theme_day_view,
)

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "fixtures/school/xxgc-jg1/2026/annual_plan.yaml"
BRANCH = "中共星河大学信息工程学院教工第一党支部"


@pytest.fixture(scope="module")
def context() -> dict[str, Any]:
    """The full fixture's context."""
    model = docgen.load_data(FIXTURE)
    assert isinstance(model, AnnualPlan)
    return annual_plan_context(model)


def _entry(month: int, **fields: Any) -> ScheduleEntry:
    return ScheduleEntry.model_validate({"month": month, **fields})


def test_view_is_registered() -> None:
    """The view is found for ``kind: annual_plan``."""
    assert VIEWS["annual_plan"] is annual_plan_context


def test_titles_from_the_fixture(context: dict[str, Any]) -> None:
    """The plan keeps its own title; the table and 主题党日 titles are derived from the year."""
    assert context["branch"] == BRANCH
    assert context["title"] == f"{BRANCH}2026年工作计划"
    assert context["table_title"] == "2026年学习活动年度安排表"
    assert context["theme_day_title"] == f"{BRANCH}2026年主题党日活动计划"


def test_titles_without_a_branch() -> None:
    """Without a branch, the titles say 党支部 and the sign-off is left out."""
    ctx = annual_plan_context(AnnualPlan(year=2027))
    assert ctx["title"] == "2027年党支部工作计划"
    assert ctx["theme_day_title"] == "2027年党支部主题党日活动计划"
    assert ctx["signoff"]["show"] is False
    assert ctx["months"] == []
    assert ctx["tasks_detailed"] is False


def test_goals_split_only_when_both_given() -> None:
    """总体/具体 headings are used only when both parts exist; texts end as sentences."""
    both = goals_view(Goals(overall="支部建设全面达标", specific=["甲", "乙。"]))
    assert both == {
        "overall": "支部建设全面达标。",
        "specific": ["甲。", "乙。"],
        "both": True,
        "any": True,
    }
    assert goals_view(Goals(specific=["甲"]))["both"] is False
    assert goals_view(Goals())["any"] is False


def test_task_wording() -> None:
    """A heading loses its closing stop; items and the stand-alone sentence get one."""
    view = task_view(Task(heading="抓好学习。", items=["按月学习", " "]))
    assert view == {"heading": "抓好学习", "items": ["按月学习。"], "sentence": "抓好学习。"}


def test_schedule_row_cells() -> None:
    """Meeting type under the form, owner broken after the role, group as participants."""
    row = schedule_row(
        _entry(
            3,
            theme="学习两会精神",
            content=["政府工作报告", "教育部分"],
            form="集中学习",
            meeting_type="党小组会",
            party_group="第二党小组",
            owner="组长 贺知秋",
        )
    )
    assert row["month_text"] == "3月"
    assert row["content"] == "1.政府工作报告\n2.教育部分"
    assert row["form"] == "集中学习\n（党小组会）"
    assert row["owner"] == "组长\n贺知秋"
    assert row["participants"] == "第二党小组党员"
    assert row["note"] == ""


def test_form_and_owner_edge_cases() -> None:
    """The same form and meeting type print once; a missing form falls back on the meeting."""
    assert form_text(_entry(1, form="主题党日", meeting_type="主题党日")) == "主题党日"
    assert form_text(_entry(1, meeting_type="支委会")) == "支委会"
    assert form_text(_entry(1)) == ""
    assert cell_owner(None) == ""
    assert cell_owner("孟庆岚") == "孟庆岚"


def test_months_are_grouped_in_calendar_order(context: dict[str, Any]) -> None:
    """The fixture's 45 rows fall into 12 month groups, January first, rows kept in order."""
    months = context["months"]
    assert [m["month_text"] for m in months] == [f"{n}月" for n in range(1, 13)]
    assert sum(len(m["rows"]) for m in months) == 45
    assert months[0]["rows"][0]["theme"] == "研究部署全年工作"
    shuffled = annual_plan_context(
        AnnualPlan(year=2026, schedule=[_entry(9, theme="乙"), _entry(3, theme="甲")])
    )
    assert [m["month_text"] for m in shuffled["months"]] == ["3月", "9月"]


def test_month_plan_lines(context: dict[str, Any]) -> None:
    """The plan's month summary names each meeting once, never twice."""
    december = context["month_plan"][-1]
    assert december["month_text"] == "12月"
    assert december["activities"].splitlines()[0] == "1.支委会：研究组织生活会方案"
    assert december["activities"].splitlines()[-1] == "5.2026年度组织生活会"
    assert activity_line(_entry(5, meeting_type="党小组会", party_group="第一党小组")) == (
        "党小组会（第一党小组）"
    )
    assert activity_line(_entry(5, content=["党章"])) == "党章"


def test_theme_days_from_the_fixture(context: dict[str, Any]) -> None:
    """Twelve 主题党日, one a month; the online months and invited guests are phrased."""
    day = context["theme_day"]
    assert [r["month_text"] for r in day["rows"]] == [f"{n}月" for n in range(1, 13)]
    assert "全年共12次" in day["time_text"]
    assert day["online_text"] == "2月、8月的主题党日采取线上方式进行。"
    assert day["participants_text"] == (
        "支部全体党员。根据活动内容，部分活动同时邀请学生志愿者、新入职教师参加。"
    )
    assert day["missing_text"] == ""
    august = day["rows"][7]
    assert (august["content"], august["note"]) == ("专题研讨", "线上")


def test_theme_days_sparse() -> None:
    """Two theme days read “2次” (digits, GB/T 15835); a few missing months are named,
    many are “其余月份”."""
    two = theme_day_view([_entry(4, meeting_type="主题党日"), _entry(10, meeting_type="主题党日")])
    assert two["time_text"].startswith("全年安排主题党日2次，分别在4月、10月开展")
    assert two["missing_text"] == "其余月份的主题党日由支委会结合当月工作另行确定主题。"
    nine = [_entry(m, meeting_type="主题党日") for m in range(1, 10)]
    assert theme_day_view(nine)["missing_text"].startswith("10月、11月、12月的主题党日")
    none = theme_day_view([_entry(1, meeting_type="支委会")])
    assert none["rows"] == []
    assert none["missing_text"] == ""
    assert none["online_text"] == ""


def test_theme_day_counts_other_meetings() -> None:
    """A row whose 其他会议 include 主题党日 counts as one."""
    day = theme_day_view([_entry(6, meeting_type="党课", other_meetings=["主题党日"])])
    assert len(day["rows"]) == 1


def test_participants_most_frequent_first() -> None:
    """Guests are listed by how often they are invited; 全体党员 is not repeated."""
    rows = [
        _entry(1, participants="全体党员、入党积极分子"),
        _entry(2, participants="全体党员、群众代表"),
        _entry(3, participants="全体党员、群众代表"),
    ]
    assert participants_text(rows) == (
        "支部全体党员。根据活动内容，部分活动同时邀请群众代表、入党积极分子参加。"
    )
    assert participants_text([]) == "支部全体党员。"


def test_one_signoff_for_portrait_and_landscape_pages() -> None:
    """Placed by indents from the right margin, the sign-off needs no landscape twin."""
    plan = AnnualPlan(year=2026, signoff=Signoff(org=BRANCH, date=dt.date(2026, 1, 16)))
    context = annual_plan_context(plan)
    assert "signoff_wide" not in context
    assert (context["signoff"]["lines"].org, context["signoff"]["lines"].date) == (
        BRANCH,
        "2026年1月16日",
    )


def test_context_has_no_none(context: dict[str, Any]) -> None:
    """No derived value the templates print is ``None``."""

    def walk(value: Any) -> None:
        assert value is not None
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for key in DERIVED:
        walk(context[key])


DERIVED = (
    "branch",
    "title",
    "table_title",
    "theme_day_title",
    "guiding_thought",
    "goals",
    "tasks",
    "schedule",
    "months",
    "month_plan",
    "theme_day",
    "safeguards",
    "signoff",
)


def test_baobei_lists_the_quarters_meetings_in_month_order() -> None:
    """The 报备表 keeps the rows with a meeting type in the 报备季度, numbered, months ordered."""
    plan = AnnualPlan.model_validate(
        {
            "year": 2026,
            "quarter": 2,
            "schedule": [
                {"month": 6, "theme": "总结", "meeting_type": "支部党员大会", "owner": "书记 甲"},
                {"month": 3, "theme": "上一季度", "meeting_type": "支委会"},
                {"month": 4, "theme": "自学", "form": "个人自学"},
                {
                    "month": 4,
                    "theme": "党日",
                    "meeting_type": "主题党日",
                    "other_meetings": ["党小组会"],
                },
            ],
        }
    )
    view = annual_plan_context(plan)["baobei"]
    assert view["title"] == "2026年第二季度党支部“三会一课”计划报备表"
    assert [(r["no"], r["types"], r["when"], r["theme"]) for r in view["rows"]] == [
        ("1", "主题党日、党小组会", "4月", "党日"),
        ("2", "支部党员大会", "6月", "总结"),
    ]
    assert view["rows"][1]["host"] == "书记\n甲"
    assert view["summary"] == "本季度计划召开主题党日1次，党小组会1次，支部党员大会1次。"


def test_baobei_without_a_quarter_is_the_whole_year() -> None:
    context = VIEWS["annual_plan"](docgen.load_data(FIXTURE))
    view = context["baobei"]
    assert view["title"] == f"{BRANCH}2026年“三会一课”计划报备表"
    typed = [e for e in docgen.load_data(FIXTURE).schedule if e.meeting_types()]
    assert len(view["rows"]) == len(typed)
    assert view["summary"].startswith("本年度计划召开支委会12次，")


@pytest.mark.parametrize(
    ("fields", "date"),
    [
        ({"quarter": 2, "report_date": "2026-03-27"}, "2026年3月27日"),
        ({"report_date": "2026-01-20"}, "2026年1月20日"),  # a whole-year 报备表 dated its own
        ({}, "2026年1月16日"),  # a whole-year 报备表 goes with the plan: the plan's date
        ({"quarter": 3}, "2026年　　月　　日"),  # never the plan's January date for Q3
        ({"quarter": 1}, "　　　　年　　月　　日"),  # Q1 may be reported the December before
    ],
)
def test_baobei_signoff_date(fields: dict[str, object], date: str) -> None:
    """The 报备表 signs with its 报备日期; the plan's own 落款 is untouched."""
    base = {"year": 2026, "branch": "示例支部", "schedule": [],
            "signoff": {"org": "示例支部", "date": "2026-01-16"}}  # fmt: skip
    context = annual_plan_context(AnnualPlan.model_validate({**base, **fields}))
    assert context["baobei"]["signoff"]["date"] == date
    assert context["baobei"]["signoff"]["org"] == "示例支部"
    assert context["signoff"]["date"] == "2026年1月16日"


def test_baobei_signoff_hidden_with_the_plans() -> None:
    """落款.显示 false hides the 报备表's 落款 too, date given or not."""
    plan = {"year": 2026, "quarter": 2, "report_date": "2026-03-27", "schedule": [],
            "signoff": {"org": "示例支部", "show": False}}  # fmt: skip
    assert (
        annual_plan_context(AnnualPlan.model_validate(plan))["baobei"]["signoff"]["show"] is False
    )
