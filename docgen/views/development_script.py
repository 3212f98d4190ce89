"""The 主持词 of a 支部党员大会 on 发展党员: what the host says, step by step, when the meeting
discusses the 发展对象 (接收) or, when none is waiting, the 预备党员 (按期转正).

Each candidate is discussed and voted on alone (细则第二十条、第二十一条), so the steps repeat
per candidate. The branch's counts come from its roster when it is known; what only the
meeting can know (how many came, the tellers, the result) is a blank the host fills in.
"""

from __future__ import annotations

from typing import Any

from docgen.data.models.development import Candidate, Development
from docgen.views.common import count_text, list_text

#: A count or name the host writes in.
BLANK = "　　"


def script_context(model: Development) -> dict[str, Any]:
    """``script``: ``show``, ``kind`` (admit/full), ``opening``, ``people`` (each
    ``name`` and ``steps``) and ``closing``."""
    admit = [p for p in model.candidates if p.stage == 3]
    full = [p for p in model.candidates if p.stage == 4]
    people, kind = (admit, "admit") if admit else (full, "full")
    if not people:
        return {"show": False, "people": []}
    names = "、".join(p.name for p in people)
    subject = f"{names}同志的入党问题" if kind == "admit" else f"预备党员{names}同志的转正问题"
    return {
        "show": True,
        "kind": kind,
        "opening": [f"现在开会。今天召开支部党员大会，讨论{subject}。" + _counts(model)],
        "order": (
            "按照发展党员工作的程序，大会对每名同志逐个讨论、逐个表决。"
            "表决采取无记名投票的方式，只有有表决权的正式党员参加表决，预备党员不参加表决；"
            "因故不能到会的正式党员书面表示的意见，计入票数。"
        ),
        "people": [
            {"name": p.name, "steps": _admit(p) if kind == "admit" else _full(p)} for p in people
        ],
        "closing": (
            "各项议程已经完成。会后，支部将把大会决议和有关材料及时报上级党委审批。现在散会。"
        ),
    }


def _counts(model: Development) -> str:
    roster = model.roster
    if roster is None or not roster.members:
        total = formal = probationary = BLANK
    else:
        voting = len(roster.voting_members())
        formal = str(voting)
        probationary = str(len(roster.members) - voting)
        total = str(len(roster.members))
    return (
        f"支部现有党员{total}名，其中有表决权的正式党员{formal}名、预备党员{probationary}名；"
        f"今天到会有表决权的正式党员{BLANK}名，超过（未超过）半数，会议有效（不能表决）。"
    )


def _vote_steps(question: str) -> list[str]:
    return [
        f"下面进行表决。请监票人{BLANK}同志、计票人{BLANK}同志分发表决票，"
        f"请有表决权的正式党员对“{question}”在表决票上划“○”。",
        "请计票人报告表决结果。",
        f"表决结果：赞成{BLANK}票，反对{BLANK}票，弃权{BLANK}票，另有书面赞成意见{BLANK}份。"
        "赞成票（含书面意见）超过（未超过）应到会有表决权的正式党员的半数，"
        f"{question}的决议获得通过（未获通过）。",
    ]


def _admit(p: Candidate) -> list[str]:
    introducers = list_text(p.introducers, empty=f"{BLANK}、{BLANK}")
    return [
        f"请{p.name}同志汇报对党的认识、入党动机、本人履历和需要向党组织说明的问题。",
        f"请入党介绍人{introducers}同志介绍{p.name}同志的情况，并对其能否入党表明意见。",
        f"请支部委员会报告对{p.name}同志培养教育、考察和政治审查的情况。",
        f"请到会党员对{p.name}同志能否入党充分发表意见。",
        *_vote_steps(f"接收{p.name}同志为中共预备党员"),
    ]


def _full(p: Candidate) -> list[str]:
    months = "" if p.extension_months is None else count_text(p.extension_months, "个月")
    return [
        f"请{p.name}同志宣读转正申请，汇报预备期间的思想、学习和工作情况。",
        f"请支部委员会介绍对{p.name}同志预备期间的教育考察情况和党小组、党员群众的意见。"
        + (f"（原延长预备期{months}）" if months else ""),
        f"请到会党员对{p.name}同志能否按期转正充分发表意见。",
        *_vote_steps(f"{p.name}同志按期转为中共正式党员"),
    ]


__all__ = ["BLANK", "script_context"]
