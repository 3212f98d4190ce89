"""reports/fazhan-yushen-qingshi: 发展党员预审请示 — the 发展对象 put to the 上级党委 for 预审,
on the shared letter blocks (``kind: development``, the view's ``prereview``)."""

from __future__ import annotations

from docgen.style.catalog.letters import letter
from docgen.style.spec import TemplateSpec

SPEC = TemplateSpec(
    genre="reports",
    name="fazhan-yushen-qingshi",
    kind="development",
    title="发展党员预审请示",
    description="发展对象提交支部大会讨论前报上级党委预审的请示：主送上级党委，逐人写明基本情况、各环节日期、入党介绍人、集中培训和政治审查结论，落款为党支部。",
    output="{prereview.title}.docx",
    fields=("branch", "superior", "candidates", "signoff"),
    required=("candidates",),
    fixture="fixtures/school/xxgc-jg1/2026/development.yaml",
    minimal="fixtures/library/reports/fazhan-yushen-qingshi.min.yaml",
    blocks=tuple(letter("prereview", "名单中没有处于发展对象阶段的同志。")),
)
