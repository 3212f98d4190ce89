"""Turning rows of cells (a sheet, a CSV file) into records keyed by header text."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Sequence

from docgen.data.kinds import KINDS, TABLES, accepted_keys, detect_table, field_keys
from docgen.data.loaders.base import RawDocument, TableInfo
from docgen.data.positions import Path
from docgen.exceptions import Location

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
    raw: RawDocument, title: str, rows: Sequence[Sequence[object]], locate: Locate
) -> tuple[str, list[dict[str, object]]] | None:
    """The table key (see :func:`table_key`) and records of ``rows``, recorded in ``raw``.

    The first non-empty row is the header. Positions of each record (its first
    cell) and value (its cell) are recorded under ``(key, index, header)``, and
    the header cell as the key position. Returns ``None`` for a table without rows.
    """
    header_row = next((n for n, row in enumerate(rows) if any(map(cell_value, row))), None)
    if header_row is None:
        return None
    headers = [clean_header(c) for c in rows[header_row]]
    key = table_key(title, headers)
    raw.tables[(key,)] = TableInfo(headers, locate(header_row, 0))
    records: list[dict[str, object]] = []
    header_cells = [locate(header_row, col) for col in range(len(headers))]
    for row_no in range(header_row + 1, len(rows)):
        path = (key, len(records))
        record = _record(raw, path, headers, rows[row_no], row_no, header_cells, locate)
        if record:
            raw.positions.values[path] = locate(row_no, 0)
            records.append(record)
    return key, records


def _record(
    raw: RawDocument,
    path: Path,
    headers: list[str],
    row: Sequence[object],
    row_no: int,
    header_cells: list[Location],
    locate: Locate,
) -> dict[str, object]:
    record: dict[str, object] = {}
    for col, (header, cell) in enumerate(zip(headers, row, strict=False)):
        value = cell_value(cell)
        if value is None or not header or header.lower() in IGNORED_HEADERS:
            continue
        record[header] = value
        raw.positions.values[(*path, header)] = locate(row_no, col)
        raw.positions.keys[(*path, header)] = header_cells[col]
    return record


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
    "read_table",
    "table_key",
]
