"""A rendered value as an Excel cell: numbers stay numbers, text stays text.

- ``None`` is an empty cell, never the word “None”; a list is one item per line
  (the cell wraps); ``True``/``False`` read 是/否.
- ``int``, ``float`` and :class:`~decimal.Decimal` are numbers (a Decimal keeps its
  digits, so 12.35 is stored as 12.35, not its binary neighbour); dates are dates.
- Text that begins with ``=`` (or ``+``, ``-``, ``@`` followed by a letter) is data,
  not a formula: it is stored as a string cell, so a name such as ``=HYPERLINK(…)``
  typed into the data cannot run in the clerk's Excel.
- Characters a workbook cannot hold (control characters) are an error naming the
  cell, or dropped when the render asks (``strip_invalid``); a cell holds at most
  32,767 characters, as Excel allows.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from docgen.exceptions import InvalidCharacterError, Location, RenderLimitError

#: Excel's limit for the text of one cell.
MAX_CELL_TEXT = 32767
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
DATE_FORMAT = 'yyyy"年"m"月"d"日"'


def cell_value(value: Any, where: Location, *, strip_invalid: bool = False) -> Any:
    """``value`` as something openpyxl stores in a cell (see the module docstring)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int | float | Decimal | dt.date):
        return value
    if isinstance(value, list | tuple):
        value = "\n".join("" if v is None else str(v) for v in value)
    text = str(value)
    if _ILLEGAL.search(text):
        if not strip_invalid:
            bad = _ILLEGAL.search(text)
            code = f"U+{ord(bad.group()):04X}" if bad else ""
            raise InvalidCharacterError(
                f"单元格内容含有工作簿不能保存的控制字符 {code}；"
                "请删除它，或用 --strip-invalid 自动去掉",
                f"the text holds a control character {code} a workbook "
                "cannot store; remove it or render with --strip-invalid",
                location=where,
            )
        text = _ILLEGAL.sub("", text)
    if len(text) > MAX_CELL_TEXT:
        raise RenderLimitError(
            f"单元格内容有 {len(text)} 个字符，超过 Excel 单元格上限 {MAX_CELL_TEXT}",
            f"{len(text)} characters, more than Excel's {MAX_CELL_TEXT} per cell",
            location=where,
        )
    return text


def place_value(cell: Any, value: Any) -> None:
    """Store ``value`` in ``cell``; text is always a string cell, never a formula."""
    plain_format = cell.number_format == "General"
    cell.value = value  # openpyxl gives a date its own ISO format here
    if isinstance(value, str) and cell.data_type == "f":
        cell.data_type = "s"
    if isinstance(value, dt.date) and plain_format:
        cell.number_format = DATE_FORMAT


__all__ = ["DATE_FORMAT", "MAX_CELL_TEXT", "cell_value", "place_value"]
