"""The wording of the 组织生活会 notice and of the committee's 对照检查材料."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import docgen
from docgen.data.models.org_life import OrgLifeMeeting
from docgen.data.models.rectification import Problem
from docgen.views import context_for
from docgen.views.common import committee_name
from docgen.views.org_life_docs import (
    blank_date,
    moment_text,
    notice_view,
    problem_groups,
    problem_summary,
    self_review_view,
)

FIXTURE = (
    Path(__file__).resolve().parents[2] / "fixtures/school/xxgc-jg1/2026/org_life_meeting.yaml"
)


@pytest.fixture(scope="module")
def meeting() -> OrgLifeMeeting:
    """The sample branch's 2026 组织生活会."""
    loaded = docgen.load_data(FIXTURE)
    assert isinstance(loaded, OrgLifeMeeting)
    return loaded


def test_moment_has_weekday_and_clock() -> None:
    """A date-time reads with its weekday and time; a date alone without a clock."""
    assert moment_text(dt.datetime(2026, 12, 23, 14, 0)) == "2026年12月23日（星期三）14:00"
    assert moment_text(dt.date(2026, 12, 20)) == "2026年12月20日（星期日）"
    assert moment_text(None) == ""


def test_notice_asks_for_the_four_preparations(meeting: OrgLifeMeeting) -> None:
    """Study list, talks, the data's channels and the written self-review, in that order."""
    notice = notice_view(meeting, "2026年度组织生活会")
    leads = [p["lead"] for p in notice["preparations"]]
    assert leads == [
        "认真开展会前学习。",
        "深入开展谈心谈话。",
        "广泛征求意见建议。",
        "认真撰写对照检查材料。",
    ]
    assert "座谈会、意见箱、个别访谈等方式" in notice["preparations"][2]["rest"]
    assert notice["addressee"] == "各党小组、全体党员："
    assert "学院党委副书记苏曼宁同志" in notice["participants"]
    assert notice["contact"] == "联系人：组织委员邵嘉明"
    assert notice["opening"].endswith(
        "召开2026年度组织生活会，同时开展民主评议党员。现将有关事项通知如下。"
    )


def test_notice_prints_its_own_date_or_a_blank_for_the_secretary(
    meeting: OrgLifeMeeting,
) -> None:
    """The data's 通知日期 is the notice's 成文日期 (not the sign-off's, which dates the later
    report); without one the date is left blank for the secretary's pen."""
    sign = notice_view(meeting, "x")["signoff"]
    assert sign["date"] == "2026年12月16日"
    undated = meeting.model_copy(update={"notice_date": None})
    blank = notice_view(undated, "x")["signoff"]
    assert blank["date"] == "2026年\u3000\u3000月\u3000\u3000日"
    assert blank["lines"].date == blank["date"]
    assert blank_date(None).startswith("\u3000\u3000年")


def test_a_notice_dated_after_the_meeting_is_an_error() -> None:
    """The notice convenes the meeting: dated after it, it is refused at its field."""
    text = FIXTURE.read_text(encoding="utf-8").replace(
        "notice_date: 2026-12-16", "notice_date: 2026-12-28"
    )
    with pytest.raises(docgen.DataError) as info:
        docgen.validate(text.encode("utf-8"), fmt="yaml", name=str(FIXTURE))
    (problem,) = [p for p in info.value.problems if p.code == "notice_after_meeting"]
    assert "通知日期 2026-12-28 晚于会议日期 2026-12-23" in problem.message_zh
    assert problem.field_path == "notice_date"
    assert problem.location.line == 118  # the line that holds it


def test_review_groups_problems_by_category(meeting: OrgLifeMeeting) -> None:
    """Six categories in order of first appearance; the summary counts in words."""
    review = self_review_view(meeting, "2026年度组织生活会")
    assert [g["heading"] for g in review["problem_groups"]][:2] == ["政治建设方面", "思想建设方面"]
    assert review["problem_summary"] == "经认真查摆，支部班子在6个方面共查摆出12个问题。"
    assert review["causes"][0]["lead"] == "理论武装抓得不够紧。"
    assert review["signoff"]["date"] == "2026年12月23日"
    assert review["presenter_line"] == "支部书记\u3000孟庆岚"


def test_uncategorised_problems_need_no_heading() -> None:
    """Problems without a category form one group with an empty heading."""
    groups = problem_groups([Problem(title="学习不够经常"), Problem(title="记录不及时")])
    assert groups == [
        {
            "heading": "",
            "problems": [
                {"title": "学习不够经常。", "manifestation": ""},
                {"title": "记录不及时。", "manifestation": ""},
            ],
        }
    ]
    assert (
        problem_summary([Problem(title="a"), Problem(title="b")])
        == "经认真查摆，支部班子共查摆出2个问题。"
    )


def test_the_kind_view_carries_both_documents(meeting: OrgLifeMeeting) -> None:
    """The org_life_meeting context holds ``notice`` and ``self_review`` for the templates."""
    context = context_for(meeting)
    assert context["notice"]["title"] == "关于召开2026年度组织生活会的通知"
    assert context["self_review"]["problem_groups"]


def test_review_names_the_committee_one_way(meeting: OrgLifeMeeting) -> None:
    """Title and sign-off both say “…党支部委员会” (once said “…党支部支部委员会”)."""
    review = self_review_view(meeting, "2026年度组织生活会")
    org = review["signoff"]["org"]
    assert org.endswith("党支部委员会")
    assert review["title"] == f"{org}2026年度组织生活会对照检查材料"
    assert "支部支部" not in review["title"]


@pytest.mark.parametrize(
    ("branch", "committee"),
    [
        ("中共星河大学教工第一党支部", "中共星河大学教工第一党支部委员会"),
        ("教工第一党支部委员会", "教工第一党支部委员会"),
        ("", ""),
    ],
)
def test_committee_name(branch: str, committee: str) -> None:
    """One rule: a 支部 gets 委员会; a committee keeps its name."""
    assert committee_name(branch) == committee
