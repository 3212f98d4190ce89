"""plans/xuexi-anpai-biao: 学习活动年度安排表 — a landscape table, one row per activity, the
rows of a month grouped under one merged 月份 cell, with a short title, the branch, a note
line and the sign-off (``kind: annual_plan``)."""

from __future__ import annotations

from docgen.style import styles as st
from docgen.style.blocks import Blank, Para, Signoff, Subtitle, Title
from docgen.style.spec import TemplateSpec
from docgen.style.tables import Column, Table

SPEC = TemplateSpec(
    genre="plans",
    name="xuexi-anpai-biao",
    kind="annual_plan",
    title="学习活动年度安排表",
    description="横向 A4 的学习活动年度安排表：按月份分组，列出学习主题、学习内容、学习形式、"
    "责任人、参加人员和备注，表下附说明。",
    output="{branch}{year}年学习活动年度安排表.docx",
    fields=("year", "branch", "schedule", "signoff"),
    required=("year", "schedule"),
    fixture="fixtures/school/xxgc-jg1/2026/annual_plan.yaml",
    minimal="fixtures/library/plans/xuexi-anpai-biao.min.yaml",
    landscape=True,
    blocks=(
        Title("{{ table_title }}", blank_after=False),
        Subtitle("{{ branch }}", when="branch"),
        Blank(),
        Table(
            columns=(
                Column("月份", "{{ m.month_text }}", 14, centred=True),
                Column("学习主题", "{{ row.theme }}", 42),
                Column("学习内容", "{{ row.content }}", 58),
                Column("学习形式", "{{ row.form }}", 33, centred=True),
                Column("责任人", "{{ row.owner }}", 29, centred=True, min_chars=4),
                Column("参加人员", "{{ row.participants }}", 29, centred=True),
                Column("备注", "{{ row.note }}", 20),
            ),
            group="m in months",
            each="row in m.rows",
            small=True,
        ),
        Para(
            "注：各项活动的具体时间和地点以支部通知为准；党员因故不能参加的，"
            "应事先向支部书记或党小组组长请假，并在会后补学。",
            style=st.FLUSH,
        ),
        Signoff("signoff", when="signoff.show"),
    ),
)
