"""reports/dangxiaozu-jilu: 党小组会记录 — the party group and the meeting's particulars,
agenda, proceedings, resolutions, follow-up and signatures (``kind: minutes``)."""

from __future__ import annotations

from docgen.style.blocks import Blank, Title
from docgen.style.catalog.records import (
    COMMON_FIELDS,
    agenda,
    closing,
    head_table,
    proceedings,
)
from docgen.style.spec import TemplateSpec
from docgen.style.tables import Field, LabelRow

SPEC = TemplateSpec(
    genre="reports",
    name="dangxiaozu-jilu",
    kind="minutes",
    title="党小组会记录",
    description="党小组会记录：所属党小组、时间、地点、组长主持、记录人、出席与缺席情况表，"
    "学习和议题、逐项发言、议定事项、会后落实和签字栏。",
    output="{title}.docx",
    fields=(*COMMON_FIELDS, "party_group"),
    required=("meeting_type", "time"),
    fixture="fixtures/school/xxgc-jg1/2026/minutes/2026-11-dangxiaozu-1.yaml",
    minimal="fixtures/library/reports/dangxiaozu-jilu.min.yaml",
    blocks=(
        Title("{{ title_text }}"),
        head_table(top=(LabelRow((Field("党小组", "{{ party_group }}", 3),)),)),
        Blank(),
        agenda(),
        proceedings(),
        *closing("议定事项"),
    ),
)
