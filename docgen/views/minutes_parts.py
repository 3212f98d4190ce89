"""Wording for the parts of a 会议记录 that only some meeting types have.

支部党员大会: the quorum for a vote and each vote's result, phrased from the
numbers by the majority rule of the 支部工作条例 (more "for" than half of the
voting members due). 党课: lecturer and outline. 主题党日: fixed and optional
actions, party dues. 组织生活会: preparation, reviews and the 民主评议 results.
Every function returns finished text or plain lists, never ``None``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from docgen.data.models.meeting import Attendance
from docgen.data.models.org_life import Appraisal, BranchReview, MemberReview, Preparation
from docgen.views.common import (
    NONE_TEXT,
    bare,
    bare_items,
    count_text,
    enumerate_text,
    list_text,
    sentence,
)
from docgen.zh import to_chinese

GENERAL_MEETING = "支部党员大会"
COMMITTEE = "支委会"


def seq_text(seq: int | None) -> str:
    """“本年度第四次”, or ``""`` when the number is not known."""
    return f"本年度第{to_chinese(seq)}次" if seq else ""


def voters_word(meeting_type: str) -> str:
    """Who votes: the committee's members, or the members with a vote (正式党员)."""
    return "委员" if meeting_type == COMMITTEE else "有表决权的党员"


def vote_base(att: Attendance, meeting_type: str) -> tuple[int | None, int | None]:
    """(due, present) of the people who vote: the voting members, or for a 支委会 its members
    when the voting counts were not given (every member of a committee votes)."""
    if att.due_voting is not None:
        return att.due_voting, att.present_voting
    if meeting_type == COMMITTEE:
        return att.due, att.present
    return None, None


def quorum_text(att: Attendance, meeting_type: str) -> str:
    """“应到会有表决权的党员22名，实到20名，超过半数，可以进行表决。” or ``""``."""
    due, present = vote_base(att, meeting_type)
    if due is None or present is None:
        return ""
    who = voters_word(meeting_type)
    enough = "超过半数，可以进行表决" if present * 2 > due else "未超过半数"
    return f"应到会{who}{due}名，实到{present}名，{enough}。"


def result_text(votes_for: int, passed: bool | None, due: int | None, meeting_type: str) -> str:
    """The outcome, phrased from the numbers when the due count is known (more “for” than
    half of those due), else from ``passed`` as recorded; ``""`` when neither is known."""
    who = "委员" if meeting_type == COMMITTEE else "有表决权党员"
    if due:
        if votes_for * 2 > due:
            return f"赞成票超过应到会{who}{due}名的半数，表决通过。"
        return f"赞成票未超过应到会{who}{due}名的半数，未获通过。"
    if passed is True:
        return "表决通过。"
    if passed is False:
        return "未获通过。"
    return ""


def votes_intro(count: int) -> str:
    """For two or more votes: “本次会议共有两项表决事项，逐项讨论、逐项表决。”."""
    if count < 2:
        return ""
    return f"本次会议共有{count_text(count)}项表决事项，逐项讨论、逐项表决。"


def outline_view(outline: Sequence[Any]) -> list[dict[str, Any]]:
    """A 党课 outline: each heading with its points (an empty list when it has none)."""
    return [
        {"heading": bare(item.heading), "items": bare_items(item.items)}
        for item in outline
        if bare(item.heading)
    ]


def actions_summary(fixed: Sequence[str], optional: Sequence[str]) -> str:
    """“完成规定动作4项，开展自选动作2项。” from the counts; ``""`` when none was recorded."""
    parts = []
    if fixed:
        parts.append(f"完成规定动作{count_text(len(fixed))}项")
    if optional:
        parts.append(f"开展自选动作{count_text(len(optional))}项")
    return "本次主题党日" + "，".join(parts) + "。" if parts else ""


