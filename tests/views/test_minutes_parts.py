"""Wording of the type-specific parts of a 会议记录: votes, 党课, 主题党日, 组织生活会."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docgen
from docgen.data.models.meeting import Attendance, TimeSpan
from docgen.data.models.minutes import Minutes, OutlineItem
from docgen.data.models.org_life import (
    Appraisal,
    BranchReview,
    Criticism,
    MemberReview,
    Preparation,
)
from docgen.data.models.rectification import Problem
from docgen.views.minutes import minutes_context
from docgen.views.minutes_parts import (
    actions_summary,
    appraisal_view,
    dues_text,
    grades_text,
    outline_view,
    preparation_view,
    quorum_text,
    result_text,
    seq_text,
    votes_intro,
)
from docgen.zh.title_break import break_title

ROOT = Path(__file__).resolve().parents[2]


def test_counts_in_words() -> None:
    """Counts are in digits (GB/T 15835); the year's meeting number is an ordinal in words."""
    assert seq_text(4) == "本年度第四次"
    assert seq_text(None) == ""
    assert votes_intro(1) == ""
    assert votes_intro(2) == "本次会议共有2项表决事项，逐项讨论、逐项表决。"


def test_quorum_and_result_follow_the_majority_rule() -> None:
    """More “for” than half of the voting members due passes; exactly half does not."""
    att = Attendance(due=23, present=21, due_voting=22, present_voting=20)
    assert (
        quorum_text(att, "支部党员大会")
        == "应到会有表决权的党员22名，实到20名，超过半数，可以进行表决。"
    )
    assert result_text(12, None, 22, "支部党员大会").endswith("表决通过。")
    assert result_text(11, True, 22, "支部党员大会") == (
        "赞成票未超过应到会有表决权党员22名的半数，未获通过。"
    )
    assert result_text(3, None, 5, "支委会") == "赞成票超过应到会委员5名的半数，表决通过。"
    assert result_text(3, None, None, "支部党员大会") == ""
    assert result_text(3, False, None, "支部党员大会") == "未获通过。"
    committee = Attendance(due=5, present=4)
    assert quorum_text(committee, "支委会") == "应到会委员5名，实到4名，超过半数，可以进行表决。"
    assert quorum_text(Attendance(), "支部党员大会") == ""


def test_general_meeting_votes_in_context() -> None:
    """The June 党员大会: two votes, each recorded with its own result."""
    path = ROOT / "fixtures/school/xxgc-jg1/2026/minutes/2026-06-dangyuan-dahui.yaml"
    model = docgen.load_data(path)
    assert isinstance(model, Minutes)
    ctx = minutes_context(model)
    assert ctx["votes_intro"].startswith("本次会议共有2项表决事项")
    assert ctx["due_voting_text"] == "22人"
    second = ctx["votes"][1]
    assert second["record"] == (
        "采取无记名投票方式表决，赞成18票，不赞成1票，弃权1票。"
        "赞成票超过应到会有表决权党员22名的半数，表决通过。"
    )
    assert ctx["seq_text"] == "本年度第二次"


def test_title_breaks_after_the_branch() -> None:
    """A default title too long for one line breaks after the branch (in the title block,
    by :func:`docgen.zh.title_break.break_title`); a short one does not."""
    path = ROOT / "fixtures/school/xxgc-jg1/2026/minutes/2026-11-dangxiaozu-1.yaml"
    ctx = minutes_context(docgen.load_data(path))  # type: ignore[arg-type]
    assert break_title(ctx["title_text"]) == [
        "中共星河大学信息工程学院教工第一党支部",
        "第一党小组2026年11月党小组会记录",
    ]
    assert "\n" not in ctx["title_text"]
    bare = Minutes(meeting_type="党课", time=TimeSpan(start=dt.date(2026, 3, 5)))
    assert minutes_context(bare)["title_text"] == "2026年3月党课记录"


def test_absent_reason_in_brackets_is_not_nested() -> None:
    """A reason with its own brackets is flattened so the name's brackets do not nest."""
    path = ROOT / "fixtures/school/xxgc-jg1/2026/minutes/2026-11-dangyuan-dahui.yaml"
    ctx = minutes_context(docgen.load_data(path))  # type: ignore[arg-type]
    assert ctx["absent_text"] == "钟秀芸（出差，参加行业学术年会）、骆启航（病假）"


