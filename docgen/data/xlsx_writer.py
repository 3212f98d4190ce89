"""Writing a model of any kind as an Excel workbook a clerk can fill in.

- ``基本信息`` holds the single fields as ``字段 | 值 | 说明``; a field of a part is
  dotted (``落款.日期``, ``出席情况.应到``) and a list of texts is one cell, one item
  per line (Alt+Enter).
- Each list of records gets its own sheet, named by the path of Chinese field
  names (``问题清单``, ``出席情况.缺席``); a part of a record is a dotted column
  (``主讲人.姓名``). A list inside a record (the speeches of an agenda item) is a
  further sheet named ``会议内容.发言`` whose ``上级序号`` column gives the
  ``序号`` of the record it belongs to.
- Headers are bold and frozen; required columns end in ``*`` and say so in a
  cell note; enumerations (a configurable list, or a field's fixed choices such as
  少交/免交) get a drop-down list fed from a hidden ``_lists`` sheet.

The result reads back into the same model with :mod:`docgen.data.loaders.xlsx_source`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from types import UnionType
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from docgen.data.config import DEFAULT_CONFIG, DataConfig
from docgen.data.fields import vocab_of
from docgen.data.loaders.sheet_tree import PARENT_HEADER, SEQ_HEADER
from docgen.data.loaders.tables import column_letter
from docgen.data.shapes import shape_of
from docgen.data.writer import field_order

_ROWS_WITH_LISTS = 1000
_REQUIRED = "*"
#: Chinese labels the loader reads as something else at the top (``配置`` is a
#: document's own config); such fields are written under their attribute name.
_CLASHES = frozenset({"settings"})


@dataclass
class _Column:
    header: str
    path: tuple[str, ...]
    info: FieldInfo
    required: bool


@dataclass
class _Sheet:
    title: str
    model: type[BaseModel]
    child: bool
    rows: list[tuple[int | None, BaseModel]] = field(default_factory=list)


def write_xlsx(model: BaseModel, path: Path, config: DataConfig = DEFAULT_CONFIG) -> None:
    """Write ``model`` to ``path`` as a workbook (see the module docstring)."""
    import openpyxl  # deferred: only workbook users pay for importing it

    book = openpyxl.Workbook()
    info = book.active
    info.title = "基本信息"
    lists = _ListSheet(book, config)
    _write_info(info, model, lists)
    for sheet in _sheets(model):
        _write_sheet(book, sheet, lists)
    book.save(path)


def _label(info: FieldInfo, name: str) -> str:
    return info.alias or name


def _is_list_of_models(info: FieldInfo) -> bool:
    shape = shape_of(info.annotation)
    return shape.container == "list" and shape.model is not None


def _sub_model(info: FieldInfo) -> type[BaseModel] | None:
    shape = shape_of(info.annotation)
    return shape.model if shape.container == "one" else None


def _cell(value: object) -> object:
    if isinstance(value, dict):
        # A free-form mapping (a school's settings) in one cell, as JSON; the
        # loader reads JSON text back into a mapping field.
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    if isinstance(value, bool | int | float | Decimal | str | dt.date) or value is None:
        return value
    return str(value)


def _plain(value: object) -> bool:
    return isinstance(value, bool | int | float | Decimal | str | dt.date)


def _leaves(
    model: type[BaseModel], prefix: tuple[str, ...], labels: tuple[str, ...], required: bool
) -> Iterator[_Column]:
    """The cells of ``model``: plain fields, and the fields of its parts, dotted."""
    for name in field_order(model):
        info = model.model_fields[name]
        if _is_list_of_models(info):
            continue
        need = required and info.is_required()
        sub = _sub_model(info)
        label = (*labels, _label(info, name) if prefix or name not in _CLASHES else name)
        if sub is not None:
            yield from _leaves(sub, (*prefix, name), label, need)
        else:
            yield _Column(".".join(label), (*prefix, name), info, need)


def _lists_of(
    model: type[BaseModel], prefix: tuple[str, ...], labels: tuple[str, ...]
) -> Iterator[tuple[tuple[str, ...], str, type[BaseModel]]]:
    """Every list of records reachable from ``model`` through single parts."""
    for name in field_order(model):
        info = model.model_fields[name]
        shape = shape_of(info.annotation)
        if shape.model is None:
            continue
        label = (*labels, _label(info, name))
        if shape.container == "list":
            yield (*prefix, name), ".".join(label), shape.model
        elif shape.container == "one":
            yield from _lists_of(shape.model, (*prefix, name), label)


def _get(value: object, path: tuple[str, ...]) -> object:
    for part in path:
        if value is None:
            return None
        value = getattr(value, part)
    return value


def _items(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _sheets(model: BaseModel) -> list[_Sheet]:
    """The list sheets of ``model``: top-level lists, then lists inside their records."""
    out: list[_Sheet] = []

    def add(title: str, row_model: type[BaseModel], records: list[tuple[int | None, Any]],
            child: bool) -> None:  # fmt: skip
        sheet = _Sheet(title, row_model, child, records)
        out.append(sheet)
        for path, label, inner in _lists_of(row_model, (), ()):
            rows: list[tuple[int | None, Any]] = [
                (number, item)
                for number, (_parent, record) in enumerate(records, 1)
                for item in _items(_get(record, path))
            ]
            if rows or any(_get(r, path) is not None for _p, r in records):
                add(f"{title}.{label}", inner, rows, True)

    for path, label, row_model in _lists_of(type(model), (), ()):
        records = _get(model, path)
        if records is None:
            continue
        assert isinstance(records, list)  # noqa: S101 -- a list field holds a list
        add(label, row_model, [(None, r) for r in records], False)
    return out


def _header_cell(cell: Any, required: bool) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill

    cell.font = Font(bold=True, color="C00000" if required else None)
    cell.fill = PatternFill("solid", fgColor="DDEBF7")
    if required:
        cell.comment = Comment("必填", "docgen")


def _write_info(sheet: Any, model: BaseModel, lists: _ListSheet) -> None:
    from openpyxl.styles import Alignment

    sheet.append(["字段", "值", "说明"])
    for cell in sheet[1]:
        _header_cell(cell, False)
    for column in _leaves(type(model), (), (), True):
        value = _get(model, column.path)
        if value is None or value == []:
            continue
        note = column.info.description or ""
        if isinstance(value, dict) and value and all(_plain(v) for v in value.values()):
            for inner, item in value.items():
                sheet.append([f"{column.header}.{inner}", _cell(item), note])
            continue
        key = column.header + (_REQUIRED if column.required else "")
        sheet.append([key, _cell(value), f"必填。{note}" if column.required else note])
        row = sheet.max_row
        sheet.cell(row=row, column=2).alignment = Alignment(wrap_text=True, vertical="top")
        lists.attach(sheet, column, f"B{row}")
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 48
    sheet.column_dimensions["C"].width = 40
    sheet.freeze_panes = "A2"


def _write_sheet(book: Any, spec: _Sheet, lists: _ListSheet) -> None:
    from openpyxl.styles import Alignment

    sheet = book.create_sheet(spec.title)
    columns = list(_leaves(spec.model, (), (), True))
    lead = [SEQ_HEADER, *([PARENT_HEADER] if spec.child else [])]
    sheet.append([*lead, *(c.header + (_REQUIRED if c.required else "") for c in columns)])
    for index, cell in enumerate(sheet[1]):
        _header_cell(cell, index >= len(lead) and columns[index - len(lead)].required)
    wrap = Alignment(wrap_text=True, vertical="top")
    for number, (parent, record) in enumerate(spec.rows, 1):
        sheet.append(
            [
                number,
                *([parent] if spec.child else []),
                *(_cell(_get(record, c.path)) for c in columns),
            ]
        )
        for cell in sheet[sheet.max_row]:
            cell.alignment = wrap
    sheet.freeze_panes = "A2"
    for index in range(len(lead)):
        sheet.column_dimensions[column_letter(index)].width = 8
    for index, column in enumerate(columns, len(lead)):
        letter = column_letter(index)
        sheet.column_dimensions[letter].width = 16
        lists.attach(sheet, column, f"{letter}2:{letter}{_ROWS_WITH_LISTS}")


class _ListSheet:
    """The hidden ``_lists`` sheet: one column per enumeration used by a drop-down."""

    def __init__(self, book: Any, config: DataConfig) -> None:
        self.book = book
        self.config = config
        self.sheet: Any = None
        self.columns: dict[str, str] = {}

    def attach(self, sheet: Any, column: _Column, cells: str) -> None:
        """A drop-down on ``cells`` when the column takes one of a list of values."""
        from openpyxl.worksheet.datavalidation import DataValidation

        choices = self._choices(column)
        if choices is None:
            return
        key, label, values = choices
        if self.sheet is None:
            self.sheet = self.book.create_sheet("_lists")
            self.sheet.sheet_state = "hidden"
        if key not in self.columns:
            letter = column_letter(len(self.columns))
            self.sheet[f"{letter}1"] = label
            for row, value in enumerate(values, 2):
                self.sheet[f"{letter}{row}"] = value
            self.columns[key] = f"'_lists'!${letter}$2:${letter}${len(values) + 1}"
        check = DataValidation(type="list", formula1=f"={self.columns[key]}", allow_blank=True)
        check.error = f"请从下拉列表中选择{label}"
        check.errorTitle = label
        sheet.add_data_validation(check)
        check.add(cells)

    def _choices(self, column: _Column) -> tuple[str, str, list[str]] | None:
        """(key, Chinese label, values): a configurable list, or the texts of a fixed
        ``Literal`` field (少交/免交, 待批准/已批准) — not a one-value constant such as ``kind``."""
        vocab = vocab_of(column.info)
        if vocab is not None:
            return vocab.list_name, vocab.label_zh, list(getattr(self.config, vocab.list_name))
        values = _literal_texts(column.info.annotation)
        if len(values) < 2:
            return None
        return f"literal:{column.header}", column.header.rsplit(".", 1)[-1], values


def _literal_texts(annotation: object) -> list[str]:
    """The text values of a ``Literal`` annotation (inside ``Optional`` too), else ``[]``."""
    if get_origin(annotation) is Literal:
        return [v for v in get_args(annotation) if isinstance(v, str)]
    if get_origin(annotation) in (Union, UnionType):
        return next((t for a in get_args(annotation) if (t := _literal_texts(a))), [])
    return []


__all__ = ["write_xlsx"]
