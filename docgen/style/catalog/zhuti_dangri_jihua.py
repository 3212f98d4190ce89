"""plans/zhuti-dangri-jihua: 主题党日年度计划 — overall approach, basic requirements (time,
participants, how each activity is run) and the month-by-month themes as a table, drawn
from the schedule rows held as 主题党日 (``kind: annual_plan``)."""

from __future__ import annotations

from docgen.style.blocks import Para, Section, Signoff, Title
from docgen.style.spec import TemplateSpec
from docgen.style.tables import Column, Table

_APPROACH = Section(
    "总体思路",
    [
        Para("{{ guiding_thought }}", when="guiding_thought"),
        Para(
            "主题党日坚持每月相对固定一天开展，将政治学习、组织生活、民主议事和志愿服务"
            "统筹安排，每月确定一个主题，做到学习有篇目、活动有载体、会后有落实，"
            "使主题党日成为党员经常性教育的固定阵地。"
        ),
    ],
)

_REQUIREMENTS = Section(
    "基本要求",
    [
        Section(
            "时间安排",
            [
                Para("{{ theme_day.time_text }}"),
                Para("{{ theme_day.online_text }}", when="theme_day.online_text"),
            ],
            level=2,
        ),
        Section(
            "参加对象",
            [Para("{{ theme_day.participants_text }}因故不能参加的党员应事先请假，并在会后补学。")],
            level=2,
        ),
        Section(
            "活动要求",
            [
                Para(
                    "活动前由责任人拟定具体方案，明确学习篇目、议程和分工；活动中做好签到和记录；"
                    "活动结束后及时整理记录，连同签到表、照片等材料按月归档。"
                )
            ],
            level=2,
        ),
    ],
)

_THEMES = Section(
    "月度主题",
    [
        Para("{{ year }}年各月主题党日安排如下。", when="theme_day.rows"),
        Table(
            columns=(
                Column("月份", "{{ row.month_text }}", 14, centred=True),
                Column("活动主题", "{{ row.theme }}", 40),
                Column("活动内容", "{{ row.content }}", 50),
                Column("责任人", "{{ row.owner }}", 29, centred=True, min_chars=4),
                Column("备注", "{{ row.note }}", 23),
            ),
            each="row in theme_day.rows",
            small=True,
        ),
        Para("{{ theme_day.missing_text }}", when="theme_day.missing_text"),
    ],
)

SPEC = TemplateSpec(
    genre="plans",
    name="zhuti-dangri-jihua",
    kind="annual_plan",
    title="主题党日年度计划",
    description="主题党日年度计划：总体思路，时间安排、参加对象和活动要求，"
    "以及从安排表中会议类型为主题党日的各行整理出的月度主题表。",
    output="{branch}{year}年主题党日活动计划.docx",
    fields=("year", "branch", "guiding_thought", "schedule", "signoff"),
    required=("year", "schedule"),
    fixture="fixtures/school/xxgc-jg1/2026/annual_plan.yaml",
    minimal="fixtures/library/plans/zhuti-dangri-jihua.min.yaml",
    blocks=(
        Title("{{ theme_day_title }}"),
        Para("为推动主题党日经常化、规范化，结合支部{{ year }}年工作安排，制定本计划。"),
        _APPROACH,
        _REQUIREMENTS,
        _THEMES,
        Signoff("signoff", when="signoff.show"),
    ),
)
