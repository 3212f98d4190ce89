"""The 落款's placement by alignment and indent (GB/T 9704 §7.3.5), as numbers.

The PDF measurements of the same rules are in ``test_sealed_pdf.py``; here the indents are
checked against the rules written out in character widths.
"""

from __future__ import annotations

import re

import pytest

from docgen.style.house import DEFAULT_STYLE
from docgen.style.signoff import SignoffLines, placement, printed_twips

CHAR = DEFAULT_STYLE.body_pt * 20  # one character of 3号 in twips
ORG = "中共星河大学信息工程学院党支部"
DATE = "2026年12月30日"


def test_printed_width_counts_spacing_digits_and_auto_space() -> None:
    """A Chinese glyph is one character plus the spacing; a digit half; each Chinese/digit
    boundary adds LibreOffice's automatic space."""
    spacing = DEFAULT_STYLE.char_spacing_twentieths
    assert printed_twips("党支部") == pytest.approx(3 * (CHAR + spacing))
    assert printed_twips("2026") == pytest.approx(4 * (CHAR / 2 + spacing))
    plain = 3 * (CHAR + spacing) + 8 * (CHAR / 2 + spacing)
    assert printed_twips(DATE) > plain  # five boundaries of auto space
    assert printed_twips(DATE) == pytest.approx(plain + 5 * 0.217 * CHAR)


def test_unsealed_org_two_from_the_margin_date_two_right_of_its_start() -> None:
    """§7.3.5.2: the 署名 ends two characters from the margin; the date starts two characters
    right of the 署名's first character."""
    org_right, date_right = placement(ORG, DATE)
    assert org_right == 2 * CHAR
    assert date_right is not None
    org_start = org_right + printed_twips(ORG)  # distance of its left edge from the margin
    date_start = date_right + printed_twips(DATE)
    assert org_start - date_start == pytest.approx(2 * CHAR, abs=1)


def test_unsealed_longer_date_ends_two_from_the_margin() -> None:
    """When the date is the longer line it ends two from the margin and the 署名 moves left."""
    org_right, date_right = placement("支部", DATE)
    assert date_right == 2 * CHAR
    assert org_right is not None
    org_start = org_right + printed_twips("支部")
    date_start = date_right + printed_twips(DATE)
    assert org_start - date_start == pytest.approx(2 * CHAR, abs=1)
    assert org_right > date_right


def test_sealed_date_four_from_the_margin_org_centred() -> None:
    """§7.3.5.1: the date ends four characters from the margin, the 署名 centred on it; a 署名
    too long to centre ends at the margin."""
    short = "中共某某学院党支部"
    org_right, date_right = placement(short, DATE, sealed=True)
    assert date_right == 4 * CHAR
    assert org_right is not None
    org_mid = org_right + printed_twips(short) / 2
    date_mid = date_right + printed_twips(DATE) / 2
    assert org_mid == pytest.approx(date_mid, abs=1)
    too_long = "中共星河大学信息工程学院教工第一党支部委员会"
    assert placement(too_long, DATE, sealed=True) == (0, 4 * CHAR)


def test_an_empty_line_is_left_out() -> None:
    """A sign-off without a date is the 署名 alone at the margin rule, and vice versa."""
    assert placement(ORG, "") == (2 * CHAR, None)
    assert placement("", DATE, sealed=True) == (None, 4 * CHAR)
    assert SignoffLines("", DATE).__html__().count("<w:p>") == 1


def test_lines_are_right_aligned_indents_not_blank_runs() -> None:
    """Each line is a right-aligned paragraph of its style with a twip indent; the text holds
    no blank character pushing it into place."""
    xml = SignoffLines(ORG, DATE, sealed=True).__html__()
    paragraphs = re.findall(r"<w:p>.*?</w:p>", xml)
    assert [re.search(r'pStyle w:val="(\w+)"', p).group(1) for p in paragraphs] == [  # type: ignore[union-attr]
        "Signoff",
        "SignoffDate",
    ]
    indents = [int(re.search(r'w:right="(\d+)"', p).group(1)) for p in paragraphs]  # type: ignore[union-attr]
    assert indents == list(placement(ORG, DATE, sealed=True))
    texts = re.findall(r"<w:t[^>]*>([^<]*)</w:t>", xml)
    assert texts == [ORG, DATE]
    assert str(SignoffLines(ORG, DATE)) == f"{ORG}\n{DATE}"
