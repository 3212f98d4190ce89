"""The landscape block: tables give left and right, the first thing on a page the top."""

from __future__ import annotations

import pytest

from docgen.inspect.classify import classify
from docgen.inspect.landscape import turned_block, turned_margins, turned_targets
from docgen.inspect.lines import Page
from docgen.inspect.spec import GBT_9704, mm_to_pt
from tests.inspect.synthetic import A4_H, A4_W, make_line, page

LEFT, TOP, RIGHT = mm_to_pt(35), mm_to_pt(28), A4_H - mm_to_pt(37)


def _turned(number: int, title: bool) -> Page:
    table = (LEFT, TOP + (60 if title else 0), RIGHT, 480.0)
    lines = [make_line(number, "整改台账", 380, TOP + 3.475 + 0.88 * 22, size=22)] if title else []
    return Page(number, A4_H, A4_W, tuple(lines), (table,))


def test_targets_are_the_portrait_margins_turned() -> None:
    """Binding edge on top, cut edge at the bottom, foot on the left, head on the right."""
    assert turned_targets(GBT_9704) == {"top": 28, "bottom": 26, "left": 35, "right": 37}


def test_turned_block_from_title_and_tables() -> None:
    """Title row on page 1 and table rule on page 2 both give 28 mm; tables give 35 and 37."""
    doc = classify([_turned(1, title=True), _turned(2, title=False)])
    block = turned_block(doc, GBT_9704, 28.95)
    assert block is not None
    margins = turned_margins(block, A4_H)
    assert margins.top == pytest.approx(28, abs=0.05)
    assert margins.left == pytest.approx(35, abs=0.05)
    assert margins.right == pytest.approx(37, abs=0.05)
    assert block.pages == (1, 2)


def test_upright_documents_have_no_turned_block() -> None:
    """Without landscape pages there is nothing to turn."""
    assert turned_block(classify([page(1)]), GBT_9704, 28.95) is None
