"""plans/xuexi-anpai-biao: 学习活动年度安排表 — a landscape table, one row per activity, the
rows of a month grouped under one merged 月份 cell, with a short title, the branch, a note
line and the sign-off (``kind: annual_plan``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from docgen.style import styles as st
from docgen.style.blocks import Blank, Para, Signoff, Subtitle, Title
from docgen.style.emit import Emitter
from docgen.style.spec import TemplateSpec
from docgen.style.tables import Column, _cell, _control_row, _row, _spread, _table


@dataclass(frozen=True)
class _MonthTable:
    """A list table whose rows come in groups (``group``, e.g. ``"m in months"``), each
    group's rows (``each``) sharing one vertically merged first cell.

    The first column's text is written once per group: ``{% vm %}`` merges the copies
    the inner loop makes of that cell, so a month with four activities reads as one
    “3月” beside four rows. An empty group list gives one spanning row reading “无”.
    """

    columns: Sequence[Column]
    group: str
    each: str

    def emit(self, out: Emitter) -> None:
        """Write the table (the spec is landscape, so no section break is needed)."""
        widths = _spread([c.width for c in self.columns], out.style.text_width_twips(out.landscape))
        head = [
            _cell(out, st.TABLE_HEADER_SMALL, c.title, w)
            for c, w in zip(self.columns, widths, strict=True)
        ]
        cells = []
        for n, (c, w) in enumerate(zip(self.columns, widths, strict=True)):
            style = st.TABLE_TEXT_SMALL_CENTRED if c.centred else st.TABLE_TEXT_SMALL
            cells.append(_cell(out, style, ("{% vm %}" if n == 0 else "") + c.text, w))
        groups = self.group.split(" in ", 1)[1]
        rows = [
            _row(head, header=True),
            _control_row(out, f"{{%tr for {self.group} %}}", widths),
            _control_row(out, f"{{%tr for {self.each} %}}", widths),
            _row(cells),
            _control_row(out, "{%tr endfor %}", widths),
            _control_row(out, "{%tr endfor %}", widths),
            _control_row(out, f"{{%tr if not ({groups}) %}}", widths),
            _row([_cell(out, st.TABLE_TEXT_SMALL_CENTRED, "无", sum(widths), span=len(widths))]),
            _control_row(out, "{%tr endif %}", widths),
        ]
        out.add(_table(widths, rows))


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
        _MonthTable(
            columns=(
                Column("月份", "{{ m.month_text }}", 14, centred=True),
                Column("学习主题", "{{ row.theme }}", 42),
                Column("学习内容", "{{ row.content }}", 58),
                Column("学习形式", "{{ row.form }}", 33, centred=True),
                Column("责任人", "{{ row.owner }}", 29, centred=True),
                Column("参加人员", "{{ row.participants }}", 29, centred=True),
                Column("备注", "{{ row.note }}", 20),
            ),
            group="m in months",
            each="row in m.rows",
        ),
        Para(
            "注：各项活动的具体时间和地点以支部通知为准；党员因故不能参加的，"
            "应事先向支部书记或党小组组长请假，并在会后补学。",
            style=st.FLUSH,
        ),
        Signoff("{{ signoff_wide.org_text }}", "{{ signoff_wide.date_text }}", when="signoff.show"),
    ),
)
