"""reports/minzhu-pingyi-pingding: 民主评议党员评定意见 — the 支委会's record of the 评议: how
the 测评 went (应到/实到, ballots issued, returned, valid and spoiled), each member's votes by
grade with the leading grade's share and the grade decided, the counts of each grade with
the names, the follow-up for 基本合格 and 不合格, and the committee's signatures
(``kind: appraisal``)."""

from __future__ import annotations

from docgen.style import styles as st
from docgen.style.blocks import Blank, If, Para, Section, SignLine, Title
from docgen.style.spec import TemplateSpec
from docgen.style.tables import Column, Field, LabelRow, LabelTable, Table

#: The fields the documents made from the count read (the 通报 too).
RESULT_FIELDS = (
    "branch",
    "year",
    "date",
    "place",
    "due",
    "present",
    "members",
    "tally_file",
    "tally",
    "committee_date",
)

_HEAD = LabelTable(
    rows=(
        LabelRow((Field("会议时间", "{{ committee_date_text }}", 3),)),
        LabelRow((Field("主持人", "{{ host }}", 3),)),
        LabelRow((Field("测评时间", "{{ date_text }}", 3),)),
        LabelRow((Field("测评地点", "{{ place }}", 3),)),
    ),
    widths=(3, 4.3, 2.4, 4.3),
)

_VOTES = tuple(
    Column(grade, f"{{{{ m.{key} }}}}", 1.8, centred=True, min_chars=len(grade))
    for grade, key in (
        ("优秀", "excellent"),
        ("合格", "qualified"),
        ("基本合格", "basic"),
        ("不合格", "unqualified"),
    )
)

SPEC = TemplateSpec(
    genre="reports",
    name="minzhu-pingyi-pingding",
    kind="appraisal",
    title="民主评议党员评定意见",
    description="支委会研究民主评议党员结果的评定意见：测评情况（应到、实到，发出、收回、"
    "有效和无效票数），每名党员各等次得票、得票率和评定等次，各等次人数和名单，"
    "基本合格、不合格党员的处理意见，支委签字。",
    output="{decision_title}.docx",
    fields=(*RESULT_FIELDS, "host", "superior"),
    required=("year",),
    fixture="fixtures/school/xxgc-jg1/2026/appraisal.yaml",
    minimal="fixtures/library/reports/minzhu-pingyi-pingding.min.yaml",
    blocks=(
        Title("{{ decision_title }}"),
        _HEAD,
        Blank(),
        Section(
            "测评情况",
            [Para("{{ results.meeting_text }}"), Para("{{ results.ballots_text }}")],
        ),
        Section(
            "测评结果",
            [
                Table(
                    columns=(
                        Column("序号", "{{ m.seq }}", 1.4, centred=True),
                        Column("姓名", "{{ m.name }}", 2.6, centred=True, min_chars=4),
                        *_VOTES,
                        Column("最高得票率", "{{ m.share }}", 2.4, centred=True),
                        Column("评定等次", "{{ m.grade }}", 2.4, centred=True),
                    ),
                    each="m in results.members",
                    small=True,
                ),
                Para("{{ rounding }}", style=st.TABLE_TEXT_SMALL),
            ],
        ),
        Section(
            "评定意见",
            [
                Para("经支委会研究，结合党员日常表现和民主测评结果，评定如下："),
                If(
                    "results.grade_lines|length > 1",
                    [Para("{{ line }}", each="line in results.grade_lines", number=3)],
                    [Para("{{ line }}", each="line in results.grade_lines")],
                ),
                Para("{{ results.undecided_text }}", when="results.undecided_text"),
                Para(
                    "{{ results.summary }}{{ results.report_text }}",
                    when="results.summary or results.report_text",
                ),
            ],
        ),
        Section(
            "处理意见",
            [Para("{{ f }}", each="f in results.follow_ups", number=3)],
            when="results.follow_ups",
        ),
        SignLine("主持人（签字）：　　　　　　　参会支委（签字）："),
    ),
)
