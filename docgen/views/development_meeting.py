"""The 支部党员大会 决议 on a candidate: 接收为预备党员, or the 转正 decision (按期转正, 延长
预备期, 取消预备党员资格), phrased from the meeting's date and counts.

Each candidate is voted on alone (细则第二十一条), so a 决议 is one person's; a roster's
document is the latest meeting's (a file for one person is that person's). Counts the data
does not give are printed as blank spaces to fill in, never guessed; the wording says a
majority only when the counts show one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from docgen.data.models.development import Candidate, Development
from docgen.data.rules.development import probation_end
from docgen.data.workdays import add_years
from docgen.views.common import count_text, date_text, sealed, sentence, signoff

#: A count the data leaves out: room for the pen.
BLANK = "　　"


@dataclass(frozen=True)
class Vote:
    """A meeting's counts: 有表决权的正式党员, present, for, against, abstaining, written."""

    entitled: int | None
    present: int | None
    votes_for: int | None
    against: int
    abstain: int
    written: int = 0
    method: str = "无记名投票"


def admission_vote(p: Candidate) -> Vote:
    """The vote of the 接收 meeting."""
    return Vote(
        p.vote_entitled,
        p.vote_present,
        p.votes_for,
        p.votes_against,
        p.votes_abstain,
        p.written_for,
        p.vote_method,
    )


def full_vote(p: Candidate) -> Vote:
    """The vote of the 转正 meeting."""
    return Vote(
        p.full_vote_entitled,
        p.full_vote_present,
        p.full_votes_for,
        p.full_votes_against,
        p.full_votes_abstain,
        p.full_written_for,
    )


def _n(value: int | None, unit: str) -> str:
    return count_text(value, unit) if value is not None else f"{BLANK}{unit}"


def attendance_sentence(vote: Vote) -> str:
    """“应到会有表决权的正式党员22名，实到20名，超过半数，会议有效。” (the judgement only
    when both counts are given: a meeting short of half is not valid, 细则第二十条)."""
    text = f"应到会有表决权的正式党员{_n(vote.entitled, '名')}，实到{_n(vote.present, '名')}"
    if vote.entitled is not None and vote.present is not None:
        text += "，超过半数，会议有效" if vote.present * 2 > vote.entitled else "，未超过半数"
    return text + "。"


def ballot_sentence(vote: Vote) -> str:
    """The ballot's counts, written opinions included, and whether they make a majority of
    the 有表决权的正式党员."""
    text = (
        f"会议采取{vote.method}的方式表决，赞成{_n(vote.votes_for, '票')}，"
        f"反对{count_text(vote.against, '票')}，弃权{count_text(vote.abstain, '票')}"
    )
    if vote.written:
        text += f"；因故未到会的正式党员中有{count_text(vote.written, '名')}书面表示赞成"
    if vote.votes_for is not None and vote.entitled is not None:
        favour = vote.votes_for + vote.written
        if favour * 2 > vote.entitled:
            text += f"。赞成共{count_text(favour, '票')}，超过有表决权的正式党员的半数"
        else:
            text += f"。赞成共{count_text(favour, '票')}，未超过有表决权的正式党员的半数"
    return text + "。"


def passed(vote: Vote) -> bool | None:
    """Whether the counts carry the motion; ``None`` when they are not all given."""
    if vote.votes_for is None or vote.entitled is None:
        return None
    return (vote.votes_for + vote.written) * 2 > vote.entitled


@dataclass(frozen=True)
class _Meeting:
    person: Candidate
    day: dt.date
    kind: str  # "admit" or "full"


def resolution_context(model: Development, branch: str) -> dict[str, Any]:
    """``resolution``: ``show``, ``kind``, ``title``, ``paras`` (the 决议's body) and
    ``signoff`` (the branch, dated the meeting)."""
    meetings = [m for p in model.candidates for m in _meetings(p)]
    if not meetings:
        return {"show": False, "kind": "", "title": "支部党员大会决议", "paras": []}
    latest = max(meetings, key=lambda m: m.day)
    superior = model.superior or "上级党委"
    maker = _admission if latest.kind == "admit" else _full
    body = maker(latest.person, branch, superior)
    sign = model.signoff
    org = (sign.org if sign and sign.org else None) or branch
    return {
        "show": True,
        "kind": latest.kind,
        "name": latest.person.name,
        "title": body[0],
        "paras": body[1],
        "signoff": signoff(org, latest.day, sign.show if sign else None, sealed=sealed(sign)),
    }


def _meetings(p: Candidate) -> list[_Meeting]:
    found = []
    if p.admitted is not None:
        found.append(_Meeting(p, p.admitted, "admit"))
    if p.full_meeting is not None and p.admitted is not None:
        found.append(_Meeting(p, p.full_meeting, "full"))
    return found


