"""A roster row as a recipe sees it: its cells by column, where each cell is, and overrides.

A batch over one common input (a plan for every branch) lays each row over it: an input's
``set`` puts cell values into fields (``signoff.date: "{{ 落款日期 }}"``), ``follow`` clears
fields derived from a set one (``branch: [title, signoff.org]``: a new branch re-derives
the title and the 落款 instead of keeping the common file's), and any text of the input may
hold ``{列名}`` placeholders filled from the row. The result is validated again, field by
field and then by the domain rules (实到 ≤ 应到, quorum, deadlines…), so a bad cell is a row
failure that names the cell (``roster.xlsx[名单]!E5``), never a wrong document.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from docgen.bundle.compiled import Input
from docgen.data.config import DEFAULT_CONFIG
from docgen.data.errors import wording
from docgen.data.fields import DocModel, field_context
from docgen.data.positions import format_path
from docgen.exceptions import BundleError

if TYPE_CHECKING:
    from docgen.data.rules import Finding

_PLACEHOLDER = re.compile(r"\{([^{}\s]{1,30})\}")


@dataclass(frozen=True)
class RowSource:
    """Where a row's values come from: roster file, sheet, row number and cell names."""

    number: int | None = None
    file: str | None = None
    sheet: str | None = None
    columns: tuple[str, ...] = ()
    cells: Mapping[str, str] = field(default_factory=dict)
    base: Path | None = None

    def has(self, column: str, row: Mapping[str, Any]) -> bool:
        """True when the roster has ``column`` (even if this row's cell is empty)."""
        return column in self.columns or column in row

    def cell(self, column: str) -> tuple[str, str]:
        """``(zh, en)``: the cell of ``column`` in this row, as a clerk would look for it."""
        where = self.file or "花名册"
        if self.sheet:
            where += f"[{self.sheet}]"
        ref = self.cells.get(column)
        if ref:
            return f"{where}!{ref}（“{column}”列）", f"{where}!{ref} (column {column!r})"
        row = f"第 {self.number} 行" if self.number is not None else ""
        row_en = f" row {self.number}" if self.number is not None else ""
        return f"{where} {row}“{column}”列", f"{where}{row_en} column {column!r}"


def empty_cell(source: RowSource, column: str, var: str) -> BundleError:
    """The error of an empty cell that the recipe needs."""
    zh, en = source.cell(column)
    return BundleError(
        f"{zh}为空：配方变量 {var} 需要它（请填写，或删去这一行）",
        f"{en} is empty: recipe variable {var} needs it (fill it in, or remove the row)",
    )


def apply_row(
    value: Any,
    item: Input,
    scope: Mapping[str, Any],
    row: Mapping[str, Any],
    source: RowSource | None,
    column_of: Mapping[str, str],
    known: tuple[str, ...] = (),
) -> Any:
    """``value`` (a loaded input) with ``item``'s ``set``/``follow`` and placeholders applied.

    ``column_of`` maps a variable to the column it was read from (for messages);
    ``known`` are the recipe's columns (a ``{列}`` of one is filled even when the roster
    lacks the column: then it fails, rather than printing the braces). Returns
    ``value`` itself when nothing applies. Raises :class:`BundleError` naming the cell.
    """
    changes = {path: text.evaluate(scope) for path, text in item.sets}
    changes = {path: _cell(v) for path, v in changes.items() if not _blank(v)}
    if not isinstance(value, BaseModel | Mapping):
        return value
    data = value.model_dump(mode="json") if isinstance(value, BaseModel) else dict(value)
    original = _copy(data)
    data = _fill(data, row, source, known)
    for path, new in changes.items():
        _put(data, path, new)
    for path, derived in item.follow:
        if path in changes and _get(original, path) != changes[path]:
            for target in derived:
                if target not in changes:
                    _put(data, target, None)
    if data == original:
        return value
    if not isinstance(value, BaseModel):
        return data
    # The row is checked under the settings the document itself was checked with.
    config = value.checked_config if isinstance(value, DocModel) else DEFAULT_CONFIG
    try:
        # Fields first, cell by cell; then the domain rules, which a new value can break.
        made = type(value).model_validate(data, context=field_context(config))
    except ValidationError as err:
        raise _invalid(err, item, source, column_of) from None
    if isinstance(made, DocModel):
        made.remember_config(config)
    roster = getattr(value, "roster", None) if "branch" not in changes else None
    if roster is not None and hasattr(made, "attach_roster"):
        made.attach_roster(roster)  # the same branch: keep its roster file
    # The rules import every kind's model: only a typed row overlaid here needs them.
    from docgen.data.rules import RuleContext, run_rules

    broken = [f for f in run_rules(made, RuleContext(config, roster)) if f.severity == "error"]
    if broken:
        raise _broken(broken, item, source, column_of, changes)
    return made


