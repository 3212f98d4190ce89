"""Placing the list sheets of a workbook into one nested document.

A sheet named ``问题清单`` is a list at the top; ``出席情况.缺席`` is a list inside
the part ``出席情况``; a sheet with a ``上级序号`` column holds a list inside the
records of another sheet (``会议内容.发言``: each speech names the ``序号`` — the
position — of its agenda item in ``会议内容``). Dotted column headers
(``主讲人.姓名``) are parts of a record. Every value keeps its cell as position.
"""

from __future__ import annotations

from collections.abc import Sequence

from docgen.data.loaders.base import RawDocument, TableInfo
from docgen.data.loaders.tables import Locate, read_table
from docgen.data.positions import Path, PositionMap
from docgen.exceptions import Location, Problem

#: The column of a child sheet naming its parent record (by its position, 1-based).
PARENT_HEADER = "上级序号"
#: The running number of a list sheet (ignored on reading; children refer to it).
SEQ_HEADER = "序号"

_Placed = list[tuple[dict[str, object], Path]]


def place_sheets(
    raw: RawDocument, sheets: Sequence[tuple[str, Sequence[Sequence[object]], Locate]]
) -> None:
    """Read each list sheet and put its records where its name says (see the module)."""
    placed: dict[str, _Placed] = {}
    for title, rows, locate in sorted(sheets, key=lambda s: s[0].count(".")):
        parts = tuple(p.strip() for p in title.split(".") if p.strip())
        if not parts:
            continue
        scratch = RawDocument({}, PositionMap(raw.positions.file), raw.fmt)
        found = read_table(scratch, title, rows, locate, parts[-1] if len(parts) > 1 else None)
        raw.problems += scratch.problems
        if found is None:
            continue
        key, records = found
        table = scratch.tables[(key,)]
        for record in records:
            _unflatten(record)
        moves = _Moves(scratch.positions, key, raw.positions)
        if PARENT_HEADER in table.headers:
            placed[title] = _place_children(raw, parts, moves, records, placed, table)
        else:
            base = parts if len(parts) > 1 else (key,)
            placed[title] = _place_top(raw, base, moves, records, table)


class _Moves:
    """The positions of one sheet's records, moved record by record to their places."""

    def __init__(self, src: PositionMap, key: str, dst: PositionMap) -> None:
        self.dst = dst
        self.groups: dict[int, list[tuple[str, Path, Location]]] = {}
        for table in ("values", "keys"):
            for path, where in getattr(src, table).items():
                if len(path) >= 2 and path[0] == key and isinstance(path[1], int):
                    self.groups.setdefault(path[1], []).append((table, path[2:], where))

    def cell(self, index: int, header: str) -> Location | None:
        """Where the value of column ``header`` of record ``index`` was."""
        return next(
            (w for t, rest, w in self.groups.get(index, ()) if t == "values" and rest == (header,)),
            None,
        )

    def move(self, index: int, new: Path) -> None:
        for table, rest, where in self.groups.get(index, ()):
            head = tuple(p.strip() for p in str(rest[0]).split(".") if p.strip()) if rest else ()
            getattr(self.dst, table)[(*new, *head, *rest[1:])] = where


def _place_top(
    raw: RawDocument,
    base: Path,
    moves: _Moves,
    records: list[dict[str, object]],
    table: TableInfo,
) -> _Placed:
    target = raw.data
    assert isinstance(target, dict)  # noqa: S101 -- a workbook's document is a mapping
    for part in base[:-1]:
        child = target.setdefault(part, {})
        if not isinstance(child, dict):
            return []
        target = child
    target[base[-1]] = records
    for index in range(len(records)):
        moves.move(index, (*base, index))
    raw.tables[base] = table
    raw.positions.keys[base] = table.header_location
    raw.positions.values[base] = table.header_location
    return [(r, (*base, i)) for i, r in enumerate(records)]


def _place_children(
    raw: RawDocument,
    parts: Path,
    moves: _Moves,
    records: list[dict[str, object]],
    placed: dict[str, _Placed],
    table: TableInfo,
) -> _Placed:
    cut = next((n for n in range(len(parts) - 1, 0, -1) if _join(parts[:n]) in placed), None)
    if cut is None:
        raw.problems.append(_no_parent(parts, table.header_location))
        return []
    parents, middle, last = placed[_join(parts[:cut])], parts[cut:-1], str(parts[-1])
    out: _Placed = []
    for index, record in enumerate(records):
        number = record.pop(PARENT_HEADER, None)
        where = moves.cell(index, PARENT_HEADER) or table.header_location
        position = _position(number, len(parents))
        if position is None:
            raw.problems.append(_bad_parent(number, _join(parts[:cut]), len(parents), where))
            continue
        parent, parent_path = parents[position - 1]
        target: dict[str, object] = parent
        for part in middle:
            inner = target.setdefault(str(part), {})
            if not isinstance(inner, dict):
                break
            target = inner
        siblings = target.setdefault(last, [])
        assert isinstance(siblings, list)  # noqa: S101 -- created as a list just above
        path = (*parent_path, *middle, last, len(siblings))
        siblings.append(record)
        moves.move(index, path)
        out.append((record, path))
    return out


def _position(number: object, count: int) -> int | None:
    if isinstance(number, float) and number.is_integer():
        number = int(number)
    if isinstance(number, str) and number.strip().isdigit():
        number = int(number.strip())
    if isinstance(number, int) and not isinstance(number, bool) and 1 <= number <= count:
        return number
    return None


def _unflatten(record: dict[str, object]) -> None:
    """``{"主讲人.姓名": x}`` → ``{"主讲人": {"姓名": x}}`` (positions follow in ``_Moves``)."""
    for header in [h for h in record if "." in h]:
        parts = [p.strip() for p in header.split(".") if p.strip()]
        value = record.pop(header)
        target = record
        for part in parts[:-1]:
            inner = target.setdefault(part, {})
            if not isinstance(inner, dict):
                break
            target = inner
        else:
            target[parts[-1]] = value


def _join(parts: Path) -> str:
    return ".".join(str(p) for p in parts)


def _no_parent(parts: Path, where: Location) -> Problem:
    parent = _join(parts[:-1])
    return Problem(
        "no_parent_sheet",
        f"工作表“{_join(parts)}”有“{PARENT_HEADER}”列，但找不到上级工作表“{parent}”",
        f"sheet {_join(parts)!r} has a {PARENT_HEADER} column but no parent sheet {parent!r}",
        where,
    )


def _bad_parent(number: object, parent: str, count: int, where: Location) -> Problem:
    return Problem(
        "bad_parent_row",
        f"{PARENT_HEADER}“{number if number is not None else '（空）'}”不对：应为工作表“{parent}”"
        f"中某一行的序号（1–{count}）",
        f"{PARENT_HEADER} {number!r} should be the 序号 of a row of sheet {parent!r} (1–{count})",
        where,
    )


__all__ = ["PARENT_HEADER", "SEQ_HEADER", "place_sheets"]
