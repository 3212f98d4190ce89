"""reports/fazhan-jijifenzi-mingce-xlsx: 入党积极分子名册 — the 入党积极分子 now, with their
培养联系人."""

from __future__ import annotations

from docgen.style.catalog.rosters import ACTIVIST, roster_spec
from docgen.xlsx.spec import Col

SPEC = roster_spec(
    "fazhan-jijifenzi-mingce-xlsx",
    "activist",
    "入党积极分子名册",
    "支部的入党积极分子名册：现为入党积极分子的同志每人一行，列出基本情况、申请入党时间、确定为积极分子时间和培养联系人，表头冻结、打印时每页重复，末尾用公式统计人数。",
    (
        ACTIVIST,
        Col("培养联系人", "{{ row.contacts }}", width=16, centred=True, wrap=True),
    ),
)
