"""Deadlines may not precede the meeting or the plan that sets them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from docgen.data.dates import deadline_by
from docgen.data.models import Minutes, OrgLifeMeeting, Problem, Rectification
from docgen.data.positions import Path
from docgen.data.rules.base import Finding, RuleContext, rule


@rule(Rectification)
def plan_deadlines(doc: Rectification, ctx: RuleContext) -> Iterator[Finding]:
    """Each problem's deadline is on or after the plan's date (``signoff.date``)."""
    if doc.signoff is not None and doc.signoff.date is not None:
        yield from problem_deadlines(
            doc.problems, doc.signoff.date, ("problems",), "方案日期", "plan date"
        )


@rule(Rectification)
def report_dates(doc: Rectification, ctx: RuleContext) -> Iterator[Finding]:
    """The 整改情况报告 comes after the plan, and its figures stand on or before its date."""
    dates = doc.progress_report
    if dates is None:
        return
    plan = doc.signoff.date if doc.signoff is not None else None
    path = ("progress_report",)
    for value, field in ((dates.date, "date"), (dates.as_of, "as_of")):
        if plan is not None and value is not None and value < plan:
            yield Finding(
                "report_before_plan",
                f"整改情况报告的日期 {value.isoformat()} 早于方案日期 {plan.isoformat()}",
                f"the progress report's date {value.isoformat()} is before the plan date "
                f"{plan.isoformat()}",
                (*path, field),
            )
    if dates.date is not None and dates.as_of is not None and dates.as_of > dates.date:
        yield Finding(
            "as_of_after_report",
            f"截至日期 {dates.as_of.isoformat()} 晚于报告日期 {dates.date.isoformat()}",
            f"the as-of date {dates.as_of.isoformat()} is after the report's date "
            f"{dates.date.isoformat()}",
            (*path, "as_of"),
        )


@rule(Minutes)
def minutes_deadlines(doc: Minutes, ctx: RuleContext) -> Iterator[Finding]:
    """Follow-up tasks and the problems of a review are due on or after the meeting day."""
    day = doc.day
    for index, task in enumerate(doc.follow_up):
        if task.due is not None and task.due < day:
            yield _early(task.due, day, ("follow_up", index, "due"), "会议日期", "meeting date")
    if doc.branch_review is not None:
        path = ("branch_review", "problems")
        yield from problem_deadlines(
            doc.branch_review.problems, day, path, "会议日期", "meeting date"
        )


@rule(OrgLifeMeeting)
def org_life_deadlines(doc: OrgLifeMeeting, ctx: RuleContext) -> Iterator[Finding]:
    """The problems of the committee's review are due on or after the meeting day."""
    if doc.time is not None and doc.branch_review is not None:
        path = ("branch_review", "problems")
        yield from problem_deadlines(
            doc.branch_review.problems, doc.time.day, path, "会议日期", "meeting date"
        )


def problem_deadlines(
    problems: Sequence[Problem], start: dt.date, base: Path, zh: str, en: str
) -> Iterator[Finding]:
    """A finding for each deadline before ``start`` (2026年3月底前 counts as March 31;
    texts like 长期坚持 pass)."""
    for index, problem in enumerate(problems):
        due = problem.deadline
        if isinstance(due, str):
            due = deadline_by(due)
        if due is not None and due < start:
            yield _early(due, start, (*base, index, "deadline"), zh, en)


def _early(deadline: dt.date, start: dt.date, path: Path, zh: str, en: str) -> Finding:
    return Finding(
        "deadline_too_early",
        f"时限 {deadline.isoformat()} 早于{zh} {start.isoformat()}",
        f"deadline {deadline.isoformat()} is before the {en} {start.isoformat()}",
        path,
    )


__all__ = ["problem_deadlines"]
