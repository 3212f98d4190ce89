"""Excel workbooks: one sheet per table, plus an optional key/value sheet.

A sheet named after a table field (``问题清单``/``problems``, ``月度安排``/``schedule``,
``党员``/``members``…) — or any sheet whose headers match one — becomes that list.
A sheet named ``基本信息``/``info`` holds single fields as rows ``字段 | 值``, where a
field may be dotted (``落款.日期``). Hidden sheets and sheets whose name starts with
``_`` (drop-down lists) are skipped. Places are reported as ``file[sheet]!C7``.
"""

from __future__ import annotations

import warnings
import zipfile
from collections.abc import Sequence
from pathlib import Path

from docgen.data.loaders.base import RawDocument, unreadable
from docgen.data.loaders.guard import DEFAULT_LIMITS, Limits, check_zip
from docgen.data.loaders.tables import INFO_SHEETS, Locate, cell_value, column_letter, read_table
from docgen.data.positions import PositionMap
from docgen.exceptions import Location, Problem

_INFO_HEADERS = frozenset({"字段", "项目", "field", "key", "名称"})


def load_xlsx(path: Path, display: str, limits: Limits = DEFAULT_LIMITS) -> RawDocument:
    """Read the workbook at ``path`` into a :class:`RawDocument`.

    The archive directory is checked against ``limits`` before openpyxl opens it
    (``InputTooLargeError``); a file that is not a workbook raises ``DataError``.
    """
    import openpyxl  # deferred: only workbook users pay for importing it

    check_zip(path, display, limits)
    try:
        with warnings.catch_warnings():
            # openpyxl warns about workbook features it drops (extensions, styles);
            # none of them matter for reading values.
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as err:
        raise unreadable(display, _not_a_workbook(display, err)) from None
    raw = RawDocument({}, PositionMap(display), "xlsx")
    try:
        for sheet in book.worksheets:
            if sheet.sheet_state != "visible" or sheet.title.startswith("_"):
                continue
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                rows = [tuple(r) for r in sheet.iter_rows(values_only=True)]
            _read_sheet(raw, sheet.title, rows, _locator(display, sheet.title))
    finally:
        book.close()
    return raw


def _locator(display: str, title: str) -> Locate:
    def locate(row: int, col: int) -> Location:
        return Location(file=display, sheet=title, cell=f"{column_letter(col)}{row + 1}")

    return locate


def _read_sheet(
    raw: RawDocument, title: str, rows: Sequence[Sequence[object]], locate: Locate
) -> None:
    assert isinstance(raw.data, dict)  # noqa: S101 -- built as a dict just above
    if title.strip().lower() in INFO_SHEETS:
        _read_info(raw, rows, locate)
        return
    found = read_table(raw, title, rows, locate)
    if found is not None:
        key, records = found
        raw.data[key] = records
        raw.positions.keys[(key,)] = locate(0, 0)


def _read_info(raw: RawDocument, rows: Sequence[Sequence[object]], locate: Locate) -> None:
    data = raw.data
    assert isinstance(data, dict)  # noqa: S101 -- built as a dict by load_xlsx
    for row_no, row in enumerate(rows):
        cells = [*row, None, None]
        key, value = cell_value(cells[0]), cell_value(cells[1])
        if key is None or (row_no == 0 and str(key).strip().lower() in _INFO_HEADERS):
            continue
        parts = tuple(p.strip() for p in str(key).split(".") if p.strip())
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


def _not_a_workbook(display: str, err: Exception) -> Problem:
    return Problem(
        "not_a_workbook",
        f"不是有效的 Excel 工作簿（.xlsx）：{err}",
        f"not a valid Excel workbook (.xlsx): {err}",
        Location(file=display),
    )


__all__ = ["load_xlsx"]
