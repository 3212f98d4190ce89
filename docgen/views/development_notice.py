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
from docgen.views.common import count_text, date_text, list_text

#: The 公示 each stage calls for, by the prefix of its fields.
NOTICE_OF_STAGE = {2: "activist", 3: "prospect", 4: "admit", 5: "full"}

#: What the title says the candidates are put forward for.
_TITLE_PHRASE = {
    "activist": "确定为入党积极分子",
    "prospect": "列为发展对象",
    "admit": "拟接收为中共预备党员",
    "full": "拟转为中共正式党员",
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
    """``notice``: ``show``, ``kind``, ``title``, ``intro``, ``rows``, ``period_text`` and the
    closing wording; ``show`` false when no candidate has reached a stage with a 公示."""
    local = model.checked_config.local_rules
    days, workdays = local.development_notice_days, local.development_notice_workdays
    sign_date = model.signoff.date if model.signoff else None
    entries = [
        _entry(p, sign_date, days, workdays) for p in model.candidates if p.stage in NOTICE_OF_STAGE
    ]
    if not entries:
        return {"show": False, "kind": "", "title": "", "rows": []}
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
        "title": f"关于{_names(people)}同志{_TITLE_PHRASE[latest.kind]}的公示",
        "intro": _intro(latest.kind, people, model),
        "rows": [_row(n, p) for n, p in enumerate(people, 1)],
        "period_text": (
            f"{date_text(first) if first else BLANK_DATE}至"
            f"{date_text(last) if last else BLANK_DATE}（{count_text(days, unit)}）"
        ),
        "superior": model.superior or "",
        "contact": model.contact or "",
        "branch": branch,
        "first": first,
        "last": last,
    }


def _entry(p: Candidate, sign_date: dt.date | None, days: int, workdays: bool) -> _Entry:
    kind = NOTICE_OF_STAGE[p.stage]
    first = getattr(p, f"{kind}_notice_from")
    last = getattr(p, f"{kind}_notice_to")
    if first is None:
        after = {"activist": p.activist, "prospect": p.prospect, "admit": p.pre_review}.get(kind)
        first = sign_date or (after + dt.timedelta(days=1) if after else None)
        if first is not None and workdays:
            first = _next_workday(first)
    if last is None and first is not None:
        last = _end(first, days, workdays)
    return _Entry(p, kind, first, last)


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


def _row(seq: int, p: Candidate) -> dict[str, Any]:
    return {
        "seq": seq,
        "name": p.name,
        "gender": p.gender or "",
        "ethnicity": p.ethnicity or "",
        "birth": f"{p.birth.year}年{p.birth.month}月" if p.birth else "",
        "education": p.education or "",
        "unit": p.unit or "",
        "applied": date_text(p.applied),
        "activist": date_text(p.activist),
        "prospect": date_text(p.prospect),
        "admitted": date_text(p.admitted),
        "introducers": list_text(p.introducers, empty=""),
    }


__all__ = ["BLANK_DATE", "NOTICE_OF_STAGE", "notice_context"]
