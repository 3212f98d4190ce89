"""Reading a roster: one bundle run per row of an Excel sheet or a CSV file.

The first non-empty row holds the column headers; each later non-empty row is
one run, its cells keyed by header. Rows keep their number as the spreadsheet
shows it (the header is usually row 1), so failures point at the right line.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docgen.bundle.rows import RowSource
from docgen.data.loaders.guard import check_file_size
from docgen.data.loaders.tables import cell_value, clean_header
from docgen.data.loaders.text import decode_text
from docgen.data.loaders.workbook import csv_rows, read_sheets
from docgen.exceptions import DataError, Location, Problem
from docgen.i18n import tr


def get_column_letter(index: int) -> str:
    """``1`` → ``A``, ``27`` → ``AA`` (openpyxl's, without importing openpyxl for CSV)."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True)
class RosterRow:
    """One data row: its spreadsheet row ``number`` and its ``values`` by column header."""

    number: int
    values: dict[str, Any]


@dataclass(frozen=True)
class Roster:
    """A roster file read into rows."""

    path: Path
    sheet: str | None
    columns: tuple[str, ...]
    rows: tuple[RosterRow, ...]
    #: Each column's 0-based position in a workbook (cell names like ``C5``); empty for CSV.
    positions: dict[str, int] = field(default_factory=dict)

    def source(self, row: RosterRow) -> RowSource:
        """Where ``row`` is: file, sheet, cell names, and the folder its paths start from."""
        cells = {c: f"{get_column_letter(i + 1)}{row.number}" for c, i in self.positions.items()}
        return RowSource(
            row.number, self.path.name, self.sheet, self.columns, cells, self.path.parent.resolve()
        )

    def describe_row(self, number: int) -> str:
        """``roster.xlsx[Sheet1] 第 5 行`` in the current language."""
        where = f"{self.path.name}[{self.sheet}]" if self.sheet else self.path.name
        return tr(f"{where} 第 {number} 行", f"{where} row {number}")


def read_roster(path: str | Path, sheet: str | None = None) -> Roster:
    """Read the roster at ``path`` (``.xlsx``/``.xlsm`` or ``.csv``); ``sheet`` picks a sheet
    (default: the first visible one).

    Raises :class:`DataError` naming the file (and sheet) when it is missing,
    unreadable, in another format, or has no header row or duplicate headers.
    """
    file = Path(path)
    try:
        check_file_size(file, str(file))
    except OSError as err:
        raise _error(
            file,
            "file_not_found",
            f"找不到花名册文件：{err.strerror}",
            f"cannot read the roster: {err.strerror}",
        ) from err
    suffix = file.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        title, rows = _xlsx_rows(file, sheet)
        return _build(file, title, rows)
    if suffix == ".csv":
        return _build(file, None, _csv_rows(file))
    raise _error(
        file,
        "unknown_format",
        f"花名册只能是 .xlsx 或 .csv 文件，而不是 {suffix or '无后缀文件'}",
        f"a roster must be an .xlsx or .csv file, not {suffix or 'a file without suffix'}",
    )


def _xlsx_rows(file: Path, sheet: str | None) -> tuple[str, list[tuple[int, Sequence[Any]]]]:
    # The data loaders' reader: the same sheet rule, and merged cells filled down
    # (a 党总支 merged over its branches belongs to each of their rows).
    sheets, _skipped = read_sheets(file, str(file), wanted=sheet)
    if sheet is not None:
        chosen = next((s for s in sheets if s.title == sheet), None)
        if chosen is None:
            names = "、".join(s.title for s in sheets)
            raise _error(
                file,
                "unknown_sheet",
                f"工作簿中没有工作表“{sheet}”（有：{names}）",
                f"the workbook has no sheet {sheet!r} (it has: {names})",
            )
    elif sheets:
        chosen = sheets[0]  # read_sheets leaves hidden sheets out unless one is named
    else:
        raise _error(
            file,
            "no_visible_sheet",
            "工作簿中没有可见的工作表（请取消隐藏要用的工作表，或用 --sheet 指定）",
            "the workbook has no visible sheet (unhide the one to use, or name it with --sheet)",
        )
    return chosen.title, list(enumerate(chosen.rows, 1))


def _csv_rows(file: Path) -> list[tuple[int, Sequence[Any]]]:
    text = decode_text(file.read_bytes(), str(file), allow_gb=True)
    # The data loaders' reader: a quote never closed is refused at its line instead
    # of swallowing the rest of the roster into one cell.
    rows, starts = csv_rows(text, str(file))
    return list(zip(starts, rows, strict=True))


def _build(file: Path, sheet: str | None, rows: Iterable[tuple[int, Sequence[Any]]]) -> Roster:
    filled = [(n, [cell_value(c) for c in r]) for n, r in rows if any(cell_value(c) for c in r)]
    if not filled:
        raise _error(
            file,
            "empty_roster",
            "花名册是空的（没有表头行）",
            "the roster is empty (no header row)",
            sheet,
        )
    header_row, header = filled[0]
    columns = [clean_header(c) for c in header]
    _check_headers(file, sheet, header_row, columns)
    out: list[RosterRow] = []
    for number, cells in filled[1:]:
        values = {c: _plain(v) for c, v in zip(columns, cells, strict=False) if c}
        out.append(RosterRow(number, values))
    positions = {c: i for i, c in enumerate(columns) if c} if sheet is not None else {}
    return Roster(file, sheet, tuple(c for c in columns if c), tuple(out), positions)


def _check_headers(file: Path, sheet: str | None, row: int, columns: list[str]) -> None:
    seen: set[str] = set()
    for column in columns:
        if column and column in seen:
            raise _error(
                file,
                "duplicate_column",
                f"第 {row} 行表头中列名“{column}”重复",
                f"column {column!r} appears twice in the header (row {row})",
                sheet,
            )
        seen.add(column)


def _plain(value: Any) -> Any:
    """Cell values as a person would read them: 3.0 → 3, trimmed text."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        return value.strip()
    return value


def _error(file: Path, code: str, zh: str, en: str, sheet: str | None = None) -> DataError:
    where = Location(file=str(file), sheet=sheet)
    return DataError(
        f"花名册有误：{file}", f"invalid roster: {file}", [Problem(code, zh, en, where)]
    )


__all__ = ["Roster", "RosterRow", "read_roster"]
