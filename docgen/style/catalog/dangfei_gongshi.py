"""plans/dangfei-gongshi: 支部党费公示表 — what each member owed and paid in the period,
posted for the branch to see, from ``kind: dues`` data (incomes are not shown)."""

from __future__ import annotations

from docgen.style.blocks import Para, Signoff, Title
from docgen.style.spec import TemplateSpec
from docgen.style.tables import Column, Table

SPEC = TemplateSpec(
    genre="plans",
    name="dangfei-gongshi",
    kind="dues",
    title="党费交纳情况公示表",
    description="支部党费公示表：每名党员的月交纳额、应交、实交和未交，末尾合计，不列收入基数。",
    output="{branch}党费交纳情况公示.docx",
    fields=("branch", "year", "as_of", "collector", "members", "payments", "signoff"),
    required=("year", "members"),
    fixture="fixtures/school/xxgc-jg1/2026/dues.yaml",
    minimal="fixtures/library/plans/dangfei-taizhang.min.yaml",
    blocks=(
        Title("{{ branch }}{{ year }}年党费交纳情况公示"),
        Para(
            "现将本支部党员{{ period }}交纳党费的情况公示如下（金额单位：元），请各位党员核对。"
            "{% if collector %}如有出入，请向收缴人{{ collector }}说明。{% endif %}"
        ),
        Table(
            columns=(
                Column("序号", "{{ row.seq }}", 3, centred=True),
                Column("姓名", "{{ row.name }}", 6, centred=True, min_chars=4),
                Column("党员类别", "{{ row.status }}", 5, centred=True),
                Column("月交纳额", "{{ row.monthly_text }}", 7, centred=True),
                Column("应交", "{{ row.owed_text }}", 7, centred=True),
                Column("实交", "{{ row.paid_text }}", 7, centred=True),
                Column("未交", "{{ row.short_text }}", 6, centred=True),
                Column("备注", "{{ row.note }}", 14),
            ),
            each="row in rows",
            small=True,
        ),
        Para("合计：应交{{ owed_text }}元，实交{{ paid_text }}元。{{ rounding }}"),
        Para(
            "党员对公示的金额有疑问的，可以在公示期间向支部委员会提出，由收缴人核对后答复。"
            "确有困难需要少交或者免交党费的，由本人提出申请，经支部委员会研究后报上级党委批准，"
            "批准前仍按标准交纳。"
        ),
        Signoff("signoff", when="signoff.show"),
    ),
)
