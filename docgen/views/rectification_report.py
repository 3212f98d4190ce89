"""Wording of the 整改情况报告, drawn from the same rectification data as the plan and ledger.

The report states where each problem stands. Statuses are sorted into five
kinds — completed (销号), under way, long-term (长期坚持), not started, not yet
reported — and counted in digits (“12个问题中，已完成整改并销号的3个”), the form
of the counts typed in the data (GB/T 15835). Each problem gets its measures, progress,
status, owner and evidence as finished sentences; the closing section is
phrased from what is still open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from docgen.data.config import DEFAULT_CONFIG, DataConfig
from docgen.views.common import count_text, date_text, enumerate_text, list_text, sentence

DONE, ONGOING, LONG_TERM, NOT_STARTED, UNKNOWN = (
    "done",
    "ongoing",
    "long_term",
    "not_started",
    "unknown",
)
LONG_TERM_WORDS = ("长期坚持", "持续整改")
NOT_STARTED_WORDS = ("未启动",)

#: How each kind is named in the overview, in the order it is told.
_OVERVIEW = (
    (DONE, "已完成整改并销号的"),
    (ONGOING, "正在整改的"),
    (LONG_TERM, "需长期坚持、持续整改的"),
    (NOT_STARTED, "尚未启动的"),
    (UNKNOWN, "尚未报告整改状态的"),
)

#: What the branch does next about each kind that still has problems.
_NEXT = (
    (ONGOING, "对正在整改的{n}问题，按整改时限倒排进度，每月在支委会上对账，确保按期完成"),
    (NOT_STARTED, "对尚未启动的{n}问题，由责任人尽快提出具体安排，在时限内启动并完成"),
    (LONG_TERM, "对需长期坚持的{n}问题，把整改中见效的做法写进制度，定期检查执行情况"),
    (UNKNOWN, "对尚未报告整改状态的{n}问题，请责任人及时报告进展，纳入台账管理"),
    (DONE, "对已销号的{n}问题，适时开展回头看，防止问题反弹"),
)


def state_of(problem: dict[str, Any], config: DataConfig = DEFAULT_CONFIG) -> str:
    """The kind of a problem's state: done, not started, long-term, ongoing or unknown."""
    status = problem.get("status") or ""
    if status in config.done_statuses:
        return DONE
    if status in NOT_STARTED_WORDS:
        return NOT_STARTED
    deadline = problem.get("deadline")
    if status in LONG_TERM_WORDS or LONG_TERM_WORDS[0] in (problem.get("mode"), deadline):
        return LONG_TERM
    return ONGOING if status else UNKNOWN


def progress_report(
    title: str | None,
    branch: str,
    groups: Sequence[dict[str, Any]],
    as_of: dt.date | None,
) -> dict[str, Any]:
    """The report's own context: ``title``, ``intro``, ``overview`` paragraphs, ``groups``
    of problems with their report lines, and ``next_steps`` paragraphs. The template's
    title block breaks a long title by sense (:mod:`docgen.zh.title_break`)."""
    problems = [p for g in groups for p in g["problems"]]
    counts = {kind: 0 for kind, _ in _OVERVIEW}
    for p in problems:
        counts[state_of(p)] += 1
    return {
        "title": report_title(title, branch),
        "intro": _intro(title, len(problems)),
        "overview": overview(problems, counts, as_of),
        "groups": [_group(g) for g in groups],
        "next_steps": next_steps(counts),
    }


def report_title(plan_title: str | None, branch: str) -> str:
    """The plan's title turned into the report's: “…的整改方案” → “…整改情况的报告”."""
    if plan_title and plan_title.endswith("的整改方案"):
        return plan_title.removesuffix("的整改方案") + "整改情况的报告"
    if plan_title and plan_title.endswith("整改方案"):
        return plan_title.removesuffix("整改方案") + "整改情况报告"
    return f"{branch}关于问题整改情况的报告" if branch else "整改情况报告"


def _intro(plan_title: str | None, total: int) -> str:
    plan = f"《{plan_title}》" if plan_title else "整改方案"
    if not total:
        return f"按照{plan}的安排，支部推进整改工作。现将有关情况报告如下。"
    return (
        f"按照{plan}的安排，支部对查摆出的{count_text(total, '个')}问题逐条明确整改措施、"
        "责任人和整改时限，实行台账管理、对账销号。现将整改进展情况报告如下。"
    )


def overview(
    problems: Sequence[dict[str, Any]], counts: dict[str, int], as_of: dt.date | None
) -> list[str]:
    """The paragraphs of 整改工作总体情况: the counts by state, then by category and mode."""
    total = len(problems)
    if not total:
        return ["整改方案中没有列出需要整改的问题。"]
    when = f"截至{date_text(as_of)}" if as_of else "截至目前"
    if counts[DONE] == total:
        first = f"{when}，{count_text(total, '个')}问题已全部完成整改并销号。"
    elif counts[UNKNOWN] == total:
        first = f"支部共查摆出{count_text(total, '个')}问题，各问题的整改状态尚未报告。"
    else:
        parts = [
            f"{label}{count_text(counts[kind], '个')}" for kind, label in _OVERVIEW if counts[kind]
        ]
        first = f"{when}，{count_text(total, '个')}问题中，" + "，".join(parts) + "。"
    out = [first]
    extra = _categories_sentence(problems) + _modes_sentence(problems)
    if extra:
        out.append(extra)
    return out


