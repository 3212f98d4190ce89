"""reports/fazhan-zhengshen-baogao: 政治审查综合报告 — for each 发展对象, on a page of its own:
who, when, what the 政审 covered and how, the findings' cells to write in, the conclusion
from the data, the branch's 落款 dated the 政审 (``kind: development``)."""

from __future__ import annotations

from docgen.style.blocks import For, If, Para, Signoff, Title
from docgen.style.spec import TemplateSpec
from docgen.style.tables import Field, LabelRow, LabelTable

_HEAD = LabelTable(
    rows=(
        LabelRow((Field("姓名", "{{ p.name }}"), Field("性别", "{{ p.gender }}"))),
        LabelRow((Field("民族", "{{ p.ethnicity }}"), Field("出生日期", "{{ p.birth_text }}"))),
        LabelRow(
            (Field("学历", "{{ p.education }}"), Field("审查时间", "{{ p.review.review_date }}"))
        ),
        LabelRow((Field("单位及职务", "{{ p.unit }}", 3),)),
        LabelRow((Field("确定为发展对象", "{{ p.review.prospect }}", 3),)),
    ),
    widths=(3.6, 3.4, 2.9, 4.1),
)

_FINDINGS = LabelTable(
    rows=(
        LabelRow((Field("本人政治表现", "{{ p.review.self_cell }}", 3),)),
        LabelRow((Field("亲属和社会关系", "{{ p.review.relatives_cell }}", 3),)),
        LabelRow((Field("审查结论", "{{ p.review.conclusion_cell }}", 3),)),
    ),
    widths=(3.6, 3.4, 2.9, 4.1),
)

SPEC = TemplateSpec(
    genre="reports",
    name="fazhan-zhengshen-baogao",
    kind="development",
    title="政治审查综合报告",
    description="发展对象的政治审查综合报告：每人一页，写明基本情况、确定为发展对象和审查时间、"
    "审查的内容和方式，本人政治表现和直系亲属、主要社会关系情况留出填写栏，"
    "印出审查结论，落款为党支部和审查日期。",
    output="{branch}政治审查综合报告.docx",
    fields=("branch", "candidates", "signoff"),
    required=("candidates",),
    fixture="fixtures/school/xxgc-jg1/2026/development.yaml",
    minimal="fixtures/library/reports/fazhan-zhengshen-baogao.min.yaml",
    blocks=(
        If(
            "prospects",
            [
                For(
                    "p in prospects",
                    [
                        Title("政治审查综合报告", new_page=True),
                        _HEAD,
                        Para("{{ p.review.scope }}"),
                        _FINDINGS,
                        Signoff("p.review.signoff", when="p.review.signoff.show"),
                    ],
                )
            ],
            [Title("政治审查综合报告"), Para("名单中没有发展对象。")],
        ),
    ),
)
