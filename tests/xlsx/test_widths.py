"""Column widths count a Chinese character as two digits; wrapped rows get their height."""

from __future__ import annotations

import datetime as dt

import openpyxl
from openpyxl.styles import Alignment

from docgen.xlsx.widths import PADDING, cell_width, fit_columns, fit_rows, line_count, text_units


def test_cjk_counts_double() -> None:
    assert text_units("党费") == 4
    assert text_units("A1") == 2
    assert text_units("整改台账\n2026") == 8  # the longest line
    assert cell_width("党费收缴") == 8 + PADDING
    assert cell_width("党费", size=22) == 8 + PADDING


def test_numbers_and_dates() -> None:
    assert cell_width(1234.5, number_format="#,##0.00") == len("1,234.50") + PADDING
    assert cell_width(dt.date(2026, 1, 31)) < cell_width(dt.date(2026, 1, 31), number_format="年")
    assert cell_width(None) == 0


def test_fit_columns_widens_never_narrows_and_skips_wrapped() -> None:
    ws = openpyxl.Workbook().active
    ws["A1"] = "中共星河大学信息工程学院教工第一党支部"
    ws.merge_cells("A1:C1")
    ws["A2"], ws["B2"], ws["C2"] = "姓名", "离退休人员", "很长的一段说明文字" * 5
    ws["C2"].alignment = Alignment(wrap_text=True)
    ws.column_dimensions["A"].width = 20
    fit_columns(ws)
    assert ws.column_dimensions["A"].width == 20  # the merged title does not count
    assert ws.column_dimensions["B"].width == 10 + PADDING
    assert "C" not in ws.column_dimensions


def test_wrapped_rows_get_the_height_of_their_lines() -> None:
    ws = openpyxl.Workbook().active
    ws.column_dimensions["A"].width = 11  # room for 5 Chinese characters a line
    ws["A1"] = "一二三四五六七八九十\n十一"
    ws["A1"].alignment = Alignment(wrap_text=True)
    ws["A2"] = "一行"
    assert line_count("一二三四五六七八九十\n十一", 11) == 3
    fit_rows(ws)
    assert ws.row_dimensions[1].height > 3 * 11
    assert ws.row_dimensions[2].height is None
