"""plans/dangfei-taizhang-xlsx: 党费收缴台账 as an Excel workbook — one row per member with
the month-by-month payments, the year's sum as a formula a clerk can audit, and a sheet
of quarter sums for the 季度上交汇总 with the amounts in 大写."""

from __future__ import annotations

from docgen.xlsx.spec import Col, Sheet, WorkbookSpec

_MONTHS = tuple(
    Col(f"{n}月", f"{{{{ row.m{n} }}}}", width=8, money=True, total="=SUM({range})")
    for n in range(1, 13)
)

SPEC = WorkbookSpec(
    genre="plans",
    name="dangfei-taizhang-xlsx",
    kind="dues",
    title="党费收缴台账（Excel）",
    description="Excel 工作簿形式的党费收缴台账：每名党员一行，列出人员类别、月收入基数、交纳比例、"
    "月应交和1至12月实交，全年实交用公式合计；另有季度汇总表，上交金额附大写。",
    output="{branch}党费收缴台账.xlsx",
    fields=("branch", "year", "title", "collector", "superior", "members", "payments", "signoff"),
    required=("year", "members"),
    fixture="fixtures/school/xxgc-jg1/2026/dues.yaml",
    minimal="fixtures/library/plans/dangfei-taizhang.min.yaml",
    blocks=(),
    sheets=(
        Sheet(
            name="党费收缴台账",
            title="{{ ledger_title }}",
            lines=("{{ info }}",),
            columns=(
                Col("序号", "{{ row.seq }}", centred=True),
                Col("姓名", "{{ row.name }}", width=10, centred=True),
                Col("人员类别", "{{ row.category }}", centred=True),
                Col("党员类别", "{{ row.status }}", centred=True),
                Col("月收入基数", "{{ row.base }}", money=True),
                Col("交纳比例", "{{ row.rate }}", centred=True),
                Col("月应交", "{{ row.monthly }}", money=True),
                *_MONTHS,
                Col("全年实交", formula="=SUM(H{r}:S{r})", money=True, total="=SUM({range})"),
                Col("全年应交", "{{ row.owed }}", money=True, total="=SUM({range})"),
                Col("应交未交", "{{ row.short }}", money=True, total="=SUM({range})"),
                Col("备注", "{{ row.note }}", width=24, wrap=True),
            ),
            each="row in rows",
            total_label="合计",
            notes=(
                "{{ rounding }}全年实交由1至12月实交相加（公式）；"
                "“免交”为经上级党委批准免交的月份。",
                "{% if signoff.show %}{{ signoff.org }}　{{ signoff.date }}{% endif %}",
            ),
        ),
        Sheet(
            name="季度汇总",
            title="{{ branch }}{{ year }}年党费季度上交汇总",
            columns=(
                Col("季度", "{{ q.quarter }}", centred=True),
                Col("月份", "{{ q.months }}", centred=True),
                Col("交纳人数", "{{ q.payers }}", centred=True),
                Col("应交金额", "{{ q.owed }}", money=True, total="=SUM({range})"),
                Col("实收金额", "{{ q.paid }}", money=True, total="=SUM({range})"),
                Col("上交金额", "{{ q.remitted }}", money=True, total="=SUM({range})"),
                Col("上交金额（大写）", "{{ q.upper }}", width=30),
                Col("上交日期", "{{ q.date }}", width=16, centred=True),
                Col("接收单位", "{{ q.receiver }}", width=24, wrap=True),
            ),
            each="q in quarters",
            total_label="合计",
            notes=("{{ rounding }}",),
        ),
    ),
)
