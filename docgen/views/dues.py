"""The 党费 view: a :class:`Dues` year as the rows of the 党费收缴台账 and its quarter sums.

Every amount is worked out by :mod:`docgen.data.dues_ledger` under the config the
data was checked with (a locality's farmer amount), so the ledger shows what the
checks computed. Amounts stay :class:`~decimal.Decimal` (a workbook cell keeps them
as numbers to the fen); the wording (the rule each row follows, a reduction, the
rounding) is finished text, never ``None``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from docgen.data.amounts import percent, yuan
from docgen.data.dues_ledger import (
    ZERO,
    Ledger,
    MemberLedger,
    build_ledger,
    quarter_months,
    reduced,
)
from docgen.data.dues_standard import ROUNDING_ZH
from docgen.data.models.dues import Dues, Reduction
from docgen.views.common import addressee_text, branch_name, date_text, sealed, signoff
from docgen.zh.money import rmb_upper

KIND = "dues"


def context(model: Dues) -> dict[str, Any]:
    """The template context: the model's fields plus the ledger rows and quarter sums."""
    branch = branch_name(model)
    ledger = build_ledger(model, model.checked_config)
    sign = model.signoff
    org = (sign.org if sign and sign.org else None) or branch
    requests = _requests(model, ledger, branch)
    return {
        **model.model_dump(mode="python", exclude={"members", "payments", "signoff"}),
        "branch": branch,
        "ledger_title": (model.title or "").strip() or f"{branch}{model.year}年党费收缴台账",
        "info": _info(model, branch),
        "rows": [_row(entry, _pending(model, entry)) for entry in ledger.members],
        "quarters": _quarters(model, ledger),
        "requests": requests,
        "request_title": requests[0]["title"] if requests else "少交免交党费申请",
        "owed_total": ledger.owed(),
        "paid_total": ledger.paid(),
        "owed_text": yuan(ledger.owed()),
        "paid_text": yuan(ledger.paid()),
        "paid_upper": rmb_upper(ledger.paid()),
        "remitted_text": yuan(sum((r.amount or ZERO for r in model.remittances), ZERO)),
        "remitted_upper": rmb_upper(sum((r.amount or ZERO for r in model.remittances), ZERO)),
        "period": _period(model, ledger),
        "rounding": f"计算方法：{ROUNDING_ZH}。",
        "collector": model.collector or "",
        "superior": model.superior or "",
        "signoff": signoff(
            org, sign.date if sign else None, sign.show if sign else None, sealed=sealed(sign)
        ),
    }


def _info(model: Dues, branch: str) -> str:
    parts = [f"党支部：{branch}" if branch else "", f"年度：{model.year}年"]
    if model.as_of is not None:
        parts.append(f"统计截止：{date_text(model.as_of)}")
    if model.collector:
        parts.append(f"收缴人：{model.collector}")
    return "　　".join(p for p in parts if p)


def _pending(model: Dues, entry: MemberLedger) -> list[Reduction]:
    """The member's reductions not (yet) in force: asked for, still 待批准."""
    name = entry.member.name
    return [cut for cut in model.reductions if cut.name == name and not cut.in_force]


def _row(entry: MemberLedger, pending: list[Reduction]) -> dict[str, Any]:
    member = entry.member
    found = entry.standard
    rate = found.rate if found is not None else member.rate
    known = entry.monthly is not None
    unknown = "" if known else "月交纳额待定（请填写月收入基数或月交纳额）"
    asked = [f"{_months(c)}{c.mode}申请待批准，暂按标准交纳" for c in pending]
    notes = [n for n in (unknown, _reduction_text(entry), *asked, member.note or "") if n]
    row: dict[str, Any] = {
        "seq": entry.index + 1,
        "name": member.name,
        "category": member.category,
        "status": member.status,
        "base": member.base,
        "base_text": _money(member.base),
        "rate": percent(rate) if rate is not None else "",
        "monthly": entry.monthly,
        # Unknown dues stay blank cells, not a 0.00 that reads as “owes nothing”.
        "owed": entry.owed if known else None,
        "short": entry.short if known else None,
        "monthly_text": _money(entry.monthly),
        "owed_text": _money(entry.owed if known else None),
        "paid_text": yuan(entry.paid),
        "short_text": _money(entry.short if known else None),
        "paid_months": _month_runs([line.month for line in entry.months if line.paid > 0]),
        "rule": found.band if found is not None else ("按填写的月交纳额" if known else "待定"),
        "note": "；".join(notes),
    }
    for line in entry.months:
        row[f"m{line.month}"] = line.paid if line.paid > 0 else ("免交" if line.exempt else None)
    return row


def _month_runs(months: list[int]) -> str:
    """``1—6月、8月`` for the months 1 to 6 and 8; ``""`` for none."""
    runs: list[list[int]] = []
    for month in months:
        if runs and runs[-1][-1] == month - 1:
            runs[-1].append(month)
        else:
            runs.append([month])
    return "、".join(f"{r[0]}—{r[-1]}月" if len(r) > 1 else f"{r[0]}月" for r in runs)


def _reduction_text(entry: MemberLedger) -> str:
    cuts = {id(line.reduction): line.reduction for line in entry.months if line.reduction}
    texts = []
    for cut in sorted(cuts.values(), key=lambda c: c.from_month):
        amount = (
            f"每月{yuan(cut.monthly)}元" if cut.mode == "少交" and cut.monthly is not None else ""
        )
        texts.append(f"{_months(cut)}{cut.mode}{amount}（{cut.approved_by}批准）")
    return "；".join(texts)


