"""plans/niandu-gongzuo-jihua: 党支部年度工作计划 — guiding thought, goals (总体 and 具体),
main tasks with their items, the month-by-month arrangement as a table, safeguards and
the sign-off (``kind: annual_plan``)."""

from __future__ import annotations

from docgen.style.blocks import For, Heading, If, Para, Run, Section, Signoff, Title
from docgen.style.spec import TemplateSpec
from docgen.style.tables import Column, Table

# Several items are numbered 1. 2. …; a single one is a plain paragraph (a lone “1.”
# promises a second item that never comes).
_SPECIFIC = If(
    "goals.specific|length > 1",
    [Para("{{ s }}", each="s in goals.specific", number=3)],
    [Para("{{ goals.specific[0] }}", when="goals.specific")],
)

_GOALS = Section(
    "工作目标",
    [
        If(
            "goals.both",
            [
                Heading("总体目标", level=2),
                Para("{{ goals.overall }}"),
                Heading("具体目标", level=2),
                _SPECIFIC,
            ],
            [Para("{{ goals.overall }}", when="goals.overall"), _SPECIFIC],
        )
    ],
    when="goals.any",
)

# Tasks with items get a （一） heading each; when no task has items, the tasks are a
# numbered list of sentences (a column of bare headings would read as gaps).
_TASKS = Section(
    "主要任务",
    [
        If(
            "tasks_detailed",
            [
                For(
                    "t in tasks",
                    [
                        Heading("{{ t.heading }}", level=2),
                        If(
                            "t.items|length > 1",
                            [Para("{{ i }}", each="i in t.items", number=3)],
                            [Para("{{ t.items[0] }}", when="t.items")],
                        ),
                    ],
                )
            ],
            [
                If(
                    "tasks|length > 1",
                    [Para("{{ t.sentence }}", each="t in tasks", number=3)],
                    [Para("{{ tasks[0].sentence }}")],
                )
            ],
        )
    ],
    when="tasks",
)

_MONTHS = Section(
    "月度安排",
    [
        Para(
            "全年会议和学习活动按月安排如下，各项活动的学习内容、形式和参加人员"
            "详见《{{ table_title }}》。"
        ),
        Table(
            columns=(
                Column("月份", "{{ row.month_text }}", 14, centred=True),
                Column("主要安排", "{{ row.activities }}", 142),
            ),
            each="row in month_plan",
            small=True,
        ),
    ],
    when="month_plan",
)

SPEC = TemplateSpec(
    genre="plans",
    name="niandu-gongzuo-jihua",
    kind="annual_plan",
    title="党支部年度工作计划",
    description="党支部年度工作计划：指导思想、工作目标（总体目标和具体目标）、主要任务、"
    "月度安排表、保障措施和落款。",
    output="{branch}{year}年工作计划.docx",
    fields=(
        "year",
        "branch",
        "title",
        "guiding_thought",
        "goals",
        "tasks",
        "schedule",
        "safeguards",
        "signoff",
    ),
    required=("year", "tasks"),
    fixture="fixtures/school/xxgc-jg1/2026/annual_plan.yaml",
    minimal="fixtures/library/plans/niandu-gongzuo-jihua.min.yaml",
    blocks=(
        Title("{{ title }}"),
        Para(
            "为推动党支部各项工作有计划、有重点地开展，结合本支部实际，制定{{ year }}年工作计划。"
        ),
        Section("指导思想", [Para("{{ guiding_thought }}")], when="guiding_thought"),
        _GOALS,
        _TASKS,
        _MONTHS,
        Section(
            "保障措施",
            [
                If(
                    "safeguards|length > 1",
                    [
                        Para(
                            [Run("{{ s.lead }}", lead=2), Run("{{ s.rest }}")],
                            each="s in safeguards",
                            number=2,
                        )
                    ],
                    [
                        Para(
                            [
                                Run("{{ safeguards[0].lead }}", lead=2),
                                Run("{{ safeguards[0].rest }}"),
                            ]
                        )
                    ],
                )
            ],
            when="safeguards",
        ),
        Signoff("signoff", when="signoff.show"),
    ),
)
