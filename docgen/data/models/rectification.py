"""A rectification plan (整改方案) and the four lists projected from it.

One list of problems is kept; the 问题清单, 任务清单, 责任清单 and 整改台账 are
projections of it (``domain.md`` §2.3), returned as lists of plain rows so a
template can loop over them.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, TypedDict

from docgen.data.config import DEFAULT_CONFIG, DataConfig
from docgen.data.fields import (
    Category,
    DateValue,
    Deadline,
    DocModel,
    Mode,
    Status,
    StrList,
    TagList,
    zh,
)
from docgen.data.models.branch import BranchLinked
from docgen.data.models.common import Signoff


class Problem(DocModel):
    """One problem found and how it is put right.

    ``id`` 编号; ``category`` 问题类别; ``title`` 存在问题 (one sentence; also ``text``);
    ``manifestation`` 具体表现; ``causes`` 原因分析; ``measures`` 整改措施; ``goal`` 整改目标;
    ``leader`` 责任领导; ``owner`` 责任人; ``deadline`` 整改时限 (a date or 长期坚持);
    ``mode`` 整改方式; ``status`` 整改状态; ``progress`` 完成情况; ``evidence`` 佐证材料;
    ``note`` 备注.
    """

    id: str | None = zh("编号", default=None, description="问题编号，如 P01")
    category: Category | None = zh(
        "问题类别", "类别", "检视方面", default=None, description="问题类别（可配置）"
    )
    title: str = zh("存在问题", "问题", "问题概括", "text", description="问题概括，一句话")
    manifestation: str | None = zh("具体表现", "表现", default=None, description="问题的具体表现")
    causes: StrList = zh(
        "原因分析", "原因", "根源剖析", factory=list, description="原因分析，一条一项"
    )
    measures: StrList = zh("整改措施", "措施", factory=list, description="整改措施，一条一项")
    goal: str | None = zh("整改目标", "目标", default=None, description="整改目标或标准")
    leader: str | None = zh("责任领导", default=None, description="责任领导")
    owner: str | None = zh("责任人", "责任部门", default=None, description="责任人或责任部门")
    deadline: Deadline | None = zh(
        "整改时限", "时限", "完成时限", default=None, description="日期，或“长期坚持”"
    )
    mode: Mode | None = zh(
        "整改方式", "方式", default=None, description="立行立改、限期整改、长期坚持"
    )
    status: Status | None = zh(
        "整改状态", "状态", default=None, description="未启动、整改中、已完成、持续整改"
    )
    progress: str | None = zh(
        "完成情况", "整改成效", "进展", default=None, description="完成情况或整改成效"
    )
    evidence: TagList = zh("佐证材料", "佐证", factory=list, description="佐证材料名称")
    note: str | None = zh("备注", default=None, description="备注")


class Step(DocModel):
    """A phase of the plan: ``phase`` 阶段, ``period`` 时间, ``content`` 工作内容."""

    phase: str = zh("阶段", description="阶段名称")
    period: str | None = zh("时间", "时间安排", default=None, description="时间安排，如 11月")
    content: str | None = zh("工作内容", "内容", default=None, description="本阶段工作内容")


class ProblemRow(TypedDict):
    """A row of the 问题清单."""

    seq: int
    id: str | None
    category: str | None
    title: str
    manifestation: str | None


class TaskRow(TypedDict):
    """A row of the 任务清单."""

    seq: int
    id: str | None
    title: str
    measures: list[str]
    goal: str | None
    deadline: dt.date | str | None


class ResponsibilityRow(TypedDict):
    """A row of the 责任清单; ``task`` is the problem the measures answer."""

    seq: int
    id: str | None
    task: str
    measures: list[str]
    leader: str | None
    owner: str | None
    deadline: dt.date | str | None


class LedgerRow(TypedDict):
    """A row of the 整改台账; ``closed`` is true when the status counts as done (销号)."""

    seq: int
    id: str | None
    category: str | None
    title: str
    measures: list[str]
    owner: str | None
    deadline: dt.date | str | None
    progress: str | None
    status: str | None
    closed: bool
    note: str | None


class ProgressReportDates(DocModel):
    """The 整改情况报告's own dates and address, written after the plan: ``date`` 成文日期
    (the report's sign-off), ``as_of`` 截至日期 (the day its figures stand at; the report
    date when left out) and ``addressee`` 主送机关 (the superior body it goes to)."""

    date: DateValue | None = zh(
        "日期", "成文日期", "报告日期", default=None, description="报告的成文日期"
    )
    as_of: DateValue | None = zh(
        "截至", "截至日期", "统计截至", default=None, description="整改进展统计截至的日期"
    )
    addressee: str | None = zh(
        "主送机关",
        "主送",
        default=None,
        description="主送机关：报告呈送的上级党组织，如 中共××学院委员会（GB/T 9704 §7.3.2）",
    )


class Rectification(BranchLinked):
    """A rectification plan (``kind: rectification``), ``domain.md`` §2.3.

    ``branch`` 党支部; ``branch_file`` 支部文件; ``title`` 标题; ``basis`` 制定依据;
    ``guiding_thought`` 指导思想; ``goals`` 整改目标; ``problems`` 问题清单;
    ``steps`` 步骤安排; ``safeguards`` 保障措施; ``signoff`` 落款;
    ``progress_report`` 整改情况报告的日期. Deadlines may not precede ``signoff.date``.
    Projections: :meth:`problem_list`, :meth:`task_list`,
    :meth:`responsibility_list`, :meth:`ledger`.
    """

    kind: Literal["rectification"] = zh(
        "文种", default="rectification", description="固定为 rectification"
    )
    branch: str | None = zh("党支部", "支部", default=None, description="支部编号或全称")
    branch_file: str | None = zh("支部文件", default=None, description="支部名册文件（相对本文件）")
    title: str | None = zh("标题", default=None, description="整改方案标题")
    basis: str | None = zh("制定依据", "依据", default=None, description="开头一段：依据与目的")
    guiding_thought: str | None = zh(
        "指导思想", "总体要求", default=None, description="指导思想或总体要求"
    )
    goals: StrList = zh("整改目标", "目标", factory=list, description="整改目标")
    problems: list[Problem] = zh(
        "问题清单", "问题", "整改台账", factory=list, description="问题及整改措施"
    )
    steps: list[Step] = zh("步骤安排", "步骤", factory=list, description="步骤安排")
    safeguards: StrList = zh("保障措施", factory=list, description="保障措施")
    signoff: Signoff | None = zh("落款", default=None, description="落款单位与日期")
    progress_report: ProgressReportDates | None = zh(
        "整改情况报告",
        "情况报告",
        default=None,
        description="整改情况报告的成文日期和截至日期（不用方案的日期）",
    )

    def problem_list(self) -> list[ProblemRow]:
        """问题清单: 序号、类别、问题、具体表现."""
        return [
            ProblemRow(
                seq=n, id=p.id, category=p.category, title=p.title, manifestation=p.manifestation
            )
            for n, p in enumerate(self.problems, 1)
        ]

    def task_list(self) -> list[TaskRow]:
        """任务清单: 序号、问题、整改措施、整改目标、时限."""
        return [
            TaskRow(
                seq=n,
                id=p.id,
                title=p.title,
                measures=list(p.measures),
                goal=p.goal,
                deadline=p.deadline,
            )
            for n, p in enumerate(self.problems, 1)
        ]

    def responsibility_list(self) -> list[ResponsibilityRow]:
        """责任清单: 序号、任务、整改措施、责任领导、责任人、时限."""
        return [
            ResponsibilityRow(
                seq=n,
                id=p.id,
                task=p.title,
                measures=list(p.measures),
                leader=p.leader,
                owner=p.owner,
                deadline=p.deadline,
            )
            for n, p in enumerate(self.problems, 1)
        ]

    def ledger(self, config: DataConfig = DEFAULT_CONFIG) -> list[LedgerRow]:
        """整改台账: 序号、类别、问题、措施、责任人、时限、完成情况、状态、是否销号、备注."""
        return [
            LedgerRow(
                seq=n,
                id=p.id,
                category=p.category,
                title=p.title,
                measures=list(p.measures),
                owner=p.owner,
                deadline=p.deadline,
                progress=p.progress,
                status=p.status,
                closed=p.status in config.done_statuses,
                note=p.note,
            )
            for n, p in enumerate(self.problems, 1)
        ]


__all__ = [
    "LedgerRow",
    "Problem",
    "ProblemRow",
    "ProgressReportDates",
    "Rectification",
    "ResponsibilityRow",
    "Step",
    "TaskRow",
]
