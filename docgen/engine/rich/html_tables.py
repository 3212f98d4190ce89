"""Lay out an HTML table on Word's grid: ``colspan`` → ``w:gridSpan``, ``rowspan`` → ``w:vMerge``.

HTML says where a cell starts and how far it reaches; Word wants every row to
list its cells left to right, a cell that a ``rowspan`` from above covers
included (as a ``w:vMerge`` continuation). :func:`layout` does that placement
once, the way a browser's table algorithm does, so the writer only serializes.
Rows shorter than the widest one are padded with empty cells: Word draws a
ragged table, but LibreOffice shifts the cells of a short row.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from docgen.exceptions import RenderError

#: Word's limit on the columns of one table.
MAX_COLUMNS = 63
_SECTIONS = ("thead", "tbody", "tfoot")


@dataclass(frozen=True)
class Slot:
    """One cell of a Word row: its first grid column, width in columns, and source.

    ``cell`` is ``None`` for a continuation of a vertical merge (or padding when
    ``merged`` is false); ``restart`` marks the first cell of a vertical merge.
    """

    column: int
    span: int
    cell: etree._Element | None
    restart: bool = False
    merged: bool = False


@dataclass(frozen=True)
class Row:
    """One row: its slots, and whether it is a header row repeated on every page."""

    slots: tuple[Slot, ...]
    header: bool


@dataclass(frozen=True)
class Grid:
    """The laid-out table."""

    columns: int
    rows: tuple[Row, ...]


def table_rows(table: etree._Element) -> list[tuple[etree._Element, bool]]:
    """The ``<tr>`` of ``table`` in reading order, each with whether it is in ``<thead>``."""
    found: list[tuple[etree._Element, bool]] = []
    for child in table:
        tag = str(child.tag).lower()
        if tag == "tr":
            found.append((child, False))
        elif tag in _SECTIONS:
            found.extend((tr, tag == "thead") for tr in child if str(tr.tag).lower() == "tr")
    return found


def layout(rows: list[tuple[etree._Element, bool]]) -> Grid:
    """Place every cell of ``rows``; a table wider than Word allows is an error."""
    covered: dict[int, dict[int, int]] = {}  # row -> {column: span} a rowspan from above fills
    placed: list[list[Slot]] = []
    columns = 0
    for r, (tr, _header) in enumerate(rows):
        slots: list[Slot] = []
        column = 0
        for cell in (c for c in tr if str(c.tag).lower() in ("td", "th")):
            column = _skip_covered(covered.get(r, {}), column, slots)
            span = min(_number(cell.get("colspan"), 1000), max(MAX_COLUMNS - column, 1))
            down = min(_number(cell.get("rowspan"), 1000), len(rows) - r)
            slots.append(Slot(column, span, cell, restart=down > 1))
            for below in range(1, down):
                covered.setdefault(r + below, {})[column] = span
            column += span
        column = _skip_covered(covered.pop(r, {}), column, slots, to_end=True)
        columns = max(columns, column)
        placed.append(slots)
    if columns > MAX_COLUMNS:
        raise RenderError(
            f"HTML 表格有 {columns} 列，超过 Word 允许的 {MAX_COLUMNS} 列：请拆分表格",
            f"the HTML table has {columns} columns, more than the {MAX_COLUMNS} Word allows: "
            "split the table",
        )
    return Grid(
        columns,
        tuple(
            Row(tuple(_padded(slots, columns)), header)
            for slots, (_tr, header) in zip(placed, rows, strict=True)
        ),
    )


def _skip_covered(
    covered: dict[int, int], column: int, slots: list[Slot], *, to_end: bool = False
) -> int:
    """Add the continuation cells at ``column`` (or, ``to_end``, all left in the row)."""
    while covered:
        at = min(covered)
        if at < column:
            covered.pop(at)  # overlapped by a wider cell of this row: HTML drops it too
            continue
        if not to_end and at != column:
            break
        if at > column:
            slots.append(Slot(column, at - column, None))  # a gap left by a short row above
        span = covered.pop(at)
        slots.append(Slot(at, span, None, merged=True))
        column = at + span
    return column


def _padded(slots: list[Slot], columns: int) -> list[Slot]:
    end = slots[-1].column + slots[-1].span if slots else 0
    return [*slots, Slot(end, columns - end, None)] if end < columns else slots


def _number(value: str | None, limit: int) -> int:
    text = (value or "").strip()
    return min(max(int(text), 1), limit) if text.isdigit() else 1
