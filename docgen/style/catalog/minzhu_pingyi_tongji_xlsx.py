"""plans/minzhu-pingyi-tongji-xlsx: 民主评议党员测评统计表 — the tellers' workbook: one row a
rated member with a cell per grade to write the ballots' count in, the row's sum as a
formula, 存在问题, and a sheet of the ballots issued, returned, spoiled and valid.

:mod:`docgen.data.appraisal_tally` reads the filled workbook back (``tally_file``)."""

from __future__ import annotations

from docgen.xlsx.spec import Col, Sheet, WorkbookSpec

_GRADES = tuple(
    Col(grade, f"{{{{ row.{key} }}}}", width=9, centred=True, total="=SUM({range})")
    for grade, key in (
        ("优秀", "excellent"),
        ("合格", "qualified"),
        ("基本合格", "basic"),
        ("不合格", "unqualified"),
    )
)

SPEC = WorkbookSpec(
    genre="plans",
    name="minzhu-pingyi-tongji-xlsx",
    kind="appraisal",
    title="民主评议党员测评统计表（Excel）",
    description="计票人填写的民主测评统计表：每名参评党员一行，在优秀、合格、基本合格、不合格下"
    "填写得票数，合计用公式求和，另填存在问题；另一张表填写发出、收回、无效和有效票数。"
    "填好后作为“统计表文件”读回。",
    output="{tally_title}.xlsx",
    fields=("branch", "year", "date", "place", "present", "members", "tally"),
    required=("year",),
    fixture="fixtures/school/xxgc-jg1/2026/appraisal.yaml",
    minimal="fixtures/library/plans/minzhu-ceping-biao.min.yaml",
    blocks=(),
    sheets=(
        Sheet(
            name="测评统计",
            title="{{ tally_title }}",
            lines=("{{ tally_info }}",),
            columns=(
                Col("序号", "{{ row.seq }}", centred=True),
                Col("姓名", "{{ row.name }}", width=10, centred=True),
                Col("党员类别", "{{ row.status }}", width=10, centred=True),
                *_GRADES,
                Col("合计", formula="=SUM(D{r}:G{r})", width=8, centred=True),
                Col("存在问题", "{{ row.problems }}", width=40, wrap=True),
            ),
            each="row in tally_rows",
            total_label="合计",
            notes=(
                "填写说明：在各等次下填写该党员得到的票数，没有得票的等次填 0；每行合计应等于"
                "有效票数（一张有效测评表每行只勾一个等次）。",
                "计票人：{{ tellers_text }}　　　　监票人：　　　　　　　　填表日期：",
            ),
        ),
        Sheet(
            name="票数",
            # Three columns wide: a short title, the branch and year on a line of their own.
            title="民主测评票数",
            lines=("{{ branch }}　{{ year }}年度民主评议党员",),
            columns=(
                Col("项目", "{{ b.item }}", width=12, centred=True),
                Col("票数", "{{ b.count }}", width=10, centred=True),
                Col("说明", "{{ b.note }}", width=36),
            ),
            each="b in ballot_rows",
            notes=(
                "有效票数可不填，读回时按收回票数减无效票数计算。",
                # The tellers' check as they type: returned less spoiled, beside their 有效.
                '="核对：收回减无效为"&(INDEX({range:B},2)-INDEX({range:B},3))&"票"',
            ),
        ),
    ),
)