def _fill(data: Any, row: Mapping[str, Any], source: RowSource | None, known: Any) -> Any:
    """Every ``{列名}`` of a column the roster has, replaced by the row's cell."""
    if isinstance(data, str):
        return _PLACEHOLDER.sub(lambda m: _cell_text(m, row, source, known), data)
    if isinstance(data, list):
        return [_fill(v, row, source, known) for v in data]
    if isinstance(data, dict):
        return {k: _fill(v, row, source, known) for k, v in data.items()}
    return data


def _cell_text(
    match: re.Match[str], row: Mapping[str, Any], source: RowSource | None, known: Any
) -> str:
    column = match.group(1)
    if not (column in row or column in known or (source and column in source.columns)):
        return match.group(0)  # not a column: ordinary text in braces
    value = row.get(column)
    if _blank(value) and (source is None or source.number is None):
        raise BundleError(
            f"数据中的 {{{column}}} 没有取值：它由花名册的“{column}”列逐行给出，只能在批量中使用",
            f"{{{column}}} in the data has no value: roster column {column!r} gives it per row, "
            "so it only works in a batch",
        )
    if _blank(value):
        where = source or RowSource()
        zh, en = where.cell(column)
        raise BundleError(
            f"{zh}为空，而共用数据中的 {{{column}}} 要用它（请填写）",
            f"{en} is empty, but {{{column}}} in the common data needs it (fill it in)",
        )
    return str(value)


def _invalid(
    err: ValidationError, item: Input, source: RowSource | None, column_of: Mapping[str, str]
) -> BundleError:
    lines_zh, lines_en = [], []
    for problem in err.errors():
        path = ".".join(str(p) for p in problem["loc"])
        column = _column_for(path, item, column_of)
        if column is not None and source is not None:
            zh, en = source.cell(column)
        else:
            zh, en = f"输入“{item.name}”的 {path}", f"input {item.name!r} field {path}"
        shown = problem.get("input")
        why_zh, why_en = wording(problem)
        lines_zh.append(f"{zh}：值“{shown}”无效（{why_zh}）")
        lines_en.append(f"{en}: invalid value {shown!r} ({why_en})")
    return BundleError("；".join(lines_zh), "; ".join(lines_en))


def _broken(
    findings: list[Finding],
    item: Input,
    source: RowSource | None,
    column_of: Mapping[str, str],
    changes: Mapping[str, Any],
) -> BundleError:
    """The rules a row's values broke, each at the cell that set the field (or at every cell
    the row changed, when the rule names a field the row did not set)."""
    lines_zh, lines_en = [], []
    for found in findings:
        path = format_path(found.path)
        columns = [_column_for(path, item, column_of)]
        if columns[0] is None:
            columns = [_column_for(target, item, column_of) for target in changes]
        cells = [source.cell(c) for c in dict.fromkeys(columns) if c and source is not None]
        if cells:
            zh, en = "、".join(c[0] for c in cells), ", ".join(c[1] for c in cells)
        else:
            zh, en = f"输入“{item.name}”的 {path}", f"input {item.name!r} field {path}"
        lines_zh.append(f"{zh}：{found.zh}（请改正这一行）")
        lines_en.append(f"{en}: {found.en} (correct this row)")
    return BundleError("；".join(lines_zh), "; ".join(lines_en))


def _column_for(path: str, item: Input, column_of: Mapping[str, str]) -> str | None:
    for target, text in item.sets:
        if path == target or path.startswith(target + "."):
            for name in re.findall(r"[^\W\d]\w*", text.source):
                if name in column_of:
                    return column_of[name]
    return None


def _put(data: dict[str, Any], path: str, value: Any) -> None:
    parts = path.split(".")
    node = data
    for part in parts[:-1]:
        child = node.get(part)
        if not isinstance(child, dict):
            if value is None:
                return
            child = {}
            node[part] = child
        node = child
    if value is None:
        node.pop(parts[-1], None)
    else:
        node[parts[-1]] = value


def _get(data: Any, path: str) -> Any:
    node = data
    for part in path.split("."):
        if not isinstance(node, dict):
            return None
        node = node.get(part)
    return node


def _copy(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _copy(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_copy(v) for v in data]
    return data


def _cell(value: Any) -> Any:
    """An Excel date cell (a midnight ``datetime``) as the date it shows."""
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date()
    return value


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


__all__ = ["RowSource", "apply_row", "empty_cell"]
