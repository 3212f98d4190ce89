"""reports/fazhan-hantiao-xin: 政治审查函调信 — for each 发展对象, on a page of its own, the
branch's request to a unit for what it knows of the candidate or a relative: the unit and
the relative left blank (one letter a unit), what is asked, how to answer, the contact,
the sealed 落款 to be dated when sent (``kind: development``)."""

from __future__ import annotations

from docgen.style import styles as st
from docgen.style.blocks import For, If, Para, Signoff, Title
from docgen.style.spec import TemplateSpec

SPEC = TemplateSpec(
    genre="reports",
    name="fazhan-hantiao-xin",
    kind="development",
    title="关于协助进行政治审查的函",
    description="政治审查的函调信：每名发展对象一页，向有关单位了解本人或其亲属的政治表现和"
    "有无违法违纪等情况，受函单位和被了解人留空待填，写明回复方式和联系人，落款留出盖章位置和日期。",
    output="{branch}政治审查函调信.docx",
    fields=("branch", "candidates", "contact", "signoff"),
    required=("candidates",),
    fixture="fixtures/school/xxgc-jg1/2026/development.yaml",
    minimal="fixtures/library/reports/fazhan-hantiao-xin.min.yaml",
    blocks=(
        If(
            "prospects",
            [
                For(
                    "p in prospects",
                    [
                        Title("关于协助进行政治审查的函", new_page=True),
                        Para("{{ p.inquiry.addressee }}", style=st.SALUTATION),
                        Para("{{ x }}", each="x in p.inquiry.body"),
                        Para("{{ p.inquiry.contact }}", when="p.inquiry.contact"),
                        Signoff("p.inquiry.signoff", when="p.inquiry.signoff.show"),
                    ],
                )
            ],
            [Title("关于协助进行政治审查的函"), Para("名单中没有发展对象。")],
        ),
    ),
)
