"""组织生活会 with 民主评议党员 (``kind: org_life_meeting``), ``domain.md`` §2.2.

The same fields may also appear in minutes whose ``meeting_type`` is 组织生活会,
so they live in the mixin :class:`OrgLifeFields`.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import SerializationInfo, SerializerFunctionWrapHandler, model_serializer

from docgen.data.fields import AppraisalGrade, Count, DateValue, DocModel, StrList, TagList, zh
from docgen.data.models.branch import BranchLinked
from docgen.data.models.common import Person, Signoff
from docgen.data.models.meeting import Attendance, TimeSpan
from docgen.data.models.rectification import Problem


class Preparation(DocModel):
    """Preparation before the meeting: ``study`` 会前学习, ``talks`` 谈心谈话,
    ``opinions_collected`` 征求意见条数, ``opinion_channels`` 征求意见方式."""

    study: StrList = zh("会前学习", "学习内容", factory=list, description="会前学习内容")
    talks: str | None = zh("谈心谈话", default=None, description="谈心谈话情况")
    opinions_collected: Count | None = zh(
        "征求意见条数", "征求意见", default=None, description="征求到的意见条数"
    )
    opinion_channels: TagList = zh(
        "征求意见方式", factory=list, description="座谈、意见箱、个别访谈等"
    )


class BranchReview(DocModel):
    """The committee's 对照检查: ``presenter`` 报告人, ``achievements`` 工作成绩,
    ``problems`` 存在问题 (the records of §2.3), ``causes`` 原因分析, ``measures`` 整改措施."""

    presenter: str | None = zh(
        "报告人", "汇报人", default=None, description="代表支委会作对照检查的人"
    )
    achievements: str | None = zh(
        "工作成绩", "成绩", default=None, description="一年来的工作和成绩"
    )
    problems: list[Problem] = zh("存在问题", "问题", factory=list, description="查摆出的问题")
    causes: StrList = zh("原因分析", "原因", factory=list, description="原因分析")
    measures: StrList = zh("整改措施", "措施", factory=list, description="整改措施")


class Criticism(DocModel):
    """A criticism received: ``from`` 提出人 (attribute ``from_``), ``text`` 意见."""

    from_: str = zh("提出人", "批评人", en="from", description="提出批评意见的人")
    text: str = zh("意见", "内容", description="批评意见")

    @model_serializer(mode="wrap")
    def _english_from(self, handler: SerializerFunctionWrapHandler, info: SerializationInfo) -> Any:
        data = handler(self)
        if isinstance(data, dict) and "from_" in data:
            data = {("from" if k == "from_" else k): v for k, v in data.items()}
        return data


class MemberReview(DocModel):
    """A member's 对照检查: ``member`` 党员, ``self_criticism`` 自我批评,
    ``criticism_received`` 相互批评意见."""

    member: str = zh("党员", "姓名", description="党员姓名")
    self_criticism: StrList = zh(
        "自我批评", "个人对照检查", factory=list, description="自我批评要点"
    )
    criticism_received: list[Criticism] = zh(
        "相互批评", "收到的批评", factory=list, description="他人提出的批评意见"
    )


class Appraisal(DocModel):
    """民主评议党员: ``method`` 评议方式, ``participants`` 参评人数, ``results`` 测评结果
    (grade → count, grades configurable), ``excellent`` 评为优秀的党员, ``note`` 备注;
    ``appraisal_file`` 评议数据文件, the 民主评议's own data (``kind: appraisal``, relative to
    the record), which fills the three counts this record does not state
    (:mod:`docgen.data.appraisal_link`)."""

    method: str | None = zh(
        "评议方式", "方式", default=None, description="个人自评、党员互评、民主测评"
    )
    participants: Count | None = zh("参评人数", default=None, description="参加评议的党员人数")
    results: dict[AppraisalGrade, Count] = zh(
        "测评结果", "结果", factory=dict, description="各等次人数，如 优秀: 5"
    )
    excellent: TagList = zh("优秀党员", "评为优秀", factory=list, description="评为优秀的党员姓名")
    note: str | None = zh("备注", default=None, description="备注")
    appraisal_file: str | None = zh(
        "评议数据文件",
        default=None,
        description="民主评议数据文件（kind: appraisal，相对本文件），"
        "由它填写参评人数、测评结果和优秀党员",
    )


class OrgLifeFields(DocModel):
    """Fields of a 组织生活会, shared with minutes.

    ``theme`` 主题; ``superior_notice`` 上级通知; ``preparation`` 会前准备;
    ``branch_review`` 支部对照检查; ``member_reviews`` 党员对照检查;
    ``democratic_appraisal`` 民主评议; ``rectification_ref`` 整改清单文件.
    """

    theme: str | None = zh("主题", "会议主题", default=None, description="会议或活动主题")
    superior_notice: str | None = zh("上级通知", default=None, description="依据的上级通知名称")
    preparation: Preparation | None = zh(
        "会前准备", default=None, description="会前学习、谈心谈话、征求意见"
    )
    branch_review: BranchReview | None = zh(
        "支部对照检查", "对照检查", default=None, description="支部班子对照检查"
    )
    member_reviews: list[MemberReview] = zh(
        "党员对照检查", "个人对照检查", factory=list, description="党员个人对照检查与相互批评"
    )
    democratic_appraisal: Appraisal | None = zh(
        "民主评议", "民主评议党员", default=None, description="民主评议党员情况"
    )
    rectification_ref: str | None = zh(
        "整改清单", "整改清单文件", default=None, description="会后整改清单文件"
    )


class OrgLifeMeeting(OrgLifeFields, BranchLinked):
    """A 组织生活会 record (``kind: org_life_meeting``).

    Besides :class:`OrgLifeFields`: ``branch`` 党支部; ``branch_file`` 支部文件;
    ``year`` 年度; ``title`` 标题; ``time`` 时间; ``location`` 地点; ``host`` 主持人;
    ``recorder`` 记录人; ``attendance`` 出席情况; ``agenda`` 议程; ``resolutions`` 会议决定;
    ``signoff`` 落款; ``notice_date`` 通知日期 (the 成文日期 of the notice convening it).
    """

    kind: Literal["org_life_meeting"] = zh(
        "文种", default="org_life_meeting", description="固定为 org_life_meeting"
    )
    branch: str | None = zh("党支部", "支部", default=None, description="支部编号或全称")
    branch_file: str | None = zh("支部文件", default=None, description="支部名册文件（相对本文件）")
    year: int | None = zh("年度", default=None, description="年度")
    title: str | None = zh("标题", default=None, description="标题")
    time: TimeSpan | None = zh("时间", "会议时间", default=None, description="开始与结束时间")
    location: str | None = zh("地点", default=None, description="会议地点")
    host: Person | None = zh("主持人", default=None, description="主持人及职务")
    recorder: Person | None = zh("记录人", default=None, description="记录人及职务")
    attendance: Attendance = zh(
        "出席情况", "出席", factory=Attendance, description="应到、实到、缺席、列席"
    )
    agenda: StrList = zh("议程", "议题", factory=list, description="会议议程")
    resolutions: StrList = zh("会议决定", "决议", factory=list, description="会议形成的决定")
    signoff: Signoff | None = zh("落款", default=None, description="落款单位与日期")
    notice_date: DateValue | None = zh(
        "通知日期",
        "通知成文日期",
        default=None,
        description="组织生活会通知的成文日期（不填则通知留出日期手填）",
    )


__all__ = [
    "Appraisal",
    "BranchReview",
    "Criticism",
    "MemberReview",
    "OrgLifeFields",
    "OrgLifeMeeting",
    "Preparation",
]
