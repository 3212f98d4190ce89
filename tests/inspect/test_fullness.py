"""Which lines count as full, and the exact-28 check on them, on hand-made pages."""

from __future__ import annotations

from dataclasses import replace

from docgen.inspect.classify import classify
from docgen.inspect.fullness import full_lines, was_pushed
from docgen.inspect.lines import Line
from docgen.inspect.measure import body_figures, text_block
from tests.inspect.synthetic import LEFT, PITCH, RIGHT, grid_baseline, make_line, page
from tests.inspect.test_checks import BASE, all_findings


def _justified(row: int, text: str, indent: int = 0) -> Line:
    """``text`` stretched from the left edge (or ``indent`` characters in) to the right edge."""
    x0 = LEFT + indent * 16
    width = sum(8 if ch.isascii() else 16 for ch in text)
    spread = (RIGHT - x0 - width) / (len(text) - 1)
    return make_line(1, text, x0, grid_baseline(row), spread=spread)


def _doc(*pairs: tuple[str, str]) -> list:
    """Paragraphs of two lines each: a justified first line (indented) and a short second one."""
    lines = []
    for n, (first, second) in enumerate(pairs):
        lines.append(_justified(2 * n, first, indent=2))
        lines.append(make_line(1, second, LEFT, grid_baseline(2 * n + 1)))
    return [page(1, *lines)]


FULL = "党" * 26
SHORT = "党" * 25


def test_a_line_one_character_short_is_counted_and_fails() -> None:
    """27 characters on a line whose next line opens plainly: under ±1 this passed."""
    doc = classify(_doc((FULL, "支部工作。"), (SHORT, "支部工作。")))
    full = full_lines(doc)
    assert [f.chars for f in full] == [28, 27]
    body = body_figures(doc, text_block(doc, PITCH), PITCH)
    assert (body.chars_per_line, body.full_lines, body.full_lines_off) == (27, 2, 1)


def test_lines_ended_by_the_breaking_rules_or_holding_digits_do_not_count() -> None:
    """A character pushed down with a closing mark, an opening mark moved down, a digit run
    moved down and a line holding a date (automatic spacing) leave only the plain line."""
    doc = classify(
        _doc(
            (FULL, "工作。"),
            (SHORT, "作，完成。"),
            (SHORT, "“三会一课”。"),
            (SHORT, "2026年。"),
            ("党" * 22 + "2026", "工作。"),
        )
    )
    assert [(f.text, f.chars) for f in full_lines(doc)] == [(FULL, 28)]


def test_was_pushed_reads_the_next_lines_opening() -> None:
    """Pushed: a character with a closing mark, an opening mark, a digit; not: a plain start."""
    doc = classify(_doc((FULL, "作，完成。"), (FULL, "（一）"), (FULL, "3月"), (FULL, "工作")))
    seconds = [t for t in doc.lines if not t.continued]
    assert [was_pushed(t) for t in seconds] == [True, True, True, False]


def _chars_finding(pages: list) -> tuple[str, str]:
    doc = classify(pages)
    body = body_figures(doc, text_block(doc, PITCH), PITCH)
    finding = next(f for f in all_findings(replace(BASE, body=body)) if f.code == "chars_per_line")
    return finding.status, str(finding.detail)


def test_the_check_wants_exactly_28_on_every_full_line() -> None:
    """All full lines at 28 pass; one at 27 among them fails and is named."""
    status, where = _chars_finding(_doc((FULL, "工作。"), (FULL, "工作。")))
    assert status == "pass"
    assert "2 行满行都是 28 字" in where
    status, where = _chars_finding(_doc((FULL, "工作。"), (SHORT, "工作。")))
    assert status == "fail"
    assert "2 行满行中有 1 行不合" in where
    assert SHORT in where
