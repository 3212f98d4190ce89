"""Wording of two 组织生活会 documents: the branch's notice and the committee's 对照检查材料.

Both read the same :class:`OrgLifeMeeting` as the presiding script and are
added to its context by :mod:`docgen.views.org_life` under their own keys,
``notice`` and ``self_review``, so one context serves every template of the kind.

The notice goes out before the meeting, so it asks for preparations rather
than reporting them: the data's 会前学习 list becomes what to study, its 征求意见
channels how opinions will be gathered. It is dated by the data's 通知日期; without one
the date is left blank for the secretary (the data's sign-off dates the report written
after the meeting).
The 对照检查材料 is read at the meeting and dated that day.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from docgen.data.models.org_life import OrgLifeMeeting
from docgen.data.models.rectification import Problem
from docgen.views.common import (
    bare_items,
    branch_name,
    committee_name,
    count_text,
    date_text,
    sealed,
    sentence,
    signoff,
)
from docgen.views.rectification import safeguard_view

_WEEKDAYS = "一二三四五六日"
#: A day or month the secretary writes in by hand.
_BLANK = "\u3000\u3000"


def org_life_documents(model: OrgLifeMeeting, meeting: str) -> dict[str, Any]:
    """``{"notice": …, "self_review": …}`` for the meeting called ``meeting``."""
    return {"notice": notice_view(model, meeting), "self_review": self_review_view(model, meeting)}


def notice_view(model: OrgLifeMeeting, meeting: str) -> dict[str, Any]:
    """The notice convening the meeting: when, where, who, agenda, what to prepare."""
    branch = branch_name(model)
    org = (model.signoff.org if model.signoff and model.signoff.org else "") or branch
    start = model.time.start if model.time else None
    return {
        "title": f"关于召开{meeting}的通知",
        "addressee": addressee(model),
        "opening": notice_opening(model, meeting, start),
        "time_text": moment_text(start),
        "location": model.location or "",
        "participants": participants_text(model),
        "agenda": [a.rstrip("。；;") for a in bare_items(model.agenda)],
        "preparations": preparations(model),
        "contact": contact_text(model),
        # A real 成文日期 when the data gives one; else a blank for the secretary's pen.
        # A date alone, with no organisation to sign, is no sign-off.
        "signoff": signoff(
            org,
            model.notice_date or blank_date(start),
            None if org else False,
            sealed(model.signoff),
        ),
    }


def addressee(model: OrgLifeMeeting) -> str:
    """“各党小组、全体党员：” when the branch has party groups, else “全体党员：”."""
    roster = model.roster
    return "各党小组、全体党员：" if roster is not None and roster.party_groups else "全体党员："


def notice_opening(model: OrgLifeMeeting, meeting: str, start: dt.date | None) -> str:
    """The opening sentence: on whose instruction, when, what is held."""
    basis = f"根据{model.superior_notice}要求，" if model.superior_notice else ""
    when = f"定于{date_text(start)}" if start else "近期"
    appraisal = "，同时开展民主评议党员" if model.democratic_appraisal is not None else ""
    return f"{basis}经支部委员会研究，{when}召开{meeting}{appraisal}。现将有关事项通知如下。"


def moment_text(start: dt.date | None) -> str:
    """``2026年12月23日（星期三）14:00``; the date alone when no time of day is given."""
    if start is None:
        return ""
    day = start.date() if isinstance(start, dt.datetime) else start
    text = f"{date_text(day)}（星期{_WEEKDAYS[day.weekday()]}）"
    if isinstance(start, dt.datetime):
        text += f"{start.hour}:{start.minute:02d}"
    return text


def participants_text(model: OrgLifeMeeting) -> str:
    """Every member, and the observers invited, as one sentence."""
    observers = "、".join(f"{p.role or ''}{p.name}同志" for p in model.attendance.observers or [])
    invited = f"；邀请{observers}列席指导" if observers else ""
    return f"支部全体党员{invited}。"


def preparations(model: OrgLifeMeeting) -> list[dict[str, str]]:
    """The four preparations asked of members: study, talks, opinions, written self-review."""
    prep = model.preparation
    study = "、".join(s.strip("。") for s in prep.study) if prep and prep.study else ""
    what = f"重点学习{study}" if study else "认真学习党章党规和上级有关要求"
    channels = "、".join(prep.opinion_channels) if prep and prep.opinion_channels else ""
    how = f"通过{channels}等方式" if channels else "通过多种方式"
    appraisal = (
        "，并对照党员标准做好民主评议党员的个人自评准备"
        if model.democratic_appraisal is not None
        else ""
    )
    return [
        {
            "lead": "认真开展会前学习。",
            "rest": f"全体党员要{what}，把思想统一到会议要求上来，为开好会议打好基础。",
        },
        {
            "lead": "深入开展谈心谈话。",
            "rest": "支委之间、支委与党员之间、党员之间要普遍谈心，既讲自身问题，也坦诚指出"
            "对方不足，交流思想、化解隔阂，把问题谈开、把意见谈透。",
        },
        {
            "lead": "广泛征求意见建议。",
            "rest": f"支委会{how}听取党员、群众和服务对象对支部班子及党员的意见建议，"
            "梳理汇总后如实反馈给本人。",
        },
        {
            "lead": "认真撰写对照检查材料。",
            "rest": "支委会形成支部班子对照检查材料，每名党员撰写个人对照检查材料，"
            f"做到问题查摆具体、原因剖析深入、整改措施可行{appraisal}。",
        },
    ]


def contact_text(model: OrgLifeMeeting) -> str:
    """Who to ask: the recorder (usually the 组织委员), else the host."""
    person = model.recorder or model.host
    if person is None:
        return ""
    # Role before name (“组织委员邵嘉明”): the 附注 prints in brackets, and a bracketed
    # role inside them would nest.
    return f"联系人：{person.role or ''}{person.name}"


def blank_date(start: dt.date | None) -> str:
    """A 成文日期 the secretary fills in by hand: ``2026年　　月　　日`` (the meeting's year)."""
    year = f"{start.year}" if start else _BLANK
    return f"{year}年{_BLANK}月{_BLANK}日"


def self_review_view(model: OrgLifeMeeting, meeting: str) -> dict[str, Any]:
    """The committee's 对照检查材料: achievements, problems by category, causes, measures."""
    branch = branch_name(model)
    review = model.branch_review
    problems = list(review.problems) if review else []
    start = model.time.start if model.time else None
    org = (model.signoff.org if model.signoff and model.signoff.org else "") or branch
    return {
        "title": f"{committee_name(branch)}{meeting}对照检查材料",
        "presenter_line": presenter_line(model),
        "intro": review_intro(model, problems),
        "achievements": sentence(review.achievements or "") if review else "",
        "problem_groups": problem_groups(problems),
        "problem_summary": problem_summary(problems),
        "causes": [safeguard_view(c) for c in bare_items(review.causes if review else [])],
        "measures": [safeguard_view(m) for m in bare_items(review.measures if review else [])],
        "signoff": signoff(committee_name(org), start),
    }


def presenter_line(model: OrgLifeMeeting) -> str:
    """The line under the title: “支部书记　孟庆岚” when the host presents, else the name."""
    review = model.branch_review
    name = (review.presenter if review else None) or (model.host.name if model.host else "")
    host = model.host
    if host is not None and host.name == name and host.role:
        return f"{host.role}\u3000{name}"
    return name


def review_intro(model: OrgLifeMeeting, problems: list[Problem]) -> str:
    """How the review was prepared and what it covers."""
    basis = f"按照{model.superior_notice}要求，" if model.superior_notice else ""
    prep = model.preparation
    opinions = (
        f"共征求到意见建议{prep.opinions_collected}条，"
        if prep is not None and prep.opinions_collected
        else ""
    )
    categories = list(dict.fromkeys(p.category for p in problems if p.category))
    scope = f"围绕{'、'.join(categories)}等方面，" if categories else ""
    return (
        f"{basis}支委会在会前学习、谈心谈话和征求意见的基础上，{opinions}{scope}"
        "对照党章党规和上级要求，认真查摆支部班子存在的问题，深入剖析原因，"
        "研究制定整改措施。现将对照检查情况报告如下，请同志们批评指正。"
    )


def problem_summary(problems: list[Problem]) -> str:
    """“经认真查摆，支部班子在六个方面共查摆出十二个问题。”."""
    categories = {p.category for p in problems if p.category}
    where = f"在{count_text(len(categories), '个')}方面" if categories else ""
    return f"经认真查摆，支部班子{where}共查摆出{count_text(len(problems), '个')}问题。"


def problem_groups(problems: list[Problem]) -> list[dict[str, Any]]:
    """Problems in their categories' order of first appearance; ``heading`` “政治建设方面”,
    empty for problems without a category (they then need no subheading)."""
    groups: dict[str, list[dict[str, str]]] = {}
    for problem in problems:
        groups.setdefault(problem.category or "", []).append(
            {
                "title": sentence(problem.title),
                "manifestation": sentence(problem.manifestation or ""),
            }
        )
    return [
        {"heading": f"{category}方面" if category else "", "problems": items}
        for category, items in groups.items()
    ]


__all__ = [
    "addressee",
    "blank_date",
    "contact_text",
    "moment_text",
    "notice_opening",
    "notice_view",
    "org_life_documents",
    "participants_text",
    "preparations",
    "presenter_line",
    "problem_groups",
    "problem_summary",
    "review_intro",
    "self_review_view",
]
