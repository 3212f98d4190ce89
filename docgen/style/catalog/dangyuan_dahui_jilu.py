"""reports/dangyuan-dahui-jilu: 支部党员大会记录 — the particulars with the voting members'
counts, agenda, proceedings, the vote record phrased from its numbers, resolutions and
signatures (``kind: minutes``)."""

from __future__ import annotations

from docgen.style.blocks import Blank, Title
from docgen.style.catalog.records import (
    COMMON_FIELDS,
    VOTES,
    VOTING_ROW,
    agenda,
    closing,
    head_table,
    proceedings,
)
from docgen.style.spec import TemplateSpec

SPEC = TemplateSpec(
    genre="reports",
    name="dangyuan-dahui-jilu",
    kind="minutes",
    title="支部党员大会记录",
    description="支部党员大会记录：时间、地点、主持人、记录人、应到实到及其中有表决权的正式党员人数，"
    "会议议题、逐项发言，表决方式与赞成、不赞成、弃权票数及按票数判定的结果，会议决议和签字栏。",
    output="{title}.docx",
    fields=(*COMMON_FIELDS, "votes"),
    required=("meeting_type", "time"),
    fixture="fixtures/school/xxgc-jg1/2026/minutes/2026-11-dangyuan-dahui.yaml",
    minimal="fixtures/library/reports/dangyuan-dahui-jilu.min.yaml",
    blocks=(
        Title("{{ title_text }}"),
        head_table(middle=(VOTING_ROW,)),
        Blank(),
        agenda(),
        proceedings(),
        VOTES,
        *closing(),
    ),
)
