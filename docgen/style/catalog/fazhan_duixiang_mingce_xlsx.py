"""reports/fazhan-duixiang-mingce-xlsx: 发展对象名册 — the 发展对象 now, with their introducers,
政审 and training."""

from __future__ import annotations

from docgen.style.catalog.rosters import ACTIVIST, roster_spec
from docgen.xlsx.spec import Col

SPEC = roster_spec(
    "fazhan-duixiang-mingce-xlsx",
    "prospect",
    "发展对象名册",
    "支部的发展对象名册：现为发展对象的同志每人一行，列出基本情况、申请入党、确定为积极分子和发展对象的时间、培养联系人、入党介绍人、政审结论和集中培训情况，表头冻结、打印时每页重复，末尾用公式统计人数。",
    (
        ACTIVIST,
        Col("确定为发展对象时间", "{{ row.prospect }}", width=16, centred=True),
        Col("培养联系人", "{{ row.contacts }}", width=16, centred=True, wrap=True),
        Col("入党介绍人", "{{ row.introducers }}", width=16, centred=True, wrap=True),
        Col("政审情况", "{{ row.review }}", width=24, wrap=True),
        Col("集中培训情况", "{{ row.training }}", width=24, wrap=True),
    ),
)
