"""plans/minzhu-ceping-biao: 民主测评表 — the ballots of a 民主评议党员, ``copies`` of them,
each numbered, every rated member's name printed with the four grades to tick and a
存在问题 cell, and an optional matrix of dimensions (``kind: appraisal``)."""

from __future__ import annotations

from dataclasses import dataclass

from docgen.style import styles as st
from docgen.style.blocks import For, If, PageBreak, Para, Title
from docgen.style.spec import TemplateSpec
from docgen.style.tables import Column, Table
from docgen.style.wml import ParaProps

_WHO = (
    Column("序号", "{{ row.seq }}", 1.6, centred=True),
    Column("姓名", "{{ row.name }}", 3, centred=True, min_chars=4),
)
_GRADES = tuple(
    Column(grade, "", 2.2, centred=True, min_chars=len(grade))
    for grade in ("优秀", "合格", "基本合格", "不合格")
)

@dataclass(frozen=True)
class _BallotSpec(TemplateSpec):
    def document_title(self) -> str:
        """The ballots' title (printed on each copy, so inside the loop over them)."""
        return "{{ title }}"


SPEC = _BallotSpec(
    genre="plans",
    name="minzhu-ceping-biao",
    kind="appraisal",
    title="民主评议党员测评表",
    description="民主评议党员的民主测评表：按参评党员名单预先印好姓名，每人一行，"
    "优秀、合格、基本合格、不合格四个等次供勾选，留存在问题栏；可加分项评价；"
    "按印制份数逐份编号，一份一页。",
    output="{title}.docx",
    fields=("branch", "year", "title", "date", "copies", "dimensions", "members"),
    required=("year",),
    fixture="fixtures/school/xxgc-jg1/2026/appraisal.yaml",
    minimal="fixtures/library/plans/minzhu-ceping-biao.min.yaml",
    blocks=(
        For(
            "b in ballots",
            [
                Title("{{ title }}", blank_after=False),
                Para("{{ b.number_text }}　　{{ ballot_date }}", style=st.CENTRED),
                Table(
                    columns=(
                        *_WHO,
                        *_GRADES,
                        Column("存在问题", "", 5.2),
                    ),
                    each="row in rows",
                    small=True,
                ),
                # Under the table, in the table's small type: the ballot keeps to one page
                # for a branch of two dozen members.
                Para("{{ ballot_intro }}", style=st.TABLE_TEXT_SMALL),
                If(
                    "dimensions",
                    [
                        Para(
                            "{{ dimension_note }}",
                            style=st.TABLE_TEXT_SMALL,
                            props=ParaProps(keep_next=True),
                        ),
                        Table(
                            columns=(
                                *_WHO,
                                Column("分项评价", "{{ dimension_text }}", 14),
                            ),
                            each="row in rows",
                            small=True,
                        ),
                    ],
                ),
                If("not loop.last", [PageBreak()]),
            ],
        ),
    ),
)
