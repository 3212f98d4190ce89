"""The 发展党员 公示: which one the data calls for, its period by the working-day rule (counted
here independently with chinesecalendar), the wording and the sign-off date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import chinese_calendar  # type: ignore[import-untyped]

from docgen.data import load_data
from docgen.data.models.development import Development
from docgen.views import context_for

ROOT = Path(__file__).resolve().parents[2]
ROSTER = ROOT / "fixtures/school/xxgc-jg1/2026/development.yaml"


def _notice(data: dict[str, Any]) -> dict[str, Any]:
    model = load_data({"kind": "development", **data})
    assert isinstance(model, Development)
    notice = context_for(model)["notice"]
    assert isinstance(notice, dict)
    return notice


def _fifth_workday(first: dt.date) -> dt.date:
    """Independent count: walk the days, five State Council working days."""
    day, seen = first, 0
    while True:
        if chinese_calendar.is_workday(day):
            seen += 1
            if seen == 5:
                return day
        day += dt.timedelta(days=1)


def test_roster_shows_its_latest_notice() -> None:
    model = load_data(ROSTER)
    assert isinstance(model, Development)
    notice = context_for(model)["notice"]
    assert notice["kind"] == "full"
    assert notice["title"] == "关于何嘉禾同志拟转为中共正式党员的公示"
    assert [r["name"] for r in notice["rows"]] == ["何嘉禾"]
    assert notice["rows"][0]["text"] == (
        "何嘉禾，男，汉族，1993年3月生，博士研究生，软件工程系讲师，"
        "2025年11月19日经支部大会讨论接收为预备党员，入党介绍人贺知秋、程一帆。"
    )
    assert "于2026年11月19日期满" in notice["intro"]
    assert notice["period_text"] == "2026年11月9日至2026年11月13日（5个工作日）"
    # Dated the day it is posted, not the roster's 成文日期.
    assert notice["signoff"]["date"] == "2026年11月9日"
    assert notice["contact"] == "组织委员邵嘉明，电话 8800 1234"


def test_activist_notice_period_over_national_day() -> None:
    """确定 on 29 September 2026: the 公示 starts the next working day and its fifth working
    day falls after the National Day holiday and its weekend."""
    notice = _notice({"candidates": [{"姓名": "林知远", "确定为入党积极分子日期": "2026-09-29"}]})
    assert notice["kind"] == "activist"
    assert notice["title"] == "关于确定林知远同志为入党积极分子的公示"
    first = dt.date(2026, 9, 30)
    last = _fifth_workday(first)
    assert last > dt.date(2026, 10, 8)
    assert notice["first"] == first
    assert notice["last"] == last
    assert notice["period_text"] == f"2026年9月30日至2026年{last.month}月{last.day}日（5个工作日）"


def test_notice_starting_on_a_weekend_moves_to_monday() -> None:
    """Decided on a Friday: the next day is a Saturday, so the 公示 starts on Monday."""
    notice = _notice({"candidates": [{"姓名": "甲", "确定为发展对象日期": "2026-11-20"}]})
    assert notice["kind"] == "prospect"
    assert notice["first"] == dt.date(2026, 11, 23)
    assert notice["last"] == dt.date(2026, 11, 27)


def test_calendar_days_where_the_locality_says_so() -> None:
    notice = _notice(
        {
            "config": {
                "local_rules": {"development_notice_workdays": False, "development_notice_days": 7}
            },
            "candidates": [{"姓名": "甲", "确定为发展对象日期": "2026-11-20"}],
        }
    )
    assert notice["first"] == dt.date(2026, 11, 21)
    assert notice["last"] == dt.date(2026, 11, 27)
    assert notice["period_text"].endswith("（7天）")


def test_admit_notice_from_the_signoff_date_while_the_meeting_is_to_come() -> None:
    person = {
        "姓名": "乙",
        "确定为发展对象日期": "2025-10-10",
        "预审日期": "2026-05-08",
        "入党介绍人": "甲、丙",
    }
    notice = _notice({"candidates": [person], "signoff": {"date": "2026-05-11"}})
    assert notice["kind"] == "prospect"  # stage 3 until the 支部大会
    admitted = {
        **person,
        "支部大会接收日期": "2026-06-01",
        "有表决权的正式党员": 10,
        "到会有表决权人数": 9,
        "赞成票": 9,
        "政审结论": "合格",
        "培训天数": 3,
    }
    past = _notice({"candidates": [admitted], "signoff": {"date": "2026-05-11"}})
    assert past["kind"] == "admit"
    # The meeting has met and the data gives no period: blank dates for the pen.
    assert past["first"] is None
    assert past["period_text"].startswith("　　　　年　　月　　日至")


def test_several_candidates_of_one_notice_are_listed_together() -> None:
    people = [{"姓名": n, "确定为入党积极分子日期": "2026-11-10"} for n in ("甲", "乙", "丙", "丁")]
    notice = _notice({"candidates": people})
    assert notice["title"] == "关于确定甲等4名同志为入党积极分子的公示"
    assert [r["name"] for r in notice["rows"]] == ["甲", "乙", "丙", "丁"]
    assert notice["intro"].startswith("甲、乙、丙、丁同志")


def test_nobody_due_a_notice() -> None:
    notice = _notice({"candidates": [{"姓名": "甲", "申请入党日期": "2026-10-12"}]})
    assert notice["show"] is False
    assert notice["title"] == "发展党员公示"
