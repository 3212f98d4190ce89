"""reports/fazhan-jishi-biao: 发展党员全程纪实表 — one page per candidate: identity as a label
table, then every step of the five stages with its date, who did it and its outcome, the
rows of a stage under one merged cell; steps not reached stay blank (``kind: development``)."""

from __future__ import annotations

from docgen.style import styles as st
from docgen.style.blocks import Blank, For, Para, Title
from docgen.style.spec import TemplateSpec
from docgen.style.tables import Column, Field, LabelRow, LabelTable, Table
from docgen.style.wml import ParaProps

_HEAD = LabelTable(
    rows=(
        LabelRow((Field("姓名", "{{ p.name }}"), Field("性别", "{{ p.gender }}"))),
        LabelRow((Field("民族", "{{ p.ethnicity }}"), Field("出生日期", "{{ p.birth_text }}"))),
        LabelRow((Field("学历", "{{ p.education }}"), Field("现在身份", "{{ p.standing }}"))),
        LabelRow((Field("所在党支部", "{{ branch }}", 3),)),
        LabelRow((Field("单位及职务", "{{ p.unit }}", 3),)),
        LabelRow(
            (
                Field("培养联系人", "{{ p.contacts_text }}"),
                Field("入党介绍人", "{{ p.introducers_text }}"),
            )
        ),
    ),
    widths=(2.9, 4.1, 2.9, 4.1),
)

_STEPS = Table(
    columns=(
        Column("阶段", "{{ g.name }}", 2.6, centred=True),
        Column("环节", "{{ row.step }}", 7.9),
        Column("日期", "{{ row.date }}", 8.9, centred=True),
        Column("办理人", "{{ row.who }}", 6.9),
        Column("情况", "{{ row.detail }}", 6.8),
        Column("签字", "", 3.3),
    ),
    group="g in p.stages",
    each="row in g.rows",
    small=True,
    rows_may_split=False,
)

# The signatures as a grid row, not a SignLine paragraph: a paragraph cannot be kept with
# the table above it, so a full last page pushed the line alone onto a page of its own.
_SIGN = LabelTable(
    rows=(LabelRow((Field("支部书记签字", ""), Field("填表日期", ""))),),
    widths=(2.9, 4.1, 2.9, 4.1),
)

SPEC = TemplateSpec(
    genre="reports",
    name="fazhan-jishi-biao",
    kind="development",
    title="发展党员全程纪实表",
    description="发展党员全程纪实表：每名发展对象一页，列出基本情况和五个阶段各环节的日期、"
    "办理人或组织及情况，留出签字栏；尚未进行的环节留空，办理后补填。",
    output="{branch}发展党员全程纪实表.docx",
    fields=("branch", "superior", "candidates"),
    required=("candidates",),
    fixture="fixtures/school/xxgc-jg1/2026/development.yaml",
    minimal="fixtures/library/reports/fazhan-jishi-biao.min.yaml",
    blocks=(
        For(
            "p in people",
            [
                Title("发展党员全程纪实表", blank_after=False, new_page=True),
                _HEAD,
                Blank(),
                _STEPS,
                # One body line between the tables (two tables touching merge into one).
                # Kept with the signature row, so the row never stands alone on a page.
                Para(
                    "注：尚未进行的环节留空，办理后补填并由经办人签字。",
                    style=st.FLUSH,
                    props=ParaProps(keep_next=True),
                ),
                _SIGN,
            ],
        ),
    ),
)
