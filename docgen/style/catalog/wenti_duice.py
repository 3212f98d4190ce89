"""reports/wenti-duice: 问题与对策 report — an opening on how the problems were found,
一、存在的问题 and 二、对策建议 as numbered items, each countermeasure opening with the
problems it answers (``kind: report``, subkind ``issue_report``)."""

from __future__ import annotations

from docgen.style.catalog.niandu_zongjie import NARRATIVE_FIELDS, narrative_blocks
from docgen.style.spec import TemplateSpec

SPEC = TemplateSpec(
    genre="reports",
    name="wenti-duice",
    kind="report",
    title="问题与对策报告",
    description="问题与对策类报告：开头交代背景和调研方式，一、存在的问题，二、对策建议，"
    "逐条标题句加阐述，对策按“对应问题”与问题一一呼应，文末落款。",
    output="{title}.docx",
    fields=NARRATIVE_FIELDS,
    required=("title", "sections"),
    fixture="fixtures/school/xxgc-jg1/2026/report.yaml",
    minimal="fixtures/library/reports/wenti-duice.min.yaml",
    blocks=narrative_blocks(),
)
