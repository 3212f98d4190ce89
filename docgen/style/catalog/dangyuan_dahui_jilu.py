"""reports/dangyuan-dahui-jilu: 支部党员大会记录 — the particulars with the voting members'
counts, agenda, proceedings, the vote record phrased from its numbers, resolutions and
signatures (``kind: minutes``)."""

from __future__ import annotations

from docgen.style.blocks import Blank, If, Para, Section, Title
from docgen.style.catalog.records import (
    COMMON_FIELDS,
    agenda,
    closing,
    head_table,
    proceedings,
)
from docgen.style.spec import TemplateSpec
from docgen.style.tables import Field, LabelRow

# Only 正式党员 vote, so the record keeps their counts beside the head counts: one field
# saying which count is which (two cells both labelled 有表决权 left the reader guessing).
_VOTING = LabelRow(
    (Field("有表决权", "应到{{ due_voting_text }}，实到{{ present_voting_text }}", span=3),),
    when="due_voting_text and present_voting_text",
)

# Two or more matters are discussed and voted on one by one, each under its own heading.
_VOTES = Section(
    "表决情况",
    [
        Para("{{ quorum_text }}", when="quorum_text"),
        Para("{{ votes_intro }}", when="votes_intro"),
        If(
            "votes|length > 1",
            [Section("{{ v.subject }}", [Para("{{ v.record }}")], level=2, each="v in votes")],
            [Para("{{ votes[0].subject_text }}{{ votes[0].record }}")],
        ),
    ],
    when="votes",
)

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
        head_table(middle=(_VOTING,)),
        Blank(),
        agenda(),
        proceedings(),
        _VOTES,
        *closing(),
    ),
)
