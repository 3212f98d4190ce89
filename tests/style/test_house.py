"""The house style's numbers: GB/T 9704 margins, sizes, line pitch, options."""

from __future__ import annotations

import pytest

from docgen.style.house import DEFAULT_STYLE, SIZES, HouseStyle, half_points, mm


@pytest.mark.parametrize(
    ("millimetres", "twips"),
    [(37, 2098), (35, 1984), (28, 1587), (26, 1474), (25, 1417), (210, 11906)],
)
def test_mm_to_twips(millimetres: float, twips: int) -> None:
    """Millimetres round to the twips domain.md lists."""
    assert mm(millimetres) == twips


def test_defaults_are_gbt_9704() -> None:
    """Body 三号 16 pt, title 二号 22 pt, page numbers 四号 14 pt, 28.95 pt lines."""
    assert (DEFAULT_STYLE.body_pt, DEFAULT_STYLE.title_pt, DEFAULT_STYLE.page_number_pt) == (
        16,
        22,
        14,
    )
    assert DEFAULT_STYLE.line_pt == pytest.approx(28.95)
    assert half_points(SIZES["小四"]) == 24
    assert DEFAULT_STYLE.internal
    assert not DEFAULT_STYLE.centred_page_numbers


def test_type_area() -> None:
    """156 mm wide portrait; 225 mm landscape; 22 lines fit in 225 mm."""
    assert DEFAULT_STYLE.text_width_twips() == mm(156)
    assert DEFAULT_STYLE.text_width_twips(landscape=True) == mm(225)
    assert 22 * DEFAULT_STYLE.line_twips <= mm(225)


def test_landscape_margins_turn_the_page() -> None:
    """The binding edge (left, 28 mm) becomes the top of a landscape page."""
    turned = DEFAULT_STYLE.landscape_margins()
    assert (turned.top, turned.right, turned.bottom, turned.left) == (28, 37, 26, 35)


def test_heading_levels_and_bold_switch() -> None:
    """黑体, 楷体, 仿宋, 仿宋; bold_levels makes levels 2 and 3 bold only."""
    fonts = [h.font for h in DEFAULT_STYLE.headings]
    assert fonts == ["黑体", "楷体_GB2312", "仿宋_GB2312", "仿宋_GB2312"]
    assert not any(h.bold for h in DEFAULT_STYLE.headings)
    bold = HouseStyle(bold_levels=True).headings
    assert [h.bold for h in bold] == [False, True, True, False]


def test_indent_follows_font_size() -> None:
    """Two characters of 三号 are 640 twips, of 四号 560."""
    assert DEFAULT_STYLE.indent_twips(16) == 640
    assert DEFAULT_STYLE.indent_twips(14) == 560


def test_character_spacing_sets_28_characters_on_the_line() -> None:
    """28 characters of 16 pt plus the spacing fit the 156 mm line and 29 do not."""
    spacing = DEFAULT_STYLE.char_spacing_twentieths
    width = DEFAULT_STYLE.text_width_twips()
    advance = DEFAULT_STYLE.body_pt * 20 + spacing
    assert 28 * advance <= width < 29 * advance
    assert spacing == -5
    # A style asking for fewer characters than fit without spacing gets none.
    assert HouseStyle(chars_per_line=20).char_spacing_twentieths == 0
