"""Where a template's rows land in the rendered sheet, and formulas rewritten to follow them.

A row loop turns its body rows into one copy per item, so every row below it moves
down (or up, when the loop has fewer items than body rows). Formulas follow the rows
the way Excel follows an inserted row: a reference below the loop moves by the
growth; a range that ends in the loop body (``SUM(F5:F5)`` under a one-row body)
stretches to the last copy, so a total sums every item; inside a copy, a reference
to the copy's own body row points at that copy (``=D5*E5`` on the third copy reads
row 7). ``$`` does not pin a row here: like Excel inserting rows, absolute
references move with their cells too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

#: A cell or a range, with an optional sheet: ``A1``, ``$F$5:$F$9``, ``'台账'!B3``, ``5:7``.
_REF = re.compile(
    r"(?P<sheet>(?:'(?:[^']|'')+'|[^'!:]+)!)?"
    r"(?P<a>\$?[A-Z]{1,3}\$?\d+|\$?\d+|\$?[A-Z]{1,3})"
    r"(?::(?P<b>\$?[A-Z]{1,3}\$?\d+|\$?\d+|\$?[A-Z]{1,3}))?"
)
_PART = re.compile(r"(?P<col>\$?[A-Z]{1,3})?(?P<row>\$?\d+)?")


@dataclass(frozen=True)
class Block:
    """A loop's body in the template (rows ``first``–``last``), repeated ``copies`` times.

    ``copies`` is at least one: an empty loop keeps one blank copy, so a total
    over the body still names a range of the sheet.
    """

    first: int
    last: int
    copies: int

    @property
    def height(self) -> int:
        return self.last - self.first + 1

    @property
    def growth(self) -> int:
        return self.height * (self.copies - 1)


@dataclass
class RowMap:
    """Template rows to rendered rows for one sheet; ``dropped`` rows (markers) vanish."""

    blocks: list[Block] = field(default_factory=list)
    dropped: list[int] = field(default_factory=list)

    def _moved(self, row: int) -> int:
        """Where a row outside every body lands."""
        shift = sum(b.growth for b in self.blocks if b.last < row)
        shift -= sum(1 for d in self.dropped if d < row)
        return row + shift

    def block_of(self, row: int) -> Block | None:
        """The loop body holding template ``row``, if any."""
        return next((b for b in self.blocks if b.first <= row <= b.last), None)

    def row(self, row: int, copy: int | None = None, *, end: bool = False) -> int:
        """The rendered row of template ``row``.

        In a body: the row of copy ``copy`` (the current copy for a formula inside
        the body), else the first copy, or the last with ``end`` (a range's end).
        """
        block = self.block_of(row)
        if block is None:
            return self._moved(row)
        if copy is None:
            copy = block.copies - 1 if end else 0
        return self._moved(block.first) + block.height * copy + (row - block.first)


def shift_formula(
    formula: str,
    maps: Mapping[str, RowMap],
    sheet: str,
    copy: tuple[Block, int] | None = None,
) -> str:
    """``formula`` (``=…``) with every reference moved to the rows of the rendered sheets.

    ``maps`` holds each sheet's :class:`RowMap` by title, ``sheet`` is the title of
    the formula's own sheet and ``copy`` the body and copy number the formula
    sits in (its own-row references point at that copy).
    """
    from openpyxl.formula.tokenizer import Tokenizer

    tokens = Tokenizer(formula)
    for token in tokens.items:
        if token.type == "OPERAND" and token.subtype == "RANGE":
            token.value = shift_reference(token.value, maps, sheet, copy)
    return str(tokens.render())


def shift_reference(
    text: str, maps: Mapping[str, RowMap], sheet: str, copy: tuple[Block, int] | None = None
) -> str:
    """One reference (``F5:F9``, ``'台账'!$B$3``) moved; names and other text are kept."""
    match = _REF.fullmatch(text)
    if match is None:
        return text
    prefix = match.group("sheet") or ""
    target = _sheet_title(prefix) if prefix else sheet
    row_map = maps.get(target)
    if row_map is None:
        return text
    own = copy if target == sheet else None
    first = _move(match.group("a"), row_map, own, end=False)
    second = match.group("b")
    if second is None:
        return prefix + first
    return f"{prefix}{first}:{_move(second, row_map, own, end=True)}"


def shift_range(text: str, row_map: RowMap) -> str:
    """A space-separated list of ranges on the sheet itself (merged cells, validations)."""
    return " ".join(shift_reference(part, {"": row_map}, "") for part in text.split())


def _move(part: str, row_map: RowMap, copy: tuple[Block, int] | None, *, end: bool) -> str:
    match = _PART.fullmatch(part)
    if match is None or match.group("row") is None:
        return part  # a whole column (A:A) has no row to move
    col = match.group("col") or ""
    raw = match.group("row")
    dollar = "$" if raw.startswith("$") else ""
    row = int(raw.lstrip("$"))
    block = row_map.block_of(row)
    if copy is not None and block is copy[0]:
        moved = row_map.row(row, copy[1])
    else:
        moved = row_map.row(row, end=end)
    return f"{col}{dollar}{moved}"


def _sheet_title(prefix: str) -> str:
    name = prefix[:-1]
    if name.startswith("'") and name.endswith("'"):
        name = name[1:-1].replace("''", "'")
    return name


__all__ = ["Block", "RowMap", "shift_formula", "shift_range", "shift_reference"]
