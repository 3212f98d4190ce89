"""plans/dangfei-shangjiao: 党费季度上交汇总单 — the dues a branch hands to its 上级党委
quarter by quarter, each amount also in 大写, from ``kind: dues`` data."""

from __future__ import annotations

from docgen.style.blocks import Para, Signoff, Title
from docgen.style.spec import TemplateSpec
from docgen.style.tables import Column, Table

SPEC = TemplateSpec(
    genre="plans",
    name="dangfei-shangjiao",
    kind="dues",
    title="党费季度上交汇总单",
    description="按季度汇总支部收缴和上交上级党委的党费：交纳人数、实收金额、上交金额及其大写、"
    "上交日期，全年合计附大写。",
    output="{branch}党费上交汇总单.docx",
    fields=("branch", "year", "superior", "collector", "members", "payments", "remittances"),
    required=("year", "members"),
    fixture="fixtures/school/xxgc-jg1/2026/dues.yaml",
    minimal="fixtures/library/plans/dangfei-taizhang.min.yaml",
    blocks=(
        Title("{{ branch }}{{ year }}年党费上交汇总单"),
        Para(
            "{% if superior %}上交单位：{{ superior }}。{% endif %}"
            "本单汇总本支部{{ period }}收缴的党费和按季度上交的金额（金额单位：元）。"
        ),
        Table(
            columns=(
                Column("季度", "{{ q.quarter }}", 6, centred=True, min_chars=4),
                Column("交纳人数", "{{ q.payers }}", 4, centred=True),
                Column("实收金额", "{{ q.paid_text }}", 5, centred=True),
                Column("上交金额", "{{ q.remitted_text }}", 5, centred=True),
                Column("大写", "{{ q.upper }}", 16),
                Column("上交日期", "{{ q.date }}", 7, centred=True, min_chars=8),
            ),
            each="q in quarters",
            small=True,
        ),
        Para(
            "全年实收{{ paid_text }}元，{% if remittances %}已上交{{ remitted_text }}元"
            "（大写：{{ remitted_upper }}）{% else %}尚无上交记录{% endif %}。"
            "{% if collector %}经手人：{{ collector }}。{% endif %}"
        ),
        Para(
            "支部收缴的党费按季度如数上交上级党委，不留存、不挪用；上交时由经手人与接收单位"
            "当面核对金额，核对无误后在本单上签字确认。"
        ),
        Signoff("signoff", when="signoff.show"),
    ),
)
