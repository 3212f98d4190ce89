"""The 发展党员全程纪实表 of one candidate: every step of the five stages with its date, who
did it and what came of it, grouped by stage.

Each step is a row whether or not it has happened yet, so the record is also the form the
branch keeps filling in: a step not reached leaves its date, its people and its outcome
empty (the default organisation, 支部委员会 or 支部党员大会, is printed only once the step
has a date). The 签字 column is left for the pen.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from docgen.data.models.development import Candidate, Development
from docgen.data.rules.development import probation_end
from docgen.views.common import count_text, date_text, list_text
from docgen.views.development_meeting import Vote, admission_vote, full_vote

#: Each stage (the 细则's chapters 二 to 六) as the record's merged cell names it.
STAGE_CELLS = ("入党申请", "积极分子", "发展对象", "接收预备党员", "预备期和转正")

#: Who takes the 支委会's decisions, as a cell names it (the full name is in the head).
COMMITTEE = "支部委员会"
#: The body that pre-reviews and approves, as a cell names it.
SUPERIOR = "上级党委"


def period_text(first: dt.date | None, last: dt.date | None) -> str:
    """``2026年5月6日至5月11日`` (the year once when both days share it), one end alone, or
    ``""``."""
    if first is None or last is None:
        return date_text(first or last)
    if first.year == last.year:
        return f"{date_text(first)}至{last.month}月{last.day}日"
    return f"{date_text(first)}至{date_text(last)}"


def _row(step: str, day: str, who: str = "", detail: str = "") -> dict[str, str]:
    return {"step": step, "date": day, "who": who, "detail": detail}


def _done(day: dt.date | None, who: str) -> str:
    """``who`` once the step is dated, else empty: an organisation is not credited with a
    step it has not taken."""
    return who if day is not None else ""


def vote_text(person: Candidate) -> str:
    """The 接收 vote as the record notes it: “有表决权22名，到会20名；赞成20票（另有
    书面赞成意见1份），反对0票，弃权0票”; ``""`` before the vote."""
    if person.admitted is None:
        return ""
    return counts_text(admission_vote(person))


def counts_text(vote: Vote) -> str:
    """A meeting's counts as a cell notes them; ``""`` when the 赞成 count is not given."""
    if vote.votes_for is None:
        return ""
    parts = []
    if vote.entitled is not None:
        parts.append(f"有表决权{count_text(vote.entitled, '名')}")
    if vote.present is not None:
        parts.append(f"到会{count_text(vote.present, '名')}")
    ballot = f"赞成{vote.votes_for}票"
    if vote.written:
        ballot += f"（另有书面赞成意见{vote.written}份）"
    ballot += f"，反对{vote.against}票，弃权{vote.abstain}票"
    return "，".join(parts) + ("；" if parts else "") + ballot


def full_result_text(person: Candidate) -> str:
    """What the 转正 meeting decided, with the extension's length."""
    if person.full_result == "延长预备期" and person.extension_months:
        return f"延长预备期{count_text(person.extension_months, '个月')}"
    return person.full_result or ""


def _stage1(p: Candidate) -> list[dict[str, str]]:
    return [
        _row("递交入党申请书", date_text(p.applied), _done(p.applied, p.name)),
        _row(
            "党组织派人谈话", date_text(p.talked), p.talker or "", "见谈话记录" if p.talked else ""
        ),
    ]


def _stage2(p: Candidate, committee: str) -> list[dict[str, str]]:
    return [
        _row("推荐", date_text(p.recommended), p.recommend_method or ""),
        _row("支委会确定", date_text(p.activist), _done(p.activist, committee)),
        _row("公示", period_text(p.activist_notice_from, p.activist_notice_to)),
        _row(
            "指定培养联系人",
            date_text(p.activist) if p.contacts else "",
            list_text(p.contacts, empty=""),
        ),
        _row("培养教育考察", "", list_text(p.contacts, empty=""), "；".join(p.inspections)),
    ]


def training_amount(p: Candidate) -> str:
    """``3天、24学时`` of the 集中培训, what the data holds of it, or ``""`` (one wording for
    the 纪实表, the 预审请示 and the 名册)."""
    pieces = (
        count_text(p.training_days, "天") if p.training_days else "",
        count_text(p.training_hours, "学时") if p.training_hours else "",
    )
    return "、".join(x for x in pieces if x)


def _stage3(p: Candidate, committee: str) -> list[dict[str, str]]:
    amount = training_amount(p)
    training = "集中培训" + amount if amount else ""
    return [
        _row("支委会确定", date_text(p.prospect), _done(p.prospect, committee)),
        _row("公示", period_text(p.prospect_notice_from, p.prospect_notice_to)),
        _row("确定入党介绍人", "", list_text(p.introducers, empty="")),
        _row(
            "政治审查",
            date_text(p.review_date),
            _done(p.review_date, committee),
            p.review_conclusion or "",
        ),
        _row("集中培训", period_text(p.training_from, p.training_to), "", training),
    ]


def _superior(name: str | None, model: Development) -> str:
    """“上级党委” for the roster's own 上级党委 (its full name heads the documents that cite
    it), another body by its name."""
    if not name or name == model.superior:
        return SUPERIOR if model.superior or name else ""
    return name


def _stage4(p: Candidate, model: Development, committee: str) -> list[dict[str, str]]:
    superior = _superior(None, model) or SUPERIOR
    return [
        _row("上级党委预审", date_text(p.pre_review), _done(p.pre_review, superior)),
        _row("填写入党志愿书", date_text(p.form_date), _done(p.form_date, p.name)),
        _row("公示", period_text(p.admit_notice_from, p.admit_notice_to)),
        _row(
            "支部大会讨论", date_text(p.admitted), _done(p.admitted, "支部党员大会"), vote_text(p)
        ),
        _row(
            "上级党委审批",
            date_text(p.approved),
            _done(p.approved, _superior(p.approved_by, model) or superior),
        ),
    ]


def _stage5(p: Candidate, model: Development) -> list[dict[str, str]]:
    end = probation_end(p)
    superior = _superior(p.approved_by, model) or SUPERIOR
    seniority = ""
    if p.full_result == "按期转正" and end is not None:
        seniority = f"党龄自{date_text(end)}算起"
    return [
        _row("公示", period_text(p.full_notice_from, p.full_notice_to)),
        _row(
            "支部大会讨论",
            date_text(p.full_meeting),
            _done(p.full_meeting, "支部党员大会"),
            "；".join(x for x in (full_result_text(p), counts_text(full_vote(p))) if x),
        ),
        _row(
            "上级党委审批", date_text(p.full_approved), _done(p.full_approved, superior), seniority
        ),
    ]


def record_stages(person: Candidate, model: Development) -> list[dict[str, Any]]:
    """The record's rows under their stage: ``[{name, rows: [{step, date, who, detail}]}]``."""
    committee = COMMITTEE
    groups = (
        _stage1(person),
        _stage2(person, committee),
        _stage3(person, committee),
        _stage4(person, model, committee),
        _stage5(person, model),
    )
    return [{"name": name, "rows": rows} for name, rows in zip(STAGE_CELLS, groups, strict=True)]


__all__ = [
    "COMMITTEE",
    "STAGE_CELLS",
    "SUPERIOR",
    "counts_text",
    "full_result_text",
    "period_text",
    "record_stages",
    "vote_text",
]
