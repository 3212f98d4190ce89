"""plans/zhenggai-taizhang: 整改台账 — a landscape table of every problem, its measures,
owner, deadline, progress and status, drawn from ``kind: rectification`` data."""

from __future__ import annotations

from docgen.style.blocks import Signoff, Title
from docgen.style.spec import TemplateSpec
from docgen.style.tables import Column, Table

SPEC = TemplateSpec(
    genre="plans",
    name="zhenggai-taizhang",
    kind="rectification",
    title="整改台账",
    description="横向 A4 的整改台账：序号、问题类别、存在问题、整改措施、责任人、整改时限、"
    "完成情况、整改状态、备注，逐条对账销号。",
    output="{branch}整改台账.docx",
    fields=("branch", "title", "problems", "signoff"),
    required=("problems",),
    fixture="fixtures/school/xxgc-jg1/2026/rectification.yaml",
    minimal="fixtures/library/plans/zhenggai-taizhang.min.yaml",
    landscape=True,
    blocks=(
        Title("{{ ledger_title }}"),
        Table(
            columns=(
                Column("序号", "{{ row.seq }}", 5, centred=True),
                Column("问题类别", "{{ row.category|vmerge }}", 6, centred=True),
                Column("存在问题", "{{ row.title }}", 14),
                Column("整改措施", "{{ row.measures }}", 23),
                Column("责任人", "{{ row.owner }}", 7, centred=True, min_chars=4),
                Column("整改时限", "{{ row.deadline }}", 9, centred=True),
                Column("完成情况", "{{ row.progress }}", 16),
                Column("整改状态", "{{ row.status }}", 7, centred=True),
                Column("备注", "{{ row.note }}", 5),
            ),
            each="row in ledger",
            small=True,
        ),
        Signoff("signoff", when="signoff.show"),
    ),
)
