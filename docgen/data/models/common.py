"""Small records shared by several kinds: people, sign-offs, headed sections."""

from __future__ import annotations

from typing import Any

from pydantic import model_validator

from docgen.data.fields import DateValue, DocModel, HeadingText, StrList, zh


class Person(DocModel):
    """A person in a role. ``name`` 姓名; ``role`` 职务 (optional).

    A bare text is read as the name: ``host: 张三`` equals ``host: {name: 张三}``.
    """

    name: str = zh("姓名", description="姓名")
    role: str | None = zh("职务", "身份", default=None, description="职务或身份，如 支部书记")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        if isinstance(data, str | int):
            return {"name": str(data)}
        return data


class Signoff(DocModel):
    """The sign-off under a document. ``org`` 落款单位; ``date`` 成文日期; ``show`` 是否显示;
    ``sealed`` 加盖印章 (GB/T 9704 §7.3.5.1: the date four characters from the right margin and
    the organisation centred on it, leaving room for the seal)."""

    org: str | None = zh("落款单位", "单位", default=None, description="落款单位全称")
    date: DateValue | None = zh("日期", "成文日期", default=None, description="成文日期")
    show: bool | None = zh("显示", default=None, description="是否输出落款，缺省为输出")
    sealed: bool | None = zh(
        "盖章",
        "加盖印章",
        default=None,
        description="是否加盖印章：是则成文日期右空四字、署名以成文日期为准居中，留出盖章位置",
    )


class SectionItem(DocModel):
    """A numbered point of a section: ``title`` 标题句, ``body`` 阐述,
    ``addresses`` 对应问题序号 (numbers of the first section's items it answers)."""

    title: str = zh("标题", "小标题", description="一句话概括")
    body: str | None = zh("内容", "正文", "阐述", default=None, description="展开阐述")
    addresses: list[int] = zh("对应问题", factory=list, description="对应第几条问题（从 1 数）")


class Section(DocModel):
    """A headed part of a report or summary, nestable.

    ``heading`` 标题; ``paras`` 段落; ``items`` 条目 (1. 2. …); ``subsections`` 下级小节.
    """

    heading: HeadingText = zh("标题", "小标题", description="本部分标题")
    paras: StrList = zh("段落", "正文", factory=list, description="段落，一项一段")
    items: list[SectionItem] = zh("条目", factory=list, description="编号条目")
    subsections: list[Section] = zh("下级小节", "小节", factory=list, description="下一级小节")


__all__ = ["Person", "Section", "SectionItem", "Signoff"]
