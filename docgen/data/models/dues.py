"""A branch's 党费 for a year (``kind: dues``): who pays, how much, what was paid.

The dues owed follow :mod:`docgen.data.dues_standard`; the checks are in
:mod:`docgen.data.rules.dues`, the ledger arithmetic in :mod:`docgen.data.dues_ledger`.
Members, reductions and payments are three tables, so each is a sheet of the
starter workbook and a clerk can keep them in Excel.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator

from docgen.data.amounts import Amount, Rate
from docgen.data.fields import (
    DateValue,
    DocModel,
    DuesCategory,
    MemberStatus,
    Month,
    zh,
)
from docgen.data.models.branch import BranchLinked
from docgen.data.models.common import Signoff


class DuesMember(DocModel):
    """A member who pays dues.

    ``name`` 姓名; ``category`` 人员类别 (在职/离退休/学生/失业/低保/农民, configurable);
    ``status`` 党员类别 (正式/预备); ``base`` 月收入基数 (元, 在职: after-tax fixed
    monthly income; 离退休: monthly pension); ``rate`` 交纳比例 and ``monthly`` 月交纳额,
    checked against the rule when given (``monthly`` is required for a category the
    rule does not cover); ``approved`` 接收预备党员日期 (the 支部大会 that made a
    预备党员: dues are owed from that month); ``start_month`` 起交月份 and
    ``end_month`` 止交月份 (joined or left during the year); ``group`` 党小组; ``note`` 备注.
    """

    name: str = zh("姓名", description="党员姓名")
    category: DuesCategory = zh(
        "人员类别", "类别", default="在职", description="在职、离退休、学生等"
    )
    status: MemberStatus = zh("党员类别", "身份", default="正式", description="正式或预备")
    base: Amount | None = zh(
        "月收入基数",
        "交纳基数",
        "基数",
        default=None,
        description="在职：每月税后工资收入中相对固定的部分；离退休：每月离退休费（元）",
    )
    rate: Rate | None = zh(
        "交纳比例", "比例", default=None, description="可不填；填写时与按基数确定的比例核对"
    )
    monthly: Amount | None = zh(
        "月交纳额",
        "每月应交",
        default=None,
        description="可不填；填写时与按标准计算的金额核对。没有全国标准的类别必填",
    )
    approved: DateValue | None = zh(
        "接收预备党员日期",
        "支部大会通过日期",
        default=None,
        description="预备党员：支部大会通过其为预备党员的日期，从当月起交纳党费",
    )
    start_month: Month | None = zh("起交月份", default=None, description="年中转入等：从该月起交纳")
    end_month: Month | None = zh("止交月份", default=None, description="年中转出等：交纳到该月")
    group: str | None = zh("党小组", default=None, description="所在党小组")
    note: str | None = zh("备注", default=None, description="备注")


#: A reduction asked for and not yet approved: its 申请 can be printed, the amounts owed stay.
PENDING = "待批准"
#: A reduction the 上级党委 approved (with 批准党委 and 批准日期): the ledger applies it.
APPROVED = "已批准"
#: Other words a clerk types for each state (an empty cell is the default, 已批准).
_STATUS_WORDS = {
    PENDING: ("拟申请", "申请中", "待审批", "报批中", "未批准", "pending"),
    APPROVED: ("批准", "已审批", "approved", ""),
}


def _status(value: object) -> object:
    if value is None:
        return APPROVED
    if isinstance(value, str):
        text = value.strip()
        for status, words in _STATUS_WORDS.items():
            if text == status or text.lower() in words:
                return status
    return value


ReductionStatus = Annotated[Literal["待批准", "已批准"], BeforeValidator(_status)]


class Reduction(DocModel):
    """Dues reduced (少交) or waived (免交) for a member, asked for or approved.

    ``name`` 姓名; ``mode`` 方式 (少交/免交); ``monthly`` 减免后月交纳额 (少交 only);
    ``from_month``/``to_month`` 起止月份; ``reason`` 申请理由; ``applied_on`` 申请日期
    (the member's written request, dated on the 申请); ``committee_date`` 支委会研究日期;
    ``status`` 状态: 已批准 (the default: the 上级党委 approved it, ``approved_by``
    批准党委 and ``approved_on`` 批准日期 are required, the ledger applies it) or 待批准
    (拟申请: the 申请 is written before the approval; it is printed, and the amounts owed
    stay the standard until the reduction is approved).
    """

    name: str = zh("姓名", description="党员姓名")
    mode: Literal["少交", "免交"] = zh("方式", "减免方式", description="少交或免交")
    monthly: Amount | None = zh(
        "减免后月交纳额", "少交后月交纳额", default=None, description="少交时每月交纳的金额"
    )
    from_month: Month = zh("起始月份", "自", description="从该月起")
    to_month: Month = zh("截止月份", "至", default=12, description="到该月止")
    reason: str = zh("申请理由", "原因", description="交纳党费确有困难的情况")
    applied_on: DateValue | None = zh(
        "申请日期", default=None, description="本人提出书面申请的日期"
    )
    committee_date: DateValue | None = zh(
        "支委会研究日期", default=None, description="支部委员会研究的日期"
    )
    status: ReductionStatus = zh(
        "状态",
        "审批状态",
        "批准状态",
        default=APPROVED,
        description="已批准（须填批准党委和批准日期，台账按减免计算）或待批准（拟申请，"
        "只出具申请书，批准前仍按标准交纳）；不填为已批准",
    )
    approved_by: str | None = zh("批准党委", "批准机关", default=None, description="批准的上级党委")
    approved_on: DateValue | None = zh("批准日期", default=None, description="上级党委批准的日期")

    @property
    def in_force(self) -> bool:
        """Approved and recorded as such: the reduction changes what the member owes."""
        return (
            self.status == APPROVED
            and bool((self.approved_by or "").strip())
            and (self.approved_on is not None)
        )


class Payment(DocModel):
    """Dues paid: ``name`` 姓名, ``month`` 所属月份, ``amount`` 金额 (元),
    ``date`` 交纳日期, ``note`` 备注 (补交, 预交…)."""

    name: str = zh("姓名", description="党员姓名")
    month: Month = zh("所属月份", "月份", description="交的是哪个月的党费")
    amount: Amount = zh("金额", "交纳金额", "实交金额", description="元，到分")
    date: DateValue | None = zh("交纳日期", "日期", default=None, description="交纳日期")
    note: str | None = zh("备注", default=None, description="如 补交、预交")


class Remittance(DocModel):
    """Dues handed to the 上级党委 for a quarter: ``quarter`` 季度 (1–4), ``date`` 上交日期,
    ``amount`` 上交金额 (checked against what was collected), ``receiver`` 接收单位,
    ``handler`` 经手人."""

    quarter: int = zh("季度", description="1至4", en="quarter")
    date: DateValue | None = zh("上交日期", "日期", default=None, description="上交日期")
    amount: Amount | None = zh("上交金额", "金额", default=None, description="元；与本季度实收核对")
    receiver: str | None = zh("接收单位", default=None, description="接收党费的上级党委")
    handler: str | None = zh("经手人", default=None, description="经手人")


class Dues(BranchLinked):
    """A branch's dues for one year (``kind: dues``).

    ``branch`` 党支部; ``branch_file`` 支部文件; ``year`` 年度; ``as_of`` 统计截止日期
    (unpaid months are counted up to it; default: the whole year); ``title`` 标题;
    ``collector`` 收缴人; ``superior`` 上级党委 (to whom dues are handed and requests
    addressed); ``members`` 党员; ``reductions`` 少交免交; ``payments`` 交纳记录;
    ``remittances`` 上交记录; ``signoff`` 落款.
    """

    kind: Literal["dues"] = zh("文种", default="dues", description="固定为 dues")
    branch: str | None = zh("党支部", "支部", default=None, description="支部编号或全称")
    branch_file: str | None = zh("支部文件", default=None, description="支部名册文件（相对本文件）")
    year: int = zh("年度", description="党费所属年度，如 2026")
    as_of: DateValue | None = zh(
        "统计截止日期", "截止日期", default=None, description="统计到哪一天；缺省为全年"
    )
    title: str | None = zh("标题", default=None, description="台账标题")
    collector: str | None = zh("收缴人", "经手人", default=None, description="负责收缴的委员")
    superior: str | None = zh("上级党委", default=None, description="上交党费、报批减免的上级党委")
    members: list[DuesMember] = zh("党员", "交纳人员", description="交纳党费的党员")
    reductions: list[Reduction] = zh(
        "少交免交", "减免", factory=list, description="少交、免交：已批准的和待批准的申请"
    )
    payments: list[Payment] = zh("交纳记录", "缴费记录", factory=list, description="每笔交纳")
    remittances: list[Remittance] = zh("上交记录", factory=list, description="按季度上交上级党委")
    signoff: Signoff | None = zh("落款", default=None, description="落款单位与日期")


__all__ = [
    "APPROVED",
    "PENDING",
    "Dues",
    "DuesMember",
    "Payment",
    "Reduction",
    "ReductionStatus",
    "Remittance",
]
