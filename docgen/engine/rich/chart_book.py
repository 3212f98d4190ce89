"""The workbook embedded in a chart: the table of numbers Word's 编辑数据 opens.

Laid out where python-pptx's chart references point (its ``CategoryWorkbookWriter``
layout): categories in column A from row 2, each series' name in row 1 and its
values below it, one column per series, on ``Sheet1``. The package is the
smallest one Excel, WPS and openpyxl read (workbook, one sheet with inline
strings, a minimal style sheet), written here rather than by XlsxWriter because
XlsxWriter spends 14 ms on a workbook of nine numbers and stamps it with the
time of day; this one takes well under a millisecond and is the same bytes for
the same numbers.
"""

from __future__ import annotations

import io
import zipfile

from markupsafe import escape

from docgen.engine.rich.chart_data import ChartTable

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml."
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_FIXED: dict[str, str] = {
    "[Content_Types].xml": (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_CT}worksheet+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{_CT}styles+xml"/></Types>'
    ),
    "_rels/.rels": (
        f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" '
        f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
        '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        f'<Relationships xmlns="{_PKG}">'
        f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/></Relationships>'
    ),
    "xl/styles.xml": (
        f'<styleSheet xmlns="{_MAIN}"><fonts count="1"><font><sz val="11"/><name val="宋体"/>'
        '</font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border>'
        "<left/><right/><top/><bottom/><diagonal/></border></borders>"
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        '</cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" '
        'borderId="0" xfId="0"/></cellXfs><cellStyles count="1">'
        '<cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
    ),
}
#: Zip members carry this date (the zip format's earliest): no time of day in the bytes.
_DATE = (1980, 1, 1, 0, 0, 0)


def workbook(table: ChartTable) -> bytes:
    """The .xlsx bytes holding ``table`` in python-pptx's category-chart layout."""
    parts = {**_FIXED, "xl/worksheets/sheet1.xml": _sheet(table)}
    out = io.BytesIO()
    # Stored, not deflated: a few kilobytes, and deflating six members costs more than the rest.
    with zipfile.ZipFile(out, "w") as archive:
        for name, xml in parts.items():
            archive.writestr(zipfile.ZipInfo(name, _DATE), _HEAD + xml)
    return out.getvalue()


def _sheet(table: ChartTable) -> str:
    names = [name for name, _values in table.series]
    rows = [_row(1, [None, *names])]
    for n, category in enumerate(table.categories):
        values = [row[n] for _name, row in table.series]
        rows.append(_row(n + 2, [category, *values]))
    return f'<worksheet xmlns="{_MAIN}"><sheetData>{"".join(rows)}</sheetData></worksheet>'


def _row(number: int, cells: list[str | float | None]) -> str:
    body = "".join(
        _cell(f"{column_name(col)}{number}", value)
        for col, value in enumerate(cells)
        if value is not None
    )
    return f'<row r="{number}">{body}</row>'


def _cell(ref: str, value: str | float) -> str:
    if isinstance(value, str):
        text = f'<is><t xml:space="preserve">{escape(value)}</t></is>'
        return f'<c r="{ref}" t="inlineStr">{text}</c>'
    return f'<c r="{ref}"><v>{value:.15g}</v></c>'


def column_name(index: int) -> str:
    """Column letters of a 0-based ``index``: 0 → A, 25 → Z, 26 → AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name
