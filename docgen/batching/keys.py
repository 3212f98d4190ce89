"""Which roster row is which across runs: a stable key per row, not its row number.

Inserting a row above others must redo that one row, not every row below it. A row's key
is the value of the recipe's ``key`` column(s) (``key: 支部``), else of the first branch-like
column the roster has (支部、支部名称、编号、名称), else a hash of the whole row. Two rows with
the same key are an error of the second one: they would write the same documents.
"""

from __future__ import annotations

from dataclasses import dataclass

from docgen.batching.roster import Roster, RosterRow
from docgen.bundle.compiled import Recipe
from docgen.bundle.hashing import data_hash

#: Columns that name a branch (or a person), tried in order when the recipe declares no key.
KEY_COLUMNS = ("支部", "支部名称", "党支部", "编号", "支部编号", "名称", "简称", "姓名")


@dataclass(frozen=True)
class RowKeys:
    """Each row's key and label (for the report), and the rows whose key repeats an earlier one."""

    columns: tuple[str, ...]
    keys: dict[int, str]
    labels: dict[int, str]
    repeats: dict[int, int]  # row number → the earlier row with the same key


def row_keys(recipe: Recipe, table: Roster) -> RowKeys:
    """The key of every row of ``table`` for ``recipe``."""
    columns = tuple(c for c in recipe.key if c in table.columns)
    if not columns:
        columns = next(((c,) for c in KEY_COLUMNS if c in table.columns), ())
    keys: dict[int, str] = {}
    labels: dict[int, str] = {}
    first: dict[str, int] = {}
    repeats: dict[int, int] = {}
    for row in table.rows:
        key = _key(row, columns)
        keys[row.number] = key
        labels[row.number] = _label(row, columns)
        if key in first:
            repeats[row.number] = first[key]
        else:
            first[key] = row.number
    return RowKeys(columns, keys, labels, repeats)


def _key(row: RosterRow, columns: tuple[str, ...]) -> str:
    values = [row.values.get(c) for c in columns]
    if columns and all(v not in (None, "") for v in values):
        return "|".join(str(v) for v in values)
    return "#" + data_hash(sorted((k, str(v)) for k, v in row.values.items()))[:16]


def _label(row: RosterRow, columns: tuple[str, ...]) -> str:
    for column in (*columns, *KEY_COLUMNS):
        value = row.values.get(column)
        if value not in (None, ""):
            return str(value)
    return ""


__all__ = ["KEY_COLUMNS", "RowKeys", "row_keys"]
