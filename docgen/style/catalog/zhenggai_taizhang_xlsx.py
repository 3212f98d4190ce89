"""plans/zhenggai-taizhang-xlsx: 整改台账 as an Excel workbook — the same rows as the
landscape .docx ledger, for a clerk who keeps the ledger up to date in Excel."""

from __future__ import annotations

from docgen.xlsx.spec import Col, Sheet, WorkbookSpec

SPEC = WorkbookSpec(
    genre="plans",
    name="zhenggai-taizhang-xlsx",
    kind="rectification",
    title="整改台账（Excel）",
    description="Excel 工作簿形式的整改台账：每个问题一行，表头冻结、打印时每页重复，"
    "末尾用公式统计问题总数和已完成数，便于逐条更新、筛选和销号。",
    output="{branch}整改台账.xlsx",
    fields=("branch", "title", "problems", "signoff"),
    required=("problems",),
    fixture="fixtures/school/xxgc-jg1/2026/rectification.yaml",
    minimal="fixtures/library/plans/zhenggai-taizhang.min.yaml",
    blocks=(),
    sheets=(
        Sheet(
            name="整改台账",
            title="{{ ledger_title }}",
            columns=(
                Col("序号", "{{ row.seq }}", centred=True),
                Col("问题类别", "{{ row.category }}", width=12, centred=True),
                Col("存在问题", "{{ row.title }}", width=26, wrap=True),
                Col("整改措施", "{{ row.measures }}", width=44, wrap=True),
                Col("责任人", "{{ row.owner }}", width=10, centred=True, wrap=True),
                Col("整改时限", "{{ row.deadline }}", width=16, centred=True),
                Col("完成情况", "{{ row.progress }}", width=30, wrap=True),
                Col("整改状态", "{{ row.status }}", width=10, centred=True),
                Col("备注", "{{ row.note }}", width=12, wrap=True),
            ),
            each="row in ledger",
            notes=(
                '="共 "&COUNTA({range:C})&" 个问题，整改状态为“已完成”的 "'
                '&COUNTIF({range:H},"已完成")&" 个。"',
                "{% if signoff.show %}{{ signoff.org }}　{{ signoff.date }}{% endif %}",
            ),
        ),
    ),
)
