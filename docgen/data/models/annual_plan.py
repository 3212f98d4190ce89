"""A branch's annual work plan with its month-by-month schedule (``kind: annual_plan``)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import model_validator

from docgen.data.fields import (
    DateValue,
    DocModel,
    MeetingType,
    MeetingTypeList,
    Month,
    Quarter,
    StrList,
    zh,
)
from docgen.data.models.branch import BranchLinked
from docgen.data.models.common import Signoff


class Goals(DocModel):
    """工作目标: ``overall`` 总体目标, ``specific`` 具体目标. A list is read as ``specific``."""

    overall: str | None = zh("总体目标", default=None, description="总体目标")
    specific: StrList = zh("具体目标", "分项目标", factory=list, description="分项目标，一条一项")

    @model_validator(mode="before")
    @classmethod
    def _from_list(cls, data: Any) -> Any:
        if isinstance(data, list):
            return {"specific": data}
        if isinstance(data, str):
            return {"overall": data}
        return data


class Task(DocModel):
    """A main task: ``heading`` 标题 (一、二、…), ``items`` 具体内容 ((一)(二)…)."""

    heading: str = zh("标题", "任务", description="任务标题")
    items: StrList = zh("内容", "具体内容", "条目", factory=list, description="具体内容，一条一项")


class ScheduleEntry(DocModel):
    """One row of the 学习活动年度安排表.

    ``month`` 月份 (1–12); ``theme`` 学习主题; ``content`` 学习内容; ``form`` 学习形式;
    ``meeting_type`` 会议类型 (counted by the frequency check); ``other_meetings``
    同月其他会议 (also counted); ``party_group`` 党小组 (a 党小组会 of one group only);
    ``owner`` 责任人 / 主讲人; ``participants`` 参加人员; ``note`` 备注.
    """

    month: Month = zh("月份", "月", description="月份，1–12")
    theme: str | None = zh("学习主题", "主题", default=None, description="学习或活动主题")
    content: StrList = zh("学习内容", "内容", factory=list, description="学习内容（文件、篇目）")
    form: str | None = zh(
        "学习形式", "形式", default=None, description="集中学习、专题研讨、主题党日、党课等"
    )
    meeting_type: MeetingType | None = zh(
        "会议类型", default=None, description="对应三会一课的会议类型"
    )
    other_meetings: MeetingTypeList = zh(
        "其他会议", "同月会议", factory=list, description="同月召开的其他会议类型"
    )
    party_group: str | None = zh("党小组", default=None, description="只由某一党小组开展时填写")
    owner: str | None = zh("责任人", "主讲人", default=None, description="责任人或主讲人")
    participants: str | None = zh("参加人员", default=None, description="参加人员")
    note: str | None = zh("备注", default=None, description="备注")

    def meeting_types(self) -> list[str]:
        """Every meeting type this row stands for (``meeting_type`` first)."""
        first = [self.meeting_type] if self.meeting_type else []
        return first + list(self.other_meetings)


class AnnualPlan(BranchLinked):
    """An annual work plan (``kind: annual_plan``), ``domain.md`` §2.5.

    ``year`` 年度; ``branch`` 党支部; ``branch_file`` 支部文件; ``title`` 标题;
    ``guiding_thought`` 指导思想; ``goals`` 工作目标; ``tasks`` 主要任务;
    ``schedule`` 月度安排; ``safeguards`` 保障措施; ``signoff`` 落款;
    ``quarter`` 报备季度 (1–4): the quarter the 三会一课 报备表 lists and whose meetings the
    quarterly frequency check counts; empty, the 报备表 lists the whole year by quarter.
    ``report_date`` 报备日期: the 报备表's own 落款 date. Without it a whole-year 报备表
    goes with the plan and takes the plan's 落款 date; a quarter's 报备表 is made later than
    the plan, so its date is left blank to write in rather than borrow the plan's.
    """

    kind: Literal["annual_plan"] = zh(
        "文种", default="annual_plan", description="固定为 annual_plan"
    )
    year: int = zh("年度", description="计划年度，如 2026")
    branch: str | None = zh("党支部", "支部", default=None, description="支部编号或全称")
    branch_file: str | None = zh("支部文件", default=None, description="支部名册文件（相对本文件）")
    title: str | None = zh("标题", default=None, description="计划标题")
    guiding_thought: str | None = zh("指导思想", "总体要求", default=None, description="指导思想")
    goals: Goals = zh("工作目标", "目标", factory=Goals, description="总体目标与分项目标")
    tasks: list[Task] = zh("主要任务", "重点工作", factory=list, description="主要任务")
    schedule: list[ScheduleEntry] = zh(
        "月度安排", "安排表", "学习安排", factory=list, description="学习活动年度安排"
    )
    safeguards: StrList = zh("保障措施", factory=list, description="保障措施")
    signoff: Signoff | None = zh("落款", default=None, description="落款单位与日期")
    quarter: Quarter | None = zh(
        "报备季度", "季度", default=None, description="报备表所列季度，1至4；不填为全年"
    )
    report_date: DateValue | None = zh(
        "报备日期",
        default=None,
        description="报备表的落款日期；不填时全年报备表用计划的落款日期，季度报备表留空待填",
    )


__all__ = ["AnnualPlan", "Goals", "ScheduleEntry", "Task"]
