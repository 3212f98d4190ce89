"""The minutes view: a :class:`Minutes` record as the context of every 会议记录 template.

It phrases what Jinja should not: the default title, the meeting time, attendance
(“无” when nobody was absent, the number when names were not recorded), a vote
from its numbers, follow-up tasks as sentences and the signature line. The parts
only some meeting types have (党员大会 votes, 党课, 主题党日, 组织生活会) are
phrased in :mod:`docgen.views.minutes_parts` and added here under their own keys,
so one context serves every 会议记录 template.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from docgen.data.models.meeting import Attendance
from docgen.data.models.minutes import FollowUp, Minutes, Proceeding, Vote
from docgen.views import minutes_parts as parts
from docgen.views.common import (
    NONE_TEXT,
    attachment_lines,
    attachment_note,
    bare,
    bare_items,
    branch_name,
    date_text,
    deadline_text,
    list_text,
    person_text,
    sentence,
)
from docgen.views.photos import album_context
from docgen.views.signin import signin_context

_SIGN_GAP = "\u3000" * 8

#: A record is not a form to complete by hand unless a form builder says so
#: (:func:`docgen.bundle.forms.minutes_form`): no planned rows, no writing space.
BLANK_FORM: dict[str, Any] = {"show": False, "owner": "", "way": "", "space": ""}


def minutes_context(model: Minutes) -> dict[str, Any]:
    """The template context: the model's own fields plus the derived ones."""
    branch = branch_name(model)
    att = model.attendance
    title = model.title or default_title(model, branch)
    return {
        **model.model_dump(mode="python", exclude={"proceedings", "votes", "follow_up"}),
        "branch": branch,
        "title": title,
        "title_text": title,
        "date_text": date_text(model.day),
        "time_text": time_text(model.time.start, model.time.end),
        "location": model.location or "",
        "host_text": person_text(model.host),
        "recorder_text": person_text(model.recorder),
        "due_text": f"{att.due}人" if att.due is not None else "",
        "present_text": f"{att.present}人" if att.present is not None else "",
        "absent_text": absent_text(model),
        "observers_text": observers_text(att),
        "attendees_text": "、".join(att.attendees_list or []),
        "agenda": bare_items(model.agenda),
        **proceedings_context(model),
        "votes": [vote_view(v, model) for v in model.votes],
        "resolutions": bare_items(model.resolutions),
        "host_summary": model.host_summary or "",
        "follow_up": [follow_up_text(f) for f in model.follow_up],
        "attachments_text": "、".join(model.attachments),
        "attachment_lines": attachment_lines(model.attachments),
        "attachment_note": attachment_note(model.attachments),
        "note": model.note or "",
        "sign_line": sign_line(model.signatures),
        "signin": signin_context(model, title),
        "album": album_context(model, title, time_text(model.time.start, model.time.end)),
        # Filled in by docgen.bundle.forms for a record printed before the meeting.
        "form": dict(BLANK_FORM),
        **voting_context(model),
        **type_context(model),
    }


def voting_context(model: Minutes) -> dict[str, Any]:
    """Voting counts (``due_voting_text`` “22人”), the quorum sentence and ``votes_intro``."""
    att = model.attendance
    return {
        "seq_text": parts.seq_text(model.seq_in_year),
        "due_voting_text": f"{att.due_voting}人" if att.due_voting is not None else "",
        "present_voting_text": (
            f"{att.present_voting}人" if att.present_voting is not None else ""
        ),
        "quorum_text": parts.quorum_text(att, model.meeting_type) if model.votes else "",
        "votes_intro": parts.votes_intro(len(model.votes)),
    }


def type_context(model: Minutes) -> dict[str, Any]:
    """The fields of 党小组会, 党课, 主题党日 and 组织生活会 as text (``""`` when absent)."""
    return {
        "party_group": model.party_group or "",
        "lecturer_text": person_text(model.lecturer),
        "topic": model.topic or "",
        "audience": model.audience or "",
        "outline": parts.outline_view(model.outline),
        "theme": model.theme or "",
        "fixed_actions_text": list_text(model.fixed_actions),
        "optional_actions_text": list_text(model.optional_actions),
        "actions_summary": parts.actions_summary(model.fixed_actions, model.optional_actions),
        "volunteer_service": sentence(model.volunteer_service or ""),
        "dues_text": parts.dues_text(model.party_dues_collected),
        "superior_notice": model.superior_notice or "",
        "preparation": parts.preparation_view(model.preparation),
        "branch_review": parts.branch_review_view(model.branch_review),
        "member_reviews": [
            parts.member_review_view(r)
            for r in model.member_reviews
            if r.self_criticism or r.criticism_received
        ],
    }


#: Words in an agenda topic that mark the item where the 民主评议 took place.
_APPRAISAL_TOPIC = "民主评议"


def proceedings_context(model: Minutes) -> dict[str, Any]:
    """The proceedings and the 民主评议 results (``appraisal``).

    When an agenda item is the 民主评议 itself, its results are printed under that
    item (``pr.after``) and ``appraisal.show`` is false, so the record reports the
    评议 once, not as an agenda item and again as a section of its own.
    """
    procs = [proceeding_view(p, n, model.agenda) for n, p in enumerate(model.proceedings, 1)]
    appraisal = parts.appraisal_view(model.democratic_appraisal)
    if appraisal["show"]:
        home = next((p for p in procs if _APPRAISAL_TOPIC in p["topic"]), None)
        if home is not None:
            keys = ("process_text", "results_text", "excellent_text", "note")
            home["after"] = [appraisal[k] for k in keys if appraisal[k]]
            appraisal = {**appraisal, "show": False}
    return {"proceedings": procs, "appraisal": appraisal}


