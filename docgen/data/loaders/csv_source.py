"""CSV files: one table, in UTF-8 (with or without BOM) or GB18030/GBK.

The table is recognised by its headers (a problem list, a schedule, a member
roster), or named by the caller's ``kind``. Places are ``file:row:column``,
where the header is row 1.
"""

from __future__ import annotations

from docgen.data.kinds import KINDS, TABLES, detect_table
from docgen.data.loaders.base import RawDocument, unreadable
from docgen.data.loaders.tables import Locate, clean_header, find_header, read_table
from docgen.data.loaders.workbook import csv_rows
from docgen.data.positions import PositionMap
from docgen.exceptions import Location, Problem


def load_csv(text: str, display: str, kind: str | None = None) -> RawDocument:
    """Read CSV ``text`` into a :class:`RawDocument` shaped like a document of its kind.

    Raises ``DataError`` when the table's kind can be neither detected nor taken
    from ``kind``.
    """
    rows, starts = csv_rows(text, display)
    raw = RawDocument({}, PositionMap(display), "csv")
    header = find_header(rows)
    headers = [clean_header(c) for c in rows[header]] if header is not None else []
    place = detect_table(headers)
    if kind is not None:
        place = next(((k, f) for (k, f) in TABLES if k == kind), place)
    if place is None:
        raise unreadable(display, _unknown_table(display, kind))
    found = read_table(raw, place[1], rows, _locator(display, starts))
    records = found[1] if found else []
    raw.data = {"kind": place[0], place[1]: records}
    return raw


def _locator(display: str, starts: list[int]) -> Locate:
    def locate(row: int, col: int) -> Location:
        return Location(file=display, line=starts[row], column=col + 1)

    return locate


def _unknown_table(display: str, kind: str | None) -> Problem:
    names = "、".join(f"{KINDS[k].label_zh}（{k}）" for k, _ in TABLES)
    return Problem(
        "unknown_table",
        f"无法从表头判断这是哪种表格{f'（{kind} 没有表格形式）' if kind else ''}；可用：{names}",
        f"cannot tell from the headers which table this is; known tables: "
        f"{', '.join(k for k, _ in TABLES)}",
        Location(file=display, line=1, column=1),
    )


__all__ = ["load_csv"]
