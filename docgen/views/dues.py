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
from docgen.data.dues_ledger import ZERO, Ledger, MemberLedger, build_ledger, quarter_months
from docgen.data.dues_standard import ROUNDING_ZH
from docgen.data.models.dues import Dues
from docgen.views.common import branch_name, date_text, sealed, signoff
from docgen.zh.money import rmb_upper

KIND = "dues"


def context(model: Dues) -> dict[str, Any]:
    """The template context: the model's fields plus the ledger rows and quarter sums."""
    branch = branch_name(model)
    ledger = build_ledger(model, model.checked_config)
    sign = model.signoff
    org = (sign.org if sign and sign.org else None) or branch
    return {
        **model.model_dump(mode="python", exclude={"members", "payments", "signoff"}),
        "branch": branch,
        "ledger_title": (model.title or "").strip() or f"{branch}{model.year}年党费收缴台账",
        "info": _info(model, branch),
        "rows": [_row(entry) for entry in ledger.members],
        "quarters": _quarters(model, ledger),
        "owed_total": ledger.owed(),
        "paid_total": ledger.paid(),
        "owed_text": yuan(ledger.owed()),
        "paid_text": yuan(ledger.paid()),
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


def _row(entry: MemberLedger) -> dict[str, Any]:
    member = entry.member
    found = entry.standard
    rate = found.rate if found is not None else member.rate
    known = entry.monthly is not None
    unknown = "" if known else "月交纳额待定（请填写月收入基数或月交纳额）"
    notes = [n for n in (unknown, _reduction_text(entry), member.note or "") if n]
    row: dict[str, Any] = {
        "seq": entry.index + 1,
        "name": member.name,
        "category": member.category,
        "status": member.status,
        "base": member.base,
        "rate": percent(rate) if rate is not None else "",
        "monthly": entry.monthly,
        # Unknown dues stay blank cells, not a 0.00 that reads as “owes nothing”.
        "owed": entry.owed if known else None,
        "short": entry.short if known else None,
        "monthly_text": _money(entry.monthly),
        "owed_text": _money(entry.owed if known else None),
        "paid_text": yuan(entry.paid),
        "short_text": _money(entry.short if known else None),
        "rule": found.band if found is not None else ("按填写的月交纳额" if known else "待定"),
        "note": "；".join(notes),
    }
    for line in entry.months:
        row[f"m{line.month}"] = line.paid if line.paid > 0 else ("免交" if line.exempt else None)
    return row


def _reduction_text(entry: MemberLedger) -> str:
    cuts = {id(line.reduction): line.reduction for line in entry.months if line.reduction}
    texts = []
    for cut in sorted(cuts.values(), key=lambda c: c.from_month):
        amount = (
            f"每月{yuan(cut.monthly)}元" if cut.mode == "少交" and cut.monthly is not None else ""
        )
        texts.append(
            f"{cut.from_month}—{cut.to_month}月{cut.mode}{amount}（{cut.approved_by}批准）"
        )
    return "；".join(texts)


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


def _money(amount: Decimal | None) -> str:
    """``15.00``, or ``""`` for an amount that cannot be worked out (blank, never 0.00)."""
    return yuan(amount) if amount is not None else ""


def _period(model: Dues, ledger: Ledger) -> str:
    """The months the figures cover: 2026年1月至12月, or up to the 统计截止日期."""
    return f"{model.year}年1月至{ledger.last_month}月"
