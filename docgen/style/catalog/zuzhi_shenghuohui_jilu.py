"""reports/zuzhi-shenghuohui-jilu: 组织生活会记录 — theme and notice, preparation, the
committee's review, proceedings, criticism and self-criticism, the 民主评议 results
phrased from the counts per grade, decisions and signatures (``kind: minutes``)."""

from __future__ import annotations

from docgen.style.blocks import Blank, Para, Section, Title
from docgen.style.catalog.records import (
    COMMON_FIELDS,
    agenda,
    closing,
    head_table,
    proceedings,
)
from docgen.style.spec import TemplateSpec
from docgen.style.tables import Field, LabelRow

_TOP = (
    LabelRow((Field("会议主题", "{{ theme }}", 3),)),
    LabelRow((Field("会议依据", "{{ superior_notice }}", 3),), when="superior_notice"),
)

_PREPARATION = Section(
    "会前准备",
    [
        Para("{{ preparation.study_text }}", when="preparation.study_text"),
        Para("{{ preparation.talks }}", when="preparation.talks"),
        Para("{{ preparation.opinions_text }}", when="preparation.opinions_text"),
    ],
    when="preparation.show",
)

_BRANCH_REVIEW = Section(
    "支委会对照检查",
    [
        Para("{{ branch_review.intro }}"),
        Para("{{ branch_review.achievements }}", when="branch_review.achievements"),
        Para("{{ p }}", each="p in branch_review.problems", number=3),
        Para("原因分析：{{ branch_review.causes_text }}", when="branch_review.causes_text"),
        Para("整改措施：{{ branch_review.measures_text }}", when="branch_review.measures_text"),
    ],
    when="branch_review.show",
)

# The view keeps only members with something recorded, so no name heads an empty part.
_CRITICISM = Section(
    "批评和自我批评",
    [
        Section(
            "{{ m.member }}",
            [
                Para("自我批评：{{ m.self_text }}", when="m.self_text"),
                Para("{{ c }}", each="c in m.received"),
            ],
            level=2,
            each="m in member_reviews",
        )
    ],
    when="member_reviews",
)

_APPRAISAL = Section(
    "民主评议党员",
    [
        Para(f"{{{{ appraisal.{key} }}}}", when=f"appraisal.{key}")
        for key in ("process_text", "results_text", "excellent_text", "note")
    ],
    when="appraisal.show",
)

SPEC = TemplateSpec(
    genre="reports",
    name="zuzhi-shenghuohui-jilu",
    kind="minutes",
    title="组织生活会记录",
    description="组织生活会记录：会议主题和依据、出席与列席情况表，会议议程、会前准备、"
    "支委会对照检查、逐项发言、批评和自我批评，民主评议的方式与各等次人数，会议决定和签字栏。",
    output="{title}.docx",
    fields=(
        *COMMON_FIELDS,
        "theme",
        "superior_notice",
        "preparation",
        "branch_review",
        "member_reviews",
        "democratic_appraisal",
    ),
    required=("meeting_type", "time"),
    fixture="fixtures/school/xxgc-jg1/2026/minutes/2026-12-zuzhi-shenghuohui.yaml",
    minimal="fixtures/library/reports/zuzhi-shenghuohui-jilu.min.yaml",
    blocks=(
        Title("{{ title_text }}"),
        head_table(top=_TOP),
        Blank(),
        agenda("会议议程"),
        _PREPARATION,
        _BRANCH_REVIEW,
        proceedings(),
        _CRITICISM,
        _APPRAISAL,
        *closing("会议决定"),
    ),
)
