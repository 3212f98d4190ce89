"""Columns shared by the three 发展党员 名册 workbooks (reports/fazhan-*-mingce-xlsx).

A package rather than a module so that :func:`docgen.style.catalog.catalog`, which loads
every plain module of the catalogue as a template, passes it by. Every column reads a row
of :func:`docgen.views.development_rosters.rosters_context`.
"""

from __future__ import annotations

from docgen.xlsx.spec import Col, Sheet, WorkbookSpec

#: 序号 to 申请入党时间: the person, as every 名册 lists them first.
IDENTITY = (
    Col("序号", "{{ row.seq }}", centred=True),
    Col("姓名", "{{ row.name }}", width=10, centred=True),
    Col("性别", "{{ row.gender }}", centred=True),
    Col("民族", "{{ row.ethnicity }}", width=8, centred=True),
    Col("出生年月", "{{ row.birth }}", width=12, centred=True),
    Col("学历", "{{ row.education }}", width=12, centred=True, wrap=True),
    Col("单位及职务", "{{ row.unit }}", width=24, wrap=True),
    Col("申请入党时间", "{{ row.applied }}", width=16, centred=True),
)
ACTIVIST = Col("确定为积极分子时间", "{{ row.activist }}", width=16, centred=True)
NOTE = Col("备注", "{{ row.note }}", width=16, wrap=True)


def roster_sheet(key: str, name: str, columns: tuple[Col, ...]) -> Sheet:
    """The sheet of ``rosters.<key>``: title, 党支部 and 填报日期, the columns, a count."""
    return Sheet(
        name=name,
        title=f"{{{{ rosters.{key}.title }}}}",
        lines=(f"{{{{ rosters.{key}.date_line }}}}",),
        columns=(*IDENTITY, *columns, NOTE),
        each=f"row in rosters.{key}.rows",
        notes=('="共 "&COUNTA({range:B})&" 人。"',),
    )


def roster_spec(
    name: str, key: str, title: str, description: str, columns: tuple[Col, ...]
) -> WorkbookSpec:
    """The workbook ``reports/<name>``: one sheet ``title`` (its tab and, after the branch,
    its printed title) over the people of ``rosters.<key>``, ``columns`` after 申请入党时间."""
    return WorkbookSpec(
        genre="reports",
        name=name,
        kind="development",
        title=f"{title}（Excel）",
        description=description,
        output="{branch}" + title + ".xlsx",
        fields=("branch", "superior", "candidates", "signoff"),
        required=("candidates",),
        fixture="fixtures/school/xxgc-jg1/2026/development.yaml",
        minimal="fixtures/library/reports/fazhan-mingce-xlsx.min.yaml",
        blocks=(),
        sheets=(roster_sheet(key, title, columns),),
    )


__all__ = ["ACTIVIST", "IDENTITY", "NOTE", "roster_sheet", "roster_spec"]
