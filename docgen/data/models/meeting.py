"""Parts every meeting record has: when it was held and who attended."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from docgen.data.dates import parse_clock, parse_moment, parse_span
from docgen.data.fields import Count, DocModel, MomentValue, TagList, zh
from docgen.data.models.common import Person


class TimeSpan(DocModel):
    """When a meeting took place: ``start`` 开始时间, ``end`` 结束时间 (optional).

    A bare date or date-time is read as the start: ``time: 2026-11-21 14:30``; a
    span gives both: ``time: 2026年11月5日 14:30-16:00`` (or ``14:30—16:00``, ``下午2:30至4:00``).
    An end written as a time of day only (``end: 16:00``) is on the start's day.
    """

    start: MomentValue = zh("开始", "开始时间", description="开始日期或日期时间")
    end: MomentValue | None = zh("结束", "结束时间", default=None, description="结束日期或日期时间")

    @model_validator(mode="before")
    @classmethod
    def _from_scalar(cls, data: Any) -> Any:
        if isinstance(data, str) and (span := parse_span(data)):
            return {"start": span[0], "end": span[1]}
        if isinstance(data, str | dt.date):
            return {"start": data}
        if isinstance(data, dict):
            return _end_on_start_day(data)
        return data

    @property
    def day(self) -> dt.date:
        """The calendar day the meeting started."""
        return self.start.date() if isinstance(self.start, dt.datetime) else self.start


def _end_on_start_day(data: dict[str, Any]) -> dict[str, Any]:
    """``{start: 2026-11-05 14:30, end: 16:00}``: the end is on the start's day."""
    key = next((k for k in ("end", "结束", "结束时间") if k in data), None)
    end = data.get(key) if key else None
    start = next((data[k] for k in ("start", "开始", "开始时间") if k in data), None)
    if key is None or not isinstance(end, str) or start is None:
        return data
    try:
        first = parse_moment(start)
    except PydanticCustomError:
        return data
    clock = parse_clock(end, first.time() if isinstance(first, dt.datetime) else None)
    if clock is None:
        return data
    day = first.date() if isinstance(first, dt.datetime) else first
    return {**data, key: dt.datetime.combine(day, clock)}


class Absentee(DocModel):
    """Someone absent: ``name`` 姓名 and ``reason`` 缺席原因. A bare text is the name."""

    name: str = zh("姓名", description="缺席人员姓名")
    reason: str | None = zh("原因", "缺席原因", default=None, description="公出、病假、事假等")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        return {"name": str(data)} if isinstance(data, str | int) else data


class Attendance(DocModel):
    """Attendance: ``due`` 应到, ``present`` 实到, ``due_voting`` 应到有表决权,
    ``present_voting`` 实到有表决权, ``absent`` 缺席人员及原因, ``attendees_list``
    参会人员 (names, or a text such as 见签到表), ``observers`` 列席人员.

    ``due`` and ``due_voting`` may be left out when the branch roster is known; they
    are then counted from it. ``absent`` and ``observers`` left out mean "not recorded",
    not "none" (an empty list says nobody).
    """

    due: Count | None = zh("应到", "应到人数", default=None, description="应到人数")
    present: Count | None = zh("实到", "实到人数", default=None, description="实到人数")
    due_voting: Count | None = zh(
        "应到有表决权", "应到正式党员", default=None, description="应到有表决权的正式党员人数"
    )
    present_voting: Count | None = zh(
        "实到有表决权", "实到正式党员", default=None, description="实到有表决权的正式党员人数"
    )
    absent: list[Absentee] | None = zh(
        "缺席", "缺席人员", default=None, description="缺席人员及原因"
    )
    attendees_list: TagList | None = zh(
        "参会人员", "出席人员", default=None, description="参会人员名单，或“见签到表”"
    )
    observers: list[Person] | None = zh(
        "列席", "列席人员", default=None, description="列席人员及职务（空列表表示无人列席）"
    )


__all__ = ["Absentee", "Attendance", "TimeSpan"]
