"""Turning rows of cells (a sheet, a CSV file) into records keyed by header text."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Sequence

from docgen.data.kinds import KINDS, TABLES, accepted_keys, detect_table, field_keys
from docgen.data.loaders.base import RawDocument, TableInfo
from docgen.data.positions import Path
from docgen.data.shapes import known_keys
from docgen.exceptions import Location, Problem

#: Headers of running numbers; the numbering is derived, so such columns are skipped.
IGNORED_HEADERS = frozenset({"序号", "no", "no.", "#", "seq"})
#: Sheet names of a key/value sheet holding the document's single fields.
INFO_SHEETS = frozenset({"基本信息", "信息", "info", "文档信息", "document"})
_NOTE = re.compile(r"\s*[（(][^）)]*[）)]\s*$")

#: Where a cell is, from its 0-based row and column numbers.
Locate = Callable[[int, int], Location]


def clean_header(value: object) -> str:
    """A header cell as a key: trimmed, without a required-mark ``*`` or a ``（说明）``."""
    text = "" if value is None else str(value).strip()
    text = text.strip("*＊ ").strip()
    return _NOTE.sub("", text) or text


def cell_value(value: object) -> object | None:
    """A cell's value, or ``None`` for an empty cell (blank text counts as empty)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date()
    return value


def table_key(title: str, headers: Sequence[str]) -> str:
    """The key a sheet fills: the canonical name of a known table (``问题清单`` →
    ``problems``), the sheet name when some kind accepts it, else found by headers."""
    name = title.strip()
    for (kind, field_name), _model in TABLES.items():
        field = KINDS[kind].model.model_fields[field_name]
        if name in field_keys(field_name, field.validation_alias):
            return field_name
    if name in _top_level_keys():
        return name
    found = detect_table(headers)
    return found[1] if found else name


@functools.cache
def _top_level_keys() -> frozenset[str]:
    """Every key some kind accepts at its top level (a sheet may be named by any)."""
    return frozenset(k for info in KINDS.values() for k in accepted_keys(info.model))


def read_table(
    raw: RawDocument,
    title: str,
    rows: Sequence[Sequence[object]],
    locate: Locate,
    key: str | None = None,
) -> tuple[str, list[dict[str, object]]] | None:
    """The table key (``key``, else see :func:`table_key`) and records of ``rows``,
    recorded in ``raw``.

    The header is found by :func:`find_header` (title rows above it are skipped).
    Positions of each record (its first cell) and value (its cell) are recorded
    under ``(key, index, header)``, and the header cell as the key position.
    A value in a column without a header is an error at its cell, never dropped
    silently. Returns ``None`` for a table without rows.
    """
    header_row = find_header(rows)
    if header_row is None:
        return None
    headers = [clean_header(c) for c in rows[header_row]]
    key = key if key is not None else table_key(title, headers)
    table = TableInfo(headers, locate(header_row, 0))
    raw.tables[(key,)] = table
    records: list[dict[str, object]] = []
    header_cells = [locate(header_row, col) for col in range(len(headers))]
    for row_no in range(header_row + 1, len(rows)):
        path = (key, len(records))
        blanks: dict[tuple[int, str], Location] = {}
        record = _record(raw, path, headers, rows[row_no], (row_no, header_cells, blanks), locate)
        if record:
            table.blanks.update(blanks)
            raw.positions.values[path] = locate(row_no, 0)
            records.append(record)
    return key, records


def _record(
    raw: RawDocument,
    path: Path,
    headers: list[str],
    row: Sequence[object],
    where: tuple[int, list[Location], dict[tuple[int, str], Location]],
    locate: Locate,
) -> dict[str, object]:
    row_no, header_cells, blanks = where
    record: dict[str, object] = {}
    cells = [*row, *[None] * (len(headers) - len(row))]
    names = [*headers, *[""] * (len(cells) - len(headers))]
    for col, (header, cell) in enumerate(zip(names, cells, strict=True)):
        value = cell_value(cell)
        if not header:
            if value is not None:
                raw.problems.append(_headless(locate(row_no, col), value))
            continue
        if header.lower() in IGNORED_HEADERS:
            continue
        if isinstance(value, str) and "\r" in value:
            # A line break inside a cell (Alt+Enter; CR LF from some exports) is "\n".
            value = value.replace("\r\n", "\n").replace("\r", "\n")
        if value is None:
            blanks[(int(path[-1]), header)] = locate(row_no, col)
            continue
        record[header] = value
        raw.positions.values[(*path, header)] = locate(row_no, col)
        raw.positions.keys[(*path, header)] = header_cells[col]
    return record


def _headless(where: Location, value: object) -> Problem:
    shown = str(value)[:20]
    return Problem(
        "headless_value",
        f"这一格有内容“{shown}”，但所在列没有表头，不知道是哪个字段；请补上表头，或删去这一格",
        f"this cell holds {shown!r} but its column has no header; add a header or clear it",
        where,
    )


#: How many rows above the header a sheet may hold (titles, notes, a blank line).
_HEADER_SEARCH = 10


def find_header(rows: Sequence[Sequence[object]]) -> int | None:
    """The index of the header row: among the first non-empty rows, the one with the
    most cells naming a known field (at least two); else the first non-empty row.

    A sheet as people fill it often starts with a title row (``2026年整改问题清单``)
    or a note; those name no field, so they are passed over.
    """
    filled = [n for n, row in enumerate(rows) if any(map(cell_value, row))][:_HEADER_SEARCH]
    if not filled:
        return None
    keys = known_keys()
    best, best_score = filled[0], 1
    for index in filled:
        score = sum(1 for c in rows[index] if isinstance(c, str) and clean_header(c) in keys)
        if score > best_score:
            best, best_score = index, score
    return best


def column_letter(index: int) -> str:
    """``0`` → ``A``, ``27`` → ``AB``."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


__all__ = [
    "IGNORED_HEADERS",
    "INFO_SHEETS",
    "cell_value",
    "clean_header",
    "column_letter",
    "find_header",
    "read_table",
    "table_key",
]
