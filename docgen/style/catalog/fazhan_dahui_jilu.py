"""reports/fazhan-dahui-jilu: 支部党员大会记录 of a 发展党员 meeting (接收预备党员, or 转正) — the
minutes templates' head table with the counts of those with a vote, the agenda, each
candidate's proceedings (their own account, the introducers, the 支委会's 审查意见, the
discussion), the secret ballot one candidate at a time with the written opinions counted,
the resolutions, follow-up and signatures (``kind: development``).

The record blocks read top-level names; the development view keeps this record's under
``assembly`` (the 支委会 record has the top-level ones), so :class:`With` binds them."""

from __future__ import annotations

from docgen.style.blocks import Blank, If, Para, Title, With
from docgen.style.catalog.records import (
    VOTES,
    VOTING_ROW,
    agenda,
    closing,
    head_table,
    proceedings,
)
from docgen.style.spec import TemplateSpec
from docgen.views.development_assembly import RECORD_KEYS

SPEC = TemplateSpec(
    genre="reports",
    name="fazhan-dahui-jilu",
    kind="development",
    title="支部党员大会记录（发展党员）",
    description="讨论接收预备党员或预备党员转正的支部党员大会记录：会议情况表（时间、地点、主持人、"
    "记录人，应到实到及有表决权的正式党员人数，缺席和列席），逐人的议题、本人汇报、介绍人意见、"
    "支委会审查意见、讨论，无记名投票的票数（含书面意见）和结果，转正的预备期起止，会议决议和签字栏。",
    output="{assembly_title}.docx",
    fields=("branch", "superior", "candidates"),
    required=("candidates",),
    fixture="fixtures/school/xxgc-jg1/2026/development.yaml",
    minimal="fixtures/library/reports/fazhan-dahui-jilu.min.yaml",
    blocks=(
        Title("{{ assembly_title }}"),
        If(
            "assembly.show",
            [
                With(
                    "assembly",
                    RECORD_KEYS,
                    [
                        head_table(middle=(VOTING_ROW,)),
                        Blank(),
                        agenda(),
                        proceedings(),
                        VOTES,
                        *closing(),
                    ],
                )
            ],
            [Para("名单中的同志尚未经支部党员大会讨论接收或转正。")],
        ),
    ),
)
