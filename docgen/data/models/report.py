"""Reports: 问题与对策, 经验交流, 工作总结, 整改情况报告 (``kind: report``).

``domain.md`` writes the first as ``kind: issue_report`` and the others as
``kind: narrative`` with a ``subkind``; all of those spellings load into this one
model, whose ``subkind`` says which report it is.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import field_validator

from docgen.data.fields import zh
from docgen.data.kinds import SUBKIND_NAMES
from docgen.data.models.branch import BranchLinked
from docgen.data.models.common import Section, Signoff

Subkind = Literal[
    "issue_report", "experience_exchange", "work_summary", "rectification_report", "report"
]


class Report(BranchLinked):
    """A report of any subkind (``kind: report``).

    ``subkind`` 类型 (issue_report 问题与对策, experience_exchange 经验交流,
    work_summary 工作总结, rectification_report 整改情况报告, report 其他报告);
    ``branch`` 党支部; ``branch_file`` 支部文件; ``title`` 标题; ``subtitle`` 副标题;
    ``intro`` 开头; ``sections`` 各部分 (heading / paras / items / subsections);
    ``outro`` 结尾; ``rectification_ref`` 整改方案文件 (整改情况报告); ``addressee`` 主送机关
    (an upward report's superior body, printed under the title); ``signoff`` 落款.
    """

    kind: Literal["report"] = zh("文种", default="report", description="固定为 report")
    subkind: Subkind = zh(
        "类型",
        "报告类型",
        default="report",
        description="issue_report、experience_exchange、work_summary、"
        "rectification_report 或 report",
    )
    branch: str | None = zh("党支部", "支部", default=None, description="支部编号或全称")
    branch_file: str | None = zh("支部文件", default=None, description="支部名册文件（相对本文件）")
    title: str = zh("标题", description="报告标题")
    subtitle: str | None = zh("副标题", default=None, description="副标题，如 ——……经验交流材料")
    intro: str | None = zh("开头", "引言", default=None, description="开头一段")
    sections: list[Section] = zh(
        "正文", "各部分", factory=list, description="各部分，一级标题下有段落、条目或下级小节"
    )
    outro: str | None = zh("结尾", default=None, description="结尾一段")
    rectification_ref: str | None = zh(
        "整改方案", default=None, description="整改方案文件（整改情况报告用）"
    )
    addressee: str | None = zh(
        "主送机关",
        "主送",
        default=None,
        description="主送机关：报告呈送的上级党组织，如 中共××学院委员会（GB/T 9704 §7.3.2）",
    )
    signoff: Signoff | None = zh("落款", default=None, description="落款单位与日期")

    @field_validator("subkind", mode="before")
    @classmethod
    def _subkind_names(cls, value: Any) -> Any:
        if isinstance(value, str):
            return SUBKIND_NAMES.get(value.strip(), value.strip())
        return value


__all__ = ["SUBKIND_NAMES", "Report", "Subkind"]
