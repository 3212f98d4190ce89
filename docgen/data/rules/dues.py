"""Rules for a year's 党费: the standard from the base, approvals, payments, arrears."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from itertools import pairwise

from docgen.data.amounts import percent, yuan
from docgen.data.dues_ledger import ZERO, build_ledger, first_month, quarter_months
from docgen.data.dues_standard import has_standard, needs_base, standard
from docgen.data.models.dues import APPROVED, Dues, Reduction
from docgen.data.rules.base import Finding, RuleContext, rule
from docgen.zh import format_date

#: 党章第九条: six months in a row without paying dues, without good reason.
UNPAID_MONTHS = 6


@rule(Dues)
def dues_standards(doc: Dues, ctx: RuleContext) -> Iterator[Finding]:
    """The rate and amount a member states agree with the standard of their category.

    A member whose dues cannot be worked out (no base, or a category without a national
    standard and no amount) is a warning, not an error: the ledger can still be printed
    as a register to fill in, with that member's amounts left blank."""
    for index, member in enumerate(doc.members):
        path = ("members", index)
        found = standard(member.category, member.base, ctx.config)
        if found is None:
            if member.monthly is not None:
                continue
            if needs_base(member.category):
                yield Finding(
                    "dues_base_missing",
                    f"{member.name}是{member.category}党员，请填写月收入基数（元），"
                    "以便按比例确定党费",
                    f"{member.name} is {member.category}: give the monthly base income",
                    (*path, "base"),
                    "warning",
                )
            elif not has_standard(member.category):
                yield Finding(
                    "dues_no_standard",
                    f"人员类别“{member.category}”没有全国统一的交纳标准，请填写{member.name}的月交纳额",
                    f"category {member.category!r} has no national standard; "
                    f"give {member.name}'s monthly amount",
                    (*path, "monthly"),
                    "warning",
                )
            continue
        if member.rate is not None and found.rate is not None and member.rate != found.rate:
            yield Finding(
                "dues_rate_band",
                f"{member.name}月收入基数{yuan(member.base or ZERO)}元，应按{percent(found.rate)}"
                f"交纳（{found.band}），填写的是{percent(member.rate)}",
                f"{member.name}: a base of {yuan(member.base or ZERO)} yuan pays "
                f"{percent(found.rate)}, not {percent(member.rate)}",
                (*path, "rate"),
            )
        if member.monthly is not None and member.monthly != found.amount:
            yield Finding(
                "dues_monthly_mismatch",
                f"{member.name}每月应交{yuan(found.amount)}元（{found.band}），"
                f"填写的是{yuan(member.monthly)}元；少交须经上级党委批准，请在“少交免交”中登记",
                f"{member.name} owes {yuan(found.amount)} a month, not {yuan(member.monthly)}; "
                "a reduction must be approved and listed under reductions",
                (*path, "monthly"),
            )


@rule(Dues)
def dues_probationary_start(doc: Dues, ctx: RuleContext) -> Iterator[Finding]:
    """A 预备党员 owes dues from the 支部大会 that admitted them: the date must be known,
    and a start month before it is wrong."""
    for index, member in enumerate(doc.members):
        if member.status != "预备":
            continue
        if member.approved is None:
            yield Finding(
                "dues_approval_missing",
                f"{member.name}是预备党员，请填写支部大会通过其为预备党员的日期（从当月起交纳党费）",
                f"{member.name} is probationary: give the date the branch meeting admitted them",
                ("members", index, "approved"),
            )
            continue
        approved = member.approved
        start = member.start_month
        if start is not None and approved.year == doc.year and start < approved.month:
            yield Finding(
                "dues_start_before_approval",
                f"{member.name}于{approved.year}年{approved.month}月{approved.day}日经支部大会"
                f"接收为预备党员，起交月份应不早于{approved.month}月，填写的是{start}月",
                f"{member.name} was admitted on {approved.isoformat()}; dues start no earlier "
                f"than month {approved.month}, not {start}",
                ("members", index, "start_month"),
            )


