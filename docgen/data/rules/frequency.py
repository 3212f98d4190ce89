"""The yearly frequency self-check of an annual plan (``domain.md`` §2.0), as warnings.

Counts the schedule's meeting types against :class:`~docgen.data.config.FrequencyRules`:
12 主题党日 (one a month), ≥ 4 支部党员大会, ≥ 12 支委会, ≥ 12 党小组会 per party
group, ≥ 1 党课 by the secretary, ≥ 1 组织生活会, 民主评议党员. A plan with a
``quarter`` (the 三会一课 报备表's quarter) also has that quarter counted against the
条例's 一般每季度/一般每月 (a quarter of each yearly minimum). Local rules from
:class:`~docgen.data.config.LocalRules` add per-quarter checks when switched on.
"""

from __future__ import annotations

from collections.abc import Iterator

from docgen.data.dues_ledger import quarter_months
from docgen.data.models import AnnualPlan, Branch, ScheduleEntry
from docgen.data.rules.base import Finding, RuleContext, rule

_PATH = ("schedule",)


def _months(plan: AnnualPlan, meeting: str) -> list[int]:
    return [e.month for e in plan.schedule if meeting in e.meeting_types()]


def _warn(code: str, zh: str, en: str) -> Finding:
    return Finding(code, zh, en, _PATH, "warning")


@rule(AnnualPlan)
def yearly_counts(plan: AnnualPlan, ctx: RuleContext) -> Iterator[Finding]:
    """The national minimums (each switched off by a count of 0)."""
    need = ctx.config.frequency
    theme_months = set(_months(plan, "主题党日"))
    if need.theme_days and len(_months(plan, "主题党日")) < need.theme_days:
        gaps = "、".join(f"{m}月" for m in range(1, 13) if m not in theme_months) or "无"
        yield _warn(
            "frequency_theme_day",
            f"全年安排主题党日 {len(_months(plan, '主题党日'))} 次，少于 {need.theme_days} 次"
            f"（每月 1 次）；未安排的月份：{gaps}",
            f"{len(_months(plan, '主题党日'))} 主题党日 planned, fewer than {need.theme_days}",
        )
    for meeting, minimum, code in (
        ("支部党员大会", need.general_meetings, "frequency_general_meeting"),
        ("支委会", need.committee_meetings, "frequency_committee"),
        ("组织生活会", need.org_life_meetings, "frequency_org_life"),
    ):
        count = len(_months(plan, meeting))
        if minimum and count < minimum:
            yield _warn(
                code,
                f"全年安排{meeting} {count} 次，少于 {minimum} 次",
                f"{count} {meeting} planned, fewer than {minimum}",
            )
    yield from _group_meetings(plan, ctx.branch, need.group_meetings_per_group)
    yield from _lectures(plan, ctx.branch, need.secretary_lectures)
    appraisals = sum(1 for e in plan.schedule if _is_appraisal(e))
    if need.appraisals and appraisals < need.appraisals:
        yield _warn(
            "frequency_appraisal",
            f"全年未安排民主评议党员（应至少 {need.appraisals} 次）",
            f"no 民主评议党员 planned (at least {need.appraisals} expected)",
        )


def _is_appraisal(entry: ScheduleEntry) -> bool:
    if "民主评议党员" in entry.meeting_types():
        return True
    text = " ".join([entry.theme or "", entry.note or "", entry.form or "", *entry.content])
    return "民主评议" in text


def _group_counts(
    schedule: list[ScheduleEntry], branch: Branch | None
) -> Iterator[tuple[str | None, int]]:
    """(党小组, 党小组会 planned for it) for each group of the branch, or (None, all) without one:
    a row naming no group is held by every group."""
    groups: list[str | None] = [g.name for g in branch.party_groups] if branch is not None else []
    entries = [e for e in schedule if "党小组会" in e.meeting_types()]
    for group in groups or [None]:
        yield group, sum(1 for e in entries if e.party_group in (None, group))


def _group_meetings(plan: AnnualPlan, branch: Branch | None, minimum: int) -> Iterator[Finding]:
    if not minimum:
        return
    for group, count in _group_counts(plan.schedule, branch):
        if count < minimum:
            who_zh = f"“{group}”" if group else "每个党小组"
            yield _warn(
                "frequency_party_group",
                f"全年为{who_zh}安排党小组会 {count} 次，少于 {minimum} 次",
                f"{count} 党小组会 planned for {group or 'each group'}, fewer than {minimum}",
            )


