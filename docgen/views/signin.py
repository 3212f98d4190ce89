"""The 签到表 of a meeting: the roster's names printed in advance, one row each, with a
blank cell to sign in, for the reports/qiandao-biao template.

A part of the minutes context (``signin``), not a view of its own kind: the sheet is
printed from the same record as the minutes. The rows are the members the meeting is
due for (:func:`docgen.data.branches.expected_members`); a 预备党员 is marked as having
no vote (党章第七条), so the 实到有表决权 count can be read off the signed sheet.
Without a roster the sheet has numbered blank rows to write names in.
"""

from __future__ import annotations

from typing import Any

from docgen.data.branches import expected_members
from docgen.data.models.branch import Member
from docgen.data.models.minutes import Minutes

#: Blank rows printed when the roster is unknown and no 应到 count says how many.
BLANK_ROWS = 15

_NO_VOTE = "无"


def signin_context(model: Minutes, title: str) -> dict[str, Any]:
    """``signin``: the sheet's ``title``, its ``rows`` and the ``counts_text`` under them.

    ``title`` is the minutes' title; its closing 记录 becomes 签到表.
    """
    roster = model.roster
    members = expected_members(model, roster) if roster is not None else None
    reasons = {a.name: a.reason or "" for a in model.attendance.absent or []}
    if members is None:
        count = model.attendance.due or BLANK_ROWS
        rows = [_blank_row(n) for n in range(1, count + 1)]
    else:
        rows = [_row(n, m, reasons) for n, m in enumerate(members, 1)]
    return {
        "title": f"{title.removesuffix('记录')}签到表",
        "rows": rows,
        "counts_text": _counts_text(model, members),
        "named": members is not None,
    }


def _row(seq: int, member: Member, reasons: dict[str, str]) -> dict[str, Any]:
    formal = member.status != "预备"
    note = ""
    if member.name in reasons:
        # “缺席：出差（参加学术年会）” — a colon, so a reason in brackets is not nested.
        note = f"缺席：{reasons[member.name]}" if reasons[member.name] else "缺席"
    return {
        "seq": seq,
        "name": member.name,
        "status": member.status,
        "vote": "有" if formal else _NO_VOTE,
        "group": member.group or "",
        "note": note,
    }


def _blank_row(seq: int) -> dict[str, Any]:
    return {"seq": seq, "name": "", "status": "", "vote": "", "group": "", "note": ""}


def _counts_text(model: Minutes, members: list[Member] | None) -> str:
    """“应到23人，其中有表决权的正式党员22人、预备党员1人。” from the printed names;
    the data's 应到 when no names are printed; ``""`` when neither is known."""
    if members is None:
        due = model.attendance.due
        return f"应到{due}人。" if due is not None else ""
    probationary = sum(1 for m in members if m.status == "预备")
    formal = len(members) - probationary
    text = f"应到{len(members)}人"
    if model.meeting_type != "支委会":
        text += f"，其中有表决权的正式党员{formal}人"
        text += f"、预备党员{probationary}人（无表决权）" if probationary else ""
    return text + "。"


__all__ = ["BLANK_ROWS", "signin_context"]
