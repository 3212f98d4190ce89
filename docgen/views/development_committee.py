"""The 支委会 record of a 发展党员 decision: 确定入党积极分子 or 确定发展对象, one agenda item
per candidate decided at that meeting.

The record's keys are those of the minutes view (:mod:`docgen.views.minutes`), so the record
blocks of :mod:`docgen.style.catalog.records` print it unchanged. The data holds the decision
(its date, who, the 培养联系人 or 入党介绍人), not the meeting's particulars: place, host,
recorder, who attended and the counts of the vote are left blank for the record keeper, and
the committee's size is taken from the branch roster when it is known. A roster's record is
its latest such meeting (a file for one person is that person's).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from docgen.data.models.development import Candidate, Development
from docgen.views.common import count_text, date_text, list_text, sentence
from docgen.views.development_meeting import BLANK
from docgen.views.minutes import sign_line

#: What each decision makes of the candidate.
DECISION = {"activist": "入党积极分子", "prospect": "发展对象"}


def latest_decisions(model: Development) -> tuple[dt.date, list[tuple[str, Candidate]]] | None:
    """The day of the latest 支委会 decision and what it decided, ``(kind, candidate)`` each
    (kind ``activist`` or ``prospect``); ``None`` when no one has been decided on."""
    decided = [
        (day, kind, p)
        for p in model.candidates
        for kind, day in (("activist", p.activist), ("prospect", p.prospect))
        if day is not None
    ]
    if not decided:
        return None
    day = max(d for d, _, _ in decided)
    return day, [(kind, p) for d, kind, p in decided if d == day]


def committee_record_context(model: Development) -> dict[str, Any]:
    """The minutes-shaped keys of the latest 支委会 decision (``record_show`` false when
    no candidate has been decided on)."""
    latest = latest_decisions(model)
    if latest is None:
        return {"record_show": False, "record_title": "支委会记录"}
    day, items = latest
    roster = model.roster
    size = len(roster.committee) if roster is not None and roster.committee else None
    if len(items) == 1:
        kind, person = items[0]
        title = f"研究确定{person.name}同志为{DECISION[kind]}的支委会记录"
    else:
        title = "研究发展党员工作的支委会记录"
    return {
        "record_show": True,
        "record_title": title,
        "time_text": date_text(day),
        "location": "",
        "host_text": "",
        "recorder_text": "",
        "due_text": count_text(size, "人") if size is not None else "",
        "present_text": "",
        "attendees_text": "",
        "absent_text": "",
        "observers_text": "",
        # A form to complete: the 列席 row is printed even though the data names nobody.
        "form": {"show": True},
        "agenda": [_topic(kind, p) for kind, p in items],
        "proceedings": [_proceeding(kind, p) for kind, p in items],
        "votes": [_vote(kind, p, size) for kind, p in items],
        "resolutions": [_resolution(kind, p) for kind, p in items],
        "host_summary": "",
        "follow_up": _follow_up(items),
        "note": "",
        "sign_line": sign_line([]),
    }


def _topic(kind: str, p: Candidate) -> str:
    return f"研究确定{p.name}同志为{DECISION[kind]}"


def _on(day: dt.date | None, what: str) -> str:
    return f"{date_text(day)}{what}" if day else ""


def _proceeding(kind: str, p: Candidate) -> dict[str, Any]:
    if kind == "activist":
        facts = [
            _on(p.applied, "递交入党申请书"),
            _on(p.talked, f"由{p.talker}同志谈话" if p.talker else "经党组织派人谈话"),
            _on(
                p.recommended,
                f"经{p.recommend_method}列为入党积极分子人选" if p.recommend_method else "被推荐",
            ),
        ]
        close = "会议听取了推荐情况，对其入党动机和现实表现进行了研究。"
    else:
        contacts = list_text(p.contacts, empty="")
        facts = [
            _on(p.activist, "确定为入党积极分子"),
            f"培养联系人为{contacts}同志" if contacts else "",
        ]
        close = "会议听取了培养联系人、党小组和党员群众的意见，对其培养教育和考察情况进行了研究。"
    said = "，".join(x for x in facts if x)
    summary = f"{p.name}同志{said}。" if said else ""
    if kind == "prospect" and p.inspections:
        summary += "考察情况：" + sentence("；".join(p.inspections))
    return {"topic": _topic(kind, p), "summary": summary + close, "speeches": [], "after": []}


def _vote(kind: str, p: Candidate, size: int | None) -> dict[str, str]:
    due = count_text(size, "名") if size is not None else f"{BLANK}名"
    return {
        "text": f"表决事项：{_topic(kind, p)}。应到委员{due}，实到{BLANK}名；"
        f"赞成{BLANK}票，不赞成{BLANK}票，弃权{BLANK}票。"
    }


def _resolution(kind: str, p: Candidate) -> str:
    if kind == "activist":
        contacts = list_text(p.contacts, empty="")
        who = f"，指定{contacts}同志为培养联系人" if contacts else "，指定两名正式党员作培养联系人"
        return f"确定{p.name}同志为入党积极分子{who}，报上级党委备案。"
    introducers = list_text(p.introducers, empty="")
    who = f"，由{introducers}同志作入党介绍人" if introducers else ""
    return f"确定{p.name}同志为发展对象{who}，报上级党委备案，并进行政治审查和集中培训。"


def _follow_up(items: list[tuple[str, Candidate]]) -> list[str]:
    kinds = {kind for kind, _ in items}
    tasks = ["在党支部范围内公示，公示期满无异议后报上级党委备案。"]
    if "activist" in kinds:
        tasks.append("培养联系人每半年对入党积极分子考察一次，并写出考察意见。")
    if "prospect" in kinds:
        tasks.append("组织发展对象的政治审查，安排参加集中培训。")
    return tasks


__all__ = ["DECISION", "committee_record_context", "latest_decisions"]
