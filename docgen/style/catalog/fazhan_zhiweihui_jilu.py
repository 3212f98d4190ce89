"""reports/fazhan-zhiweihui-jilu: 支委会记录 of a 发展党员 decision (确定入党积极分子, 确定发展
对象) — the minutes templates' head table, agenda, proceedings, vote lines, resolutions,
follow-up and signatures, filled from the decision, the meeting's particulars left to fill
in (``kind: development``)."""

from __future__ import annotations

from docgen.style.blocks import Blank, If, Para, Section, Title
from docgen.style.catalog.records import agenda, closing, head_table, proceedings
from docgen.style.spec import TemplateSpec

SPEC = TemplateSpec(
    genre="reports",
    name="fazhan-zhiweihui-jilu",
    kind="development",
    title="支委会记录（发展党员）",
    description="支部委员会研究确定入党积极分子或发展对象的会议记录：会议情况表（时间取自决定日期，"
    "地点、主持人、出席情况留空待填），逐人的议题、情况介绍、表决栏、会议决议、会后落实和签字栏。",
    output="{record_title}.docx",
    fields=("branch", "candidates"),
    required=("candidates",),
    fixture="fixtures/school/xxgc-jg1/2026/development.yaml",
    minimal="fixtures/library/reports/fazhan-zhiweihui-jilu.min.yaml",
    blocks=(
        Title("{{ record_title }}"),
        If(
            "record_show",
            [
                head_table(),
                Blank(),
                agenda(),
                proceedings(),
                Section("表决情况", [Para("{{ v.text }}", each="v in votes")], when="votes"),
                *closing(),
            ],
            [Para("名单中的同志尚未经支部委员会研究确定为入党积极分子或发展对象。")],
        ),
    ),
)
