"""The 组织生活会 view: procedure and ordinals, counts in words, attendance, appraisal."""

from __future__ import annotations

from pathlib import Path

import docgen
from docgen.data.models.common import Person
from docgen.data.models.meeting import Absentee, Attendance
from docgen.data.models.org_life import (
    Appraisal,
    BranchReview,
    MemberReview,
    OrgLifeMeeting,
    Preparation,
)
from docgen.data.models.rectification import Problem
from docgen.views import context_for
from docgen.views.org_life import (
    appraisal_view,
    attendance_view,
    meeting_name,
    org_life_context,
    preparation_view,
    procedure_view,
    review_view,
    speakers_view,
    stage_notes,
)

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "fixtures/school/xxgc-jg1/2026/org_life_meeting.yaml"
HOST = Person(name="孟庆岚", role="支部书记")


def test_sample_context() -> None:
    """The 2026 meeting: five steps, counts in words, the leader who comments."""
    model = docgen.load_data(SAMPLE)
    assert isinstance(model, OrgLifeMeeting)
    ctx = context_for(model)
    assert ctx["meeting_full"] == "信息工程学院教工第一党支部2026年度组织生活会"
    assert ctx["date_paren"] == "（2026年12月23日）"
    assert (ctx["due_text"], ctx["present_text"], ctx["quorum"]) == ("23", "22", True)
    assert ctx["step"] == {
        "prep": "一",
        "review": "二",
        "criticism": "三",
        "appraisal": "四",
        "comment": "五",
    }
    assert ctx["commenter"] == "学院党委副书记苏曼宁同志"
    assert ctx["review_actor"] == "我"
    assert ctx["review_scope"].endswith("6个方面的12个问题")
    assert ctx["resolutions_count"] == "2"
    assert ctx["host_first"] is True
    assert ctx["other_speakers"].startswith("程一帆、")


def test_empty_meeting_has_three_steps() -> None:
    """No data: the three steps every meeting has, no appraisal, no comment, no None."""
    ctx = org_life_context(OrgLifeMeeting())
    assert ctx["meeting_name"] == "组织生活会"
    assert ctx["procedure_count"] == "3"
    assert ctx["step"]["appraisal"] == ctx["step"]["comment"] == ""
    assert ctx["review_actor"] == "支部书记"
    assert ctx["absent_text"] == "无"
    assert ctx["procedure_text"].startswith("一是通报会前准备情况；二是支部书记代表支委会")
    text_values = [v for v in ctx.values() if isinstance(v, str)]
    assert all("None" not in v for v in text_values)


def test_meeting_name() -> None:
    """The theme when it names the meeting, else the year's 年度组织生活会."""
    assert meeting_name(OrgLifeMeeting(theme="专题组织生活会")) == "专题组织生活会"
    assert meeting_name(OrgLifeMeeting(theme="学习教育", year=2027)) == "2027年度组织生活会"


def test_attendance_without_names() -> None:
    """Absentees with reasons; a count when names were not recorded; 无 when all came."""
    named = OrgLifeMeeting(
        attendance=Attendance(due=9, present=8, absent=[Absentee(name="甲", reason="病假")])
    )
    assert attendance_view(named)["absent_text"] == "甲同志因病假"
    unnamed = attendance_view(OrgLifeMeeting(attendance=Attendance(due=9, present=7)))
    assert (unnamed["absent_text"], unnamed["has_absent"]) == ("2名同志", True)
    full = attendance_view(OrgLifeMeeting(attendance=Attendance(due=3, present=3)))
    assert (full["absent_text"], full["has_absent"]) == ("无", False)


def test_preparation_sentences() -> None:
    """Several preparations enumerate; 开展谈心谈话 is not said twice; one stays a sentence."""
    prep = Preparation(study=["党章"], talks="开展谈心谈话20人次", opinions_collected=2)
    view = preparation_view(prep)
    assert view["prep_count"] == "3"
    assert view["prep_text"].count("谈心谈话") == 1
    assert view["prep_text"].endswith("三是征求到意见建议2条。")
    single = preparation_view(Preparation(opinion_channels=["意见箱"]))
    assert single == {"prep_text": "通过意见箱等方式广泛征求意见建议。", "prep_count": ""}
    assert preparation_view(None) == {"prep_text": "", "prep_count": ""}


def test_review_by_another_presenter() -> None:
    """A presenter other than the host is named; the agenda calls the host by role."""
    review = BranchReview(presenter="程一帆", problems=[Problem(title="学习不够")])
    view = review_view(review, HOST)
    assert (view["review_actor"], view["review_by_host"]) == ("程一帆同志", False)
    assert view["review_scope"] == "1个问题"
    model = OrgLifeMeeting(host=HOST, branch_review=BranchReview(presenter="孟庆岚"))
    assert procedure_view(model)["procedure_text"].count("支部书记代表支委会作对照检查") == 1


def test_speakers_and_appraisal() -> None:
    """Speaking order without the host; appraisal results phrased from the counts."""
    model = OrgLifeMeeting(host=HOST, member_reviews=[MemberReview(member="程一帆")])
    assert speakers_view(model) == {
        "host_first": False,
        "other_speakers": "程一帆",
        "speaker_count": "1",
    }
    view = appraisal_view(Appraisal(results={"优秀": 2, "合格": 7, "不合格": 0}))
    assert view["results_text"] == "优秀2名、合格7名，没有评为不合格的党员"
    assert appraisal_view(None)["has_appraisal"] is False


def test_stage_notes_name_who_speaks() -> None:
    """The presenter, the host leading the round, the commenting leader; none for a step
    the meeting lacks."""
    model = docgen.load_data(SAMPLE)
    assert isinstance(model, OrgLifeMeeting)
    notes = stage_notes(model)
    assert notes["review"] == "孟庆岚同志代表支委会作对照检查"
    assert notes["criticism"].startswith("孟庆岚同志带头发言")
    assert notes["comment"] == "苏曼宁同志点评讲话"
    other = stage_notes(OrgLifeMeeting(host=HOST, branch_review=BranchReview(presenter="程一帆")))
    assert other["review"] == "程一帆同志代表支委会作对照检查"
    assert other["appraisal"] == other["comment"] == ""
