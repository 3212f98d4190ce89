"""reports/duizhao-jiancha: 支部班子对照检查材料 — what the committee presents at the
组织生活会: how it prepared, the year's achievements, the problems found grouped by
category, their causes and the measures, then the sign-off (``kind: org_life_meeting``,
from ``branch_review``).

The wording comes from :mod:`docgen.views.org_life_docs` under ``self_review``.
"""

from __future__ import annotations

from docgen.style.blocks import For, Heading, Para, Run, Section, Signoff, Subtitle, Title
from docgen.style.spec import TemplateSpec

# A category heading only when the problems have categories: one uncategorised group
# needs no （一） above it.
_PROBLEMS = For(
    "g in self_review.problem_groups",
    [
        Heading("{{ g.heading }}", level=2, when="g.heading"),
        For(
            "p in g.problems",
            [
                Para("{{ p.title }}", number=3),
                Para("{{ p.manifestation }}", when="p.manifestation"),
            ],
        ),
    ],
)


def _lead_paras(items: str) -> Para:
    """Run-in lead sentence in 楷体 and its explanation, numbered （一）（二）."""
    return Para([Run("{{ c.lead }}", lead=2), Run("{{ c.rest }}")], each=f"c in {items}", number=2)


SPEC = TemplateSpec(
    genre="reports",
    name="duizhao-jiancha",
    kind="org_life_meeting",
    title="支部班子对照检查材料",
    description="组织生活会上支部班子的对照检查材料：准备情况、一年来的工作成绩、"
    "按类别查摆的问题、原因剖析、整改措施和落款。",
    output="{branch}班子对照检查材料.docx",
    fields=(
        "branch",
        "theme",
        "superior_notice",
        "time",
        "host",
        "preparation",
        "branch_review",
        "signoff",
    ),
    required=("branch_review",),
    fixture="fixtures/school/xxgc-jg1/2026/org_life_meeting.yaml",
    minimal="fixtures/library/reports/duizhao-jiancha.min.yaml",
    blocks=(
        Title("{{ self_review.title }}"),
        Subtitle("{{ self_review.presenter_line }}", when="self_review.presenter_line"),
        Para("{{ self_review.intro }}"),
        Section(
            "一年来的工作和成绩",
            [Para("{{ self_review.achievements }}")],
            when="self_review.achievements",
        ),
        Section(
            "存在的问题",
            [
                Para("{{ self_review.problem_summary }}"),
                _PROBLEMS,
            ],
            when="self_review.problem_groups",
        ),
        Section("产生问题的原因", [_lead_paras("self_review.causes")], when="self_review.causes"),
        Section(
            "整改措施",
            [
                _lead_paras("self_review.measures"),
                Para(
                    "支委会将把这次查摆出的问题列入整改台账，明确责任人和完成时限，"
                    "逐条整改、逐项销号，整改情况向全体党员通报，接受大家监督。"
                ),
            ],
            when="self_review.measures",
        ),
        Signoff(
            "self_review.signoff",
            when="self_review.signoff.show",
        ),
    ),
)
