"""reports/zhiweihui-jilu: 支委会记录 — the meeting's particulars as a label table, then
agenda, proceedings with speeches, votes, resolutions and signatures (``kind: minutes``)."""

from __future__ import annotations

from docgen.style.blocks import Blank, For, Heading, If, Para, Run, Section, SignLine, Title
from docgen.style.catalog.records import ATTACHMENTS, HEAD_WIDTHS, PEOPLE_ROWS
from docgen.style.spec import TemplateSpec
from docgen.style.tables import Field, LabelRow, LabelTable

_HEAD = LabelTable(
    rows=(
        LabelRow((Field("会议时间", "{{ time_text }}", 3),)),
        LabelRow((Field("会议地点", "{{ location }}", 3),)),
        *PEOPLE_ROWS,
        LabelRow((Field("应到人数", "{{ due_text }}"), Field("实到人数", "{{ present_text }}"))),
        LabelRow((Field("出席人员", "{{ attendees_text }}", 3),), when="attendees_text"),
        LabelRow((Field("缺席人员及原因", "{{ absent_text }}", 3),)),
        # Left out when the data does not say who sat in (a record claims no 列席 it
        # was not told of); “无” when it says nobody did.
        LabelRow((Field("列席人员", "{{ observers_text }}", 3),), when="observers_text"),
    ),
    widths=HEAD_WIDTHS,
)

_PROCEEDINGS = For(
    "pr in proceedings",
    [
        Heading("{{ pr.topic }}", level=2, when="pr.topic"),
        Para("{{ pr.summary }}", when="pr.summary"),
        Para([Run("{{ s.speaker }}", lead=2), Run("{{ s.content }}")], each="s in pr.speeches"),
    ],
)

SPEC = TemplateSpec(
    genre="reports",
    name="zhiweihui-jilu",
    kind="minutes",
    title="支委会记录",
    description="支部委员会会议记录：时间、地点、主持人、记录人、出席与缺席情况表，"
    "会议议题、逐项发言、表决情况、会议决议、会后落实和签字栏。",
    output="{title}.docx",
    fields=(
        "meeting_type",
        "branch",
        "title",
        "time",
        "location",
        "host",
        "recorder",
        "attendance",
        "agenda",
        "proceedings",
        "votes",
        "resolutions",
        "host_summary",
        "follow_up",
        "signatures",
        "attachments",
        "note",
    ),
    required=("meeting_type", "time"),
    fixture="fixtures/school/xxgc-jg1/2026/minutes/2026-11-zhiweihui.yaml",
    minimal="fixtures/library/reports/zhiweihui-jilu.min.yaml",
    blocks=(
        Title("{{ title }}"),
        _HEAD,
        Blank(),
        Section("会议议题", [Para("{{ a }}", each="a in agenda", number=3)], when="agenda"),
        Section("会议内容", [_PROCEEDINGS], when="proceedings"),
        Section("表决情况", [Para("{{ v.text }}", each="v in votes")], when="votes"),
        Section(
            "会议决议",
            [
                If(
                    "resolutions|length > 1",
                    [Para("{{ r }}", each="r in resolutions", number=3)],
                    [Para("{{ resolutions[0] }}")],
                )
            ],
            when="resolutions",
        ),
        Section("主持人总结", [Para("{{ host_summary }}")], when="host_summary"),
        Section("会后落实", [Para("{{ f }}", each="f in follow_up", number=3)], when="follow_up"),
        Para("其他：{{ note }}", when="note"),
        *ATTACHMENTS,
        SignLine("{{ sign_line }}"),
    ),
)
