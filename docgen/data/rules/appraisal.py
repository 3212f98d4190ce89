"""Rules for a 民主评议党员: the ballots against the people present, one grade per row,
the share of 优秀, and a 不合格 never without its problems and follow-up."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from fractions import Fraction

from docgen.data.appraisal_results import build_results
from docgen.data.models.appraisal import DemocraticAppraisal
from docgen.data.positions import Path
from docgen.data.rules.base import Finding, RuleContext, rule

#: The grade the share limit and the 不合格 rule are about (configurable grade lists keep them).
EXCELLENT = "优秀"
UNQUALIFIED = "不合格"


def _tally_path(doc: DemocraticAppraisal, *rest: str | int) -> Path:
    """Where a tally finding points: the inline tally, or the ``tally_file`` it was read from."""
    return ("tally_file",) if doc.tally_file else ("tally", *rest)


@rule(DemocraticAppraisal)
def appraisal_members(doc: DemocraticAppraisal, ctx: RuleContext) -> Iterator[Finding]:
    """Someone is rated, nobody twice; the tally's names are the rated members'."""
    rated = doc.rated()
    if not rated:
        yield Finding(
            "appraisal_no_members",
            "没有参评党员：请填写“参评党员”，或用“支部文件”指向支部名册",
            "no members to rate: list them, or point branch_file at the roster",
            ("branch_file",) if doc.branch_file else ("members",),
        )
        return
    seen = Counter(m.name for m in rated)
    for index, member in enumerate(doc.members):
        if seen[member.name] > 1:
            yield Finding(
                "appraisal_duplicate_member",
                f"“{member.name}”在参评党员中出现了{seen[member.name]}次",
                f"{member.name!r} is listed {seen[member.name]} times",
                ("members", index, "name"),
            )
    if doc.tally is None:
        return
    names = set(seen)
    counted = set()
    for index, row in enumerate(doc.tally.rows):
        counted.add(row.name)
        if row.name not in names:
            yield Finding(
                "appraisal_unknown_member",
                f"测评统计中的“{row.name}”不在参评党员名单中",
                f"{row.name!r} in the tally is not among the members rated",
                _tally_path(doc, "rows", index, "name"),
            )
    missing = [m.name for m in rated if m.name not in counted]
    if missing:
        yield Finding(
            "appraisal_not_counted",
            f"测评统计中没有{'、'.join(missing)}的得票；请补上这些党员的统计",
            f"the tally has no votes for {', '.join(missing)}",
            _tally_path(doc, "rows"),
        )


@rule(DemocraticAppraisal)
def appraisal_ballots(doc: DemocraticAppraisal, ctx: RuleContext) -> Iterator[Finding]:
    """实到 ≤ 应到; ballots returned ≤ those present and ≤ those issued; valid + spoiled =
    returned; enough ballots printed for everyone present."""
    due = doc.due if doc.due is not None else len(doc.rated())
    if doc.present is not None and doc.present > due:
        yield Finding(
            "appraisal_present_over_due",
            f"实到{doc.present}人，多于应到{due}人",
            f"{doc.present} present, more than the {due} due",
            ("present",),
        )
    if doc.copies is not None and doc.present is not None and doc.copies < doc.present:
        yield Finding(
            "appraisal_copies_short",
            f"测评表只印制{doc.copies}份，少于实到的{doc.present}人",
            f"only {doc.copies} ballots printed for {doc.present} present",
            ("copies",),
            "warning",
        )
    tally = doc.tally
    if tally is None:
        return
    if tally.returned is not None and doc.present is not None and tally.returned > doc.present:
        yield Finding(
            "appraisal_ballots_over_present",
            f"收回测评表{tally.returned}份，多于实到的{doc.present}人；请核对票数",
            f"{tally.returned} ballots returned but only {doc.present} present",
            _tally_path(doc, "returned"),
        )
    if tally.returned is not None and tally.issued is not None and tally.returned > tally.issued:
        yield Finding(
            "appraisal_ballots_over_issued",
            f"收回测评表{tally.returned}份，多于发出的{tally.issued}份",
            f"{tally.returned} ballots returned, {tally.issued} issued",
            _tally_path(doc, "returned"),
        )
    valid, returned = tally.valid, tally.returned
    if valid is not None and returned is not None and valid + tally.spoiled != returned:
        yield Finding(
            "appraisal_ballots_sum",
            f"有效票{valid}份加无效票{tally.spoiled}份，不等于收回的{returned}份",
            f"{valid} valid + {tally.spoiled} spoiled ≠ {returned} returned",
            _tally_path(doc, "valid"),
        )


@rule(DemocraticAppraisal)
def appraisal_one_grade(doc: DemocraticAppraisal, ctx: RuleContext) -> Iterator[Finding]:
    """Each valid ballot ticks exactly one grade in each member's row, so a row's votes add
    up to the valid ballots (a ballot ticking two grades, or none, in a row is spoiled)."""
    tally = doc.tally
    valid = tally.counted if tally is not None else None
    if tally is None or valid is None:
        return
    for index, row in enumerate(tally.rows):
        total = sum(row.votes.values())
        if total != valid:
            parts = "、".join(f"{g}{n}" for g, n in row.votes.items())
            yield Finding(
                "appraisal_one_grade",
                f"{row.name}的得票合计{total}票（{parts}），与有效测评表{valid}份不一致；"
                "每份有效测评表每行只能勾选一个等次，多勾或漏勾的应作为无效票",
                f"{row.name}: {total} votes in the row, but {valid} valid ballots; "
                "each valid ballot ticks exactly one grade per row",
                _tally_path(doc, "rows", index, "votes"),
            )


@rule(DemocraticAppraisal)
def appraisal_grades(doc: DemocraticAppraisal, ctx: RuleContext) -> Iterator[Finding]:
    """优秀 within the configured share of members (a warning); every 不合格 with its
    存在问题 and a follow-up; a tie in the tally is for the 支委会 to decide."""
    results = build_results(doc, ctx.config)
    listed = bool(doc.members)
    for entry in results.members:
        path: Path = ("members", entry.index) if listed else ("members",)
        name = entry.member.name
        if entry.grade is None and entry.row is not None:
            yield Finding(
                "appraisal_tie",
                f"{name}得票最多的等次并列，请由支委会评定等次（填写“评定等次”）",
                f"{name}: the leading grades tie; the committee must decide the grade",
                (*path, "grade") if listed else path,
                "warning",
            )
        if entry.grade != UNQUALIFIED:
            continue
        for field_name, zh_name, en_name in (
            ("problems", "存在问题", "the problems"),
            ("follow_up", "处理意见", "a follow-up"),
        ):
            if not (getattr(entry.member, field_name) or "").strip():
                yield Finding(
                    "appraisal_unqualified_incomplete",
                    f"{name}评定为不合格，请写明{zh_name}",
                    f"{name} is graded 不合格: give {en_name}",
                    (*path, field_name) if listed else path,
                )
    share = _share(ctx.config.local_rules.appraisal_excellent_share)
    excellent = len(results.graded(EXCELLENT))
    rated = len(results.members)
    if share and rated and Fraction(excellent, rated) > share:
        yield Finding(
            "appraisal_excellent_share",
            f"评为优秀的{excellent}人，超过参评党员{rated}人的{_fraction_zh(share)}"
            f"（最多{rated * share.numerator // share.denominator}人）；"
            "如本地没有比例要求，可在配置 local_rules.appraisal_excellent_share 中设为 0",
            f"{excellent} of {rated} graded 优秀, more than {share}",
            ("members",),
            "warning",
        )


_DIGITS = "〇一二三四五六七八九十"


def _fraction_zh(value: Fraction) -> str:
    """1/3 → 三分之一 (small terms in words, larger ones in digits)."""

    def word(n: int) -> str:
        return _DIGITS[n] if n <= 10 else str(n)

    return f"{word(value.denominator)}分之{word(value.numerator)}"


def _share(text: str) -> Fraction | None:
    """``"1/3"`` → 1/3; ``"0"`` or ``""`` → no limit."""
    cleaned = text.replace(" ", "")
    if not cleaned or cleaned == "0":
        return None
    value = Fraction(cleaned)
    return value if value > 0 else None


__all__ = [
    "appraisal_ballots",
    "appraisal_grades",
    "appraisal_members",
    "appraisal_one_grade",
]
