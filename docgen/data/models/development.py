"""发展党员 (``kind: development``): one candidate, or a branch's roster of candidates, from
the application to full membership.

Each candidate is one flat record (so a roster is one sheet of a workbook, a row per
person) holding every stage's dates, people and results. The five stages of the
《中国共产党发展党员工作细则》 follow from which dates are filled in (:attr:`Candidate.stage`);
the checks are in :mod:`docgen.data.rules.development`, the date arithmetic in
:mod:`docgen.data.workdays` (months, years and working days by the holiday calendar).

A file for one person is a roster of one (``candidates:`` with one record), so every view
and rule sees the same shape.
"""

from __future__ import annotations

from typing import Literal

from docgen.data.fields import Count, DateValue, DocModel, TagList, VoteMethod, zh
from docgen.data.models.branch import BranchLinked
from docgen.data.models.common import Signoff

#: The five stages of the 细则 (its chapters 二 to 六), by number.
STAGES = {
    1: "入党申请",
    2: "入党积极分子的确定和培养教育",
    3: "发展对象的确定和考察",
    4: "预备党员的接收",
    5: "预备党员的教育考察和转正",
}
#: What a 转正 may decide (细则 第三十三条).
FULL_RESULTS = ("按期转正", "延长预备期", "取消预备党员资格")
#: The four kinds of 公示, by the prefix of their fields (``<prefix>_notice_from``/``_to``).
NOTICES = {
    "activist": "确定入党积极分子",
    "prospect": "确定发展对象",
    "admit": "拟接收预备党员",
    "full": "拟转为正式党员",
}


