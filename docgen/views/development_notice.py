"""The 公示 of a 发展党员 step: 确定入党积极分子, 确定发展对象, 拟接收预备党员 or 拟转为正式党员.

Which one a roster's document is follows from the data: each candidate's stage names the
公示 it calls for (stage 2 the 积极分子 one … stage 5 the 转正 one); candidates whose 公示
share kind and period are listed together, and the document is the latest such 公示 (a
file for one person is that person's). The period is the data's; a missing start is the
成文日期, else the first day after the decision it follows; a missing end is worked out from
the start by the locality's rule (``config.local_rules``: 5 working days by the State
Council's holiday schedule unless set otherwise), with :func:`docgen.data.workdays.workday_end`.
A period that cannot be worked out prints blank date spaces for the pen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from docgen.data.models.development import NOTICES, Candidate, Development
from docgen.data.rules.development import probation_end
from docgen.data.workdays import is_workday, workday_end
from docgen.exceptions import NoHolidaySchedule
from docgen.views.common import count_text, date_text, list_text, sealed, signoff

#: The 公示 each stage calls for, by the prefix of its fields.
NOTICE_OF_STAGE = {2: "activist", 3: "prospect", 4: "admit", 5: "full"}

#: Each kind's title, around the names.
_TITLES = {
    "activist": "关于确定{names}同志为入党积极分子的公示",
    "prospect": "关于确定{names}同志为发展对象的公示",
    "admit": "关于{names}同志拟接收为中共预备党员的公示",
    "full": "关于{names}同志拟转为中共正式党员的公示",
}

#: Blank date for the pen, as wide as a written one.
BLANK_DATE = "　　　　年　　月　　日"


@dataclass(frozen=True)
class _Entry:
    person: Candidate
    kind: str
    first: dt.date | None
    last: dt.date | None


def notice_context(model: Development, branch: str) -> dict[str, Any]:
    """``notice``: ``show``, ``kind``, ``title``, ``intro``, ``rows`` (each candidate's
    ``name`` and ``text``, :func:`particulars`), ``period_text``,
    ``superior``, ``contact`` and ``signoff`` (dated the first day of the 公示); ``show``
    false when no candidate has reached a stage with a 公示."""
    local = model.checked_config.local_rules
    days, workdays = local.development_notice_days, local.development_notice_workdays
    sign_date = model.signoff.date if model.signoff else None
    entries = [
        _entry(p, sign_date, days, workdays) for p in model.candidates if p.stage in NOTICE_OF_STAGE
    ]
    sign = model.signoff
    org = (sign.org if sign and sign.org else None) or branch
    if not entries:
        return {
            "show": False,
            "kind": "",
            "title": "发展党员公示",
            "rows": [],
            "signoff": signoff("", None, False),
        }
    latest = max(entries, key=lambda e: (e.first or dt.date.min, e.last or dt.date.min))
    group = [
        e for e in entries if (e.kind, e.first, e.last) == (latest.kind, latest.first, latest.last)
    ]
    people = [e.person for e in group]
    unit = "个工作日" if workdays else "天"
    first, last = latest.first, latest.last
    return {
        "show": True,
        "kind": latest.kind,
        "what": NOTICES[latest.kind],
        "title": _TITLES[latest.kind].format(names=_names(people)),
        "intro": _intro(latest.kind, people, model),
        "rows": [{"name": p.name, "text": particulars(p, latest.kind)} for p in people],
        "period_text": (
            f"{date_text(first) if first else BLANK_DATE}至"
            f"{date_text(last) if last else BLANK_DATE}（{count_text(days, unit)}）"
        ),
        "superior": model.superior or "",
        "contact": model.contact or "",
        "first": first,
        "last": last,
        # A 公示 is dated the day it is posted.
        "signoff": signoff(
            org,
            first or (sign.date if sign else None),
            sign.show if sign else None,
            sealed=sealed(sign),
        ),
    }


def _entry(p: Candidate, sign_date: dt.date | None, days: int, workdays: bool) -> _Entry:
    kind = NOTICE_OF_STAGE[p.stage]
    first = getattr(p, f"{kind}_notice_from")
    last = getattr(p, f"{kind}_notice_to")
    if first is None:
        first = _start(p, kind, sign_date)
        if first is not None and workdays:
            first = _next_workday(first)
    if last is None and first is not None:
        last = _end(first, days, workdays)
    return _Entry(p, kind, first, last)


def _start(p: Candidate, kind: str, sign_date: dt.date | None) -> dt.date | None:
    """Where a 公示 the data gives no start for begins: the day after the 支委会's decision
    it makes known (积极分子, 发展对象); for the 公示 before a 支部大会, the 成文日期 while
    the meeting is still to come (none once it has met: that 公示 is past and unrecorded)."""
    decided = {"activist": p.activist, "prospect": p.prospect}.get(kind)
    if decided is not None:
        return decided + dt.timedelta(days=1)
    meeting = p.admitted if kind == "admit" else p.full_meeting
    return sign_date if meeting is None else None


def _next_workday(day: dt.date) -> dt.date | None:
    try:
        while not is_workday(day):
            day += dt.timedelta(days=1)
    except NoHolidaySchedule:
        return None
    return day


def _end(first: dt.date, days: int, workdays: bool) -> dt.date | None:
    if not workdays:
        return first + dt.timedelta(days=days - 1)
    try:
        return workday_end(first, days)
    except NoHolidaySchedule:
        # The 政审 of the data reports the missing schedule; the notice leaves the day blank.
        return None


def _names(people: list[Candidate]) -> str:
    """``萧远山、纪明月`` for up to three, else ``萧远山等5名``."""
    if len(people) <= 3:
        return "、".join(p.name for p in people)
    return f"{people[0].name}等{count_text(len(people), '名')}"


def _intro(kind: str, people: list[Candidate], model: Development) -> str:
    names = "、".join(p.name for p in people)
    if kind == "activist":
        return (
            f"{names}同志向党组织递交入党申请书后，经推荐和党支部委员会研究，"
            "拟确定为入党积极分子，列入培养教育计划。"
        )
    if kind == "prospect":
        return (
            f"{names}同志经过一年以上的培养教育和考察，党支部委员会听取党小组、培养联系人、"
            "党员和群众的意见后研究，拟将其列为发展对象。"
        )
    if kind == "admit":
        superior = model.superior or "上级党委"
        return (
            f"{names}同志已完成政治审查和集中培训，经{superior}预审合格，"
            "党支部拟提请支部党员大会讨论接收其为中共预备党员。"
        )
    ends = {probation_end(p) for p in people}
    when = f"于{date_text(ends.pop())}" if len(ends) == 1 and None not in ends else ""
    return (
        f"{names}同志的预备期将{when}期满，本人已提出转正申请，"
        "党支部拟提请支部党员大会讨论其转为中共正式党员。"
    )


def particulars(p: Candidate, kind: str) -> str:
    """One candidate as the 公示 presents them: who they are, then the steps this 公示 rests
    on (“何嘉禾，男，汉族，1993年3月生，博士研究生，软件工程系讲师，2025年11月19日经支部大会讨论
    接收为预备党员，入党介绍人贺知秋、程一帆。”); what the data leaves out is left out."""
    introducers = f"入党介绍人{list_text(p.introducers)}" if p.introducers else ""
    steps = {
        "activist": [_on(p.applied, "递交入党申请书")],
        "prospect": [_on(p.applied, "递交入党申请书"), _on(p.activist, "确定为入党积极分子")],
        "admit": [_on(p.prospect, "确定为发展对象"), introducers],
        "full": [_on(p.admitted, "经支部大会讨论接收为预备党员"), introducers],
    }[kind]
    return "，".join(x for x in (identity_text(p), *steps) if x) + "。"


def identity_text(p: Candidate) -> str:
    """“何嘉禾，男，汉族，1993年3月生，博士研究生，软件工程系讲师” (what is given)."""
    born = f"{p.birth.year}年{p.birth.month}月生" if p.birth else ""
    who = [p.name, p.gender or "", p.ethnicity or "", born, p.education or "", p.unit or ""]
    return "，".join(x for x in who if x)


def _on(day: dt.date | None, what: str) -> str:
    return f"{date_text(day)}{what}" if day else ""


__all__ = ["BLANK_DATE", "NOTICE_OF_STAGE", "identity_text", "notice_context", "particulars"]
