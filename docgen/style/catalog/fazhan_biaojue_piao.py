"""reports/fazhan-biaojue-piao: 支部党员大会表决票 — one ballot per candidate (each is voted on
alone, by secret ballot): the question the meeting decides (接收为中共预备党员, or 按期转为
中共正式党员), a row to mark 同意/不同意/弃权, how to mark it (``kind: development``)."""

from __future__ import annotations

from docgen.style import styles as st
from docgen.style.blocks import For, If, Para, Title
from docgen.style.spec import TemplateSpec
from docgen.style.tables import Column, Table

SPEC = TemplateSpec(
    genre="reports",
    name="fazhan-biaojue-piao",
    kind="development",
    title="支部党员大会表决票",
    description="支部党员大会讨论接收预备党员或预备党员转正的无记名表决票：每名同志一张，"
    "写明表决事项，留出同意、不同意、弃权栏和填票说明。",
    output="{branch}支部党员大会表决票.docx",
    fields=("branch", "candidates"),
    required=("candidates",),
    fixture="fixtures/school/xxgc-jg1/2026/development.yaml",
    minimal="fixtures/library/reports/fazhan-biaojue-piao.min.yaml",
    blocks=(
        If(
            "vote_ballots",
            [
                For(
                    "b in vote_ballots",
                    [
                        Title("支部党员大会表决票", new_page=True),
                        Para("表决事项：{{ b.question }}。", style=st.FLUSH),
                        Table(
                            columns=(
                                Column("同意", "{{ row.space }}", 1, centred=True),
                                Column("不同意", "{{ row.space }}", 1, centred=True),
                                Column("弃权", "{{ row.space }}", 1, centred=True),
                            ),
                            each="row in b.rows",
                        ),
                        Para(
                            "填票说明：在选定的一栏内划“○”，只能划一栏；不划或者划两栏以上的按弃权计。"
                            "本票不记名，只对一名同志表决，由有表决权的正式党员填写，预备党员不参加表决。",
                            style=st.FLUSH,
                        ),
                    ],
                )
            ],
            [Title("支部党员大会表决票"), Para("名单中没有待支部党员大会表决的同志。")],
        ),
    ),
)
