"""The rectification view: a :class:`Rectification` as the context of 整改方案, 台账 and 报告.

The 整改情况报告's own wording is under the ``report`` key, built by
:mod:`docgen.views.rectification_report` from the same problem views.

Derived wording lives here rather than in Jinja: measures as “一是……；二是……。”,
a problem's duties in one sentence, deadlines as dates or 长期坚持, problems
grouped by category for the plan, ledger rows with numbered measures, steps and
safeguards with their run-in leads, and the sign-off (placed by alignment and indent, so
the landscape 台账 and the portrait 方案 share it).
"""

from __future__ import annotations

from typing import Any

from docgen.data.models.rectification import Problem, Rectification, Step
from docgen.views.common import (
    NONE_TEXT,
    addressee_text,
    bare,
    bare_items,
    branch_name,
    deadline_text,
    enumerate_text,
    list_text,
    numbered_lines,
    sealed,
    sentence,
    signoff,
)
from docgen.views.rectification_report import progress_report

#: A safeguard's first sentence becomes its run-in lead when it is this short.
_LEAD_MAX = 14
OTHER_CATEGORY = "其他"


def rectification_context(model: Rectification) -> dict[str, Any]:
    """The template context: the model's own fields plus the derived ones."""
    branch = branch_name(model)
    problems = [problem_view(p, n) for n, p in enumerate(model.problems, 1)]
    sign = model.signoff
    org = (sign.org if sign and sign.org else "") or branch
    groups = _groups(problems)
    return {
        **model.model_dump(mode="python", exclude={"problems", "steps", "signoff"}),
        "branch": branch,
        "title": model.title or _title(branch, "整改方案"),
        "ledger_title": _ledger_title(model.title, branch),
        "basis": model.basis or "",
        "guiding_thought": model.guiding_thought or "",
        "goals": bare_items(model.goals),
        "problems": problems,
        "problem_groups": groups,
        "ledger": [ledger_row(p) for p in problems],
        "steps": [step_view(s) for s in model.steps],
        "safeguards": [safeguard_view(s) for s in model.safeguards],
        "signoff": signoff(
            org, sign.date if sign else None, sign.show if sign else None, sealed=sealed(sign)
        ),
        "report": report_context(model, org, groups),
    }


def report_context(model: Rectification, org: str, groups: list[dict[str, Any]]) -> dict[str, Any]:
    """The 整改情况报告: written after the plan, so its sign-off date and its 截至 date are
    its own (``progress_report``), never the plan's. Without a report date the sign-off
    carries no date and the figures stand “截至目前”, for the secretary to date by hand."""
    dates = model.progress_report
    day = dates.date if dates else None
    as_of = (dates.as_of if dates else None) or day
    sign = model.signoff
    show = sign.show if sign else None
    return {
        **progress_report(model.title, branch_name(model), groups, as_of),
        "addressee": addressee_text(dates.addressee if dates else None),
        "signoff": signoff(org, day, show, sealed=sealed(sign)),
    }


def problem_view(problem: Problem, seq: int) -> dict[str, Any]:
    """One problem with its wording: ``measures_text``, ``duty_text``, ``deadline_text``…

    ``has_details`` tells whether anything beyond the title is known;
    ``title_sentence`` is the title as a sentence, for a problem stated alone.
    """
    details = (
        problem.manifestation,
        problem.causes,
        problem.measures,
        problem.goal,
        problem.leader,
        problem.owner,
        problem.deadline,
    )
    return {
        **problem.model_dump(mode="python"),
        "seq": seq,
        "has_details": any(d for d in details),
        "title": bare(problem.title) or problem.title,
        "title_sentence": sentence(bare(problem.title) or problem.title),
        "category": problem.category or "",
        "manifestation": problem.manifestation or "",
        "causes_text": enumerate_text(problem.causes),
        "measures_text": enumerate_text(problem.measures),
        "measures_lines": numbered_lines(problem.measures),
        "goal": problem.goal or "",
        "deadline_text": deadline_text(problem.deadline),
        "duty_text": _duties(problem),
        "owner": problem.owner or "",
        "leader": problem.leader or "",
        "mode": problem.mode or "",
        "status": problem.status or "",
        "progress": problem.progress or "",
        "evidence_text": list_text(problem.evidence),
        "note": problem.note or "",
    }


def ledger_row(problem: dict[str, Any]) -> dict[str, Any]:
    """A 整改台账 row: every cell as text (blank cells stay blank, never “None”)."""
    return {
        "seq": problem["seq"],
        "category": problem["category"],
        "title": problem["title"],
        "measures": problem["measures_lines"] or NONE_TEXT,
        "owner": problem["owner"],
        "deadline": problem["deadline_text"],
        "progress": problem["progress"],
        "status": problem["status"],
        "note": problem["note"],
    }


def step_view(step: Step) -> dict[str, Any]:
    """A step: ``heading`` “制定方案（2026年12月）” and its ``content``."""
    period = f"（{step.period}）" if step.period else ""
    return {"heading": f"{step.phase}{period}", "content": sentence(step.content or "")}


def safeguard_view(text: str) -> dict[str, str]:
    """A safeguard split into a short run-in ``lead`` sentence and the ``rest``."""
    text = bare(text)
    head, mark, rest = text.partition("。")
    if mark and rest.strip() and len(head) <= _LEAD_MAX:
        return {"lead": head + mark, "rest": rest.strip()}
    return {"lead": "", "rest": text}


def _duties(problem: Problem) -> str:
    parts = []
    if problem.leader:
        parts.append(f"责任领导：{problem.leader}")
    if problem.owner:
        parts.append(f"责任人：{problem.owner}")
    if problem.deadline is not None:
        parts.append(f"整改时限：{deadline_text(problem.deadline, '前')}")
    return "；".join(parts) + "。" if parts else ""


def _groups(problems: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Problems by category in order of first appearance; ``heading`` “政治建设方面”.

    Without any category there is one group with an empty heading, which the
    template leaves out (the problems then sit one level up).
    """
    if not any(p["category"] for p in problems):
        return [{"heading": "", "problems": problems}] if problems else []
    groups: dict[str, list[dict[str, Any]]] = {}
    for p in problems:
        groups.setdefault(p["category"] or OTHER_CATEGORY, []).append(p)
    return [{"heading": f"{c}方面", "problems": ps} for c, ps in groups.items()]


def _title(branch: str, genre: str) -> str:
    return f"{branch}{genre}" if branch else genre


def _ledger_title(title: str | None, branch: str) -> str:
    if title and title.endswith("整改方案"):
        return title.removesuffix("整改方案") + "整改台账"
    return _title(branch, "整改台账")


__all__ = [
    "ledger_row",
    "problem_view",
    "rectification_context",
    "report_context",
    "safeguard_view",
    "step_view",
]


KIND = "rectification"
context = rectification_context
