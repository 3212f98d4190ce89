"""Formulas follow the rows a loop adds or removes, the way Excel follows inserted rows."""

from __future__ import annotations

from docgen.xlsx.refs import Block, RowMap, shift_formula, shift_range, shift_reference

# A sheet whose loop markers sit on rows 4 and 6 around one body row (5), rendered for 3 items.
LOOP = RowMap(blocks=[Block(5, 5, 3)], dropped=[4, 6])
MAPS = {"台账": LOOP}


def test_rows_outside_and_inside_the_body() -> None:
    """Rows above stay, the body's copies follow the markers' removal, rows below move."""
    assert LOOP.row(3) == 3
    assert [LOOP.row(5, copy) for copy in range(3)] == [4, 5, 6]
    assert LOOP.row(7) == 7 - 2 + 2  # two markers gone, two copies added
    assert LOOP.row(9) == 9


def test_total_stretches_over_every_copy() -> None:
    """A sum over the one-row body sums the three rendered rows."""
    assert shift_formula("=SUM(F5:F5)", MAPS, "台账") == "=SUM(F4:F6)"
    assert (
        shift_formula("=SUM($F$5:$F$5)/COUNT(F5:F5)", MAPS, "台账")
        == "=SUM($F$4:$F$6)/COUNT(F4:F6)"
    )


def test_row_formula_reads_its_own_copy() -> None:
    """``=D5*E5`` in the body reads the row of the copy it is written on."""
    block = LOOP.blocks[0]
    assert shift_formula("=ROUND(D5*E5,2)", MAPS, "台账", (block, 2)) == "=ROUND(D6*E6,2)"
    # A reference above the body does not move with the copy.
    assert shift_formula("=D5*$B$2", MAPS, "台账", (block, 1)) == "=D5*$B$2"


def test_other_sheet_whole_columns_names_and_text_are_kept() -> None:
    """References to another sheet follow that sheet's rows; A:A, names and strings stay."""
    maps = {"台账": LOOP, "汇总": RowMap()}
    assert shift_formula("='台账'!F7+汇总!B7", maps, "汇总") == "='台账'!F7+汇总!B7"
    assert shift_formula("=SUM('台账'!F5:F5)", maps, "汇总") == "=SUM('台账'!F4:F6)"
    assert shift_formula('=SUM(A:A)&"F5"&Print_Area', MAPS, "台账") == '=SUM(A:A)&"F5"&Print_Area'


def test_an_empty_loop_keeps_one_blank_row() -> None:
    """With no items the body stays once, so a total still names a range below the header."""
    empty = RowMap(blocks=[Block(5, 5, 1)], dropped=[4, 6])
    assert shift_formula("=SUM(F5:F5)", {"s": empty}, "s") == "=SUM(F4:F4)"
    assert empty.row(8) == 6


def test_ranges_of_the_sheet_itself() -> None:
    """Merged cells and validations below the loop move; a filter over the body stretches."""
    assert shift_range("A8:I8", LOOP) == "A8:I8"
    assert shift_range("A3:I5 K5", LOOP) == "A3:I6 K4"
    assert shift_reference("$3:$3", {"": LOOP}, "") == "$3:$3"
