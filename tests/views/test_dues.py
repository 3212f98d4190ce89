"""The 党费 ledger: a 20-member year reconciles to the fen with a computation written here
independently (integer fen, the bands typed again), in the view and in the rendered workbook."""

from __future__ import annotations

import io
import random
import re
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import docgen
from docgen.convert import to_pdf
from docgen.data import load_data
from docgen.data.models.dues import Dues
from docgen.views import context_for
from tests.convert.outside import pdf_text
from tests.templates.reading import Docx

#: (upper bound in fen inclusive or None, rate in tenths of a per cent) — the 2008 table again.
WORKING = [(300_000, 5), (500_000, 10), (1_000_000, 15), (None, 20)]
RETIRED = [(500_000, 5), (None, 10)]


def owed_fen(category: str, base_fen: int) -> int:
    """Monthly dues in fen, rounded half up, in integers only."""
    if category in ("学生", "失业", "低保"):
        return 20
    if category == "农民":
        return 50  # the locality's amount set in the test's config
    for high, per_mille in WORKING if category == "在职" else RETIRED:
        if high is None or base_fen <= high:
            return (base_fen * per_mille * 2 + 1000) // 2000
    raise AssertionError


def _year(seed: int) -> tuple[dict[str, Any], dict[str, int], int, list[int]]:
    """A 20-member year and what each member must have owed (fen), the total paid and the
    quarters' collections, all computed here."""
    rng = random.Random(seed)  # noqa: S311 -- varied test data, not secrets
    members, payments, reductions = [], [], []
    owed: dict[str, int] = {}
    paid_total = 0
    quarters = [0, 0, 0, 0]
    for n in range(20):
        name = f"党员{n + 1:02d}"
        category = ["在职"] * 6 + ["离退休", "学生", "农民"]
        cat = category[n % len(category)]
        base_fen = rng.choice([300_000, 300_001, 500_000, 500_001, 1_000_000, 1_000_001])
        base_fen += rng.randrange(0, 2) * rng.randrange(0, 700_000)
        member: dict[str, Any] = {"姓名": name, "人员类别": cat}
        if cat in ("在职", "离退休"):
            member["月收入基数"] = f"{base_fen // 100}.{base_fen % 100:02d}"
        first = 1
        if n in (3, 11):  # admitted as 预备党员 during the year: dues from that month
            first = 4 + n // 3
            member |= {"党员类别": "预备", "接收预备党员日期": f"2026-{first:02d}-15"}
        monthly = owed_fen(cat, base_fen)
        cut_from = 13
        if n == 7:  # 免交 from September, approved
            cut_from = 9
            reductions.append({"姓名": name, "方式": "免交", "起始月份": 9, "申请理由": "重病",
                               "批准党委": "上级党委", "批准日期": "2026-08-20"})  # fmt: skip
        members.append(member)
        owed[name] = 0
        for month in range(first, 13):
            due = 0 if month >= cut_from else monthly
            owed[name] += due
            if due and not (n == 5 and month in (2, 3)):  # one member skips two months
                payments.append({"姓名": name, "所属月份": month,
                                 "金额": f"{due // 100}.{due % 100:02d}"})  # fmt: skip
                paid_total += due
                quarters[(month - 1) // 3] += due
    local = {"local_rules": {"farmer_monthly_dues": 0.5}}
    data = {"kind": "dues", "year": 2026, "members": members, "payments": payments,
            "reductions": reductions, "config": local}  # fmt: skip
    return data, owed, paid_total, quarters


def _fen(amount: Decimal) -> int:
    return int((amount * 100).to_integral_exact())


def test_twenty_member_year_reconciles_to_the_fen() -> None:
    for seed in (1, 2, 3):
        data, owed, paid_total, quarters = _year(seed)
        model = load_data(data)
        assert isinstance(model, Dues)
        ctx = context_for(model)
        assert len(ctx["rows"]) == 20
        assert {r["name"]: _fen(r["owed"]) for r in ctx["rows"]} == owed
        assert _fen(ctx["owed_total"]) == sum(owed.values())
        assert _fen(ctx["paid_total"]) == paid_total
        assert [_fen(q["paid"]) for q in ctx["quarters"]] == quarters
        row = next(r for r in ctx["rows"] if r["name"] == "党员06")
        assert row["m2"] is None
        assert row["m3"] is None
        assert _fen(row["short"]) == 2 * owed_fen(
            "在职", _fen(Decimal(data["members"][5]["月收入基数"]))
        )
        assert next(r for r in ctx["rows"] if r["name"] == "党员08")["m9"] == "免交"


def test_workbook_cells_and_formulas_reconcile() -> None:
    """The rendered ledger holds each month's payment as a number and sums them with formulas
    over exactly the members' rows; what the formulas add up equals the independent total."""
    data, owed, paid_total, _quarters = _year(7)
    context = context_for(load_data(data))
    blob = docgen.load("plans/dangfei-taizhang-xlsx").render(context, check=True)
    ws = openpyxl.load_workbook(io.BytesIO(blob))["党费收缴台账"]
    header = next(c.row for (c,) in ws.iter_rows(max_col=1) if c.value == "序号")
    rows = list(ws.iter_rows(min_row=header + 1, max_row=header + 20))
    cents = 0
    for row in rows:
        months = row[7:19]
        cents += sum(
            _fen(Decimal(str(c.value))) for c in months if isinstance(c.value, float | int)
        )
        total = row[19]
        assert total.value == f"=SUM(H{total.row}:S{total.row})"
        assert _fen(Decimal(str(row[20].value))) == owed[str(row[1].value)]
    assert cents == paid_total
    totals = ws[header + 21]
    assert totals[0].value == "合计"
    assert totals[19].value == f"=SUM(T{header + 1}:T{header + 20})"


def test_member_without_base_is_blank_not_zero() -> None:
    model = load_data({"kind": "dues", "year": 2026, "members": [{"name": "林书远"}]})
    row = context_for(model)["rows"][0]
    assert (row["monthly"], row["owed"], row["short"]) == (None, None, None)
    assert "月交纳额待定" in row["note"]


def test_sealed_signoff_moves_the_date_in() -> None:
    """落款.盖章 gives the sealed layout (§7.3.5.1), as in every other view."""
    base = {"kind": "dues", "year": 2026, "members": [{"name": "林书远", "base": 4200}]}
    sign = {"org": "中共示例大学示例学院教工第一党支部", "date": "2026-12-28"}
    plain = context_for(load_data({**base, "signoff": sign}))["signoff"]
    stamped = context_for(load_data({**base, "signoff": {**sign, "sealed": True}}))["signoff"]
    assert plain["date"] == stamped["date"] == "2026年12月28日"
    assert stamped["lines"].__html__() != plain["lines"].__html__()


def test_document_ledger_prints_the_reconciled_figures() -> None:
    """The .docx 台账 prints each member's 全年应交 and the year's total as computed here, and
    the months paid as runs (党员06 skipped February and March)."""
    data, owed, _paid_total, _quarters = _year(7)
    blob = docgen.load("plans/dangfei-taizhang").render(context_for(load_data(data)), check=True)
    lines = Docx(blob).outline()
    rows = {cells[1]: cells for cells in (line.split(" | ")[1:] for line in lines) if cells}
    for name, fen in owed.items():
        assert rows[name][7] == f"{fen // 100}.{fen % 100:02d}"
    total = sum(owed.values())
    assert any(f"应交{total // 100}.{total % 100:02d}元" in line for line in lines)
    assert rows["党员06"][6] == "1月、4—12月"


def test_request_sets_the_standard_against_the_amount_asked() -> None:
    """A 少交 from June of a 预备党员 admitted in August covers August to December only: the
    standard and the amount asked over those five months, the difference in 大写."""
    member = {"name": "林书远", "base": "4310.00", "status": "预备", "approved": "2026-08-12"}
    cut = {"name": "林书远", "mode": "少交", "monthly": 20, "from_month": 6, "reason": "家人患病",
           "approved_by": "中共示例学院委员会", "approved_on": "2026-08-20"}  # fmt: skip
    waived = {**cut, "name": "周若溪", "mode": "免交", "monthly": None, "from_month": 11}
    data = {"kind": "dues", "year": 2026, "superior": "中共示例学院委员会",
            "members": [member, {"name": "周若溪", "category": "学生"}],
            "reductions": [cut, waived]}  # fmt: skip
    ctx = context_for(load_data(data))
    first, second = ctx["requests"]
    months = 12 - 8 + 1
    standard_fen = (431_000 * 10 * 2 + 1000) // 2000  # 1% of 4310.00, in fen
    assert first["months"] == months
    assert first["standard_total_cell"] == f"{standard_fen * months / 100:.2f}元"
    assert first["asked_total_cell"] == f"{20 * months:.2f}元"
    assert first["less_cell"] == "115.50元"
    assert first["less_upper"] == "壹佰壹拾伍元伍角"
    assert first["title"] == "关于林书远同志少交党费的申请"
    assert (second["asked_cell"], second["less_cell"]) == ("0.00元", "0.40元")
    assert second["asked_words"] == "免交党费"
    text = "\n".join(
        Docx(docgen.load("reports/dangfei-jianmian-shenqing").render(ctx, check=True)).outline()
    )
    assert "115.50元（大写：壹佰壹拾伍元伍角）" in text
    assert "关于周若溪同志免交党费的申请" in text


def _pending_year(status: str) -> dict[str, Any]:
    """林书远 (4310.00 元: 43.10 a month) asks for 少交 at 20.00 from July to December."""
    cut = {"name": "林书远", "mode": "少交", "monthly": 20, "from_month": 7, "reason": "家人患病",
           "applied_on": "2026-06-02", "committee_date": "2026-06-09"}  # fmt: skip
    cut["status"] = status
    if status == "已批准":
        cut |= {"approved_by": "中共示例学院委员会", "approved_on": "2026-06-20"}
    return {"kind": "dues", "year": 2026, "superior": "中共示例学院委员会",
            "members": [{"name": "林书远", "base": "4310.00"}], "reductions": [cut]}  # fmt: skip


def test_pending_reduction_leaves_the_amounts_owed() -> None:
    """A 待批准 少交 owes the standard every month (12 × 43.10) and says so in 备注; the same
    reduction 已批准 owes 6 × 43.10 + 6 × 20.00."""
    pending = context_for(load_data(_pending_year("待批准")))
    approved = context_for(load_data(_pending_year("已批准")))
    assert _fen(pending["rows"][0]["owed"]) == 12 * 4310
    assert _fen(pending["owed_total"]) == 12 * 4310
    assert pending["rows"][0]["note"] == "7—12月少交申请待批准，暂按标准交纳"
    assert _fen(approved["rows"][0]["owed"]) == 6 * 4310 + 6 * 2000
    assert approved["rows"][0]["note"] == "7—12月少交每月20.00元（中共示例学院委员会批准）"


def test_pending_request_leaves_the_decision_to_be_written() -> None:
    """The 申请 of a 待批准 reduction: the same figures as once approved, addressed to the
    上级党委, the 支委会 opinion from its date, the 上级党委's cell empty lines to write in."""
    pending = context_for(load_data(_pending_year("待批准")))["requests"][0]
    approved = context_for(load_data(_pending_year("已批准")))["requests"][0]
    for key in ("title", "addressee", "period", "standard_total_cell", "less_cell", "less_upper"):
        assert pending[key] == approved[key], key
    assert pending["less_cell"] == f"{6 * (4310 - 2000) / 100:.2f}元"
    assert pending["addressee"] == "中共示例学院委员会："
    assert pending["committee_cell"].startswith("经2026年6月9日支部委员会研究")
    assert pending["approval_cell"].strip() == ""
    assert approved["approval_cell"].startswith("同意。")


@pytest.mark.real
def test_pending_request_prints_to_pdf(tmp_path: Path) -> None:
    """The 申请 of a 待批准 少交, printed by LibreOffice: the title, the addressee, the period's
    difference in 大写, and an 上级党委意见 with nothing written in it yet."""
    for tool in ("soffice", "pdftotext"):
        assert shutil.which(tool), f"{tool} is needed (scripts/apt-packages.txt)"
    ctx = context_for(load_data(_pending_year("待批准")))
    path = tmp_path / "申请.docx"
    path.write_bytes(docgen.load("reports/dangfei-jianmian-shenqing").render(ctx, check=True))
    result = to_pdf([path], workers=1)
    assert not result.failures, [f.describe() for f in result.failures]
    text = re.sub(r"\s", "", pdf_text(path.with_suffix(".pdf")))
    for phrase in ("关于林书远同志少交党费的申请", "中共示例学院委员会：", "138.60元",
                   "壹佰叁拾捌元陆角", "申请人：林书远", "2026年6月2日"):  # fmt: skip
        assert phrase in text, phrase
    after = text.split("上级党委意见", 1)[1]
    assert "同意" not in after
    assert "批准）" not in after
