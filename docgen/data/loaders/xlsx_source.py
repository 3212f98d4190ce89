"""Excel workbooks: one sheet per table, plus an optional key/value sheet.

A sheet named after a table field (``问题清单``/``problems``, ``月度安排``/``schedule``,
``党员``/``members``…) — or any sheet whose headers match one — becomes that list.
A sheet named ``基本信息``/``info`` holds single fields as rows ``字段 | 值``, where a
field may be dotted (``落款.日期``). Sheets are read as :mod:`.workbook` says:
visible sheets only (a hidden one is named in a warning), ``_`` sheets (drop-down
lists) skipped, merged ranges filled down. Places are reported as ``file[sheet]!C7``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import IO

from docgen.data.loaders.base import RawDocument
from docgen.data.loaders.guard import DEFAULT_LIMITS, Limits
from docgen.data.loaders.sheet_tree import place_sheets
from docgen.data.loaders.tables import INFO_SHEETS, Locate, cell_value, clean_header, column_letter
from docgen.data.loaders.workbook import read_sheets
from docgen.data.positions import PositionMap
from docgen.exceptions import Location, Problem

_INFO_HEADERS = frozenset({"字段", "项目", "field", "key", "名称"})


def load_xlsx(path: Path | IO[bytes], display: str, limits: Limits = DEFAULT_LIMITS) -> RawDocument:
    """Read the workbook at ``path`` (a file, or bytes in memory) into a :class:`RawDocument`.

    The archive directory is checked against ``limits`` before openpyxl opens it
    (``InputTooLargeError``); a file that is not a workbook raises ``DataError``.
    Hidden sheets are not read; each is named in a warning.
    """
    sheets, skipped = read_sheets(path, display, limits)
    raw = RawDocument({}, PositionMap(display), "xlsx")
    tables = []
    for sheet in sheets:
        locate = _locator(display, sheet.title)
        if sheet.title.strip().lower() in INFO_SHEETS:
            _read_info(raw, sheet.rows, locate)
        else:
            tables.append((sheet.title, sheet.rows, locate))
    place_sheets(raw, tables)
    raw.problems += [_hidden(display, title) for title in skipped if not title.startswith("_")]
    return raw


def _locator(display: str, title: str) -> Locate:
    def locate(row: int, col: int) -> Location:
        return Location(file=display, sheet=title, cell=f"{column_letter(col)}{row + 1}")

    return locate


def _read_info(raw: RawDocument, rows: Sequence[Sequence[object]], locate: Locate) -> None:
    data = raw.data
    assert isinstance(data, dict)  # noqa: S101 -- built as a dict by load_xlsx
    for row_no, row in enumerate(rows):
        cells = [*row, None, None]
        key, value = cell_value(cells[0]), cell_value(cells[1])
        if key is None or (row_no == 0 and str(key).strip().lower() in _INFO_HEADERS):
            continue
        parts = tuple(p.strip() for p in clean_header(key).split(".") if p.strip())
        if value is None or not parts:
            continue
        target = data
        for part in parts[:-1]:
            child = target.setdefault(part, {})
            if not isinstance(child, dict):
                break
            target = child
        else:
            target[parts[-1]] = value
            raw.positions.values[parts] = locate(row_no, 1)
            raw.positions.keys[parts] = locate(row_no, 0)


def _hidden(display: str, title: str) -> Problem:
    return Problem(
        "hidden_sheet",
        f"工作表“{title}”是隐藏的，未读取；如需读取，请在 Excel 中取消隐藏",
        f"sheet {title!r} is hidden and was not read; unhide it in Excel to use it",
        Location(file=display, sheet=title),
        severity="warning",
    )


__all__ = ["load_xlsx"]
