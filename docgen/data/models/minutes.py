"""Meeting minutes (会议记录) for every meeting type of 三会一课 and more (``kind: minutes``)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import (
    SerializationInfo,
    SerializerFunctionWrapHandler,
    field_validator,
    model_serializer,
    model_validator,
)

from docgen.data.fields import (
    Count,
    DateValue,
    DocModel,
    FixedActionList,
    HeadingText,
    MeetingType,
    StrList,
    TagList,
    VoteMethod,
    zh,
)
from docgen.data.models.branch import BranchLinked
from docgen.data.models.common import Person
from docgen.data.models.meeting import Attendance, TimeSpan
from docgen.data.models.org_life import OrgLifeFields
from docgen.data.models.photo import MeetingPhoto


class SpeechRecord(DocModel):
    """One speech in the proceedings: ``speaker`` 发言人, ``content`` 发言内容."""

    speaker: str = zh("发言人", description="发言人")
    content: str = zh("内容", "发言内容", default="", description="发言摘要或详细记录")


class Proceeding(DocModel):
    """The record of one agenda item: ``item`` 议题序号 (from 1), ``topic`` 议题,
    ``summary`` 内容摘要, ``speeches`` 发言."""

    item: int | None = zh("议题序号", "序号", default=None, description="对应第几项议题（从 1 数）")
    topic: HeadingText | None = zh("议题", default=None, description="议题名称（可省略）")
    summary: str | None = zh("摘要", "内容摘要", default=None, description="本项内容摘要")
    speeches: list[SpeechRecord] = zh(
        "发言", "发言记录", factory=list, description="按顺序记录的发言"
    )


_PASSED_WORDS: dict[str, bool | None] = {
    "auto": None,
    "自动": None,
    "": None,
    "通过": True,
    "是": True,
    "yes": True,
    "true": True,
    "未通过": False,
    "不通过": False,
    "否": False,
    "no": False,
    "false": False,
}


class Vote(DocModel):
    """A vote: ``subject`` 表决事项, ``method`` 表决方式 (举手/无记名投票), ``for`` 赞成,
    ``against`` 不赞成, ``abstain`` 弃权, ``passed`` 是否通过; for a secret ballot
    ``scrutineers`` 监票人 and ``tellers`` 计票人 (a 支部党员大会 ballot without them warns).

    ``passed`` left out (or ``auto``) is decided from the numbers: more "for" than half
    of ``attendance.due_voting`` (支部工作条例 第十一条). The Python attribute of
    ``for`` is ``for_``; dumps use ``for``.
    """

    subject: str = zh("表决事项", "事项", description="表决事项")
    method: VoteMethod | None = zh("表决方式", "方式", default=None, description="举手或无记名投票")
    for_: Count = zh("赞成", en="for", default=0, description="赞成人数")
    against: Count = zh("不赞成", "反对", default=0, description="不赞成人数")
    abstain: Count = zh("弃权", default=0, description="弃权人数")
    passed: bool | None = zh(
        "是否通过", "结果", default=None, description="通过、未通过，或 auto 自动判定"
    )
    scrutineers: TagList = zh(
        "监票人", factory=list, description="无记名投票的监票人（由党员大会通过）"
    )
    tellers: TagList = zh("计票人", factory=list, description="无记名投票的计票人")

    @field_validator("passed", mode="before")
    @classmethod
    def _passed_words(cls, value: Any) -> Any:
        if isinstance(value, str) and value.strip().lower() in _PASSED_WORDS:
            return _PASSED_WORDS[value.strip().lower()]
        return value

    @model_serializer(mode="wrap")
    def _english_for(self, handler: SerializerFunctionWrapHandler, info: SerializationInfo) -> Any:
        data = handler(self)
        if isinstance(data, dict) and "for_" in data:
            data = {("for" if k == "for_" else k): v for k, v in data.items()}
        return data


class FollowUp(DocModel):
    """A task after the meeting: ``task`` 任务, ``owner`` 责任人, ``due`` 完成时限."""

    task: str = zh("任务", description="落实事项")
    owner: str | None = zh("责任人", default=None, description="责任人")
    due: DateValue | None = zh("完成时限", "时限", default=None, description="完成时限")


class OutlineItem(DocModel):
    """A line of a 党课 outline: ``heading`` 一级标题, ``items`` 二级要点 (also ``sub``).

    A bare text is read as a heading without points.
    """

    heading: HeadingText = zh("标题", description="一级标题")
    items: StrList = zh("要点", "二级", "sub", factory=list, description="二级要点")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        return {"heading": str(data)} if isinstance(data, str | int) else data


class Minutes(OrgLifeFields, BranchLinked):
    """Minutes of one meeting (``kind: minutes``), shaped after ``domain.md`` §2.1.

    Common: ``meeting_type`` 会议类型; ``branch`` 党支部 (id or full name);
    ``branch_file`` 支部文件; ``party_group`` 党小组 (党小组会); ``seq_in_year`` 年度第几次;
    ``title`` 标题; ``time`` 时间; ``location`` 地点; ``host`` 主持人; ``recorder`` 记录人;
    ``attendance`` 出席情况; ``sign_in_file`` 签到文件
    (:mod:`docgen.data.signin_file`); ``agenda`` 议题; ``proceedings`` 会议内容; ``votes`` 表决;
    ``resolutions`` 决议; ``host_summary`` 主持人总结; ``follow_up`` 会后落实;
    ``signatures`` 签字; ``attachments`` 附件; ``note`` 其他; ``photos`` 影像资料 and
    ``photos_per_page`` 每页照片数 (2, 4 or 6; :mod:`docgen.data.photo_files`).
    党课: ``lecturer`` 主讲人, ``topic`` 党课题目, ``audience`` 听课对象, ``outline`` 提纲.
    主题党日: ``theme`` 主题, ``fixed_actions`` 规定动作, ``optional_actions`` 自选动作,
    ``volunteer_service`` 志愿服务, ``party_dues_collected`` 党费收缴.
    组织生活会: the fields of :class:`~docgen.data.models.org_life.OrgLifeFields`.
    """

    kind: Literal["minutes"] = zh("文种", default="minutes", description="固定为 minutes")
    meeting_type: MeetingType = zh(
        "会议类型",
        "类型",
        description="支部党员大会、支委会、党小组会、党课、主题党日、组织生活会等",
    )
    branch: str | None = zh("党支部", "支部", default=None, description="支部编号或全称")
    branch_file: str | None = zh("支部文件", default=None, description="支部名册文件（相对本文件）")
    party_group: str | None = zh("党小组", default=None, description="党小组会所属党小组")
    seq_in_year: int | None = zh("年度次序", "第几次", default=None, description="本年度第几次")
    title: str | None = zh("标题", "会议名称", default=None, description="缺省时由模板生成")
    time: TimeSpan = zh("时间", "会议时间", description="开始与结束时间")
    location: str | None = zh("地点", "会议地点", default=None, description="会议地点")
    host: Person | None = zh("主持人", default=None, description="主持人及职务")
    recorder: Person | None = zh("记录人", default=None, description="记录人及职务")
    attendance: Attendance = zh(
        "出席情况", "出席", factory=Attendance, description="应到、实到、缺席、列席"
    )
    sign_in_file: str | None = zh(
        "签到文件",
        "签到导出",
        default=None,
        description="签到导出文件（CSV/XLSX，相对本文件），据此填写实到、缺席",
    )
    agenda: StrList = zh("议题", "会议议题", factory=list, description="会前确定的议题")
    proceedings: list[Proceeding] = zh(
        "会议内容", "发言记录", factory=list, description="按议题记录的内容与发言"
    )
    votes: list[Vote] = zh("表决", "表决情况", factory=list, description="表决事项与结果")
    resolutions: StrList = zh(
        "决议", "会议决议", "决定", factory=list, description="会议决议或决定"
    )
    host_summary: str | None = zh("主持人总结", "总结", default=None, description="主持人总结")
    follow_up: list[FollowUp] = zh("会后落实", factory=list, description="会后落实事项")
    signatures: TagList = zh(
        "签字", "签字栏", factory=list, description="需要签字的人，如 主持人、记录人"
    )
    attachments: TagList = zh("附件", factory=list, description="签到表、活动照片等")
    note: str | None = zh("其他", "备注", default=None, description="其他需要记载的事项")
    photos: list[MeetingPhoto] = zh(
        "影像资料",
        "照片",
        factory=list,
        description="会议照片：文件（相对本文件）、时间、地点、内容",
    )
    photos_per_page: Literal[2, 4, 6] = zh(
        "每页照片数", default=4, description="影像资料页每页排几张照片：2、4 或 6"
    )
    lecturer: Person | None = zh("主讲人", default=None, description="党课主讲人及职务")
    topic: str | None = zh("党课题目", "题目", default=None, description="党课题目")
    audience: str | None = zh("听课对象", "参加对象", default=None, description="听课对象")
    outline: list[OutlineItem] = zh(
        "提纲", "党课提纲", factory=list, description="党课提纲，一级标题与二级要点"
    )
    fixed_actions: FixedActionList = zh(
        "规定动作", factory=list, description="主题党日规定动作（按本地配置）"
    )
    optional_actions: TagList = zh("自选动作", factory=list, description="主题党日自选动作")
    volunteer_service: str | None = zh("志愿服务", default=None, description="志愿服务内容")
    party_dues_collected: bool | float | None = zh(
        "党费收缴", "交纳党费", default=None, description="是否收缴党费，或金额（元）"
    )

    @property
    def day(self) -> dt.date:
        """The day of the meeting."""
        return self.time.day


__all__ = [
    "FollowUp",
    "Minutes",
    "OutlineItem",
    "Proceeding",
    "SpeechRecord",
    "Vote",
]