def _opening(day: dt.date, branch: str, subject: str) -> str:
    who = branch or "本支部"
    return f"{date_text(day)}，{who}召开支部党员大会，{subject}。"


def _admission(p: Candidate, branch: str, superior: str) -> tuple[str, list[str]]:
    assert p.admitted is not None  # noqa: S101 -- only called for a dated meeting
    vote = admission_vote(p)
    review = sentence(f"政治审查的结论是：{p.review_conclusion}") if p.review_conclusion else ""
    trained = ""
    if p.training_days or p.training_hours:
        trained = "参加了发展对象集中培训"
    grounds = "，".join(x for x in (f"{p.name}同志入党动机端正", trained) if x)
    outcome = admission_decision(p, superior)
    introducers = "、".join(p.introducers) if p.introducers else "入党介绍人"
    paras = [
        _opening(p.admitted, branch, f"讨论{p.name}同志的入党问题") + attendance_sentence(vote),
        f"会上，{p.name}同志汇报了对党的认识、入党动机和需要向党组织说明的问题；"
        f"入党介绍人{introducers}介绍了{p.name}同志的情况并表明意见；"
        "支部委员会报告了对其培养教育、考察和政治审查的情况。到会党员进行了讨论。",
        f"大会认为，{grounds}，经过一年以上的培养教育和考察，已经具备党员条件。{review}",
        ballot_sentence(vote),
        outcome,
    ]
    return f"关于接收{p.name}同志为中共预备党员的决议", paras


#: What the meeting found, for each 转正 result.
FULL_FINDING = {
    "按期转正": "在预备期内能够履行党员义务，发挥了党员作用，具备正式党员条件",
    "延长预备期": "在预备期内还有需要改进的地方，需要继续接受教育和考察",
    "取消预备党员资格": "在预备期内不具备党员条件",
}


def _full(p: Candidate, branch: str, superior: str) -> tuple[str, list[str]]:
    assert p.full_meeting is not None  # noqa: S101 -- only called for a dated meeting
    assert p.admitted is not None  # noqa: S101 -- _meetings asks for the 接收 first
    vote = full_vote(p)
    history = (
        f"{p.name}同志于{date_text(p.admitted)}经支部大会讨论接收为中共预备党员，"
        f"预备期至{date_text(add_years(p.admitted, 1))}期满。"
    )
    result = p.full_result or "按期转正"
    title, decision = full_decision(p, superior)
    paras = [
        _opening(p.full_meeting, branch, f"讨论预备党员{p.name}同志的转正问题")
        + attendance_sentence(vote),
        history + f"会上，{p.name}同志汇报了预备期间的思想、学习和工作情况，支部委员会介绍了"
        "对其教育考察的情况和党小组、党员群众的意见。到会党员进行了讨论。",
        f"大会认为，{p.name}同志{FULL_FINDING[result]}。",
        ballot_sentence(vote),
        decision,
    ]
    return title, paras


def admission_decision(p: Candidate, superior: str) -> str:
    """What the 接收 meeting decided, as the counts have it (“根据表决结果，大会同意……”)."""
    if passed(admission_vote(p)) is False:
        return f"根据表决结果，大会未通过接收{p.name}同志为中共预备党员的决议。"
    return f"根据表决结果，大会同意接收{p.name}同志为中共预备党员，报{superior}审批。"


def full_decision(p: Candidate, superior: str) -> tuple[str, str]:
    """The 转正 决议's title and what the meeting decided (按期转正 with the 党龄's start,
    延长 with the new end, 取消), as the counts have it."""
    end = probation_end(p)
    result = p.full_result or "按期转正"
    if result == "延长预备期":
        months = count_text(p.extension_months, "个月") if p.extension_months else f"{BLANK}个月"
        title = f"关于延长{p.name}同志预备期的决议"
        until = f"，至{date_text(end)}止" if p.extension_months and end else ""
        outcome = f"延长{p.name}同志的预备期{months}{until}"
    elif result == "取消预备党员资格":
        title = f"关于取消{p.name}同志预备党员资格的决议"
        outcome = f"取消{p.name}同志的预备党员资格"
    else:
        title = f"关于{p.name}同志按期转为中共正式党员的决议"
        since = f"，党龄自{date_text(end)}算起" if end else ""
        outcome = f"{p.name}同志按期转为中共正式党员{since}"
    if passed(full_vote(p)) is False:
        return title, f"根据表决结果，大会未通过{outcome}的决议。"
    return title, f"根据表决结果，大会同意{outcome}，报{superior}审批。"


__all__ = [
    "BLANK",
    "FULL_FINDING",
    "Vote",
    "admission_decision",
    "admission_vote",
    "attendance_sentence",
    "ballot_sentence",
    "full_decision",
    "full_vote",
    "passed",
    "resolution_context",
]
