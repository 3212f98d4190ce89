"""The minutes view: title, time, attendance, votes phrased from numbers, follow-up."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import docgen
from docgen.data.models.meeting import Absentee, Attendance, TimeSpan
from docgen.data.models.minutes import FollowUp, Minutes, Proceeding, SpeechRecord, Vote
from docgen.views.minutes import (
    absent_text,
    follow_up_text,
    minutes_context,
    proceeding_view,
    sign_line,
    time_text,
    vote_view,
)

ROOT = Path(__file__).resolve().parents[2]


def minutes(**fields: Any) -> Minutes:
    """A 支委会 record on 2026-03-05 with ``fields``."""
    data: dict[str, Any] = {"meeting_type": "支委会", "time": TimeSpan(start=dt.date(2026, 3, 5))}
    return Minutes.model_validate({**data, **fields})


def test_full_fixture_context() -> None:
    """The November 支委会: title from the roster, time range, nobody absent."""
    model = docgen.load_data(ROOT / "fixtures/school/xxgc-jg1/2026/minutes/2026-11-zhiweihui.yaml")
    assert isinstance(model, Minutes)
    ctx = minutes_context(model)
    assert ctx["title"] == "中共星河大学信息工程学院教工第一党支部2026年11月支委会记录"
    assert ctx["time_text"] == "2026年11月10日 16:00至17:40"
    assert ctx["absent_text"] == "无"
    assert ctx["proceedings"][0]["topic"] == "审查预备党员何嘉禾同志转正材料"


def test_time_text() -> None:
    """Date alone, clock range, or a range over two days."""
    day = dt.date(2026, 3, 5)
    assert time_text(day, None) == "2026年3月5日"
    start = dt.datetime(2026, 3, 5, 9, 0)
    assert (
        time_text(start, dt.datetime(2026, 3, 6, 11, 30))
        == "2026年3月5日 09:00至2026年3月6日 11:30"
    )


def test_absent_text() -> None:
    """Names with reasons; 无 when nobody; the count when names were not recorded."""
    named = minutes(
        attendance=Attendance(due=5, present=4, absent=[Absentee(name="甲", reason="公出")])
    )
    assert absent_text(named) == "甲（公出）"
    unnamed = minutes(attendance=Attendance(due=5, present=3))
    assert absent_text(unnamed) == "2人（姓名未记录）"
    # Nobody absent only when the data says so; never given, it is a blank to fill in.
    assert absent_text(minutes(attendance=Attendance(due=5, present=5))) == "无"
    assert absent_text(minutes(attendance=Attendance(absent=[]))) == "无"
    assert absent_text(minutes()) == ""
    assert absent_text(minutes(attendance=Attendance(due=5))) == ""


def test_vote_phrased_from_numbers() -> None:
    """A 党员大会 vote names voting members, the count and the outcome by the majority rule."""
    record = minutes(
        meeting_type="支部党员大会",
        attendance=Attendance(due=23, present=21, due_voting=22, present_voting=20),
    )
    text = vote_view(
        Vote(subject="接收某某为预备党员", method="无记名投票", for_=19, abstain=1), record
    )["text"]
    assert "应到会有表决权的党员22名，实到20名，采取无记名投票方式表决" in text
    assert "赞成19票，不赞成0票，弃权1票" in text
    assert text.endswith("表决通过。")
    lost = vote_view(Vote(subject="某事", for_=5, against=15), record)["text"]
    assert lost.endswith("未获通过。")
    bare = vote_view(Vote(subject="某事", for_=3), minutes())["text"]
    assert bare == "表决事项：某事。进行表决，赞成3票，不赞成0票，弃权0票。"


def test_speeches_and_follow_up() -> None:
    """An empty speech becomes a sentence; follow-up reads as one sentence; sign line."""
    proc = Proceeding(
        speeches=[SpeechRecord(speaker="甲"), SpeechRecord(speaker="乙", content="同意。")]
    )
    view = proceeding_view(proc, 2, ["一", "二"])
    assert view["topic"] == "二"
    assert view["speeches"] == [
        {"speaker": "", "content": "甲作了发言。"},
        {"speaker": "乙：", "content": "同意。"},
    ]
    assert follow_up_text(
        FollowUp(task="汇总意见。", owner="黎晓雯", due=dt.date(2026, 12, 10))
    ) == ("汇总意见，由黎晓雯负责，2026年12月10日前完成。")
    assert sign_line([]).startswith("主持人（签字）：")
    assert sign_line([]).endswith("记录人（签字）：")


def test_minimal_context_has_no_none() -> None:
    """Only type and time: blanks, never None, and no “无” for what was never given."""
    ctx = minutes_context(minutes())
    assert ctx["title"] == "2026年3月支委会记录"
    for key in ("location", "host_text", "due_text", "attendees_text", "note"):
        assert ctx[key] == ""
    assert ctx["observers_text"] == ctx["absent_text"] == ""
    told = minutes_context(minutes(attendance={"observers": []}))
    assert told["observers_text"] == "无"


def test_committee_vote_counts_members_without_voting_counts() -> None:
    """A 支委会 vote without voting counts takes the committee's due and present counts."""
    record = minutes(attendance=Attendance(due=5, present=4))
    view = vote_view(Vote(subject="某事", method="举手", for_=4), record)
    assert view["text"] == (
        "表决事项：某事。应到会委员5名，实到4名，采取举手方式表决，"
        "赞成4票，不赞成0票，弃权0票。赞成票超过应到会委员的半数，表决通过。"
    )
    assert view["record"].endswith("赞成票超过应到会委员5名的半数，表决通过。")
    assert view["subject_text"] == "表决事项：某事。"


def test_appraisal_stands_under_its_agenda_item() -> None:
    """An agenda item 民主评议党员 takes the results; without one they keep their section."""
    appraisal = {"method": "个人自评、民主测评", "results": {"优秀": 1, "合格": 4}}
    record = minutes(
        meeting_type="组织生活会",
        agenda=["通报情况", "民主评议党员"],
        proceedings=[Proceeding(item=1), Proceeding(item=2)],
        democratic_appraisal=appraisal,
    )
    ctx = minutes_context(record)
    assert ctx["appraisal"]["show"] is False
    assert ctx["proceedings"][0]["after"] == []
    assert ctx["proceedings"][1]["after"] == [
        "民主评议按照个人自评、民主测评的程序进行。",
        "评议结果：优秀1名，合格4名。",
    ]
    apart = minutes_context(minutes(meeting_type="组织生活会", democratic_appraisal=appraisal))
    assert apart["appraisal"]["show"] is True


def test_secret_ballot_officers_in_the_record() -> None:
    """The 监票人 and 计票人 stand with the method; a show of hands names nobody."""
    record = minutes(
        meeting_type="支部党员大会", attendance=Attendance(due_voting=9, present_voting=9)
    )
    ballot = Vote(subject="甲", method="无记名投票", for_=9, scrutineers=["乙", "丙"])
    view = vote_view(ballot.model_copy(update={"tellers": ["丁"]}), record)
    assert view["record"].startswith("采取无记名投票方式表决（监票人：乙、丙；计票人：丁），")
    hands = vote_view(Vote(subject="甲", method="举手", for_=9), record)
    assert hands["record"].startswith("采取举手方式表决，赞成9票")
