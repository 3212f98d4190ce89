"""reports/fazhan-dahui-zhuchici: 支部党员大会主持词 (发展党员) — what the host says at the
meeting on the 发展对象 (接收) or the 预备党员 (按期转正): the opening with the branch's counts,
the order of business, then for each candidate in turn the steps and the vote, and the
close; what only the meeting knows is a blank (``kind: development``)."""

from __future__ import annotations

from docgen.style.blocks import For, If, Para, Salutation, Section, Title
from docgen.style.spec import TemplateSpec

SPEC = TemplateSpec(
    genre="reports",
    name="fazhan-dahui-zhuchici",
    kind="development",
    title="支部党员大会主持词",
    description="讨论接收预备党员或预备党员转正的支部党员大会主持词：开场和支部党员人数，"
    "逐个讨论、无记名投票表决的程序，每名同志的汇报、介绍、讨论、表决和宣布结果各环节，"
    "到会人数、监票计票人和票数留空由主持人现场填写。",
    output="{branch}支部党员大会主持词.docx",
    fields=("branch", "branch_file", "candidates"),
    required=("candidates",),
    fixture="fixtures/school/xxgc-jg1/2026/development.yaml",
    minimal="fixtures/library/reports/fazhan-dahui-zhuchici.min.yaml",
    blocks=(
        Title("支部党员大会主持词"),
        If(
            "script.show",
            [
                Salutation("同志们："),
                Para("{{ x }}", each="x in script.opening"),
                Para("{{ script.order }}"),
                For(
                    "c in script.people",
                    [
                        Section(
                            "讨论{{ c.name }}同志",
                            [Para("{{ s }}", each="s in c.steps", number=3)],
                        )
                    ],
                ),
                Para("{{ script.closing }}"),
            ],
            [Para("名单中没有待支部党员大会讨论的同志。")],
        ),
    ),
)
