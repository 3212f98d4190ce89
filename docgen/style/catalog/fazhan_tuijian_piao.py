"""reports/fazhan-tuijian-piao: 推荐入党积极分子推荐票 — the 入党申请人 put up for
recommendation printed one a row, columns to mark 同意/不同意/弃权, how to mark it
(``kind: development``)."""

from __future__ import annotations

from docgen.style import styles as st
from docgen.style.blocks import If, Para, Title
from docgen.style.spec import TemplateSpec
from docgen.style.tables import Column, Table

SPEC = TemplateSpec(
    genre="reports",
    name="fazhan-tuijian-piao",
    kind="development",
    title="推荐入党积极分子推荐票",
    description="推荐入党积极分子的推荐票：预先印好待推荐的入党申请人姓名和单位，"
    "留出同意、不同意、弃权栏，写明填票方法；推荐时间已有记录时印出，否则留空。",
    output="{branch}推荐入党积极分子推荐票.docx",
    fields=("branch", "candidates"),
    required=("candidates",),
    fixture="fixtures/school/xxgc-jg1/2026/development.yaml",
    minimal="fixtures/library/reports/fazhan-tuijian-piao.min.yaml",
    blocks=(
        Title("推荐入党积极分子推荐票"),
        If(
            "ballot.show",
            [
                Para("党支部：{{ branch }}", when="branch", style=st.FLUSH),
                Para("推荐时间：{{ ballot.date_text }}", style=st.FLUSH),
                Table(
                    columns=(
                        Column("序号", "{{ row.seq }}", 2.5, centred=True),
                        Column("姓名", "{{ row.name }}", 5, centred=True, min_chars=4),
                        Column("单位及职务", "{{ row.unit }}", 12),
                        Column("同意", "", 3.5, centred=True),
                        Column("不同意", "", 3.5, centred=True),
                        Column("弃权", "", 3.5, centred=True),
                    ),
                    each="row in ballot.rows",
                ),
                Para(
                    "填票说明：对每名同志只在“同意”“不同意”“弃权”中的一栏内划“○”；"
                    "一栏也不划或者划了两栏以上的，按弃权计。推荐票不记名，填好后投入票箱。",
                    style=st.FLUSH,
                ),
            ],
            [Para("名单中没有待推荐的入党申请人。")],
        ),
    ),
)
