"""reports/zhenggai-qingkuang-baogao: 整改情况报告 — the overall counts in words, each
problem's measures, progress, status and evidence by category, and what comes next,
drawn from the same ``kind: rectification`` data as the 整改方案 and 整改台账."""

from __future__ import annotations

from docgen.style import styles as st
from docgen.style.blocks import For, Heading, If, Para, Section, Signoff, Title
from docgen.style.spec import TemplateSpec

# A list where some problem has something to report gives every problem a 1. heading
# and its lines; a list of bare titles reads as numbered sentences.
_PROBLEMS = If(
    "g.headed",
    [
        For(
            "p in g.problems",
            [Heading("{{ p.title }}", level=3), Para("{{ line }}", each="line in p.lines")],
        )
    ],
    [Para("{{ p.title_sentence }}", each="p in g.problems", number=3)],
)

SPEC = TemplateSpec(
    genre="reports",
    name="zhenggai-qingkuang-baogao",
    kind="rectification",
    title="整改情况报告",
    description="整改情况报告：按整改方案逐条报告问题的整改措施、完成情况、整改状态和佐证材料，"
    "统计已完成、正在整改和长期坚持的问题，提出下一步打算；与整改方案、"
    "整改台账共用一份整改数据。",
    output="{branch}整改情况报告.docx",
    fields=("branch", "title", "problems", "signoff", "progress_report"),
    required=("problems",),
    fixture="fixtures/school/xxgc-jg1/2026/rectification.yaml",
    minimal="fixtures/library/reports/zhenggai-qingkuang-baogao.min.yaml",
    blocks=(
        Title("{{ report.title }}"),
        # 主送机关 (GB/T 9704 §7.3.2): under the title's blank line, flush left, with “：”.
        Para("{{ report.addressee }}", when="report.addressee", style=st.SALUTATION),
        Para("{{ report.intro }}"),
        Section("整改工作总体情况", [Para("{{ o }}", each="o in report.overview")]),
        Section(
            "逐项整改情况",
            [
                For(
                    "g in report.groups",
                    [Heading("{{ g.heading }}", level=2, when="g.heading"), _PROBLEMS],
                )
            ],
            when="problems",
        ),
        Section("下一步工作打算", [Para("{{ n }}", each="n in report.next_steps")]),
        # The report's own sign-off: its date is the report's, not the plan's.
        Signoff(
            "report.signoff",
            when="report.signoff.show",
        ),
    ),
)