def _categories_sentence(problems: Sequence[dict[str, Any]]) -> str:
    names = list(dict.fromkeys(p["category"] for p in problems if p.get("category")))
    if len(names) < 2:
        return ""
    listed = "、".join(names[:-1]) + "和" + names[-1]
    return f"问题涉及{listed}{count_text(len(names), '个')}方面。"


def _modes_sentence(problems: Sequence[dict[str, Any]]) -> str:
    modes: dict[str, int] = {}
    for p in problems:
        if p.get("mode"):
            modes[p["mode"]] = modes.get(p["mode"], 0) + 1
    if not modes:
        return ""
    order = DEFAULT_CONFIG.modes
    ranked = sorted(modes, key=lambda m: order.index(m) if m in order else len(order))
    parts = [f"{mode}的{count_text(modes[mode], '个')}" for mode in ranked]
    missing = len(problems) - sum(modes.values())
    if missing:
        parts.append(f"未明确整改方式的{count_text(missing, '个')}")
    return "按整改方式分，" + "，".join(parts) + "。"


def next_steps(counts: dict[str, int]) -> list[str]:
    """The paragraphs of 下一步工作打算, from what is still open."""
    tasks = [text.format(n=count_text(counts[kind], "个")) for kind, text in _NEXT if counts[kind]]
    opening = "下一步，支部将把整改作为经常性工作，按台账逐项推进、逐项对账。"
    if not tasks:
        return [opening]
    # One task is a plain sentence; several read 一是……；二是……。
    return [opening, sentence(enumerate_text(tasks))]


def _group(group: dict[str, Any]) -> dict[str, Any]:
    problems = [problem_lines(p) for p in group["problems"]]
    headed = any(p["lines"] for p in problems)
    if headed:
        # In a list of headed problems a bare one still says something under its heading.
        for p in problems:
            p["lines"] = p["lines"] or ["整改情况尚未报告。"]
    return {"heading": group["heading"], "problems": problems, "headed": headed}


def problem_lines(problem: dict[str, Any]) -> dict[str, Any]:
    """A problem with ``lines``: its measures, progress, status, owners and evidence."""
    state = state_of(problem)
    lines = []
    if problem["measures_text"]:
        lines.append(f"整改措施：{problem['measures_text']}")
    if problem["progress"]:
        lines.append(f"完成情况：{sentence(problem['progress'])}")
    status = status_text(problem, state)
    if status:
        lines.append(f"整改状态：{status}")
    owners = _owners(problem)
    if owners:
        lines.append(owners)
    evidence = problem.get("evidence") or []
    # A report lists the evidence it has; “佐证材料：无” is a line the secretary would cut.
    if state != UNKNOWN and evidence:
        lines.append(f"佐证材料：{list_text(evidence)}。")
    return {**problem, "state": state, "status_text": status, "lines": lines}


def status_text(problem: dict[str, Any], state: str) -> str:
    """“已完成，予以销号。”, “整改中，计划于2027年6月30日前完成。”, “持续整改，属长期坚持事项。”…"""
    due = _due(problem.get("deadline"))
    if state == DONE:
        return "已完成，予以销号。"
    if state == LONG_TERM:
        return "持续整改，属长期坚持事项。"
    if state == NOT_STARTED:
        return f"尚未启动，须于{due}完成。" if due else "尚未启动。"
    if state == ONGOING:
        status = problem["status"]
        return f"{status}，计划于{due}完成。" if due else f"{status}。"
    return f"尚未报告，整改时限为{due}。" if due else ""


def _due(deadline: object) -> str:
    """A deadline as “2027年6月30日前”; words that are not a time (长期坚持) give ``""``."""
    if isinstance(deadline, dt.date):
        return date_text(deadline) + "前"
    if not isinstance(deadline, str) or not deadline.strip():
        return ""
    text = deadline.strip()
    if text in DEFAULT_CONFIG.ongoing_deadlines:
        return ""
    return text if text.endswith("前") else text + "前"


def _owners(problem: dict[str, Any]) -> str:
    parts = []
    if problem.get("leader"):
        parts.append(f"责任领导：{problem['leader']}")
    if problem.get("owner"):
        parts.append(f"责任人：{problem['owner']}")
    return "；".join(parts) + "。" if parts else ""


__all__ = [
    "next_steps",
    "overview",
    "problem_lines",
    "progress_report",
    "report_title",
    "state_of",
    "status_text",
]
