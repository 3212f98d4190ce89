"""reports/dangke-jilu: 党课记录 — topic, lecturer and audience in the head table, the
lecture's outline in two levels, the course of the lecture and the discussion
(``kind: minutes``)."""

from __future__ import annotations

from docgen.style.blocks import Blank, For, Heading, Para, Section, Title
from docgen.style.catalog.records import (
    COMMON_FIELDS,
    agenda,
    closing,
    head_table,
    proceedings,
)
from docgen.style.spec import TemplateSpec
from docgen.style.tables import Field, LabelRow

_LECTURE = (
    LabelRow((Field("党课题目", "{{ topic }}", 3),)),
    LabelRow((Field("主讲人", "{{ lecturer_text }}", 3),)),
    LabelRow((Field("听课对象", "{{ audience }}", 3),)),
)

# Outline headings are （一） headings; their points are numbered 1. under each.
_OUTLINE = Section(
    "党课提纲",
    [
        For(
            "o in outline",
            [
                Heading("{{ o.heading }}", level=2),
                Para("{{ i }}", each="i in o.items", number=3),
            ],
        )
    ],
    when="outline",
)

SPEC = TemplateSpec(
    genre="reports",
    name="dangke-jilu",
    kind="minutes",
    title="党课记录",
    description="党课记录：党课题目、主讲人、听课对象、时间地点和出席情况表，"
    "分两级列出的党课提纲，授课和交流发言，主持人小结和签字栏。",
    output="{title}.docx",
    fields=(*COMMON_FIELDS, "lecturer", "topic", "audience", "outline"),
    required=("meeting_type", "time"),
    fixture="fixtures/school/xxgc-jg1/2026/minutes/2026-06-dangke.yaml",
    minimal="fixtures/library/reports/dangke-jilu.min.yaml",
    blocks=(
        Title("{{ title_text }}"),
        head_table(top=_LECTURE),
        Blank(),
        _OUTLINE,
        agenda("活动议程"),
        proceedings("授课和交流情况"),
        *closing("会议决定"),
    ),
)
