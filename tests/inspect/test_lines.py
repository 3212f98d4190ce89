"""Reading glyphs into lines."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from docgen.exceptions import InspectError
from docgen.inspect import lines
from docgen.inspect.lines import Glyph, Line, group_lines, read_pages
from tests.inspect.synthetic import make_line


def glyph(text: str, x0: float, baseline: float, size: float = 16, font: str = "F") -> Glyph:
    """One glyph one em wide."""
    return Glyph(text, font, size, x0, x0 + size, baseline - size, baseline, baseline, size)


def test_glyphs_on_one_baseline_form_one_line_left_to_right() -> None:
    """A digit in a Latin face with a slightly different baseline stays on the CJK line."""
    glyphs = [glyph("学", 40, 100), glyph("1", 20, 100.4, font="Latin"), glyph("下", 20, 130)]
    lines = group_lines(1, glyphs)
    assert [ln.text for ln in lines] == ["1学", "下"]


def test_blank_lines_are_dropped() -> None:
    """A line of spaces only is not a line."""
    assert group_lines(1, [glyph(" ", 10, 50)]) == []


def test_width_in_chars_counts_ascii_as_half() -> None:
    """Twenty CJK glyphs and two digits make 21 characters of the body size."""
    line = make_line(1, "党" * 20 + "12", 80, 200)
    assert line.width_in_chars() == 21


def test_em_box_from_the_baseline() -> None:
    """The ideographic em box spans 0.88 em above to 0.12 em below the baseline."""
    line = make_line(1, "党", 80, 200, size=16)
    assert line.em_top == pytest.approx(200 - 14.08)
    assert line.em_bottom == pytest.approx(201.92)


@pytest.mark.parametrize("content", [b"not a pdf\n", b"%PDF-1.7\n1 0 obj\n<<"])
def test_unreadable_file_is_an_inspect_error(tmp_path: Path, content: bytes) -> None:
    """Garbage or a truncated PDF raises InspectError naming the file, with exit code 4."""
    path = tmp_path / "broken.pdf"
    path.write_bytes(content)
    with pytest.raises(InspectError) as caught:
        read_pages(path)
    assert "broken.pdf" in str(caught.value)
    assert caught.value.exit_code == 4


def test_hanging_punctuation_is_left_out_of_the_right_edge() -> None:
    """A comma hanging past the block does not widen it; the glyph before it marks the edge."""
    line = make_line(1, "党" * 26 + "，", 80, 200)
    assert line.x1 == pytest.approx(80 + 27 * 16)
    assert line.x1_core == pytest.approx(80 + 26 * 16)
    plain = make_line(1, "党" * 27, 80, 200)
    assert plain.x1_core == plain.x1


def test_line_in_a_table() -> None:
    """A line counts as table text when most of its glyphs are inside a ruled table."""
    inside = [replace(g, in_table=True) for g in make_line(1, "序号问题", 80, 200).glyphs]
    assert Line(1, tuple(inside)).in_table
    assert not make_line(1, "序号问题", 80, 200).in_table


def _turned_char(text: str, top: float, adv: float, x: float = 76.5) -> dict[str, object]:
    """A glyph as pdfplumber reports it turned a quarter clockwise (values from a real PDF)."""
    return {"text": text, "fontname": "AAAAAA+FandolSong-Regular", "size": adv, "adv": adv,
            "x0": x, "x1": x + 14, "top": top, "bottom": top + adv, "upright": False,
            "matrix": (0.0, -1.0, 1.0, 0.0, x, 500.0)}  # fmt: skip


def test_turned_glyphs_read_on_the_sheet_held_upright() -> None:
    """``— 11 —`` reading down the left edge of an 842-pt landscape page: on the upright sheet
    a 14 pt line, left to right in the order read, its baseline 842 − 76.5 pt down."""
    chars = [_turned_char("—", 457.1, 14), _turned_char("1", 475.5, 7),
             _turned_char("1", 482.2, 7), _turned_char("—", 493.6, 14)]  # fmt: skip
    assert all(lines._clockwise(c) for c in chars)
    glyphs = [lines._sheet_glyph(c, 841.89) for c in chars]
    (line,) = group_lines(13, glyphs)
    assert line.text == "—11—"
    assert line.size == 14
    assert line.baseline == pytest.approx(841.89 - 76.5)
    assert (line.x0, line.x1) == (pytest.approx(457.1), pytest.approx(507.6))
    assert glyphs[0].font == "FandolSong-Regular"


def test_other_turns_are_not_read_as_turned() -> None:
    """Upright, counter-clockwise (reading up) and upside-down glyphs are not the sheet's foot."""
    upright = {**_turned_char("1", 0, 7), "upright": True, "matrix": (1, 0, 0, 1, 0, 0)}
    up = {**_turned_char("1", 0, 7), "matrix": (0.0, 1.0, -1.0, 0.0, 0, 0)}
    flipped = {**_turned_char("1", 0, 7), "matrix": (-1.0, 0.0, 0.0, -1.0, 0, 0)}
    assert not any(lines._clockwise(c) for c in (upright, up, flipped))
