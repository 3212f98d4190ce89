"""Rules for school-wide records and reports: the branch list, report cross-references."""

from __future__ import annotations

from collections.abc import Iterator

from docgen.data.models import Branch, Report, Roster, RosterRow
from docgen.data.rules.base import Finding, RuleContext, rule


@rule(Roster)
def roster_counts(doc: Roster, ctx: RuleContext) -> Iterator[Finding]:
    """正式 + 预备 = 党员人数; a row's counts agree with its roster file when it exists."""
    for index, row in enumerate(doc.branches):
        path = ("branches", index)
        parts = (row.full_members, row.probationary_members, row.member_count)
        if None not in parts and parts[0] + parts[1] != parts[2]:  # type: ignore[operator]
            yield Finding(
                "roster_count_mismatch",
                f"正式党员 {parts[0]} 人加预备党员 {parts[1]} 人不等于党员人数 {parts[2]} 人",
                f"{parts[0]} full + {parts[1]} probationary members is not {parts[2]}",
                (*path, "member_count"),
            )
        if row.roster_file and ctx.folder is not None and ctx.load_branch is not None:
            target = ctx.folder / row.roster_file
            branch = ctx.load_branch(target) if target.is_file() else None
            if branch is None:
                yield Finding(
                    "roster_file_invalid",
                    f"名册文件“{row.roster_file}”不存在或有误",
                    f"roster file {row.roster_file!r} is missing or invalid",
                    (*path, "roster_file"),
                )
            else:
                yield from _compare(row, branch, path)


def _compare(row: RosterRow, branch: Branch, path: tuple[str | int, ...]) -> Iterator[Finding]:
    full = len(branch.voting_members())
    facts = (
        ("member_count", "党员人数", row.member_count, len(branch.members)),
        ("full_members", "正式党员", row.full_members, full),
        ("probationary_members", "预备党员", row.probationary_members, len(branch.members) - full),
        ("group_count", "党小组数", row.group_count, len(branch.party_groups)),
        ("secretary", "书记", row.secretary, branch.secretary),
        ("has_committee", "设支委会", row.has_committee, bool(branch.committee)),
    )
    for field, label, listed, actual in facts:
        if listed is not None and actual is not None and listed != actual:
            yield Finding(
                "roster_file_mismatch",
                f"{label}为“{_shown(listed)}”，与名册文件中的“{_shown(actual)}”不一致",
                f"{field} is {listed!r} but the roster file says {actual!r}",
                (*path, field),
            )


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


@rule(Report)
def report_addresses(doc: Report, ctx: RuleContext) -> Iterator[Finding]:
    """A measure's ``addresses`` must name an existing item of the first section."""
    if not doc.sections:
        return
    count = len(doc.sections[0].items)
    for s_index, section in enumerate(doc.sections[1:], 1):
        for i_index, item in enumerate(section.items):
            for a_index, number in enumerate(item.addresses):
                if not 1 <= number <= count:
                    yield Finding(
                        "address_out_of_range",
                        f"对应问题第 {number} 条不存在（第一部分共 {count} 条）",
                        f"item {number} does not exist (the first section has {count})",
                        ("sections", s_index, "items", i_index, "addresses", a_index),
                        "warning",
                    )


__all__ = ["report_addresses", "roster_counts"]
