"""The 会议记录 of a 发展党员 支部党员大会: the latest meeting (接收 or 转正), one item per
candidate voted on alone, the counts of those with a vote, blanks for what the data lacks."""

from __future__ import annotations

from typing import Any

from docgen.views.development_documents import MINUTES, documents_for
from tests.views.development_data import context, development, roster

#: Ready for the 接收 meeting, as the rules want it; the tests add the meeting.
READY: dict[str, Any] = {
    "入党介绍人": "程一帆、邵嘉明",
    "政审结论": "政治审查合格",
    "培训天数": 3,
    "预审日期": "2026-10-20",
}


def _admitted(name: str, **counts: Any) -> dict[str, Any]:
    vote = {"有表决权的正式党员": 12, "到会有表决权人数": 10, "赞成票": 10, **counts}
    return {"姓名": name, **READY, "支部大会接收日期": "2026-11-12", **vote}


def test_roster_records_its_latest_meeting_the_conversion() -> None:
    ctx = context()
    assert ctx["assembly_title"] == "讨论何嘉禾同志转正问题的支部党员大会记录"
    rec = ctx["assembly"]
    assert rec["kind"] == "full"
    assert rec["time_text"] == "2026年11月19日"
    assert rec["location"] == "信息楼A座507党员活动室"
    assert rec["host_text"] == "孟庆岚（支部书记）"
    # 20 with a vote and the three 预备党员 (何嘉禾, 萧远山, 纪明月) who came, without a vote.
    assert rec["due_voting_text"] == "22名"
    assert rec["present_voting_text"] == "20名（另有预备党员3名到会，不参加表决）"
    assert rec["present_text"] == "23名"
    assert rec["due_text"] == ""  # the roster is of another day: the recorder writes it
    committee = rec["proceedings"][0]["speeches"][1]["content"]
    assert "至2026年11月19日期满" in committee
    record = rec["votes"][0]["record"]
    assert (
        "赞成19票，反对0票，弃权1票；因故未到会的有表决权的正式党员会前书面表示赞成的1名" in record
    )
    assert "赞成共20票，超过应到会有表决权的正式党员22名的半数，表决通过" in record
    assert rec["resolutions"] == [
        "大会同意何嘉禾同志按期转为中共正式党员，党龄自2026年11月19日算起，"
        "报中共星河大学信息工程学院委员会审批。"
    ]


def test_an_admission_record_with_nothing_but_the_vote() -> None:
    ctx = context({"candidates": [_admitted("甲")]})
    rec = ctx["assembly"]
    assert ctx["assembly_title"] == "讨论甲同志入党问题的支部党员大会记录"
    assert rec["location"] == rec["host_text"] == rec["recorder_text"] == rec["absent_text"] == ""
    # How many 预备党员 came is not given: the whole 实到 is left blank too.
    assert rec["present_voting_text"] == "10名"
    assert rec["present_text"] == ""
    assert rec["observers_text"] == "发展对象甲"
    speakers = [s["speaker"] for s in rec["proceedings"][0]["speeches"]]
    assert speakers == ["甲：", "入党介绍人程一帆、邵嘉明：", "支部委员会：", "到会党员："]
    review = rec["proceedings"][0]["speeches"][2]["content"]
    assert "政治审查的结论是“政治审查合格”，参加发展对象集中培训3天" in review
    assert rec["quorum_text"] == "应到会有表决权的正式党员12名，实到10名，超过半数，可以进行表决。"
    assert rec["votes_intro"] == ""
    assert rec["resolutions"] == ["大会同意接收甲同志为中共预备党员，报上级党委审批。"]


def test_candidates_of_one_meeting_voted_on_one_at_a_time() -> None:
    """Exactly half in favour (6 of 12, written opinions counted) does not carry; the rules
    refuse such a file, so the counts are set on the loaded model."""
    model = development(
        {
            "candidates": [
                _admitted("甲", 书面赞成意见=1, 接收大会地点="会议室"),
                _admitted("乙", 赞成票=7, 反对票=2, 弃权票=1, 书面赞成意见=1),
                {**_admitted("丙"), "支部大会接收日期": "2026-10-30"},
            ]
        }
    )
    refused = model.candidates[1].model_copy(update={"votes_for": 5, "votes_against": 4})
    model = model.model_copy(
        update={"candidates": [model.candidates[0], refused, model.candidates[2]]}
    )
    ctx = context(model)
    rec = ctx["assembly"]
    assert ctx["assembly_title"] == "讨论甲、乙同志入党问题的支部党员大会记录"
    assert rec["agenda"] == ["讨论甲同志的入党问题", "讨论乙同志的入党问题"]
    assert rec["location"] == "会议室"
    assert "逐人讨论、逐人表决" in rec["votes_intro"]
    assert [v["subject"] for v in rec["votes"]] == [
        "接收甲同志为中共预备党员",
        "接收乙同志为中共预备党员",
    ]
    assert (
        "赞成共6票，未超过应到会有表决权的正式党员12名的半数，未获通过" in rec["votes"][1]["record"]
    )
    assert rec["resolutions"][1] == "大会未通过接收乙同志为中共预备党员的决议。"


def test_an_extension_states_the_new_end() -> None:
    person = {
        **_admitted("甲"),
        "预审日期": "2025-10-20",
        "支部大会接收日期": "2025-11-12",
        "审批日期": "2025-12-01",
        "转正支部大会日期": "2026-11-12",
        "转正大会有表决权人数": 12,
        "转正大会到会有表决权人数": 11,
        "转正赞成票": 9,
        "转正反对票": 2,
        "转正结果": "延长预备期",
        "延长月数": 6,
    }
    rec = context({"candidates": [person]})["assembly"]
    committee = rec["proceedings"][0]["speeches"][1]["content"]
    assert "提出延长预备期6个月（至2027年5月12日止）的意见" in committee
    assert rec["votes"][0]["subject"] == "延长甲同志的预备期"
    assert rec["follow_up"][-1].startswith("审批后支部继续对其教育考察")


def test_no_meeting_yet() -> None:
    ctx = context({"candidates": [{"姓名": "甲", "申请入党日期": "2026-10-12"}]})
    assert ctx["assembly"]["show"] is False


def test_the_record_goes_with_stages_four_and_five() -> None:
    stages = {p.stage: documents_for(p) for p in roster().candidates}
    assert MINUTES in stages[4]
    assert MINUTES in stages[5]
    assert MINUTES not in stages[3]
