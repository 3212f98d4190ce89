"""reports/fazhan-yubei-mingce-xlsx: 预备党员名册 — the 预备党员 now, with the day their
预备期 ends."""

from __future__ import annotations

from docgen.style.catalog.rosters import roster_spec
from docgen.xlsx.spec import Col

SPEC = roster_spec(
    "fazhan-yubei-mingce-xlsx",
    "probation",
    "预备党员名册",
    "支部的预备党员名册：现为预备党员的同志每人一行，列出基本情况、申请入党时间、支部大会接收和上级党委审批的时间、入党介绍人和预备期满时间（延长预备期的另注），表头冻结、打印时每页重复，末尾用公式统计人数。",
    (
        Col("接收为预备党员时间", "{{ row.admitted }}", width=16, centred=True),
        Col("上级党委审批时间", "{{ row.approved }}", width=16, centred=True),
        Col("入党介绍人", "{{ row.introducers }}", width=16, centred=True, wrap=True),
        Col("预备期满时间", "{{ row.probation_end }}", width=16, centred=True),
        Col("预备期延长情况", "{{ row.extended }}", width=16, centred=True, wrap=True),
    ),
)
