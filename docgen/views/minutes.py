"""The minutes view: a :class:`Minutes` record as the context of every 会议记录 template.

It phrases what Jinja should not: the default title, the meeting time, attendance
(“无” when nobody was absent, the number when names were not recorded), a vote
from its numbers, follow-up tasks as sentences and the signature line.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from docgen.data.models.minutes import FollowUp, Minutes, Proceeding, Vote
from docgen.views.common import (
    NONE_TEXT,
    branch_name,
    date_text,
    deadline_text,
    list_text,
    person_text,
)

_SIGN_GAP = "\u3000" * 8


def minutes_context(model: Minutes) -> dict[str, Any]:
    """The template context: the model's own fields plus the derived ones."""
    branch = branch_name(model)
    att = model.attendance
    return {
        **model.model_dump(mode="python", exclude={"proceedings", "votes", "follow_up"}),
        "branch": branch,
        "title": model.title or default_title(model, branch),
        "date_text": date_text(model.day),
        "time_text": time_text(model.time.start, model.time.end),
        "location": model.location or "",
        "host_text": person_text(model.host),
        "recorder_text": person_text(model.recorder),
        "due_text": f"{att.due}人" if att.due is not None else "",
        "present_text": f"{att.present}人" if att.present is not None else "",
        "absent_text": absent_text(model),
        "observers_text": list_text(person_text(p) for p in att.observers),
        "attendees_text": "、".join(att.attendees_list or []),
        "agenda": list(model.agenda),
        "proceedings": [
            proceeding_view(p, n, model.agenda) for n, p in enumerate(model.proceedings, 1)
        ],
        "votes": [vote_view(v, model) for v in model.votes],
        "resolutions": list(model.resolutions),
        "host_summary": model.host_summary or "",
        "follow_up": [follow_up_text(f) for f in model.follow_up],
        "attachments_text": "、".join(model.attachments),
        "note": model.note or "",
        "sign_line": sign_line(model.signatures),
    }


def default_title(model: Minutes, branch: str) -> str:
    """“{支部}{党小组}{年}年{月}月{会议类型}记录”, leaving out what is unknown."""
    group = (model.party_group or "") if model.meeting_type == "党小组会" else ""
    day = model.day
    return f"{branch}{group}{day.year}年{day.month}月{model.meeting_type}记录"


def time_text(start: dt.date, end: dt.date | None) -> str:
    """``2026年11月10日 16:00至17:40``; the date alone when no clock time was given."""
    text = date_text(start)
    if isinstance(start, dt.datetime):
        text += f" {start:%H:%M}"
        if isinstance(end, dt.datetime):
            same_day = end.date() == start.date()
            text += f"至{end:%H:%M}" if same_day else f"至{date_text(end)} {end:%H:%M}"
    return text


def absent_text(model: Minutes) -> str:
    """缺席人员及原因: names with reasons, “无”, or the count when names were not kept."""
    att = model.attendance
    if att.absent:
        return "、".join(f"{a.name}（{a.reason}）" if a.reason else a.name for a in att.absent)
    missing = (att.due or 0) - (att.present or 0)
    if att.absent is None and att.due is not None and att.present is not None and missing > 0:
        return f"{missing}人（姓名未记录）"
    return NONE_TEXT


def proceeding_view(proc: Proceeding, seq: int, agenda: list[str]) -> dict[str, Any]:
    """An agenda item's record; the topic comes from the agenda when not given."""
    item = proc.item or seq
    topic = proc.topic or (agenda[item - 1] if 0 < item <= len(agenda) else "")
    speeches = []
    for s in proc.speeches:
        content = s.content.strip()
        if content:
            speeches.append({"speaker": f"{s.speaker}：", "content": content})
        else:
            speeches.append({"speaker": "", "content": f"{s.speaker}作了发言。"})
    return {"topic": topic, "summary": proc.summary or "", "speeches": speeches}


def vote_view(vote: Vote, model: Minutes) -> dict[str, str]:
    """A vote phrased from its numbers: method, attendance, the count and the outcome."""
    att = model.attendance
    committee = model.meeting_type == "支委会"
    who = "委员" if committee else "有表决权的党员"
    parts = [f"表决事项：{vote.subject}。"]
    method = f"采取{vote.method}方式表决" if vote.method else "进行表决"
    if att.due_voting is not None and att.present_voting is not None:
        parts.append(f"应到会{who}{att.due_voting}名，实到{att.present_voting}名，{method}，")
    else:
        parts.append(f"{method}，")
    parts.append(f"赞成{vote.for_}票，不赞成{vote.against}票，弃权{vote.abstain}票。")
    passed = vote.passed
    if passed is None and att.due_voting:
        passed = vote.for_ * 2 > att.due_voting
    if passed is True:
        parts.append(f"赞成票超过应到会{who}的半数，表决通过。" if att.due_voting else "表决通过。")
    elif passed is False:
        parts.append("赞成票未超过半数，未获通过。" if att.due_voting else "未获通过。")
    return {"subject": vote.subject, "text": "".join(parts)}


def follow_up_text(task: FollowUp) -> str:
    """“征求意见并汇总，由黎晓雯负责，2026年12月10日前完成。”"""
    text = task.task.rstrip("。；;，,")
    if task.owner:
        text += f"，由{task.owner}负责"
    if task.due is not None:
        text += f"，{deadline_text(task.due, '前')}完成"
    return text + "。"


def sign_line(labels: list[str]) -> str:
    """“主持人（签字）：　…　记录人（签字）：” for the people who sign."""
    names = labels or ["主持人", "记录人"]
    return _SIGN_GAP.join(f"{n}（签字）：" for n in names)


__all__ = [
    "absent_text",
    "default_title",
    "follow_up_text",
    "minutes_context",
    "proceeding_view",
    "sign_line",
    "time_text",
    "vote_view",
]


KIND = "minutes"
context = minutes_context
