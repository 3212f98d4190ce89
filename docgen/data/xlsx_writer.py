"""Writing a model as an Excel workbook with Chinese headers and drop-down lists.

A ``基本信息`` sheet holds the single fields (``字段 | 值 | 说明``; one level of
nesting as ``落款.日期``); each list of flat records (problems, schedule,
members…) gets its own sheet headed by the Chinese field names. Columns of an
enumeration get a drop-down list fed from a hidden ``_lists`` sheet. The result
reads back with :mod:`docgen.data.loaders.xlsx_source`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from docgen.data.config import DEFAULT_CONFIG, DataConfig
from docgen.data.fields import Vocab, vocab_of
from docgen.data.loaders.tables import column_letter
from docgen.data.shapes import shape_of
from docgen.data.writer import field_order
from docgen.exceptions import DataError, Location, Problem

_ROWS_WITH_LISTS = 1000


def write_xlsx(model: BaseModel, path: Path, config: DataConfig = DEFAULT_CONFIG) -> None:
    """Write ``model`` to ``path`` as a workbook (see the module docstring).

    Raises ``DataError`` for a kind whose lists are not flat records (minutes,
    speeches…): those have no faithful table form.
    """
    import openpyxl  # deferred: only workbook users pay for importing it

    cls = type(model)
    tables = [n for n in field_order(cls) if _is_table(cls.model_fields[n])]
    nested = [n for n in field_order(cls) if _is_nested(cls.model_fields[n]) and n not in tables]
    if nested:
        raise _no_table_form(cls, nested)
    book = openpyxl.Workbook()
    info = book.active
    info.title = "基本信息"
    lists = _ListSheet(book, config)
    _write_info(info, model)
    for name in tables:
        _write_table(book, model, name, lists)
    book.save(path)


def _is_flat(model: type[BaseModel]) -> bool:
    return all(shape_of(f.annotation).model is None for f in model.model_fields.values())


def _is_table(info: FieldInfo) -> bool:
    shape = shape_of(info.annotation)
    return shape.container == "list" and shape.model is not None and _is_flat(shape.model)


def _is_nested(info: FieldInfo) -> bool:
    shape = shape_of(info.annotation)
    if shape.model is None:
        return False
    return shape.container != "one" or not _is_flat(shape.model)


def _cell(value: object) -> object:
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    if isinstance(value, dt.datetime | dt.date | int | float | str) or value is None:
        return value
    return str(value)


def _write_info(sheet: Any, model: BaseModel) -> None:
    sheet.append(["字段", "值", "说明"])
    cls = type(model)
    for name in field_order(cls):
        info, value = cls.model_fields[name], getattr(model, name)
        sub = shape_of(info.annotation).model
        if _is_table(info) or value is None:
            continue
        if sub is not None and isinstance(value, BaseModel):
            for inner in field_order(sub):
                inner_value = getattr(value, inner)
                if inner_value is not None:
                    inner_info = sub.model_fields[inner]
                    sheet.append(
                        [
                            f"{info.alias}.{inner_info.alias}",
                            _cell(inner_value),
                            inner_info.description,
                        ]
                    )
            continue
        sheet.append([info.alias or name, _cell(value), info.description])
    sheet.column_dimensions["A"].width = 18
    sheet.column_dimensions["B"].width = 48


def _write_table(book: Any, model: BaseModel, name: str, lists: _ListSheet) -> None:
    info = type(model).model_fields[name]
    row_model = shape_of(info.annotation).model
    assert row_model is not None  # noqa: S101 -- _is_table checked it
    sheet = book.create_sheet(info.alias or name)
    columns = field_order(row_model)
    sheet.append([row_model.model_fields[c].alias or c for c in columns])
    for record in getattr(model, name):
        sheet.append([_cell(getattr(record, c)) for c in columns])
    for index, column in enumerate(columns):
        letter = column_letter(index)
        sheet.column_dimensions[letter].width = 16
        vocab = vocab_of(row_model.model_fields[column])
        if vocab is not None:
            lists.attach(sheet, vocab, f"{letter}2:{letter}{_ROWS_WITH_LISTS}")


class _ListSheet:
    """The hidden ``_lists`` sheet: one column per enumeration used by a drop-down."""

    def __init__(self, book: Any, config: DataConfig) -> None:
        self.book = book
        self.config = config
        self.sheet: Any = None
        self.columns: dict[str, str] = {}

    def attach(self, sheet: Any, vocab: Vocab, cells: str) -> None:
        from openpyxl.worksheet.datavalidation import DataValidation

        if self.sheet is None:
            self.sheet = self.book.create_sheet("_lists")
            self.sheet.sheet_state = "hidden"
        if vocab.list_name not in self.columns:
            values: list[str] = getattr(self.config, vocab.list_name)
            letter = column_letter(len(self.columns))
            self.sheet[f"{letter}1"] = vocab.label_zh
            for row, value in enumerate(values, 2):
                self.sheet[f"{letter}{row}"] = value
            self.columns[vocab.list_name] = f"'_lists'!${letter}$2:${letter}${len(values) + 1}"
        check = DataValidation(
            type="list", formula1=f"={self.columns[vocab.list_name]}", allow_blank=True
        )
        check.error = f"请从下拉列表中选择{vocab.label_zh}"
        check.errorTitle = vocab.label_zh
        sheet.add_data_validation(check)
        check.add(cells)


def _no_table_form(cls: type[BaseModel], nested: list[str]) -> DataError:
    names = "、".join(cls.model_fields[n].alias or n for n in nested)
    problem = Problem(
        "no_table_form",
        f"此文种含有多层结构（{names}），无法写成 Excel 表格，请使用 YAML",
        f"this kind has nested parts ({', '.join(nested)}) with no table form; use YAML",
        Location(),
    )
    return DataError("无法生成 Excel 起始文件", "cannot write an Excel starter file", [problem])


__all__ = ["write_xlsx"]
