"""plans/zhenggai-fangan: 整改方案 — basis, guiding thought, goals, problems with measures,
steps, safeguards and the sign-off, drawn from ``kind: rectification`` data."""

from __future__ import annotations

from docgen.style.blocks import For, Heading, If, Para, Run, Section, Signoff, Title
from docgen.style.spec import TemplateSpec

# A problem with details gets a 1. heading and labelled paragraphs; a bare one is a
# numbered sentence (a heading with nothing under it would read as a gap).
_PROBLEM = For(
    "p in g.problems",
    [
        If(
            "p.has_details",
            [
                Heading("{{ p.title }}", level=3),
                Para("问题表现：{{ p.manifestation }}", when="p.manifestation"),
                Para("原因分析：{{ p.causes_text }}", when="p.causes_text"),
                Para("整改措施：{{ p.measures_text }}", when="p.measures_text"),
                Para("整改目标：{{ p.goal }}", when="p.goal"),
                Para("{{ p.duty_text }}", when="p.duty_text"),
            ],
            [Para("{{ p.title_sentence }}", number=3)],
        )
    ],
)

SPEC = TemplateSpec(
    genre="plans",
    name="zhenggai-fangan",
    kind="rectification",
    title="整改方案",
    description="组织生活会或自查自纠后的整改方案：指导思想、整改目标、逐条问题的表现与措施、"
    "步骤安排、保障措施和落款。",
    output="{branch}整改方案.docx",
    fields=(
        "branch",
        "title",
        "basis",
        "guiding_thought",
        "goals",
        "problems",
        "steps",
        "safeguards",
        "signoff",
    ),
    required=("problems",),
    fixture="fixtures/school/xxgc-jg1/2026/rectification.yaml",
    minimal="fixtures/library/plans/zhenggai-fangan.min.yaml",
    blocks=(
        Title("{{ title }}"),
        Para("{{ basis }}", when="basis"),
        Section("指导思想", [Para("{{ guiding_thought }}")], when="guiding_thought"),
        Section(
            "整改目标",
            [
                If(
                    "goals|length > 1",
                    [Para("{{ g }}", each="g in goals", number=3)],
                    [Para("{{ goals[0] }}")],
                )
            ],
            when="goals",
        ),
        Section(
            "问题清单及整改措施",
            [
                Para("本次共查摆出{{ problems|length }}个问题，逐条整改安排如下。"),
                For(
                    "g in problem_groups",
                    [Heading("{{ g.heading }}", level=2, when="g.heading"), _PROBLEM],
                ),
            ],
            when="problems",
        ),
        Section(
            "步骤安排",
            [
                Section(
                    "{{ s.heading }}",
                    [Para("{{ s.content }}", when="s.content")],
                    level=2,
                    each="s in steps",
                )
            ],
            when="steps",
        ),
        Section(
            "保障措施",
            [
                Para(
                    [Run("{{ s.lead }}", lead=2), Run("{{ s.rest }}")],
                    each="s in safeguards",
                    number=2,
                )
            ],
            when="safeguards",
        ),
        Signoff("signoff", when="signoff.show"),
    ),
)
