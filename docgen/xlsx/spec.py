"""Shipped workbook templates described in code, built into ``template.xlsx``.

A :class:`WorkbookSpec` is a :class:`~docgen.style.spec.TemplateSpec` whose
:meth:`~WorkbookSpec.build` writes a workbook instead of a .docx, so the
catalogue, ``scripts/build_templates.py`` and the manifests treat both alike.
Each :class:`Sheet` is laid out the way a clerk's 台账 is:

- row 1 the title, merged across the table (黑体, large); then ``lines`` of
  information (支部, 年度…), each merged across;
- the header row: bold, shaded, bordered, wrapped, and repeated on every
  printed page; panes are frozen below it, so it stays in view while scrolling;
- the row loop (``{%tr for … %}`` / ``{%tr endfor %}``) around one body row whose
  cells are the columns' ``value`` (a tag) or ``formula`` (``=D{r}*E{r}``, ``{r}``
  standing for the body row);
- an optional totals row whose columns' ``total`` formulas run over the body
  (``=SUM({range})``; the range stretches to every rendered row);
- ``notes`` under the table (a rounding rule, who filled it in), merged across; a
  note may be a formula, ``{range:C}`` standing for column C's body cells.

Print set-up: A4 landscape (or portrait), fit to one page wide, header row
repeated, centred, page numbers in the footer. Column widths come from the
header text (CJK characters count double) and the spec's ``width``; the render
widens them to the data.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from docgen import stamp
from docgen.style.spec import TemplateSpec
from docgen.xlsx.package import workbook_bytes
from docgen.xlsx.widths import text_units

_RANGE = re.compile(r"\{range:([A-Z]{1,3})\}")
BODY_FONT = "宋体"
TITLE_FONT = "黑体"
MONEY_FORMAT = "#,##0.00"
#: Excel's grey-blue header fill, the one docgen's starter workbooks use.
HEADER_FILL = "DDEBF7"


@dataclass(frozen=True)
class Col:
    """A column: ``header``; the body cell's ``value`` (a tag) or ``formula``
    (``{r}`` is the body row); ``width`` (Excel's units, where a CJK character takes
    two; at least the header's width); ``money`` (two decimals); ``wrap`` (long text
    wraps); ``total`` the totals row's formula, ``{range}`` standing for the column's
    body cells (``=SUM({range})``)."""

    header: str
    value: str = ""
    formula: str = ""
    width: float = 0
    money: bool = False
    wrap: bool = False
    centred: bool = False
    total: str = ""
    number_format: str = ""


@dataclass(frozen=True)
class Sheet:
    """One sheet: its ``name`` (tab), ``title`` (row 1, may hold tags), info ``lines``,
    ``columns``, the loop ``each`` (``"row in ledger"``), a totals row labelled
    ``total_label`` (empty: none) and ``notes`` under the table."""

    name: str
    title: str
    columns: Sequence[Col]
    each: str
    lines: Sequence[str] = ()
    total_label: str = ""
    notes: Sequence[str] = ()
    landscape: bool = True


@dataclass(frozen=True)
class WorkbookSpec(TemplateSpec):
    """A shipped workbook template (``template.xlsx``); pass ``blocks=()``."""

    template_file: ClassVar[str] = "template.xlsx"
    sheets: Sequence[Sheet] = ()

    def build(self) -> bytes:
        """The template workbook, byte for byte the same on every call."""
        import openpyxl

        book = openpyxl.Workbook()
        book.remove(book.active)
        for sheet in self.sheets:
            _build_sheet(book.create_sheet(sheet.name), sheet)
        book.properties.title = self.document_title()
        book.properties.subject = self.description
        book.properties.creator = "docgen"
        book.properties.language = "zh-CN"
        # A template is a committed source: its own dates are the fixed documented moment
        # whatever the environment says (a rendered workbook is stamped anew).
        return workbook_bytes(book, stamp.FIXED)

    def document_title(self) -> str:
        """The workbook's title property: the first sheet's printed title, whose fields the
        render fills in (issue 9 §6), or the template's title when that sheet has none or
        it is more than plain text and fields."""
        printed = self.sheets[0].title if self.sheets else ""
        plain = "{%" not in printed and "{#" not in printed
        return printed if plain and printed.strip() else self.title


def _build_sheet(ws: Any, spec: Sheet) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    width = len(spec.columns)
    last = get_column_letter(width)
    row = 1

    def banner(text: str, font: Any, height: float) -> None:
        nonlocal row
        ws.cell(row=row, column=1, value=text).font = font
        ws.cell(row=row, column=1).alignment = Alignment(horizontal="center", vertical="center")
        ws.merge_cells(f"A{row}:{last}{row}")
        ws.row_dimensions[row].height = height
        row += 1

    banner(spec.title, Font(name=TITLE_FONT, size=16, bold=True), 30)
    for line in spec.lines:
        ws.cell(row=row, column=1, value=line).font = Font(name=BODY_FONT, size=11)
        ws.cell(row=row, column=1).alignment = Alignment(horizontal="left", vertical="center")
        ws.merge_cells(f"A{row}:{last}{row}")
        row += 1
    header = row
    for index, col in enumerate(spec.columns, 1):
        cell = ws.cell(row=header, column=index, value=col.header)
        cell.font = Font(name=BODY_FONT, size=11, bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.border = box
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(index)].width = _width(col)
    ws.row_dimensions[header].height = 30
    ws.cell(row=header + 1, column=1, value="{%tr for " + spec.each + " %}")
    body = header + 2
    for index, col in enumerate(spec.columns, 1):
        text = col.formula.replace("{r}", str(body)) if col.formula else col.value
        cell = ws.cell(row=body, column=index, value=text or None)
        cell.font = Font(name=BODY_FONT, size=11)
        cell.border = box
        cell.alignment = Alignment(
            horizontal="center" if col.centred else ("right" if col.money else "left"),
            vertical="center",
            wrap_text=col.wrap,
        )
        if col.money:
            cell.number_format = MONEY_FORMAT
        elif col.number_format:
            cell.number_format = col.number_format
    ws.cell(row=body + 1, column=1, value="{%tr endfor %}")
    row = body + 2
    if spec.total_label:
        for index, col in enumerate(spec.columns, 1):
            letter = get_column_letter(index)
            value = col.total.replace("{range}", f"{letter}{body}:{letter}{body}") or None
            cell = ws.cell(row=row, column=index, value=spec.total_label if index == 1 else value)
            cell.font = Font(name=BODY_FONT, size=11, bold=True)
            cell.border = box
            cell.alignment = Alignment(horizontal="center" if index == 1 else "right")
            if col.total:
                cell.number_format = MONEY_FORMAT if col.money else (col.number_format or "0")
        row += 1
    for note in spec.notes:
        note = _RANGE.sub(lambda m: f"{m.group(1)}{body}:{m.group(1)}{body}", note)
        ws.cell(row=row, column=1, value=note).font = Font(name=BODY_FONT, size=10)
        ws.cell(row=row, column=1).alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(f"A{row}:{last}{row}")
        ws.row_dimensions[row].height = 30
        row += 1
    ws.freeze_panes = f"A{header + 1}"
    ws.print_title_rows = f"{header}:{header}"
    ws.auto_filter.ref = f"A{header}:{last}{body}"
    setup = ws.page_setup
    setup.paperSize = ws.PAPERSIZE_A4
    setup.orientation = "landscape" if spec.landscape else "portrait"
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    margins = ws.page_margins
    margins.left = margins.right = 0.6
    margins.top, margins.bottom = 0.8, 0.8
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.oddFooter.center.size = 10


def _width(col: Col) -> float:
    longest = max((text_units(part) for part in col.header.split("\n")), default=0)
    return round(max(col.width, longest + 2, 12.0 if col.money else 6.0), 1)


__all__ = ["MONEY_FORMAT", "Col", "Sheet", "WorkbookSpec"]
