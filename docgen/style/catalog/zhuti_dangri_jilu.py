"""reports/zhuti-dangri-jilu: 主题党日活动记录 — theme, fixed and optional actions and
party dues in the head table, the programme, the record of each item, volunteer
service and signatures (``kind: minutes``)."""

from __future__ import annotations

from docgen.style.blocks import Blank, If, Para, Section, Title
from docgen.style.catalog.records import (
    COMMON_FIELDS,
    HEAD_WIDTHS,
    agenda,
    closing,
    head_table,
    proceedings,
)
from docgen.style.spec import TemplateSpec
from docgen.style.tables import Field, LabelRow, LabelTable

# What the annual plan says of an activity not yet held (a form printed in advance by the
# 年度 bundle): who is to take part, who is responsible, how it is to be held.
_PLANNED = (
    LabelRow((Field("参加对象", "{{ audience }}", 3),), when="audience"),
    LabelRow((Field("责任人", "{{ form.owner }}", 3),), when="form.owner"),
    LabelRow((Field("活动形式", "{{ form.way }}", 3),), when="form.way"),
)

# A form's space to write in by hand, after the programme: the course of the activity,
# the discussion, and what was agreed.
_TO_WRITE = If(
    "form.show",
    [
        LabelTable(
            rows=tuple(
                LabelRow((Field(label, "{{ form.space }}", 3),))
                for label in ("活动情况", "交流研讨", "议定事项")
            ),
            widths=HEAD_WIDTHS,
        )
    ],
)

# The fixed actions are checked against the school's configurable “5+N” list when the
# data is loaded; an action list nobody filled in reads 无, as the record form asks.
_ACTIONS = (
    LabelRow((Field("规定动作", "{{ fixed_actions_text }}", 3),)),
    LabelRow((Field("自选动作", "{{ optional_actions_text }}", 3),)),
    LabelRow((Field("党费收缴", "{{ dues_text }}", 3),), when="dues_text"),
)

SPEC = TemplateSpec(
    genre="reports",
    name="zhuti-dangri-jilu",
    kind="minutes",
    title="主题党日活动记录",
    description="主题党日活动记录：活动主题、时间地点、出席情况，规定动作与自选动作、"
    "党费收缴，活动安排、逐项活动情况、志愿服务和签字栏。",
    output="{title}.docx",
    fields=(
        *COMMON_FIELDS,
        "theme",
        "fixed_actions",
        "optional_actions",
        "volunteer_service",
        "party_dues_collected",
    ),
    required=("meeting_type", "time"),
    fixture="fixtures/school/xxgc-jg1/2026/minutes/2026-11-zhuti-dangri.yaml",
    minimal="fixtures/library/reports/zhuti-dangri-jilu.min.yaml",
    blocks=(
        Title("{{ title_text }}"),
        head_table(
            top=(LabelRow((Field("活动主题", "{{ theme }}", 3),)), *_PLANNED),
            bottom=_ACTIONS,
            what="活动",
        ),
        Blank(),
        agenda("活动安排"),
        _TO_WRITE,
        proceedings("活动情况", [Para("{{ actions_summary }}", when="actions_summary")]),
        Section("志愿服务", [Para("{{ volunteer_service }}")], when="volunteer_service"),
        *closing("议定事项"),
    ),
)
