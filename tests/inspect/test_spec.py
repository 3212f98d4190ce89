"""Targets, tolerances and unit conversions of the layout spec."""

from __future__ import annotations

import pytest

from docgen.inspect.spec import GBT_9704, Band, mm_to_pt, pt_to_mm


def test_band_holds_its_edges_and_nothing_beyond() -> None:
    """37 ± 1 mm takes 36 and 38, not 38.01."""
    band = Band(37, 1)
    assert band.holds(36)
    assert band.holds(38)
    assert not band.holds(38.01)
    assert band.describe("mm") == "37 ± 1 mm"


def test_zero_tolerance_band() -> None:
    """22 ± 0 lines takes exactly 22."""
    assert GBT_9704.lines_per_page.holds(22)
    assert not GBT_9704.lines_per_page.holds(21)


def test_units() -> None:
    """37 mm is 104.88 pt; A4 is 595.28 pt wide."""
    assert mm_to_pt(37) == pytest.approx(104.88, abs=0.01)
    assert pt_to_mm(595.28) == pytest.approx(210, abs=0.01)


def test_defaults_follow_gbt_9704() -> None:
    """Margins 37/35/28/26 mm, 3号 body, 28 characters, page number gap within one character."""
    spec = GBT_9704
    margins = (spec.top_mm.target, spec.bottom_mm.target, spec.left_mm.target, spec.right_mm.target)
    assert margins == (37, 35, 28, 26)
    assert spec.body_pt.target == 16
    assert spec.chars_per_line == Band(28, 0)
    low, high = spec.page_number_gap_mm
    assert low < pt_to_mm(14) < pt_to_mm(16) < high
