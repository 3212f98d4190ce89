"""reports/fazhan-baopi-qingshi: 接收预备党员报批请示 — the 接收 meeting's decision put
to the 上级党委 for approval, on the shared letter blocks (``kind: development``, the
view's ``approval``)."""

from __future__ import annotations

from docgen.style.catalog.letters import letter
from docgen.style.spec import TemplateSpec

SPEC = TemplateSpec(
    genre="reports",
    name="fazhan-baopi-qingshi",
    kind="development",
    title="接收预备党员报批请示",
    description="支部大会通过接收预备党员后报上级党委审批的请示：主送上级党委，写明大会日期、每人的基本情况、预审、入党介绍人和表决情况（有表决权的正式党员、实到、赞成反对弃权票），落款为党支部。",
    output="{approval.title}.docx",
    fields=("branch", "superior", "candidates", "signoff"),
    required=("candidates",),
    fixture="fixtures/school/xxgc-jg1/2026/development.yaml",
    minimal="fixtures/library/reports/fazhan-baopi-qingshi.min.yaml",
    blocks=tuple(letter("approval", "名单中的同志尚未召开讨论接收预备党员的支部党员大会。")),
)