class Candidate(DocModel):
    """One person on the way to membership: identity, then each stage's dates and people.

    Identity: ``name`` 姓名, ``gender`` 性别, ``ethnicity`` 民族, ``birth`` 出生日期,
    ``education`` 学历, ``unit`` 单位及职务（班级）.
    Stage 1: ``applied`` 申请入党日期, ``talked`` 谈话日期, ``talker`` 谈话人, ``talk_notes``
    谈话内容. Stage 2: ``recommended`` 推荐日期 and ``recommend_method`` 推荐方式,
    ``activist`` 确定为入党积极分子日期, ``contacts`` 培养联系人, ``inspections`` 考察记录.
    Stage 3: ``prospect`` 确定为发展对象日期, ``introducers`` 入党介绍人, ``review_date``
    政审日期 and ``review_conclusion`` 政审结论, ``training_from``/``training_to`` 培训起止,
    ``training_days`` 培训天数, ``training_hours`` 培训学时, ``pre_review`` 预审日期,
    ``form_date`` 填写入党志愿书日期. Stage 4: ``admitted`` 支部大会接收日期 with its vote
    (``vote_entitled`` 有表决权的正式党员, ``vote_present`` 到会有表决权的正式党员, ``votes_for``
    赞成票, ``written_for`` 书面赞成意见, ``votes_against`` 反对票, ``votes_abstain`` 弃权票,
    ``vote_method`` 表决方式) and its record (``admit_place`` 地点, ``admit_host`` 主持人,
    ``admit_recorder`` 记录人, ``admit_probationary`` 到会预备党员, ``admit_absent`` 缺席人员),
    ``approved`` 上级党委审批日期, ``approved_by`` 审批党委.
    Stage 5: ``full_meeting`` 转正支部大会日期 with its vote (``full_vote_entitled``,
    ``full_vote_present``, ``full_votes_for``/``_against``/``_abstain``, ``full_written_for``
    书面赞成意见; ``full_place`` … ``full_absent`` as for 接收), ``full_result``
    转正结果 (按期转正/延长预备期/取消预备党员资格), ``extension_months`` 延长月数,
    ``full_approved`` 转正审批日期.
    Each 公示: ``<kind>_notice_from``/``_to`` for 积极分子, 发展对象, 拟接收, 拟转正.
    """

    name: str = zh("姓名", description="发展对象姓名")
    gender: str | None = zh("性别", default=None, description="男或女")
    ethnicity: str | None = zh("民族", default=None, description="如 汉族")
    birth: DateValue | None = zh("出生日期", "出生年月", default=None, description="出生日期")
    education: str | None = zh("学历", default=None, description="如 硕士研究生")
    unit: str | None = zh(
        "单位及职务", "单位", "班级", default=None, description="所在单位及职务，学生写年级班级"
    )
    applied: DateValue | None = zh(
        "申请入党日期", "递交入党申请书日期", default=None, description="递交入党申请书的日期"
    )
    talked: DateValue | None = zh("谈话日期", default=None, description="党组织派人谈话的日期")
    talker: str | None = zh("谈话人", default=None, description="谈话的党员")
    talk_notes: str | None = zh("谈话内容", default=None, description="谈话的主要内容")
    recommended: DateValue | None = zh("推荐日期", default=None, description="推荐的日期")
    recommend_method: str | None = zh(
        "推荐方式", default=None, description="党员推荐、群团组织推优等"
    )
    activist: DateValue | None = zh(
        "确定为入党积极分子日期",
        "确定积极分子日期",
        default=None,
        description="支委会确定为入党积极分子的日期",
    )
    contacts: TagList = zh("培养联系人", factory=list, description="一至两名正式党员，用顿号分隔")
    inspections: TagList = zh(
        "考察记录", "考察", factory=list, description="每半年一次考察的日期与情况，用分号分隔"
    )
    prospect: DateValue | None = zh(
        "确定为发展对象日期",
        "确定发展对象日期",
        default=None,
        description="支委会确定为发展对象的日期",
    )
    introducers: TagList = zh("入党介绍人", "介绍人", factory=list, description="两名正式党员")
    review_date: DateValue | None = zh("政审日期", default=None, description="政治审查完成的日期")
    review_conclusion: str | None = zh(
        "政审结论", default=None, description="政治审查综合报告的结论"
    )
    training_from: DateValue | None = zh("培训开始日期", default=None, description="集中培训起")
    training_to: DateValue | None = zh("培训结束日期", default=None, description="集中培训止")
    training_days: Count | None = zh("培训天数", default=None, description="集中培训天数")
    training_hours: Count | None = zh("培训学时", default=None, description="集中培训学时")
    pre_review: DateValue | None = zh("预审日期", default=None, description="上级党委预审的日期")
    form_date: DateValue | None = zh(
        "填写入党志愿书日期", "志愿书日期", default=None, description="预审后填写入党志愿书"
    )
    admitted: DateValue | None = zh(
        "支部大会接收日期",
        "接收为预备党员日期",
        default=None,
        description="支部大会讨论接收为预备党员的日期",
    )
    vote_entitled: Count | None = zh(
        "有表决权的正式党员",
        "应到有表决权人数",
        default=None,
        description="支部有表决权的正式党员数",
    )
    vote_present: Count | None = zh(
        "到会有表决权人数", "实到有表决权人数", default=None, description="到会的有表决权党员数"
    )
    votes_for: Count | None = zh("赞成票", default=None, description="到会赞成票数")
    written_for: Count = zh(
        "书面赞成意见", default=0, description="因故不能到会、书面表示赞成的正式党员数"
    )
    votes_against: Count = zh("反对票", default=0, description="反对票数")
    votes_abstain: Count = zh("弃权票", default=0, description="弃权票数")
    vote_method: VoteMethod = zh("表决方式", default="无记名投票", description="无记名投票")
    admit_place: str | None = zh("接收大会地点", default=None, description="接收大会的会议地点")
    admit_host: str | None = zh("接收大会主持人", default=None, description="主持接收大会的同志")
    admit_recorder: str | None = zh("接收大会记录人", default=None, description="接收大会的记录人")
    admit_probationary: Count | None = zh(
        "接收大会到会预备党员",
        default=None,
        description="到会的预备党员人数（预备党员没有表决权）",
    )
    admit_absent: str | None = zh(
        "接收大会缺席人员",
        default=None,
        description="未到会的党员及原因，如 俞方舟（出差，会前提交书面意见）",
    )
    approved: DateValue | None = zh("审批日期", default=None, description="上级党委审批的日期")
    approved_by: str | None = zh("审批党委", default=None, description="审批的上级党委")
    full_meeting: DateValue | None = zh(
        "转正支部大会日期", "转正日期", default=None, description="支部大会讨论转正的日期"
    )
    full_vote_entitled: Count | None = zh(
        "转正大会有表决权人数",
        default=None,
        description="讨论转正的支部大会上有表决权的正式党员数",
    )
    full_vote_present: Count | None = zh(
        "转正大会到会有表决权人数", default=None, description="讨论转正时到会的有表决权党员数"
    )
    full_votes_for: Count | None = zh("转正赞成票", default=None, description="转正表决的赞成票数")
    full_written_for: Count = zh(
        "转正书面赞成意见",
        default=0,
        description="讨论转正时因故不能到会、书面表示赞成的正式党员数",
    )
    full_votes_against: Count = zh("转正反对票", default=0, description="转正表决的反对票数")
    full_votes_abstain: Count = zh("转正弃权票", default=0, description="转正表决的弃权票数")
    full_place: str | None = zh("转正大会地点", default=None, description="转正大会的会议地点")
    full_host: str | None = zh("转正大会主持人", default=None, description="主持转正大会的同志")
    full_recorder: str | None = zh("转正大会记录人", default=None, description="转正大会的记录人")
    full_probationary: Count | None = zh(
        "转正大会到会预备党员",
        default=None,
        description="到会的预备党员人数（预备党员没有表决权）",
    )
    full_absent: str | None = zh(
        "转正大会缺席人员",
        default=None,
        description="未到会的党员及原因，如 俞方舟（出差，会前提交书面意见）",
    )
    full_result: Literal["按期转正", "延长预备期", "取消预备党员资格"] | None = zh(
        "转正结果", default=None, description="按期转正、延长预备期或取消预备党员资格"
    )
    extension_months: Count | None = zh(
        "延长月数", default=None, description="延长预备期的月数（6至12个月）"
    )
    full_approved: DateValue | None = zh(
        "转正审批日期", default=None, description="上级党委审批转正的日期"
    )
    activist_notice_from: DateValue | None = zh(
        "积极分子公示开始", default=None, description="积极分子公示的第一天"
    )
    activist_notice_to: DateValue | None = zh(
        "积极分子公示结束", default=None, description="积极分子公示的最后一天"
    )
    prospect_notice_from: DateValue | None = zh(
        "发展对象公示开始", default=None, description="发展对象公示的第一天"
    )
    prospect_notice_to: DateValue | None = zh(
        "发展对象公示结束", default=None, description="发展对象公示的最后一天"
    )
    admit_notice_from: DateValue | None = zh(
        "拟接收公示开始", default=None, description="拟接收公示的第一天"
    )
    admit_notice_to: DateValue | None = zh(
        "拟接收公示结束", default=None, description="拟接收公示的最后一天"
    )
    full_notice_from: DateValue | None = zh(
        "拟转正公示开始", default=None, description="拟转正公示的第一天"
    )
    full_notice_to: DateValue | None = zh(
        "拟转正公示结束", default=None, description="拟转正公示的最后一天"
    )
    note: str | None = zh("备注", default=None, description="备注")

    @property
    def stage(self) -> int:
        """The stage reached (1–5), from the latest step on record."""
        if self.full_meeting is not None or self.full_notice_from is not None:
            return 5
        if self.admitted is not None:
            return 4
        if self.prospect is not None:
            return 3
        if self.activist is not None:
            return 2
        return 1

    @property
    def standing(self) -> str:
        """What the person is now: 入党申请人 … 正式党员 (a 预备党员 until 转正 is approved)."""
        if self.full_result == "取消预备党员资格":
            return "已取消预备党员资格"
        if self.full_result == "按期转正" and self.full_approved is not None:
            return "正式党员"
        if self.admitted is not None:
            return "预备党员"
        return ("入党申请人", "入党申请人", "入党积极分子", "发展对象")[min(self.stage, 3)]


class Development(BranchLinked):
    """A branch's 发展党员 records (``kind: development``): ``branch`` 党支部, ``branch_file``
    支部文件, ``superior`` 上级党委, ``candidates`` 发展对象 (one record each), ``contact``
    联系人及电话 (printed in a 公示), ``signoff`` 落款."""

    kind: Literal["development"] = zh(
        "文种", default="development", description="固定为 development"
    )
    branch: str | None = zh("党支部", "支部", default=None, description="支部编号或全称")
    branch_file: str | None = zh("支部文件", default=None, description="支部名册文件（相对本文件）")
    superior: str | None = zh("上级党委", default=None, description="预审、审批的上级党委")
    candidates: list[Candidate] = zh(
        "发展对象", "人员", "名单", factory=list, description="每人一条记录"
    )
    contact: str | None = zh(
        "联系人及电话",
        "联系电话",
        default=None,
        description="公示期间受理反映的联系人和电话，如 组织委员邵嘉明，电话 8800 1234",
    )
    signoff: Signoff | None = zh("落款", default=None, description="落款单位与日期")


__all__ = ["FULL_RESULTS", "NOTICES", "STAGES", "Candidate", "Development"]