def _by_secretary(entry: ScheduleEntry, branch: Branch | None) -> bool:
    owner = entry.owner or ""
    if branch is not None and branch.secretary and branch.secretary in owner:
        return True
    return "书记" in owner.replace("副书记", "")


def _lectures(plan: AnnualPlan, branch: Branch | None, minimum: int) -> Iterator[Finding]:
    lectures = [e for e in plan.schedule if "党课" in e.meeting_types()]
    count = sum(1 for e in lectures if _by_secretary(e, branch))
    if minimum and count < minimum:
        yield _warn(
            "frequency_secretary_lecture",
            f"全年安排支部书记讲党课 {count} 次，少于 {minimum} 次（责任人一栏应写明书记）",
            f"{count} 党课 by the secretary planned, fewer than {minimum}",
        )


#: 条例 wording per meeting type for the quarterly check; the article where ``domain.md``
#: has verified it (第十一至十三条), none for 主题党日, whose number sources disagree on.
_QUARTER_BASIS = {
    "支部党员大会": "《中国共产党支部工作条例（试行）》第十一条：一般每季度召开 1 次",
    "支委会": "《中国共产党支部工作条例（试行）》第十二条：一般每月召开 1 次",
    "党小组会": "《中国共产党支部工作条例（试行）》第十三条：一般每月召开 1 次",
    "主题党日": "《中国共产党支部工作条例（试行）》：每月相对固定 1 天开展主题党日",
}


@rule(AnnualPlan)
def quarterly_counts(plan: AnnualPlan, ctx: RuleContext) -> Iterator[Finding]:
    """The 报备 quarter's meetings against a quarter of each yearly minimum."""
    if plan.quarter is None:
        return
    need = ctx.config.frequency
    months = quarter_months(plan.quarter)
    rows = [e for e in plan.schedule if e.month in months]
    name = f"第{plan.quarter}季度"  # as the other rules' messages write a quarter
    counted: list[tuple[str, str | None, int, int]] = [
        (meeting, None, sum(1 for e in rows if meeting in e.meeting_types()), yearly // 4)
        for meeting, yearly in (
            ("支部党员大会", need.general_meetings),
            ("支委会", need.committee_meetings),
            ("主题党日", need.theme_days),
        )
    ]
    counted += [
        ("党小组会", group, count, need.group_meetings_per_group // 4)
        for group, count in _group_counts(rows, ctx.branch)
    ]
    for meeting, group, count, minimum in counted:
        if minimum and count < minimum:
            who_zh, who_en = (f"为“{group}”", f" for {group}") if group else ("", "")
            yield _warn(
                "frequency_quarter",
                f"{name}{who_zh}安排{meeting} {count} 次，少于 {minimum} 次"
                f"（{_QUARTER_BASIS[meeting]}）",
                f"Q{plan.quarter}: {count} {meeting} planned{who_en}, fewer than {minimum}",
            )


@rule(AnnualPlan)
def local_rules(plan: AnnualPlan, ctx: RuleContext) -> Iterator[Finding]:
    """Per-quarter and other local rules, when switched on."""
    local = ctx.config.local_rules
    checks = (
        (local.dangke_every_quarter, "党课", "local_lecture_quarter"),
        (local.general_meeting_every_quarter, "支部党员大会", "local_general_meeting_quarter"),
    )
    for enabled, meeting, code in checks:
        quarters = {(m - 1) // 3 + 1 for m in _months(plan, meeting)}
        if meeting == "支部党员大会" and ctx.config.frequency.general_meetings >= 4:
            quarters.add(plan.quarter or 0)  # quarterly_counts already names that quarter
        missing = [q for q in (1, 2, 3, 4) if q not in quarters]
        if enabled and missing:
            shown = "、".join(f"第{q}季度" for q in missing)
            yield _warn(
                code,
                f"按本地规则每季度应安排{meeting}，{shown}未安排",
                f"a local rule asks for a {meeting} every quarter; none in Q{missing}",
            )
    if local.org_life_in_q4 and not any(m >= 10 for m in _months(plan, "组织生活会")):
        yield _warn(
            "local_org_life_q4",
            "按本地规则组织生活会应安排在第四季度",
            "a local rule asks for the 组织生活会 in the fourth quarter",
        )
    lectures = len(_months(plan, "党课"))
    if local.dangke_per_year and lectures < local.dangke_per_year:
        yield _warn(
            "local_lecture_count",
            f"按本地规则全年应安排党课不少于 {local.dangke_per_year} 次，现为 {lectures} 次",
            f"a local rule asks for {local.dangke_per_year} 党课 a year; {lectures} planned",
        )


__all__ = ["local_rules", "quarterly_counts", "yearly_counts"]