@rule(Dues)
def dues_reductions(doc: Dues, ctx: RuleContext) -> Iterator[Finding]:
    """A reduction names a member, is approved by the 上级党委 (or says it is still 待批准),
    and reduces."""
    names = {m.name: m for m in doc.members}
    for index, cut in enumerate(doc.reductions):
        path = ("reductions", index)
        member = names.get(cut.name)
        if member is None:
            yield _unknown(cut.name, (*path, "name"), "少交免交")
            continue
        found = standard(member.category, member.base, ctx.config)
        monthly = member.monthly or (found.amount if found else None)
        yield from _reduction_status(cut, monthly, path)
        yield from _reduction_order(cut, path)
        if cut.from_month > cut.to_month:
            yield Finding(
                "dues_reduction_months",
                f"{cut.name}的{cut.mode}起始月份{cut.from_month}月晚于截止月份{cut.to_month}月",
                f"{cut.name}: the reduction starts after it ends",
                (*path, "to_month"),
            )
        if cut.mode == "少交":
            if cut.monthly is None:
                yield Finding(
                    "dues_reduction_amount",
                    f"{cut.name}少交党费，请填写减免后月交纳额（元）",
                    f"{cut.name}: give the reduced monthly amount",
                    (*path, "monthly"),
                )
            elif monthly is not None and cut.monthly >= monthly:
                yield Finding(
                    "dues_reduction_not_less",
                    f"{cut.name}少交后每月{yuan(cut.monthly)}元，不少于标准{yuan(monthly)}元，"
                    "不是少交",
                    f"{cut.name}: the reduced amount {yuan(cut.monthly)} is not below "
                    f"{yuan(monthly)}",
                    (*path, "monthly"),
                )


def _reduction_status(
    cut: Reduction, monthly: Decimal | None, path: tuple[str | int, ...]
) -> Iterator[Finding]:
    """已批准 needs who approved it and when (an error: the ledger would cut the dues on
    nobody's word); 待批准 is a 申请 not yet decided, a warning saying the amounts owed stay
    the standard until the status says 已批准."""
    has_approval = bool((cut.approved_by or "").strip()) or cut.approved_on is not None
    if cut.status == APPROVED:
        if not cut.in_force:
            yield Finding(
                "dues_reduction_unapproved",
                f"{cut.name}的{cut.mode}须经支部委员会研究、报上级党委批准；已批准的请填写"
                "批准党委和批准日期，尚未批准的请将状态填为“待批准”，批准前仍按标准交纳",
                f"{cut.name}'s reduction needs the approval of the higher party committee: "
                "give approved_by and approved_on, or set status to 待批准 while it is pending",
                (*path, "approved_on" if (cut.approved_by or "").strip() else "approved_by"),
            )
        return
    standard_zh = f"每月{yuan(monthly)}元" if monthly is not None else ""
    standard_en = f" ({yuan(monthly)} a month)" if monthly is not None else ""
    if has_approval:
        yield Finding(
            "dues_reduction_status",
            f"{cut.name}的{cut.mode}已填写批准党委或批准日期，状态却是“待批准”；已批准的请将"
            f"状态改为“已批准”，否则台账、公示和上交汇总单仍按标准{standard_zh}计算",
            f"{cut.name}'s reduction has approved_by/approved_on but status 待批准: set it "
            f"to 已批准 if it was approved, else the standard amount{standard_en} stays owed",
            (*path, "status"),
            "warning",
        )
        return
    yield Finding(
        "dues_reduction_pending",
        f"{cut.name}的{cut.mode}申请（{_span(cut.from_month, cut.to_month)}）尚待上级党委批准，"
        f"台账、公示和上交汇总单仍按标准{standard_zh}计算；批准后请将状态改为“已批准”，"
        "并填写批准党委和批准日期",
        f"{cut.name}'s request ({cut.mode}, months {cut.from_month} to {cut.to_month}) awaits "
        f"the higher party committee; the standard amount{standard_en} stays owed until it "
        "is approved: then set status to 已批准 and give approved_by and approved_on",
        (*path, "status"),
        "warning",
    )


#: The steps of a reduction in the order they happen, as (field, Chinese name).
_REDUCTION_STEPS = (
    ("applied_on", "申请日期"),
    ("committee_date", "支委会研究日期"),
    ("approved_on", "批准日期"),
)


def _reduction_order(cut: Reduction, path: tuple[str | int, ...]) -> Iterator[Finding]:
    """The member applies, the 支委会 studies it, the 上级党委 approves: a step dated
    before the one it follows is a warning (a date typed wrong, most likely)."""
    steps = [(f, zh, getattr(cut, f)) for f, zh in _REDUCTION_STEPS if getattr(cut, f)]
    for (_, zh_a, a), (field, zh_b, b) in pairwise(steps):
        if b < a:
            yield Finding(
                "dues_reduction_order",
                f"{cut.name}的{cut.mode}：{zh_b}{format_date(b)}早于{zh_a}{format_date(a)}；"
                "应先由本人申请，再经支部委员会研究，后报上级党委批准，请核对日期",
                f"{cut.name}'s reduction: {field} {b} is before the step it follows ({a})",
                (*path, field),
                "warning",
            )


