"""reports/fazhan-jipiao-dan: 支部党员大会表决计票单 — the tellers' sheet for the 表决票: the
meeting's attendance and ballots handed out and back to write in, then a row per candidate
and question with 赞成/反对/弃权 and the written 赞成 of members kept away, the tellers'
signatures (``kind: development``)."""

from __future__ import annotations

from docgen.style import styles as st
from docgen.style.blocks import If, Para, SignLine, Title
from docgen.style.spec import TemplateSpec
from docgen.style.tables import Column, Field, LabelRow, LabelTable, Table

_COUNTS = LabelTable(
    rows=(
        LabelRow((Field("党支部", "{{ branch }}", 3),)),
        LabelRow((Field("会议时间", "", 3),)),
        LabelRow((Field("有表决权党员", ""), Field("到会有表决权", ""))),
        LabelRow((Field("发出表决票", ""), Field("收回表决票", ""))),
    ),
    widths=(3.4, 3.6, 3.4, 3.6),
)

SPEC = TemplateSpec(
    genre="reports",
    name="fazhan-jipiao-dan",
    kind="development",
    title="支部党员大会表决计票单",
    description="支部党员大会表决接收预备党员或预备党员转正的计票单：有表决权和到会人数、"
    "表决票发出和收回张数，逐人的表决事项和赞成、反对、弃权、书面赞成栏，计票人、监票人签字。",
    output="{branch}支部党员大会表决计票单.docx",
    fields=("branch", "candidates"),
    required=("candidates",),
    fixture="fixtures/school/xxgc-jg1/2026/development.yaml",
    minimal="fixtures/library/reports/fazhan-jipiao-dan.min.yaml",
    blocks=(
        Title("支部党员大会表决计票单"),
        If(
            "vote_tally",
            [
                _COUNTS,
                # An empty line parts the tables (two tables touching merge into one); a line
                # of text here and the signature line gave inspect two body lines 118 pt apart.
                Para("", style=st.FLUSH),
                Table(
                    columns=(
                        Column("序号", "{{ row.seq }}", 2.4, centred=True),
                        Column("表决事项", "{{ row.question }}", 14),
                        Column("赞成", "", 3.2, centred=True),
                        Column("反对", "", 3.2, centred=True),
                        Column("弃权", "", 3.2, centred=True),
                        Column("书面赞成", "", 4.5, centred=True),
                    ),
                    each="row in vote_tally",
                ),
                SignLine("计票人（签字）：　　　　　　　　监票人（签字）："),
            ],
            [Para("名单中没有待支部党员大会表决的同志。")],
        ),
    ),
)
