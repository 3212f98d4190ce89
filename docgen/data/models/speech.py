"""A speech (讲话稿), ``domain.md`` §2.6 (``kind: speech``)."""

from __future__ import annotations

from typing import Literal

from docgen.data.fields import DateValue, DocModel, HeadingText, StrList, zh
from docgen.data.models.common import Person


class Opening(DocModel):
    """开场: ``occasion`` 场合, ``welcome`` 欢迎, ``thanks`` 致谢."""

    occasion: str | None = zh("场合", default=None, description="今天我们在这里……")
    welcome: str | None = zh("欢迎", default=None, description="欢迎辞")
    thanks: str | None = zh("致谢", "感谢", default=None, description="致谢")


class Point(DocModel):
    """A main point: ``heading`` 标题 (一、), ``paras`` 段落, ``sub`` 分点 (一是……)."""

    heading: HeadingText = zh("标题", description="一级标题")
    paras: StrList = zh("段落", "正文", factory=list, description="段落，一项一段")
    sub: StrList = zh("分点", "要点", factory=list, description="一是……二是……，或（一）（二）")


class Closing(DocModel):
    """结语: ``summary`` 总结, ``wish`` 祝愿, ``thanks`` 致谢."""

    summary: str | None = zh("总结", default=None, description="总之，……")
    wish: str | None = zh("祝愿", default=None, description="预祝……")
    thanks: str | None = zh("致谢", default=None, description="谢谢大家！")


class Speech(DocModel):
    """A speech (``kind: speech``).

    ``title`` 标题; ``subtitle`` 副标题; ``speaker`` 讲话人; ``date`` 日期;
    ``salutation`` 称呼; ``opening`` 开场; ``purpose`` 目的意义; ``transition`` 过渡句;
    ``points`` 主体要点; ``closing`` 结语.
    """

    kind: Literal["speech"] = zh("文种", default="speech", description="固定为 speech")
    title: str = zh("标题", description="讲话标题")
    subtitle: str | None = zh("副标题", default=None, description="副标题")
    speaker: Person | None = zh("讲话人", default=None, description="讲话人及职务")
    date: DateValue | None = zh("日期", default=None, description="讲话日期")
    salutation: str | None = zh("称呼", default=None, description="如 同志们（冒号由模板加）")
    opening: Opening | None = zh("开场", default=None, description="开场白")
    purpose: str | None = zh("目的意义", "目的", default=None, description="举办活动的目的意义")
    transition: str | None = zh("过渡句", default=None, description="如 下面，我讲三点意见。")
    points: list[Point] = zh("要点", "主体", factory=list, description="主体部分各要点")
    closing: Closing | None = zh("结语", default=None, description="结语")


__all__ = ["Closing", "Opening", "Point", "Speech"]
