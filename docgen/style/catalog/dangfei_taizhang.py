"""plans/dangfei-taizhang: 党费收缴登记表（台账） as a document — a landscape table of every
member's category, base, rate, monthly amount, months paid and the year's sums, the same
figures as the workbook ledger (``kind: dues``, the view's ``rows``)."""

from __future__ import annotations

from docgen.style.blocks import Para, Signoff, Title
from docgen.style.spec import TemplateSpec
from docgen.style.tables import Column, Table

SPEC = TemplateSpec(
    genre="plans",
    name="dangfei-taizhang",
    kind="dues",
    title="党费收缴登记表（台账）",
    description="横向 A4 的党费收缴台账（收缴登记表）：每名党员的人员类别、月收入基数、"
    "交纳比例、月交纳额、已交月份、全年应交、实交和未交，末尾合计（实交附大写）和计算方法。",
    output="{branch}党费收缴登记表.docx",
    fields=(
        "branch",
        "title",
        "year",
        "as_of",
        "collector",
        "members",
        "reductions",
        "payments",
        "signoff",
    ),
    required=("year", "members"),
    fixture="fixtures/school/xxgc-jg1/2026/dues.yaml",
    minimal="fixtures/library/plans/dangfei-taizhang.min.yaml",
    landscape=True,
    blocks=(
        Title("{{ ledger_title }}"),
        Para("{{ info }}（金额单位：元）"),
        Table(
            columns=(
                Column("序号", "{{ row.seq }}", 3, centred=True),
                Column("姓名", "{{ row.name }}", 5, centred=True, min_chars=4),
                Column("人员类别", "{{ row.category }}", 5, centred=True),
                Column("月收入基数", "{{ row.base_text }}", 6, centred=True),
                Column("交纳比例", "{{ row.rate }}", 5, centred=True),
                Column("月交纳额", "{{ row.monthly_text }}", 5, centred=True),
                Column("已交月份", "{{ row.paid_months }}", 6, centred=True, min_chars=5),
                Column("全年应交", "{{ row.owed_text }}", 6, centred=True),
                Column("实交", "{{ row.paid_text }}", 5, centred=True, min_chars=4),
                Column("未交", "{{ row.short_text }}", 4, centred=True, min_chars=4),
                Column("备注", "{{ row.note }}", 24),
            ),
            each="row in rows",
            small=True,
        ),
        Para(
            "合计：{{ period }}应交{{ owed_text }}元，实交{{ paid_text }}元"
            "（大写：{{ paid_upper }}）。{{ rounding }}"
        ),
        Signoff("signoff", when="signoff.show"),
    ),
)
