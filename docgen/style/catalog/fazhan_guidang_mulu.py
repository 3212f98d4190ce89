"""reports/fazhan-guidang-mulu: 发展党员档案材料目录 — for each candidate, on a page of its own,
the materials of the stages reached in the order they arise, each dated from the step it
records, with columns for the page count and notes (``kind: development``)."""

from __future__ import annotations

from docgen.style.blocks import Blank, For, SignLine, Title
from docgen.style.spec import TemplateSpec
from docgen.style.tables import Column, Field, LabelRow, LabelTable, Table

_HEAD = LabelTable(
    rows=(
        LabelRow((Field("姓名", "{{ p.name }}"), Field("现在身份", "{{ p.standing }}"))),
        LabelRow((Field("单位及职务", "{{ p.unit }}", 3),)),
    ),
    widths=(2.9, 4.1, 2.9, 4.1),
)

SPEC = TemplateSpec(
    genre="reports",
    name="fazhan-guidang-mulu",
    kind="development",
    title="发展党员档案材料目录",
    description="发展党员归档材料目录：每名同志一页，按形成先后列出已到阶段的入党材料，"
    "形成时间取自各环节日期，留出页数和备注栏，整理人和审核人签字。",
    output="{branch}发展党员档案材料目录.docx",
    fields=("branch", "candidates"),
    required=("candidates",),
    fixture="fixtures/school/xxgc-jg1/2026/development.yaml",
    minimal="fixtures/library/reports/fazhan-guidang-mulu.min.yaml",
    blocks=(
        For(
            "p in people",
            [
                Title("发展党员档案材料目录", new_page=True),
                _HEAD,
                Blank(),
                Table(
                    columns=(
                        Column("序号", "{{ row.seq }}", 2.3, centred=True),
                        Column("材料名称", "{{ row.name }}", 16.2),
                        Column("形成时间", "{{ row.date }}", 9, centred=True),
                        Column("页数", "", 2.7, centred=True),
                        Column("备注", "{{ row.note }}", 5.8),
                    ),
                    each="row in p.archive.rows",
                    small=True,
                ),
                SignLine("整理人（签字）：　　　　　　　　审核人（签字）："),
            ],
        ),
    ),
)
