"""Renaming input keys (Chinese aliases, synonyms) to attribute names, positions kept.

Validation works on attribute names only, so that every error and rule names a
field by its canonical path (``problems[3].deadline``). This pass walks the input
along the model, renames each accepted key to its attribute, moves the recorded
position with it, and reports keys the model does not know (with a likely
intended key) and keys given twice under different names. Unknown keys are
dropped so that one stray Excel column yields one problem, not one per row.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from typing import get_args, get_origin

from pydantic import BaseModel, BeforeValidator
from pydantic.fields import FieldInfo

from docgen.data.dates import excel_serial_date, is_date_field, iso_text
from docgen.data.loaders.base import RawDocument
from docgen.data.positions import Path, PositionMap, english_key, format_path, walk_paths
from docgen.data.shapes import Shape, field_shape, key_map, shape_of
from docgen.exceptions import Problem
from docgen.suggest import closest


@dataclass
class Normalised:
    """Input with attribute-name keys, its positions, and the problems found.

    ``missing_columns`` holds ``(list path, attribute)`` for required fields a
    table has no column for; such a field is reported once, at the header.
    """

    data: object
    positions: PositionMap
    problems: list[Problem] = field(default_factory=list)
    missing_columns: set[tuple[Path, str]] = field(default_factory=set)


def normalise(raw: RawDocument, model: type[BaseModel]) -> Normalised:
    """Rename ``raw``'s keys for ``model`` (see the module docstring)."""
    walker = _Walker(raw)
    data = walker.value(raw.data, Shape(model, "one"), (), ())
    return Normalised(data, walker.out, walker.problems, walker.missing)


