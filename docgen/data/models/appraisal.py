"""A branch's 民主评议党员 (``kind: appraisal``): who is rated, ballots, tally and verdicts.

The 民主测评表 are printed from ``members`` (or, when none are listed, from the branch
roster), ``copies`` of them, each numbered. The tellers' count comes back as ``tally``:
typed here, or read from the filled tally workbook named by ``tally_file``
(:mod:`docgen.data.appraisal_tally`). The 支委会 then records each member's ``grade``;
without one the grade most ballots gave is proposed. The checks are in
:mod:`docgen.data.rules.appraisal`.
"""

from __future__ import annotations

from typing import Literal

from docgen.data.fields import (
    AppraisalGrade,
    Count,
    DateValue,
    DocModel,
    MemberStatus,
    TagList,
    zh,
)
from docgen.data.models.branch import BranchLinked
from docgen.data.models.common import Signoff


class AppraisalMember(DocModel):
    """A member rated in the 民主评议.

    ``name`` 姓名; ``status`` 党员类别; ``group`` 党小组; ``grade`` 评定等次 (the
    支委会's verdict; without one the tally's leading grade is proposed); ``problems``
    存在问题 and ``follow_up`` 处理意见 (both required for a 不合格); ``note`` 备注.
    """

    name: str = zh("姓名", description="党员姓名")
    status: MemberStatus = zh("党员类别", "身份", default="正式", description="正式或预备")
    group: str | None = zh("党小组", default=None, description="所在党小组")
    grade: AppraisalGrade | None = zh(
        "评定等次", "等次", default=None, description="支委会评定的等次；不填时按得票最多的等次提出"
    )
    problems: str | None = zh(
        "存在问题", "问题", default=None, description="测评和评议中指出的主要问题"
    )
    follow_up: str | None = zh(
        "处理意见",
        "组织处置",
        "整改要求",
        default=None,
        description="对基本合格、不合格党员的处理或帮教措施",
    )
    note: str | None = zh("备注", default=None, description="备注")


class TallyRow(DocModel):
    """The tellers' count for one member: ``name`` 姓名, ``votes`` 票数 (grade → ballots
    ticking it), ``problems`` 存在问题 (what ballots wrote, summarised)."""

    name: str = zh("姓名", description="被测评党员姓名")
    votes: dict[AppraisalGrade, Count] = zh(
        "票数", "得票", factory=dict, description="各等次得票，如 优秀: 12"
    )
    problems: str | None = zh("存在问题", default=None, description="测评表上写明的问题（汇总）")


class Tally(DocModel):
    """The count of the ballots: ``issued`` 发出, ``returned`` 收回, ``spoiled`` 无效
    (a ballot left blank or ticked twice in a row is spoiled, as the tellers decide),
    ``valid`` 有效 (default: returned less spoiled), ``rows`` 统计 per member,
    ``tellers`` 计票人."""

    issued: Count | None = zh("发出票数", "发出", default=None, description="发出的测评表份数")
    returned: Count | None = zh("收回票数", "收回", default=None, description="收回的测评表份数")
    spoiled: Count = zh("无效票数", "无效", default=0, description="无效的测评表份数")
    valid: Count | None = zh("有效票数", "有效", default=None, description="不填时为收回减无效")
    rows: list[TallyRow] = zh("统计", "测评统计", factory=list, description="每名党员的得票")
    tellers: TagList = zh("计票人", "监票计票人", factory=list, description="计票、监票人员")

    @property
    def counted(self) -> int | None:
        """The valid ballots: as stated, else returned less spoiled (``None`` if unknown)."""
        if self.valid is not None:
            return self.valid
        return None if self.returned is None else max(self.returned - self.spoiled, 0)


class DemocraticAppraisal(BranchLinked):
    """A branch's 民主评议党员 for one year (``kind: appraisal``).

    ``branch``/``branch_file``; ``year`` 年度; ``title`` 标题; ``date`` 测评日期;
    ``place`` 地点; ``host`` 主持人; ``superior`` 上级党委; ``due`` 应到 and ``present``
    实到 (members at the 测评); ``copies`` 印制份数 (default: one a member); ``dimensions``
    测评维度 (an optional matrix on each ballot); ``members`` 参评党员 (default: the roster);
    ``tally_file`` 统计表文件 or ``tally`` 测评统计; ``committee_date`` 支委会研究日期;
    ``notice_date`` 通报日期; ``signoff`` 落款.
    """

    kind: Literal["appraisal"] = zh("文种", default="appraisal", description="固定为 appraisal")
    branch: str | None = zh("党支部", "支部", default=None, description="支部编号或全称")
    branch_file: str | None = zh("支部文件", default=None, description="支部名册文件（相对本文件）")
    year: int = zh("年度", description="评议的年度，如 2026")
    title: str | None = zh("标题", default=None, description="测评表标题")
    date: DateValue | None = zh("测评日期", "日期", default=None, description="开展民主测评的日期")
    place: str | None = zh("地点", default=None, description="测评地点")
    host: str | None = zh("主持人", default=None, description="主持测评的支委")
    superior: str | None = zh("上级党委", default=None, description="评议结果报送的上级党委")
    due: Count | None = zh("应到人数", "应到", default=None, description="不填时为参评党员人数")
    present: Count | None = zh("实到人数", "实到", default=None, description="参加测评的党员人数")
    copies: Count | None = zh(
        "印制份数", "份数", default=None, description="打印测评表的份数，每份编号；缺省每人一份"
    )
    dimensions: TagList = zh(
        "测评维度", "测评内容", factory=list, description="可选：如 政治表现、学习情况、作用发挥"
    )
    members: list[AppraisalMember] = zh(
        "参评党员", "党员", factory=list, description="被评议的党员；不填时取支部名册"
    )
    tally_file: str | None = zh(
        "统计表文件", default=None, description="计票人填好的测评统计表（.xlsx，相对本文件）"
    )
    tally: Tally | None = zh("测评统计", "计票结果", default=None, description="计票结果")
    committee_date: DateValue | None = zh(
        "支委会研究日期", "评定日期", default=None, description="支委会研究评定意见的日期"
    )
    notice_date: DateValue | None = zh("通报日期", default=None, description="通报评议结果的日期")
    signoff: Signoff | None = zh("落款", default=None, description="落款单位与日期")

    def rated(self) -> list[AppraisalMember]:
        """The members rated: those listed, else the roster's (names, status and group)."""
        if self.members or self.roster is None:
            return list(self.members)
        return [
            AppraisalMember(name=m.name, status=m.status, group=m.group)
            for m in self.roster.members
        ]


__all__ = ["AppraisalMember", "DemocraticAppraisal", "Tally", "TallyRow"]
