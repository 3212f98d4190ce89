"""Rows of cells from a workbook or a CSV file, read the one way every door reads them.

One rule for workbooks, for data files and rosters alike: only *visible* sheets
are read, and sheets whose name starts with ``_`` (drop-down lists) are skipped.
A merged range is filled *down* from its first cell, so a 问题类别 merged over
five problems belongs to all five; the other columns of a merged range stay
empty, so no value is copied into a field it was not written in.

CSV text with a quote that is never closed is refused, naming the line where the
quote opened: Python's reader would otherwise swallow the rest of the file into
one cell.
"""

from __future__ import annotations

import csv
import io
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from docgen.data.loaders.base import syntax_problem, unreadable
from docgen.data.loaders.calamine import calamine_sheets
from docgen.data.loaders.guard import DEFAULT_LIMITS, Limits, check_zip
from docgen.exceptions import Location, Problem


@dataclass
class SheetRows:
    """One sheet's ``title`` and its rows of values (merged ranges filled down)."""

    title: str
    rows: list[tuple[object, ...]]


def read_sheets(
    path: Path | IO[bytes],
    display: str,
    limits: Limits = DEFAULT_LIMITS,
    *,
    wanted: str | None = None,
) -> tuple[list[SheetRows], list[str]]:
    """The visible sheets of the workbook at ``path`` (or in memory), and those skipped.

    A sheet ``wanted`` by name (a roster's ``--sheet``) is read even when hidden:
    the user said which sheet is meant. python-calamine reads the workbook when it
    is installed (about 6x faster than openpyxl, merged ranges included); openpyxl
    reads it otherwise, and whenever calamine would lose something: a cell holding a
    formula error (calamine reads ``#DIV/0!`` as empty) or a file calamine cannot open
    (openpyxl's message names what is wrong). Both give the same values.

    Raises ``InputTooLargeError`` for an archive beyond ``limits`` and ``DataError``
    for a file that is not a workbook.
    """
    check_zip(path, display, limits)
    fast = calamine_sheets(path, lambda title, visible: _shown(title, visible, wanted))
    if fast is None:
        return _openpyxl_sheets(path, display, wanted)
    found, skipped = fast
    return [SheetRows(title, filled_down(rows, merged)) for title, rows, merged in found], skipped


def _shown(title: str, visible: bool, wanted: str | None) -> bool:
    return (visible and not title.startswith("_")) or title == wanted


def _openpyxl_sheets(
    path: Path | IO[bytes], display: str, wanted: str | None
) -> tuple[list[SheetRows], list[str]]:
    import openpyxl  # deferred: only workbook users pay for importing it

    if not isinstance(path, Path):
        path.seek(0)  # calamine may have read it first
    try:
        with warnings.catch_warnings():
            # openpyxl warns about workbook features it drops (extensions, styles);
            # none of them matter for reading values.
            warnings.simplefilter("ignore")
            # Not read-only: merged ranges are only known to a fully loaded sheet.
            book = openpyxl.load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as err:
        raise unreadable(display, not_a_workbook(display, err)) from None
    sheets: list[SheetRows] = []
    skipped: list[str] = []
    try:
        for sheet in book.worksheets:
            if not _shown(sheet.title, sheet.sheet_state == "visible", wanted):
                skipped.append(sheet.title)
                continue
            merged = [(m.min_row - 1, m.min_col - 1, m.max_row) for m in sheet.merged_cells.ranges]
            rows = [list(r) for r in sheet.iter_rows(values_only=True)]
            sheets.append(SheetRows(sheet.title, filled_down(rows, merged)))
    finally:
        book.close()
    return sheets, skipped


def filled_down(
    rows: list[list[object]], merged: list[tuple[int, int, int]]
) -> list[tuple[object, ...]]:
    """``rows`` with each merged range's first value copied down its first column.

    ``merged`` holds each range as (top row, left column, bottom row + 1), counted
    from 0. Rows a range covers past the last one read are added, as openpyxl has them.
    """
    bottom = max((end for _top, _left, end in merged), default=0)
    width = len(rows[0]) if rows else 0
    rows.extend([None] * width for _ in range(bottom - len(rows)))
    for top, left, end in merged:
        if top >= len(rows) or left >= len(rows[top]):
            continue
        first = rows[top][left]
        for row in range(top + 1, min(end, len(rows))):
            cells = rows[row]
            cells.extend([None] * (left + 1 - len(cells)))
            if cells[left] is None:
                cells[left] = first
    return [tuple(r) for r in rows]


def csv_rows(text: str, display: str) -> tuple[list[list[str]], list[int]]:
    """The rows of CSV ``text`` and the physical line each row starts on.

    Raises ``DataError`` naming the line of a quote that is never closed, or of a
    stray quote inside a quoted cell.
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[list[str]] = []
    starts: list[int] = []
    line = 1
    try:
        for row in reader:
            rows.append(row)
            starts.append(line)
            line = reader.line_num + 1
    except csv.Error as err:
        raise syntax_problem(
            display,
            line,
            None,
            '从这一行开始的引号“"”没有结束（或引号里又有单个引号），后面的内容会被并进一格；'
            '请补上结尾的引号，格内的引号写成两个（""）',
            f"a quote opened on this line is never closed, or a quoted cell holds a lone "
            f'quote ({err}); close the quote, and double quotes inside a cell ("")',
        ) from None
    return rows, starts


def not_a_workbook(display: str, err: Exception) -> Problem:
    """The problem for a file that openpyxl cannot open."""
    return Problem(
        "not_a_workbook",
        f"不是有效的 Excel 工作簿（.xlsx）：{err}",
        f"not a valid Excel workbook (.xlsx): {err}",
        Location(file=display),
    )


__all__ = ["SheetRows", "csv_rows", "not_a_workbook", "read_sheets"]