class _Walker:
    def __init__(self, raw: RawDocument) -> None:
        self.raw = raw
        self.src = raw.positions
        self.out = PositionMap(raw.positions.file)
        self.problems: list[Problem] = []
        self.missing: set[tuple[Path, str]] = set()

    def move(self, old: Path, new: Path) -> None:
        if old in self.src.values:
            self.out.values[new] = self.src.values[old]
        if old in self.src.keys:
            self.out.keys[new] = self.src.keys[old]

    def value(self, value: object, shape: Shape, old: Path, new: Path) -> object:
        self.move(old, new)
        model = shape.model
        if model is None:
            for sub in walk_paths(value):
                self.move((*old, *sub), (*new, *sub))
            return value
        if shape.container == "list" and isinstance(value, list):
            if old in self.raw.tables:
                self.check_columns(model, old, new)
                self.place_blanks(model, old, new)
            one = Shape(model, "one")
            return [self.value(v, one, (*old, i), (*new, i)) for i, v in enumerate(value)]
        if shape.container == "dict" and isinstance(value, dict):
            one = Shape(model, "one")
            return {k: self.value(v, one, (*old, k), (*new, k)) for k, v in value.items()}
        if shape.container == "one" and isinstance(value, dict):
            return self.mapping(value, model, old, new)
        return value

    def mapping(
        self, value: dict[str, object], model: type[BaseModel], old: Path, new: Path
    ) -> dict[str, object]:
        keys = key_map(model)
        out: dict[str, object] = {}
        for key, child in value.items():
            attr = keys.get(key) or keys.get(key.strip()) or keys.get(key.strip().lower())
            if attr is None:
                self.problems.append(self.unknown(key, model, (*old, key), (*new, key)))
            elif attr in out:
                self.problems.append(self.twice(key, attr, (*old, key), (*new, attr)))
            else:
                child = self.excel_date(child, model, attr, (*old, key), (*new, attr))
                child = self.cell_list(child, model, attr)
                out[attr] = self.value(child, field_shape(model, attr), (*old, key), (*new, attr))
        return out

    def cell_list(self, value: object, model: type[BaseModel], attr: str) -> object:
        """A list of texts or numbers typed in one cell: one item per line; a mapping
        field's cell holding JSON text (as ``docgen init --format xlsx`` writes it)."""
        if self.raw.fmt not in ("xlsx", "csv"):
            return value
        rules = _cell_rules(model, attr)
        if isinstance(value, str) and value.lstrip().startswith("{") and rules.mapping:
            try:
                return json.loads(value)
            except ValueError:
                return value
        if not rules.lines:
            return value
        if isinstance(value, str):
            return [line.strip() for line in value.split("\n") if line.strip()]
        if isinstance(value, int | float) and not isinstance(value, bool):
            return [value]
        return value

    def place_blanks(self, model: type[BaseModel], old: Path, new: Path) -> None:
        """Empty cells keep their own place, so a missing value is reported there."""
        keys = key_map(model)
        for (index, header), where in self.raw.tables[old].blanks.items():
            attr = keys.get(header) or keys.get(header.lower())
            if attr is not None:
                self.out.values.setdefault((*new, index, attr), where)

    def excel_date(
        self, value: object, model: type[BaseModel], attr: str, old: Path, new: Path
    ) -> object:
        """A number in a workbook's date field read as the Excel date it stands for."""
        if self.raw.fmt != "xlsx" or not _cell_rules(model, attr).date:
            return value
        day = excel_serial_date(value)
        if day is None:
            return value
        self.problems.append(
            Problem(
                "excel_serial_date",
                f"单元格里的数字 {value} 已按 Excel 日期读取为 {iso_text(day)}；"
                "建议把这一列设为“日期”格式",
                f"the number {value} was read as the Excel date {iso_text(day)}; "
                "format the column as dates",
                self.src.at(old),
                format_path(new),
                "warning",
            )
        )
        return day

    def check_columns(self, model: type[BaseModel], old: Path, new: Path) -> None:
        table = self.raw.tables[old]
        keys = key_map(model)
        present = {keys.get(h) or keys.get(h.lower()) for h in table.headers}
        for name, info in model.model_fields.items():
            if info.is_required() and name not in present:
                self.missing.add((new, name))
                label = info.alias or name
                self.problems.append(
                    Problem(
                        "missing_column",
                        f"表格缺少必填列“{label}”（{english_key(name)}）",
                        f"the table has no column for the required field "
                        f"{english_key(name)!r} ({label})",
                        table.header_location,
                        format_path((*new, name)),
                    )
                )

    def unknown(self, key: str, model: type[BaseModel], old: Path, new: Path) -> Problem:
        guess = closest(key, key_map(model))
        hint_zh = f"，是否应为“{guess}”？" if guess else ""
        hint_en = f"; did you mean {guess!r}?" if guess else ""
        return Problem(
            "unknown_field",
            f"未知字段“{key}”，此处不使用{hint_zh}",
            f"unknown field {key!r}, not used here{hint_en}",
            self.src.at(old, prefer_key=True),
            format_path(new),
        )

    def twice(self, key: str, attr: str, old: Path, new: Path) -> Problem:
        return Problem(
            "duplicate_field",
            f"字段“{english_key(attr)}”重复填写（又写作“{key}”），请只保留一处",
            f"field {english_key(attr)!r} is given twice (again as {key!r}); keep one",
            self.src.at(old, prefer_key=True),
            format_path(new),
        )


@dataclass(frozen=True)
class _CellRules:
    """How a workbook cell of one field is read: as a date, as JSON text, or split by line."""

    date: bool
    mapping: bool
    lines: bool


@functools.cache
def _cell_rules(model: type[BaseModel], attr: str) -> _CellRules:
    """A field's cell rules, worked out once per field (not once per cell: a 5,000-row
    sheet asked the field's type 65,000 times, a seventh of its load)."""
    info = model.model_fields[attr]
    # StrList, TagList …: a list field that splits its own text is left to do so.
    lines = (
        _holds(info, list) and shape_of(info.annotation).model is None and not _splits_itself(info)
    )
    return _CellRules(is_date_field(info), _holds(info, dict), lines)


def _splits_itself(info: FieldInfo) -> bool:
    """Whether the field reads a text into a list itself (a ``BeforeValidator``)."""
    stack: list[object] = [info.annotation, *info.metadata]
    while stack:
        item = stack.pop()
        if isinstance(item, BeforeValidator):
            return True
        stack.extend(get_args(item))
        stack.extend(getattr(item, "__metadata__", ()))
    return False


def _holds(info: FieldInfo, container: type) -> bool:
    """Whether the field holds a ``container`` (``list[str]``, ``dict[str, Any] | None`` …)."""
    stack: list[object] = [info.annotation]
    while stack:
        item = stack.pop()
        if get_origin(item) is container:
            return True
        if get_origin(item) is not None and get_origin(item) not in (list, dict):
            stack.extend(get_args(item))
    return False


__all__ = ["Normalised", "normalise"]