def default_title(model: Minutes, branch: str) -> str:
    """“{支部}{党小组}{年}年{月}月{会议类型}记录”, leaving out what is unknown."""
    group = (model.party_group or "") if model.meeting_type == "党小组会" else ""
    day = model.day
    # A 主题党日 is an activity, not a meeting: its record is a 活动记录.
    what = "主题党日活动" if model.meeting_type == "主题党日" else model.meeting_type
    return f"{branch}{group}{day.year}年{day.month}月{what}记录"


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
    """缺席人员及原因: names with reasons, the count when names were not kept, “无” when
    the data says nobody was absent (an empty list, or as many present as due), and
    ``""`` — a blank to fill in — when attendance was never given."""
    att = model.attendance
    if att.absent:
        return "、".join(
            f"{a.name}（{_unnest(a.reason)}）" if a.reason else a.name for a in att.absent
        )
    if att.absent is not None:
        return NONE_TEXT
    if att.due is None or att.present is None:
        return ""
    missing = att.due - att.present
    return f"{missing}人（姓名未记录）" if missing > 0 else NONE_TEXT


def observers_text(att: Attendance) -> str:
    """列席人员: the people, “无” when the data says none (``observers: []``), ``""`` when
    it does not say (a record claims no 列席 it was not told of)."""
    if att.observers:
        return "、".join(person_text(p) for p in att.observers)
    return NONE_TEXT if att.observers is not None else ""


def _unnest(reason: str) -> str:
    """A reason that ends in its own brackets, with them turned into a comma, so that it
    can sit in brackets: 出差（参加学术年会） → 出差，参加学术年会."""
    head, mark, rest = reason.strip().partition("（")
    if mark and rest.endswith("）") and "（" not in rest:
        return f"{head}，{rest[:-1]}" if head else rest[:-1]
    return reason


def proceeding_view(proc: Proceeding, seq: int, agenda: list[str]) -> dict[str, Any]:
    """An agenda item's record; the topic comes from the agenda when not given."""
    item = proc.item or seq
    topic = bare(proc.topic or (agenda[item - 1] if 0 < item <= len(agenda) else ""))
    speeches = []
    for s in proc.speeches:
        content = s.content.strip()
        if content:
            speeches.append({"speaker": f"{s.speaker}：", "content": content})
        else:
            speeches.append({"speaker": "", "content": f"{s.speaker}作了发言。"})
    return {"topic": topic, "summary": proc.summary or "", "speeches": speeches, "after": []}


def vote_view(vote: Vote, model: Minutes) -> dict[str, str]:
    """A vote phrased from its numbers: ``text`` (method, attendance, count, outcome in one
    paragraph) and ``record`` (the same without the subject and attendance, for a record
    that states the quorum once and may head each vote with its subject)."""
    due, present = parts.vote_base(model.attendance, model.meeting_type)
    who = parts.voters_word(model.meeting_type)
    method = f"采取{vote.method}方式表决" if vote.method else "进行表决"
    officers = ballot_officers(vote)
    if officers:
        method += f"（{officers}）"
    counts = f"赞成{vote.for_}票，不赞成{vote.against}票，弃权{vote.abstain}票。"
    head = f"表决事项：{vote.subject}。"
    if due is not None and present is not None:
        head += f"应到会{who}{due}名，实到{present}名，"
    passed = vote.passed
    if passed is None and due:
        passed = vote.for_ * 2 > due
    short = ""
    if passed is True:
        short = f"赞成票超过应到会{who}的半数，表决通过。" if due else "表决通过。"
    elif passed is False:
        short = "赞成票未超过半数，未获通过。" if due else "未获通过。"
    return {
        "subject": vote.subject,
        "subject_text": f"表决事项：{sentence(vote.subject)}",
        "text": f"{head}{method}，{counts}{short}",
        "record": f"{method}，{counts}"
        + parts.result_text(vote.for_, vote.passed, due, model.meeting_type),
    }


def ballot_officers(vote: Vote) -> str:
    """“监票人：俞方舟、岑立新；计票人：黎晓雯”, or ``""`` when none are recorded."""
    parts = [
        f"{label}：{'、'.join(names)}"
        for label, names in (("监票人", vote.scrutineers), ("计票人", vote.tellers))
        if names
    ]
    return "；".join(parts)


def follow_up_text(task: FollowUp) -> str:
    """“征求意见并汇总，由黎晓雯负责，2026年12月10日前完成。”"""
    text = bare(task.task).rstrip("。；;，,")
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
    "BLANK_FORM",
    "absent_text",
    "ballot_officers",
    "default_title",
    "follow_up_text",
    "minutes_context",
    "observers_text",
    "proceeding_view",
    "proceedings_context",
    "sign_line",
    "time_text",
    "vote_view",
]


KIND = "minutes"
context = minutes_context