def dues_text(value: bool | float | None) -> str:
    """党费收缴: “已收缴”, “已收缴，共计1,234.50元”, “本次未收缴”, or ``""`` when not recorded."""
    if value is None:
        return ""
    if value is True:
        return "已收缴"
    if value is False:
        return "本次未收缴"
    return f"已收缴，共计{value:,.2f}元"


def preparation_view(prep: Preparation | None) -> dict[str, Any]:
    """会前准备 as sentences: study, talks, opinions; ``show`` false when nothing is known."""
    if prep is None:
        return {"show": False, "study_text": "", "talks": "", "opinions_text": ""}
    study = list_text(prep.study, empty="")
    opinions = ""
    if prep.opinions_collected is not None:
        channels = list_text(prep.opinion_channels, empty="")
        how = f"通过{channels}等方式" if channels else ""
        opinions = f"{how}征求意见建议{prep.opinions_collected}条。"
    view = {
        "study_text": f"会前集中学习：{sentence(study)}" if study else "",
        "talks": sentence(prep.talks or ""),
        "opinions_text": opinions,
    }
    return {"show": any(view.values()), **view}


def appraisal_view(appraisal: Appraisal | None) -> dict[str, Any]:
    """民主评议党员: how it was done, the counts per grade phrased, who was rated 优秀."""
    if appraisal is None:
        return {
            "show": False,
            "process_text": "",
            "results_text": "",
            "excellent_text": "",
            "note": "",
        }
    process = []
    if appraisal.method:
        process.append(f"民主评议按照{appraisal.method}的程序进行")
    if appraisal.participants is not None:
        process.append(f"参加评议的党员{appraisal.participants}名")
    excellent = list_text(appraisal.excellent, empty="")
    view = {
        "process_text": "，".join(process) + "。" if process else "",
        "results_text": grades_text(appraisal.results),
        "excellent_text": f"评定为优秀的党员：{excellent}。" if excellent else "",
        "note": f"备注：{sentence(appraisal.note)}" if appraisal.note else "",
    }
    return {"show": any(view.values()), **view}


def grades_text(results: Mapping[str, int]) -> str:
    """“评议结果：优秀5名，合格18名；没有评定为基本合格、不合格的党员。” (grades in data order)."""
    given = [(grade, n) for grade, n in results.items() if n > 0]
    empty = [grade for grade, n in results.items() if n == 0]
    if not given and not empty:
        return ""
    text = "评议结果：" + ("，".join(f"{g}{n}名" for g, n in given) if given else NONE_TEXT)
    if empty:
        text += f"；没有评定为{'、'.join(empty)}的党员"
    return text + "。"


def branch_review_view(review: BranchReview | None) -> dict[str, Any]:
    """The committee's 对照检查: who presented it and what it found, as sentences."""
    if review is None:
        return {"show": False}
    who = f"{review.presenter}代表支委会作对照检查" if review.presenter else "支委会作对照检查"
    problems = [sentence(bare(p.title)) for p in review.problems if bare(p.title)]
    found = f"，查摆问题{count_text(len(problems))}个" if problems else ""
    return {
        "show": True,
        "intro": f"{who}{found}。",
        "achievements": sentence(review.achievements or ""),
        "problems": problems,
        "causes_text": enumerate_text(review.causes),
        "measures_text": enumerate_text(review.measures),
    }


def member_review_view(review: MemberReview) -> dict[str, Any]:
    """A member's self-criticism and the criticism received, one sentence each."""
    received = [f"{c.from_}提出：{sentence(c.text)}" for c in review.criticism_received if c.text]
    return {
        "member": review.member,
        "self_text": enumerate_text([sentence(s) for s in review.self_criticism]),
        "received": received,
    }


__all__ = [
    "actions_summary",
    "appraisal_view",
    "branch_review_view",
    "dues_text",
    "grades_text",
    "member_review_view",
    "outline_view",
    "preparation_view",
    "quorum_text",
    "result_text",
    "seq_text",
    "vote_base",
    "voters_word",
    "votes_intro",
]
