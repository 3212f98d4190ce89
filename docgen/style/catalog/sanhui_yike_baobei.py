"""reports/sanhui-yike-baobei: “三会一课”计划报备表 — the meetings an annual plan schedules
for its 报备季度 (the whole year without one), one numbered row each with its type, month,
topic and host, then the count by type and the 报送单位 with the 报备日期 (``kind: annual_plan``;
without one, a whole-year 报备表 takes the plan's date and a quarter's leaves the date to write).
The quarter's counts are checked against the 条例 by ``rules.frequency.quarterly_counts``."""

from __future__ import annotations

from docgen.style.blocks import Para, Signoff, Title
from docgen.style.spec import TemplateSpec
from docgen.style.tables import Column, Table

SPEC = TemplateSpec(
    genre="reports",
    name="sanhui-yike-baobei",
    kind="annual_plan",
    title="“三会一课”计划报备表",
    description="按季度向上级党组织报备的“三会一课”计划：序号、会议类型、计划时间、主题、"
    "主持人、备注，表下汇总各类会议次数，落款为报送单位和报备日期；不填报备季度时列出全年。",
    output="{branch}{year}年三会一课计划报备表.docx",
    fields=("year", "branch", "quarter", "report_date", "schedule", "signoff"),
    required=("year", "schedule"),
    fixture="fixtures/school/xxgc-jg1/2026/annual_plan.yaml",
    minimal="fixtures/library/reports/sanhui-yike-baobei.min.yaml",
    landscape=True,
    blocks=(
        Title("{{ baobei.title }}"),
        Table(
            columns=(
                Column("序号", "{{ row.no }}", 4, centred=True),
                Column("会议类型", "{{ row.types }}", 9, centred=True, min_chars=6),
                Column("计划时间", "{{ row.when }}", 6, centred=True, min_chars=3),
                Column("主题", "{{ row.theme }}", 30),
                Column("主持人", "{{ row.host }}", 10, centred=True, min_chars=6),
                Column("备注", "{{ row.note }}", 16),
            ),
            each="row in baobei.rows",
            small=True,
        ),
        Para(
            "{{ baobei.summary }}具体时间和地点以支部通知为准，计划如有调整，及时向上级党组织说明。"
        ),
        Signoff("baobei.signoff", when="baobei.signoff.show"),
    ),
)
