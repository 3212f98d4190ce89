"""Rules that compare a document with its branch roster, and a roster with itself."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from docgen.data.models import Branch, Minutes, OrgLifeMeeting, Person
from docgen.data.rules.base import Finding, RuleContext, rule

_ROLES = {"host": ("主持人", "host"), "recorder": ("记录人", "recorder")}


def _branch_label(branch: Branch) -> str:
    return branch.short_name or branch.name


@rule(Minutes)
def minutes_people(doc: Minutes, ctx: RuleContext) -> Iterator[Finding]:
    """Host and recorder are members; the party group exists; absentees are on the roster."""
    if ctx.branch is None:
        return
    yield from people_findings(doc.host, doc.recorder, ctx.branch)
    yield from absentee_findings(doc, ctx.branch)
    groups = {g.name for g in ctx.branch.party_groups}
    if doc.party_group is not None and groups and doc.party_group not in groups:
        yield Finding(
            "unknown_party_group",
            f"党小组“{doc.party_group}”不在{_branch_label(ctx.branch)}的党小组中：{'、'.join(sorted(groups))}",
            f"party group {doc.party_group!r} is not one of the branch's groups",
            ("party_group",),
        )


@rule(OrgLifeMeeting)
def org_life_people(doc: OrgLifeMeeting, ctx: RuleContext) -> Iterator[Finding]:
    """Host and recorder are members; reviewed members are on the roster."""
    if ctx.branch is None:
        return
    yield from people_findings(doc.host, doc.recorder, ctx.branch)
    names = ctx.branch.member_names()
    for index, review in enumerate(doc.member_reviews):
        if review.member not in names:
            yield Finding(
                "reviewed_not_member",
                f"对照检查的党员“{review.member}”不在{_branch_label(ctx.branch)}名册中",
                f"{review.member!r} is not on the branch roster",
                ("member_reviews", index, "member"),
                "warning",
            )


def people_findings(
    host: Person | None, recorder: Person | None, branch: Branch
) -> Iterator[Finding]:
    """The host and the recorder must be members of ``branch``."""
    names = branch.member_names()
    for field, person in (("host", host), ("recorder", recorder)):
        if person is not None and person.name not in names:
            zh, en = _ROLES[field]
            yield Finding(
                "not_a_member",
                f"{zh}“{person.name}”不是{_branch_label(branch)}的党员",
                f"the {en} {person.name!r} is not a member of {branch.name}",
                (field, "name"),
            )


def absentee_findings(doc: Minutes, branch: Branch) -> Iterator[Finding]:
    """Absentees should be members (a warning: the roster may be out of date)."""
    names = branch.member_names()
    for index, person in enumerate(doc.attendance.absent or []):
        if person.name not in names:
            yield Finding(
                "absentee_not_member",
                f"缺席人员“{person.name}”不在{_branch_label(branch)}名册中",
                f"absentee {person.name!r} is not on the branch roster",
                ("attendance", "absent", index, "name"),
                "warning",
            )


@rule(Branch)
def branch_consistency(branch: Branch, ctx: RuleContext) -> Iterator[Finding]:
    """Names are unique; secretary, committee and group leaders are members; groups exist."""
    names = branch.member_names()
    for name, count in Counter(m.name for m in branch.members).items():
        if count > 1:
            index = next(i for i, m in enumerate(branch.members) if m.name == name)
            yield Finding(
                "duplicate_member",
                f"党员“{name}”在名册中出现 {count} 次",
                f"member {name!r} is listed {count} times",
                ("members", index, "name"),
            )
    people: list[tuple[tuple[str | int, ...], str | None, str, str]] = [
        (("secretary",), branch.secretary, "书记", "secretary")
    ]
    people += [
        (("committee", i, "name"), c.name, "支委", "committee member")
        for i, c in enumerate(branch.committee)
    ]
    people += [
        (("party_groups", i, "leader"), g.leader, "党小组组长", "group leader")
        for i, g in enumerate(branch.party_groups)
    ]
    for path, who, zh, en in people:
        if who and names and who not in names:
            yield Finding(
                "officer_not_member",
                f"{zh}“{who}”不在党员名册中",
                f"the {en} {who!r} is not on the member list",
                path,
            )
    groups = {g.name for g in branch.party_groups}
    for index, member in enumerate(branch.members):
        if member.group and groups and member.group not in groups:
            yield Finding(
                "unknown_party_group",
                f"党员“{member.name}”所在的“{member.group}”不是本支部的党小组",
                f"{member.name!r} is in an unknown party group {member.group!r}",
                ("members", index, "group"),
            )


__all__ = ["absentee_findings", "people_findings"]