@rule(Dues)
def dues_payments(doc: Dues, ctx: RuleContext) -> Iterator[Finding]:
    """Payments name members and fall in months the member owed dues."""
    names = {m.name: m for m in doc.members}
    for index, payment in enumerate(doc.payments):
        member = names.get(payment.name)
        if member is None:
            yield _unknown(payment.name, ("payments", index, "name"), "交纳记录")
            continue
        start, end = first_month(member, doc.year), member.end_month or 12
        if not start <= payment.month <= end:
            yield Finding(
                "dues_payment_outside",
                f"{payment.name}{payment.month}月不在交纳党费的月份内"
                f"（{_span(start, end)}），请核对所属月份",
                f"{payment.name} owed no dues in month {payment.month}",
                ("payments", index, "month"),
                "warning",
            )


@rule(Dues)
def dues_arrears(doc: Dues, ctx: RuleContext) -> Iterator[Finding]:
    """Six months in a row owed and unpaid is a warning citing 党章第九条; a month paid
    short is a warning too. A year with no payment recorded at all is a blank register
    made before collecting, not six months of arrears."""
    if not doc.payments:
        return
    ledger = build_ledger(doc, ctx.config)
    for entry in ledger.members:
        path = ("members", entry.index)
        name = entry.member.name
        for first, last in entry.unpaid_runs(ledger.last_month):
            if last - first + 1 >= UNPAID_MONTHS:
                yield Finding(
                    "dues_six_months_unpaid",
                    f"{name}{doc.year}年{first}月至{last}月连续{last - first + 1}个月未交纳党费。"
                    "党章第九条规定，党员没有正当理由连续六个月不交纳党费的，就被认为是自行脱党；"
                    "请支部及时了解情况，进行教育",
                    f"{name} paid no dues from month {first} to {last} of {doc.year} "
                    f"({last - first + 1} months in a row); under Article 9 of the Party "
                    "Constitution six months without good reason count as leaving the Party",
                    path,
                    "warning",
                )
        short = [line.month for line in entry.months[: ledger.last_month]
                 if line.paid > 0 and line.short > 0]  # fmt: skip
        if short:
            months = "、".join(f"{m}月" for m in short)
            yield Finding(
                "dues_underpaid",
                f"{name}{months}交纳的金额少于应交金额，合计少交"
                f"{yuan(sum((entry.months[m - 1].short for m in short), ZERO))}元",
                f"{name} paid less than owed in month(s) {', '.join(map(str, short))}",
                path,
                "warning",
            )


@rule(Dues)
def dues_remittances(doc: Dues, ctx: RuleContext) -> Iterator[Finding]:
    """What was handed over for a quarter equals what was collected in it."""
    ledger = build_ledger(doc, ctx.config)
    for index, item in enumerate(doc.remittances):
        path = ("remittances", index)
        if not 1 <= item.quarter <= 4:
            yield Finding(
                "dues_quarter",
                f"季度应为 1 至 4，填写的是 {item.quarter}",
                f"quarter must be 1 to 4, not {item.quarter}",
                (*path, "quarter"),
            )
            continue
        collected = ledger.paid(quarter_months(item.quarter))
        if item.amount is not None and item.amount != collected:
            yield Finding(
                "dues_remittance_mismatch",
                f"第{item.quarter}季度上交{yuan(item.amount)}元，与本季度实收{yuan(collected)}元不一致",
                f"quarter {item.quarter}: {yuan(item.amount)} handed over, "
                f"{yuan(collected)} collected",
                (*path, "amount"),
                "warning",
            )


def _unknown(name: str, path: tuple[str | int, ...], where: str) -> Finding:
    return Finding(
        "dues_unknown_member",
        f"{where}中的“{name}”不在本支部交纳党费的党员名单中",
        f"{name!r} is not among the members listed",
        path,
    )


def _span(start: int, end: int) -> str:
    if start > 12:
        return "本年度无"
    return f"{start}月" if start == end else f"{start}月至{end}月"


__all__ = [
    "UNPAID_MONTHS",
    "dues_arrears",
    "dues_payments",
    "dues_probationary_start",
    "dues_reductions",
    "dues_remittances",
    "dues_standards",
]
