"""Reading a workbook's cells with python-calamine, as openpyxl would give them.

calamine (a Rust reader) reads a 5,000-row sheet several times faster than
openpyxl, which must load the whole sheet to know its merged ranges. Its values
are turned into openpyxl's shapes, so everything after the reader sees one kind
of value: an empty cell is ``None`` (calamine: ``""``), a whole number an ``int``
(calamine: ``2026.0``, which as text would read ``2026.0``), a date a midnight
``datetime``. Rows start at A1 (calamine's own rows start at the first used cell,
which would shift every position in a message).

:func:`calamine_sheets` answers ``None`` when openpyxl must read the file instead:
calamine is not installed, cannot open the file, or the file holds formula error
cells, which calamine reads as empty while openpyxl keeps ``#DIV/0!``.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

#: One sheet as read: its title, its rows of values, and its merged ranges as
#: (top row, left column, bottom row + 1), counted from 0.
RawSheet = tuple[str, list[list[object]], list[tuple[int, int, int]]]

#: Whole numbers beyond this are not exact in a float; openpyxl keeps them floats too.
_EXACT = 2**53
_ERROR_CELL = b't="e"'


def calamine_sheets(
    path: Path | IO[bytes], shown: Callable[[str, bool], bool]
) -> tuple[list[RawSheet], list[str]] | None:
    """The sheets ``shown(title, visible)`` accepts, and the titles of the others.

    ``None`` when openpyxl should read the file (see the module's note).
    """
    try:
        import python_calamine as calamine
    except ImportError:
        return None
    if _has_error_cells(path):
        return None
    try:
        book = (
            calamine.CalamineWorkbook.from_path(str(path))
            if isinstance(path, Path)
            else calamine.CalamineWorkbook.from_filelike(path)
        )
    except (calamine.CalamineError, OSError, ValueError):
        return None  # openpyxl reads it, or says what is wrong with it
    sheets: list[RawSheet] = []
    skipped: list[str] = []
    try:
        for meta in book.sheets_metadata:
            if meta.typ != calamine.SheetTypeEnum.WorkSheet:
                continue  # chart sheets hold no cells (openpyxl's worksheets leave them out)
            if not shown(meta.name, meta.visible == calamine.SheetVisibleEnum.Visible):
                skipped.append(meta.name)
                continue
            sheet = book.get_sheet_by_name(meta.name)
            rows = [[_value(v) for v in row] for row in sheet.to_python(skip_empty_area=False)]
            merged = [(top, left, bottom + 1) for (top, left), (bottom, _r) in _merged(sheet)]
            sheets.append((meta.name, rows, merged))
    except (calamine.CalamineError, ValueError):
        return None  # a sheet calamine cannot parse: openpyxl's turn
    finally:
        book.close()
    return sheets, skipped


def _value(value: Any) -> object:
    if value == "" and isinstance(value, str):
        return None
    if type(value) is float and value.is_integer() and abs(value) < _EXACT:
        return int(value)
    if type(value) is dt.date:
        return dt.datetime.combine(value, dt.time())
    return value


def _merged(sheet: Any) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    ranges = sheet.merged_cell_ranges
    return list(ranges) if ranges else []


def _has_error_cells(path: Path | IO[bytes]) -> bool:
    """Whether any worksheet holds a cell of type error (``t="e"``: #DIV/0!, #REF!…)."""
    try:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                sheet = name.startswith("xl/worksheets/") and name.endswith(".xml")
                if sheet and _ERROR_CELL in archive.read(name):
                    return True
    except (zipfile.BadZipFile, OSError, KeyError):
        return False  # calamine or openpyxl will say what is wrong with it
    finally:
        if not isinstance(path, Path):
            path.seek(0)
    return False


__all__ = ["RawSheet", "calamine_sheets"]
