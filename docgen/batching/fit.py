"""Does a roster fit a recipe? Checked before any row runs, so a wrong roster costs nothing.

A roster that lacks a column every row needs, or the recipe's key column, is refused; so is
one whose column looks like a renamed column the recipe reads (``支部名称`` for ``支部``):
that column would be ignored, and every row would silently keep the common data's value.
"""

from __future__ import annotations

import difflib

from docgen.batching.roster import Roster
from docgen.bundle.compiled import Recipe
from docgen.exceptions import DataError, Location, Problem


def check_columns(recipe: Recipe, table: Roster) -> None:
    """Refuse a roster that does not fit: a column every row needs, or the recipe's key
    column, is missing; or a column looks like a renamed one the recipe reads (``支部名称``
    for ``支部``), which would otherwise be ignored and every row keep the common value."""
    problems = []
    where = Location(file=str(table.path), sheet=table.sheet)
    for var in recipe.vars:
        needed = var.required and var.default is None
        if needed and not set(var.columns) & set(table.columns):
            problems.append(
                Problem(
                    "missing_column",
                    f"花名册缺少列“{'”或“'.join(var.columns)}”（配方变量 {var.name} 必填）",
                    f"the roster lacks column {' or '.join(var.columns)} (recipe variable "
                    f"{var.name} is required)",
                    where,
                )
            )
    for column in recipe.key:
        if column not in table.columns:
            problems.append(
                Problem(
                    "missing_key_column",
                    f"花名册缺少列“{column}”（配方用它区分各行）",
                    f"the roster lacks column {column!r} (the recipe tells rows apart by it)",
                    where,
                )
            )
    missing = [c for c in recipe.columns if c not in table.columns]
    for column in table.columns:
        if column in recipe.columns:
            continue
        close = difflib.get_close_matches(column, missing, n=1, cutoff=0.5)
        if close:
            problems.append(
                Problem(
                    "renamed_column",
                    f"花名册的列“{column}”配方不读取，是不是“{close[0]}”？请把表头改成“{close[0]}”",
                    f"the recipe does not read roster column {column!r}; did you mean "
                    f"{close[0]!r}? Rename the header to {close[0]!r}",
                    where,
                )
            )
    if problems:
        raise DataError(
            f"花名册与配方不匹配：{table.path}",
            f"the roster does not fit the recipe: {table.path}",
            problems,
        )


__all__ = ["check_columns"]
