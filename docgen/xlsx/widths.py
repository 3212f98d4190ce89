"""Column widths for Chinese text.

Excel measures a column in widths of the digit ``0`` of the body font; a Chinese
character (and any full-width sign) takes about two of them, a digit or Latin
letter one. :func:`cell_width` counts a cell's text that way, line by line, and
scales it by the font size; :func:`fit_columns` widens the columns of a rendered
sheet to their longest cell, up to a cap, leaving wrapped columns (long text that
breaks into lines) at the width the template gave them; :func:`fit_rows` then
makes each row with wrapped text tall enough for its lines. Neither Excel nor
LibreOffice grows a row for wrapped text written by openpyxl when it opens the
file (LibreOffice prints such rows one line high, the lines overprinted), so the
heights are written out.
"""


from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection
from decimal import Decimal
from typing import Any

from docgen.zh.title_break import text_width

#: Excel's default font size, the size a width unit is measured in.
BASE_SIZE = 11.0
#: Room for the cell's inner margins and a little air.
PADDING = 2.0
#: No column grows wider than this by itself (a long cell should wrap instead).
MAX_WIDTH = 60.0
_DATE_WIDTH = 11.0  # 2026-01-31
_CN_DATE_WIDTH = 16.0  # 2026年1月31日


def text_units(text: str) -> float:
    """Width units of the longest line of ``text``: CJK and full-width 2, others 1."""
    return max((2 * text_width(line) for line in text.splitlines()), default=0.0)


def cell_width(value: Any, size: float | None = None, number_format: str = "General") -> float:
    """The column width that shows ``value`` whole in a font of ``size`` points."""
    if value is None:
        return 0.0
    if isinstance(value, dt.date):
        units = _CN_DATE_WIDTH if "年" in number_format else _DATE_WIDTH
    elif isinstance(value, float | int | Decimal) and not isinstance(value, bool):
        units = float(len(f"{value:,.2f}" if "0.00" in number_format else str(value)))
    elif isinstance(value, str) and value.startswith("="):
        units = 10.0  # a formula's result: an amount, as wide as the column of numbers
    else:
        units = text_units(str(value))
    return units * (size or BASE_SIZE) / BASE_SIZE + PADDING


def fit_columns(sheet: Any, start_row: int = 1, keep_wrapped: bool = True) -> None:
    """Widen each column of ``sheet`` to its widest cell from ``start_row`` on.

    A column is never made narrower than the template set it; cells merged over
    several columns (a title) and, with ``keep_wrapped``, cells that wrap their
    text do not count.
    """
    from openpyxl.utils import get_column_letter

    merged = {
        (row, col)
        for rng in sheet.merged_cells.ranges
        if rng.max_col > rng.min_col
        for row in range(rng.min_row, rng.max_row + 1)
        for col in range(rng.min_col, rng.max_col + 1)
    }
    widest: dict[int, float] = {}
    for row in sheet.iter_rows(min_row=start_row):
        for cell in row:
            if cell.value is None or (cell.row, cell.column) in merged:
                continue
            if keep_wrapped and cell.alignment is not None and cell.alignment.wrap_text:
                continue
            width = cell_width(cell.value, cell.font.sz if cell.font else None, cell.number_format)
            widest[cell.column] = max(widest.get(cell.column, 0.0), width)
    for col, width in widest.items():
        letter = get_column_letter(col)
        # openpyxl makes up a width for a column it is merely asked about: look first.
        current = sheet.column_dimensions[letter].width if letter in sheet.column_dimensions else 0
        dim = sheet.column_dimensions[letter]
        dim.width = round(min(max(current, width), max(current, MAX_WIDTH)), 1)


def line_count(text: str, width: float, size: float | None = None) -> int:
    """Lines ``text`` takes in a wrapped cell ``width`` units wide, font ``size`` points."""
    room = max(1.0, (width - 1.0) * BASE_SIZE / (size or BASE_SIZE))
    return sum(max(1, math.ceil(text_units(line) / room)) for line in text.split("\n"))


#: A line of text in a cell, in points, per point of font size (Excel: 15 pt for 11 pt).
LINE_HEIGHT = 1.36


def fit_rows(sheet: Any, keep: Collection[int] = ()) -> None:
    """Set the height of every row holding wrapped text to the lines it needs.

    Rows in ``keep`` (heights the template set) are left alone; a row never gets
    lower than Excel's default. Merged cells count the width of all their columns.
    """
    from openpyxl.utils import get_column_letter

    spans = {
        (rng.min_row, rng.min_col): range(rng.min_col, rng.max_col + 1)
        for rng in sheet.merged_cells.ranges
    }

    def width_of(columns: range) -> float:
        total = 0.0
        for col in columns:
            letter = get_column_letter(col)
            dims = sheet.column_dimensions
            total += dims[letter].width if letter in dims and dims[letter].width else 8.43
        return total

    for row in sheet.iter_rows():
        number = row[0].row
        if number in keep:
            continue
        lines = 1.0
        size = BASE_SIZE
        for cell in row:
            wrapped = cell.alignment is not None and cell.alignment.wrap_text
            if not wrapped or not isinstance(cell.value, str) or cell.value.startswith("="):
                continue
            font = cell.font.sz if cell.font and cell.font.sz else BASE_SIZE
            columns = spans.get((cell.row, cell.column), range(cell.column, cell.column + 1))
            count = line_count(cell.value, width_of(columns), font)
            if count * font > lines * size:
                lines, size = count, font
        if lines > 1:
            sheet.row_dimensions[number].height = round(lines * size * LINE_HEIGHT + 3, 1)


__all__ = [
    "BASE_SIZE",
    "MAX_WIDTH",
    "cell_width",
    "fit_columns",
    "fit_rows",
    "line_count",
    "text_units",
]
