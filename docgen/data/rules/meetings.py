"""Attendance, quorum and vote rules (支部工作条例 第十一、十二条).

* present ≤ due; present_voting ≤ due_voting ≤ due; present_voting ≤ present;
* the number of absentees equals due − present when both are given;
* a 支委会 needs more than half of its members present (第十二条);
* a vote of a 支部党员大会 needs more than half of the members with voting rights
  present, and passes only when "for" exceeds half of those who should attend
  (第十一条). Exactly half is not enough in either case.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from docgen.data.models import Attendance, Minutes, OrgLifeMeeting, Vote
from docgen.data.rules.base import Finding, RuleContext, rule

GENERAL_MEETING = "支部党员大会"
COMMITTEE_MEETING = "支委会"
BALLOT_METHOD = "无记名投票"


def more_than_half(part: int, whole: int) -> bool:
    """``part > whole / 2`` in whole numbers (exactly half is not more than half)."""
    return part * 2 > whole


@rule(Minutes)
def minutes_attendance(doc: Minutes, ctx: RuleContext) -> Iterator[Finding]:
    """Attendance and quorum of one meeting."""
    yield from attendance_findings(doc.attendance)
    if doc.meeting_type == COMMITTEE_MEETING:
        yield from committee_quorum(doc.attendance)


@rule(OrgLifeMeeting)
def org_life_attendance(doc: OrgLifeMeeting, ctx: RuleContext) -> Iterator[Finding]:
    """Attendance of a 组织生活会."""
    yield from attendance_findings(doc.attendance)


@rule(OrgLifeMeeting)
def notice_before_meeting(doc: OrgLifeMeeting, ctx: RuleContext) -> Iterator[Finding]:
    """The notice convening a 组织生活会 is dated before it (on the day at the latest)."""
    start = doc.time.start if doc.time else None
    if doc.notice_date is None or start is None:
        return
    day = start.date() if isinstance(start, dt.datetime) else start
    if doc.notice_date > day:
        yield Finding(
            "notice_after_meeting",
            f"通知日期 {doc.notice_date:%Y-%m-%d} 晚于会议日期 {day:%Y-%m-%d}：通知应在会前发出",
            f"the notice is dated {doc.notice_date:%Y-%m-%d}, after the meeting on {day:%Y-%m-%d}",
            ("notice_date",),
        )


def attendance_findings(att: Attendance) -> Iterator[Finding]:
    """The count checks every attendance record must pass."""
    base = ("attendance",)
    for small, big, code, zh, en in (
        ("present", "due", "present_exceeds_due", "实到", "present"),
        (
            "present_voting",
            "due_voting",
            "present_voting_exceeds_due",
            "实到有表决权",
            "present with votes",
        ),
        ("due_voting", "due", "due_voting_exceeds_due", "应到有表决权", "due with votes"),
        (
            "present_voting",
            "present",
            "present_voting_exceeds_present",
            "实到有表决权",
            "present with votes",
        ),
    ):
        part, whole = getattr(att, small), getattr(att, big)
        if part is not None and whole is not None and part > whole:
            other = {"due": "应到", "due_voting": "应到有表决权", "present": "实到"}[big]
            yield Finding(
                code,
                f"{zh}人数 {part} 多于{other}人数 {whole}",
                f"{en} count {part} exceeds {big} count {whole}",
                (*base, small),
            )
    if att.absent is not None and att.due is not None and att.present is not None:
        gap = att.due - att.present
        if gap >= 0 and len(att.absent) != gap:
            yield Finding(
                "absent_count_mismatch",
                f"缺席人员列了 {len(att.absent)} 人，但应到 {att.due} 人、实到 {att.present} 人，"
                f"应缺席 {gap} 人",
                f"{len(att.absent)} absentees listed, but due {att.due} − present "
                f"{att.present} = {gap}",
                (*base, "absent"),
            )


def committee_quorum(att: Attendance) -> Iterator[Finding]:
    """第十二条: more than half of the committee present."""
    if att.due is not None and att.present is not None and not more_than_half(att.present, att.due):
        yield Finding(
            "committee_quorum",
            f"支委会须有半数以上委员到会：应到 {att.due} 人，实到 {att.present} 人"
            "（支部工作条例第十二条）",
            f"a 支委会 needs more than half of its {att.due} members present; "
            f"{att.present} attended (Article 12)",
            ("attendance", "present"),
        )


@rule(Minutes)
def proceeding_items(doc: Minutes, ctx: RuleContext) -> Iterator[Finding]:
    """A proceeding names an agenda item that exists: one past the agenda would print its
    speeches under no heading, as if they belonged to the item before."""
    if not doc.agenda:
        return
    for index, proc in enumerate(doc.proceedings):
        if proc.item is not None and proc.item > len(doc.agenda) and proc.topic is None:
            yield Finding(
                "proceeding_item_unknown",
                f"议题序号 {proc.item} 超出会议议题的项数（共 {len(doc.agenda)} 项）："
                "改正序号，或在“议题”中写上这一项的标题",
                f"item {proc.item} is past the agenda's {len(doc.agenda)} items: correct it, "
                "or give this item's topic",
                ("proceedings", index, "item"),
            )


@rule(Minutes)
def minutes_votes(doc: Minutes, ctx: RuleContext) -> Iterator[Finding]:
    """第十一条 for the votes of a 支部党员大会; the stated result must match the numbers."""
    if not doc.votes:
        return
    att = doc.attendance
    general = doc.meeting_type == GENERAL_MEETING
    base = att.due_voting if general else att.due
    if base is None:
        yield Finding(
            "vote_base_unknown",
            "有表决事项，但缺少应到（有表决权）人数，无法判定表决结果",
            "there are votes but no due (voting) count, so their result cannot be decided",
            ("attendance", "due_voting" if general else "due"),
            "warning",
        )
        return
    if general and att.present_voting is not None and not more_than_half(att.present_voting, base):
        yield Finding(
            "vote_quorum",
            f"到会有表决权的党员 {att.present_voting} 人，未超过应到 {base} 人的半数，"
            "不能进行表决（支部工作条例第十一条）",
            f"{att.present_voting} voting members present is not more than half of {base}; "
            "no vote may be held (Article 11)",
            ("attendance", "present_voting"),
        )
    voters = att.present_voting if general else att.present
    for index, vote in enumerate(doc.votes):
        if general:
            yield from _ballot_officers(index, vote)
        yield from _vote_findings(
            index, vote.for_, vote.against + vote.abstain, vote.passed, base, voters
        )


def _ballot_officers(index: int, vote: Vote) -> Iterator[Finding]:
    """A secret ballot of a 支部党员大会 is counted under named 监票人 and 计票人; a record
    without them cannot show that it was."""
    if vote.method != BALLOT_METHOD:
        return
    officers = (("scrutineers", "监票人", "scrutineers"), ("tellers", "计票人", "tellers"))
    for field, zh, en in officers:
        if not getattr(vote, field):
            yield Finding(
                "ballot_officer_missing",
                f"无记名投票没有记录{zh}：请在“{zh}”中写上姓名",
                f"the secret ballot records no {en}: give their names",
                ("votes", index, field),
                "warning",
            )


def _vote_findings(
    index: int, yes: int, others: int, stated: bool | None, base: int, voters: int | None
) -> Iterator[Finding]:
    path = ("votes", index)
    if voters is not None and yes + others > voters:
        yield Finding(
            "vote_count_exceeds_present",
            f"赞成、不赞成、弃权合计 {yes + others} 票，多于到会可表决的 {voters} 人",
            f"{yes + others} votes cast but only {voters} voters present",
            (*path, "for_"),
        )
    passes = more_than_half(yes, base)
    if stated is True and not passes:
        yield Finding(
            "vote_not_passed",
            f"赞成 {yes} 票，未超过应到会有表决权党员 {base} 人的半数，不能记为通过"
            "（支部工作条例第十一条）",
            f"{yes} votes for is not more than half of the {base} members with voting rights "
            "who should attend; the vote cannot be recorded as passed (Article 11)",
            (*path, "passed"),
        )
    elif stated is False and passes:
        yield Finding(
            "vote_result_mismatch",
            f"赞成 {yes} 票已超过应到 {base} 人的半数，却记为未通过",
            f"{yes} votes for is more than half of {base}, yet the vote is recorded as failed",
            (*path, "passed"),
        )


__all__ = ["attendance_findings", "committee_quorum", "more_than_half"]