def _months(cut: Reduction, to: str = "—") -> str:
    """``7—12月`` (``7月至12月`` with ``to="至"``), or ``12月`` for a reduction of one month."""
    if cut.from_month == cut.to_month:
        return f"{cut.from_month}月"
    if to == "—":
        return f"{cut.from_month}—{cut.to_month}月"
    return f"{cut.from_month}月{to}{cut.to_month}月"


def _quarters(model: Dues, ledger: Ledger) -> list[dict[str, Any]]:
    handed = {r.quarter: r for r in model.remittances}
    rows = []
    for quarter in (1, 2, 3, 4):
        months = quarter_months(quarter)
        paid = ledger.paid(months)
        item = handed.get(quarter)
        amount: Decimal = item.amount if item is not None and item.amount is not None else paid
        rows.append(
            {
                "quarter": f"第{'一二三四'[quarter - 1]}季度",
                "months": f"{months[0]}—{months[-1]}月",
                "owed": ledger.owed(months),
                "paid": paid,
                "payers": ledger.payers(months),
                "remitted": amount if item is not None else None,
                "paid_text": yuan(paid),
                "remitted_text": yuan(amount) if item is not None else "",
                "upper": rmb_upper(amount) if item is not None else "",
                "date": date_text(item.date) if item is not None else "",
                "receiver": (item.receiver or model.superior or "") if item is not None else "",
            }
        )
    return rows


#: Empty lines kept in an opinion cell of the 申请 for the pen.
OPINION_LINES = 3


def _requests(model: Dues, ledger: Ledger, branch: str) -> list[dict[str, Any]]:
    """One 少交/免交 申请 per listed reduction of a listed member, approved or not yet
    (the 申请 comes before the approval): the standard from the ledger against the amount
    asked for, over the months of the period the member owes dues."""
    entries = {entry.member.name: entry for entry in ledger.members}
    return [
        _request(model, entries[cut.name], cut, branch)
        for cut in model.reductions
        if cut.name in entries
    ]


def _request(model: Dues, entry: MemberLedger, cut: Reduction, branch: str) -> dict[str, Any]:
    member = entry.member
    monthly = entry.monthly
    months = [
        line.month
        for line in entry.months
        if line.active and cut.from_month <= line.month <= cut.to_month
    ]
    asked = reduced(cut, monthly) if monthly is not None else None
    standard_total = monthly * len(months) if monthly is not None else None
    asked_total = asked * len(months) if asked is not None else None
    less = None
    if standard_total is not None and asked_total is not None:
        less = standard_total - asked_total
    approver = (cut.approved_by or "").strip()
    approved = cut.in_force  # a 待批准 申请 leaves the 上级党委's opinion to be written in
    committee = (
        f"经{date_text(cut.committee_date)}支部委员会研究，同意报上级党委审批。"
        if cut.committee_date is not None
        else ""
    )
    decision = f"同意。（{approver}，{date_text(cut.approved_on)}批准）" if approved else ""
    each = "每月" if cut.from_month != cut.to_month else ""  # “12月每月” reads wrong
    asked_words = (
        "免交党费"
        if cut.mode == "免交"
        else (f"{each}按{yuan(cut.monthly)}元交纳党费" if cut.monthly is not None else "少交党费")
    )
    found = entry.standard
    return {
        "title": f"关于{member.name}同志{cut.mode}党费的申请",
        "addressee": addressee_text(cut.approved_by or model.superior or ""),
        "name": member.name,
        "category": member.category,
        "status": member.status,
        "branch": branch,
        "base_cell": _cell(member.base, "—"),
        "rule": found.band if found is not None else "按填写的月交纳额",
        "mode": cut.mode,
        "period": f"{model.year}年{_months(cut, '至')}",
        "months": len(months),
        "monthly_text": _money(monthly) or "待定",
        "monthly_cell": _cell(monthly),
        "asked_cell": _cell(asked),
        "standard_total_cell": _cell(standard_total),
        "asked_total_cell": _cell(asked_total),
        "less_cell": _cell(less),
        "less_upper": rmb_upper(less) if less is not None else "",
        "asked_words": asked_words,
        "reason": (cut.reason or "").strip().rstrip("。；;，,") + "。",
        "committee_cell": committee or "\n" * (OPINION_LINES - 1),
        "approval_cell": decision or "\n" * (OPINION_LINES - 1),
        "signoff": signoff(
            f"申请人：{member.name}", cut.applied_on or f"{model.year}年　　月　　日", True
        ),
    }


def _cell(amount: Decimal | None, unknown: str = "待定") -> str:
    """``43.10元`` for a form's cell, or ``unknown`` when it cannot be worked out."""
    return f"{yuan(amount)}元" if amount is not None else unknown


def _money(amount: Decimal | None) -> str:
    """``15.00``, or ``""`` for an amount that cannot be worked out (blank, never 0.00)."""
    return yuan(amount) if amount is not None else ""


def _period(model: Dues, ledger: Ledger) -> str:
    """The months the figures cover: 2026年1月至12月, or up to the 统计截止日期."""
    return f"{model.year}年1月至{ledger.last_month}月"
