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

import functools

from docgen.engine import zipout
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


def workbook(table: ChartTable) -> bytes:
    """The .xlsx bytes holding ``table`` in python-pptx's category-chart layout."""
    entries, blocks = _fixed()
    sheet = zipout.packed_entry("xl/worksheets/sheet1.xml", (_HEAD + _sheet(table)).encode(), 1)
    return zipout.write_zip([*entries, sheet], blocks)


@functools.cache
def _fixed() -> tuple[list[zipout.Entry], dict[int, bytes]]:
    """The members every workbook has, deflated and packed once with their local headers.

    The workbook is deflated inside, so the .docx stores it as it is (a picture is stored
    likewise): only the sheet is compressed per chart, not the whole package again.
    """
    entries = [zipout.deflated_entry(name, (_HEAD + xml).encode()) for name, xml in _FIXED.items()]
    return entries, {n: entry.local_block() for n, entry in enumerate(entries)}


def _sheet(table: ChartTable) -> str:
    columns = _columns(len(table.series) + 1)
    cells = ['<row r="1">']
    for col, (name, _values) in enumerate(table.series, start=1):
        cells.append(_text_cell(f"{columns[col]}1", name))
    cells.append("</row>")
    for n, category in enumerate(table.categories):
        row = n + 2
        cells.append(f'<row r="{row}">{_text_cell(f"A{row}", category)}')
        for col, (_name, values) in enumerate(table.series, start=1):
            value = values[n]
            if value is not None:
                cells.append(f'<c r="{columns[col]}{row}"><v>{value:.15g}</v></c>')
        cells.append("</row>")
    return f'<worksheet xmlns="{_MAIN}"><sheetData>{"".join(cells)}</sheetData></worksheet>'


def _text_cell(ref: str, text: str) -> str:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escaped}</t></is></c>'


@functools.lru_cache(maxsize=8)
def _columns(count: int) -> tuple[str, ...]:
    return tuple(column_name(i) for i in range(count))


def column_name(index: int) -> str:
    """Column letters of a 0-based ``index``: 0 → A, 25 → Z, 26 → AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name