def test_lecture_outline_and_theme_day() -> None:
    """Outline headings keep their points, typed ordinals taken off (the template numbers
    them; an empty heading is refused by the model); actions counted; dues phrased."""
    outline = outline_view(
        [
            OutlineItem(heading="甲", items=["一点", " "]),
            OutlineItem(heading="二、乙", items=["1.丙"]),
        ]
    )
    assert outline == [{"heading": "甲", "items": ["一点"]}, {"heading": "乙", "items": ["丙"]}]
    assert actions_summary(["a", "b", "c", "d"], ["e", "f"]) == (
        "本次主题党日完成规定动作4项，开展自选动作2项。"
    )
    assert actions_summary([], []) == ""
    assert [dues_text(v) for v in (None, True, False, 1234.5)] == [
        "",
        "已收缴",
        "本次未收缴",
        "已收缴，共计1,234.50元",
    ]


def test_sparse_theme_day_reads_none() -> None:
    """A 主题党日 without actions: both action lists read 无, no dues row, no summary."""
    ctx = minutes_context(
        Minutes(meeting_type="主题党日", time=TimeSpan(start=dt.date(2026, 3, 5)))
    )
    assert (ctx["fixed_actions_text"], ctx["optional_actions_text"]) == ("无", "无")
    assert ctx["dues_text"] == ctx["actions_summary"] == ""
    assert ctx["appraisal"]["show"] is False
    assert ctx["preparation"]["show"] is False


def test_appraisal_phrased_from_counts() -> None:
    """Counts per grade in data order; grades nobody received are named once."""
    view = appraisal_view(
        Appraisal(
            method="个人自评、党员互评、民主测评",
            participants=23,
            results={"优秀": 5, "合格": 18, "基本合格": 0, "不合格": 0},
            excellent=["甲", "乙"],
        )
    )
    assert view["process_text"] == (
        "民主评议按照个人自评、党员互评、民主测评的程序进行，参加评议的党员23名。"
    )
    assert view["results_text"] == "评议结果：优秀5名，合格18名；没有评定为基本合格、不合格的党员。"
    assert view["excellent_text"] == "评定为优秀的党员：甲、乙。"
    assert appraisal_view(Appraisal())["show"] is False
    assert grades_text({}) == ""
    assert grades_text({"合格": 3}) == "评议结果：合格3名。"


def test_preparation_sentences() -> None:
    """Study, talks and opinions each become a sentence; channels name how."""
    view = preparation_view(
        Preparation(
            study=["党章"], talks="谈心谈话46人次", opinions_collected=12, opinion_channels=["座谈"]
        )
    )
    assert view["show"] is True
    assert view["study_text"] == "会前集中学习：党章。"
    assert view["talks"] == "谈心谈话46人次。"
    assert view["opinions_text"] == "通过座谈等方式征求意见建议12条。"


def _org_life_record() -> Minutes:
    return Minutes(
        meeting_type="组织生活会",
        time=TimeSpan(start=dt.date(2026, 12, 23)),
        preparation=Preparation(study=["党章"], opinions_collected=3),
        branch_review=BranchReview(
            presenter="孟庆岚", problems=[Problem(title="学习不深")], causes=["甲", "乙"]
        ),
        member_reviews=[
            MemberReview(
                member="俞方舟",
                self_criticism=["学习走过场"],
                criticism_received=[Criticism(from_="岑立新", text="发言太短")],
            ),
            MemberReview(member="无话者"),
        ],
        democratic_appraisal=Appraisal(results={"优秀": 1}),
    )


def test_org_life_template_renders_every_part() -> None:
    """The 组织生活会 template shows preparation, review and criticism, numbered in order."""
    ctx = minutes_context(_org_life_record())
    assert [r["member"] for r in ctx["member_reviews"]] == ["俞方舟"]
    template = ROOT / "templates/reports/zuzhi-shenghuohui-jilu/template.docx"
    blob = docgen.load(template).render(ctx, check=True)
    assert docgen.verify_package(blob) == []
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    for text in (
        "一、会前准备",
        "二、支委会对照检查",
        "孟庆岚代表支委会作对照检查，查摆问题1个。",
        "原因分析：一是甲；二是乙。",
        "三、批评和自我批评",
        "（一）俞方舟",
        "岑立新提出：发言太短。",
        "四、民主评议党员",
        "评议结果：优秀1名。",
    ):
        assert text in xml, text
    assert "无话者" not in xml
