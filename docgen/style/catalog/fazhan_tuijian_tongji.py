"""reports/fazhan-tuijian-tongji: 推荐入党积极分子推荐情况统计表 — the same names, the
ballots handed out and back, each one's 同意/不同意/弃权 to write in, the tellers'
signatures (``kind: development``)."""

from __future__ import annotations

from docgen.style import styles as st
from docgen.style.blocks import If, Para, SignLine, Title
from docgen.style.spec import TemplateSpec
from docgen.style.tables import Column, Field, LabelRow, LabelTable, Table

_COUNTS = LabelTable(
    rows=(
        LabelRow((Field("党支部", "{{ branch }}", 3),)),
        LabelRow((Field("推荐时间", "{{ ballot.date_text }}", 3),)),
        LabelRow((Field("应参加人数", ""), Field("实参加人数", ""))),
        LabelRow((Field("发出推荐票", ""), Field("收回推荐票", ""))),
        LabelRow((Field("有效票", ""), Field("无效票", ""))),
    ),
    widths=(3.2, 3.8, 3.2, 3.8),
)

SPEC = TemplateSpec(
    genre="reports",
    name="fazhan-tuijian-tongji",
    kind="development",
    title="推荐入党积极分子推荐情况统计表",
    description="推荐入党积极分子的推荐情况统计表：推荐时间，应参加、实参加人数和推荐票发出、收回、"
    "有效、无效张数，逐人的同意、不同意、弃权票数和得票率栏，计票人、监票人签字。",
    output="{branch}推荐入党积极分子推荐情况统计表.docx",
    fields=("branch", "candidates"),
    required=("candidates",),
    fixture="fixtures/school/xxgc-jg1/2026/development.yaml",
    minimal="fixtures/library/reports/fazhan-tuijian-tongji.min.yaml",
    blocks=(
        Title("推荐入党积极分子推荐情况统计表"),
        If(
            "ballot.show",
            [
                _COUNTS,
                Para("", style=st.FLUSH),
                Table(
                    columns=(
                        Column("序号", "{{ row.seq }}", 2.5, centred=True),
                        Column("姓名", "{{ row.name }}", 5, centred=True, min_chars=4),
                        Column("同意", "", 3.5, centred=True),
                        Column("不同意", "", 3.5, centred=True),
                        Column("弃权", "", 3.5, centred=True),
                        Column("同意票占有效票", "", 6, centred=True),
                        Column("备注", "", 6),
                    ),
                    each="row in ballot.rows",
                ),
                SignLine("计票人（签字）：　　　　　　　　监票人（签字）："),
            ],
            [Para("名单中没有待推荐的入党申请人。")],
        ),
    ),
)
