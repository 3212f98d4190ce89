"""reports/minzhu-pingyi-tongbao: 民主评议党员结果通报 — the branch's notice to its members of
the 评议's outcome: how the 测评 went, the members in each grade (named but for 合格), how
those graded 基本合格 or 不合格 are helped, what each grade asks of the members, and the
sign-off (``kind: appraisal``)."""

from __future__ import annotations

from docgen.style.blocks import If, Para, Salutation, Section, Signoff, Title
from docgen.style.catalog.minzhu_pingyi_pingding import RESULT_FIELDS
from docgen.style.spec import TemplateSpec

SPEC = TemplateSpec(
    genre="reports",
    name="minzhu-pingyi-tongbao",
    kind="appraisal",
    title="民主评议党员结果通报",
    description="向支部全体党员通报民主评议党员结果：测评情况，各等次人数和名单，"
    "对基本合格、不合格党员的处理，对各等次党员的要求，落款。",
    output="{notice_title}.docx",
    fields=(*RESULT_FIELDS, "notice_date", "signoff"),
    required=("year",),
    fixture="fixtures/school/xxgc-jg1/2026/appraisal.yaml",
    minimal="fixtures/library/reports/minzhu-pingyi-tongbao.min.yaml",
    blocks=(
        Title("{{ notice_title }}"),
        Salutation("支部全体党员："),
        Para("{{ notice_opening }}"),
        Section(
            "评议结果",
            [
                If(
                    "results.grade_lines|length > 1",
                    [Para("{{ line }}", each="line in results.grade_lines", number=3)],
                    [Para("{{ line }}", each="line in results.grade_lines")],
                ),
                Para("{{ results.undecided_text }}", when="results.undecided_text"),
            ],
        ),
        Section(
            "处理情况",
            [Para("{{ f }}", each="f in results.follow_ups", number=3)],
            when="results.follow_ups",
        ),
        Section(
            "有关要求",
            [
                Para(
                    "评为优秀的党员要珍惜荣誉，在教书育人和支部工作中继续走在前面；评为合格的"
                    "党员要对照测评和评议中提出的意见查找差距，在新的一年里改进提高。"
                ),
                Para(
                    "评为基本合格的党员要按照支委会提出的要求限期改正，支委会明确专人谈心帮助、"
                    "跟踪了解；评议中党员提出的意见建议，支委会逐条梳理后纳入支部整改清单一并落实。"
                ),
            ],
        ),
        Signoff("signoff", when="signoff.show"),
    ),
)
