"""The line grid: block top from body pages, full pages, the pitch to lay the grid with."""

from __future__ import annotations

import pytest

from docgen.inspect.classify import classify
from docgen.inspect.grid import Grid, block_top, full_pages, grid_pitch
from tests.inspect.synthetic import LEFT, PITCH, TOP, full_line, grid_baseline, make_line, page


def test_top_is_the_highest_page_start() -> None:
    """A page opening with an empty row (a sign-off pushed over) does not lower the top."""
    first = page(1, *[full_line(1, row, indent=2 if row == 0 else 0) for row in range(22)])
    pushed = page(2, make_line(2, "中共某某支部", LEFT + 200, grid_baseline(1)))
    assert block_top(classify([first, pushed]), PITCH) == pytest.approx(TOP, abs=0.01)


def test_full_page_needs_the_last_row() -> None:
    """Row 22 of 22 makes a page full; row 21 does not."""
    doc = classify(
        [
            page(1, *[full_line(1, row, indent=2 if row == 0 else 0) for row in range(22)]),
            page(2, *[full_line(2, row) for row in range(21)]),
        ]
    )
    found = full_pages(doc, Grid(TOP, PITCH, (PITCH - 16) / 2, 22))
    assert [(p.page, p.rows) for p in found] == [(1, 22)]
    assert found[0].bottom == pytest.approx(TOP + 22 * PITCH, abs=0.01)


def test_short_documents_lay_the_grid_with_the_nominal_pitch() -> None:
    """Four rows measured 28.6 apart are too few: 28.95 stands in; a full page measures itself."""
    short = classify([page(1, *[full_line(1, row) for row in range(4)])])
    assert grid_pitch(short, 28.6, 28.95, 0.5, 22) == pytest.approx(28.95)
    full = classify([page(1, *[full_line(1, row) for row in range(22)])] * 2)
    assert grid_pitch(full, 28.6, 28.95, 0.5, 22) == pytest.approx(PITCH, abs=0.01)
