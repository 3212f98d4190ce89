"""The line grid: block top from body pages, full pages, the pitch to lay the grid with."""

from __future__ import annotations

from dataclasses import replace

import pytest

from docgen.inspect.classify import classify
from docgen.inspect.grid import Grid, block_top, full_pages, grid_pitch
from docgen.inspect.lines import Line, Page
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


def test_spans_over_a_table_do_not_stretch_the_pitch() -> None:
    """Body rows above and below a table are no whole number of pitches apart (table rows
    are off the grid): two such pages (28 rows counted) keep the nominal pitch, as one does."""

    def form_page(number: int) -> Page:
        above = [full_line(number, row) for row in range(8)]
        # Seven 12 pt table rows 21 pt apart: 8 rows of body text, then the table, then 2
        # body rows whose baselines sit 0.4 pitch off the grid the text above was on.
        table = [
            Line(number, tuple(replace(g, in_table=True) for g in line.glyphs))
            for k in range(7)
            for line in [make_line(number, "表格文字" * 4, LEFT, grid_baseline(8) + 21 * k, 12)]
        ]
        below = [
            make_line(number, "申请人：某某某", LEFT + 200, grid_baseline(row) + 0.4 * PITCH)
            for row in (14, 15)
        ]
        return page(number, *above, *table, *below)

    doc = classify([form_page(1), form_page(2)])
    assert grid_pitch(doc, 29.0, 28.95, 0.5, 22) == pytest.approx(28.95)
    # The rows of one run, without a table between them, still measure the grid.
    runs = classify([page(n, *[full_line(n, row) for row in range(12)]) for n in (1, 2)])
    assert grid_pitch(runs, 28.6, 28.95, 0.5, 22) == pytest.approx(PITCH, abs=0.01)
