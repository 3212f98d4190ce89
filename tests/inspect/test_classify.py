"""Telling title, headings, body, page numbers and other lines apart."""

from __future__ import annotations

from dataclasses import replace

import pytest

from docgen.inspect.classify import classify, heading_glyphs, page_number_value
from docgen.inspect.lines import Line, Page
from tests.inspect.synthetic import (
    LEFT,
    RIGHT,
    full_line,
    grid_baseline,
    make_line,
    page,
    page_number,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [("— 3 —", 3), ("—3—", 3), ("- 12 -", 12), ("7", 7), ("第 5 页", 5), ("一、总体要求", None)],
)
def test_page_number_value(text: str, value: int | None) -> None:
    """Common page-number forms give their number; other text gives None."""
    assert page_number_value(text) == value


def _doc_lines() -> list[Line]:
    title = make_line(1, "关于工作情况的报告", 200, grid_baseline(1) - 14, size=22, font="FZXBS")
    return [
        title,
        make_line(1, "一、总体要求", LEFT + 32, grid_baseline(2), font="FandolHei-Regular"),
        full_line(1, 3, indent=2),
        full_line(1, 4),
        make_line(1, "1.与正文同行的标题。后面接正文", LEFT, grid_baseline(5)),
        make_line(1, "（一）分项要求", LEFT + 32, grid_baseline(6), font="FandolKai-Regular"),
        make_line(1, "表格里的小字", LEFT + 20, grid_baseline(7), size=12),
        page_number(1),
    ]


def test_roles_of_a_page() -> None:
    """Title, heading levels by ordinal prefix, body, other sizes and the page number."""
    doc = classify([page(1, *_doc_lines())])
    roles = [t.role for t in doc.lines]
    assert roles == ["title", "h1", "body", "body", "body", "h2", "other", "page_number"]
    assert doc.body_size == 16


def test_continued_marks_lines_whose_paragraph_carries_on() -> None:
    """A full line followed by an unindented line continues; the paragraph end does not."""
    doc = classify([page(1, *_doc_lines())])
    continued = [t.continued for t in doc.lines]
    # the indented first line runs on, the second full line runs on into "1.…", which is
    # therefore read as a continuation, not a heading
    assert continued[2:5] == [True, True, False]


def test_ordinal_at_the_start_of_a_wrapped_line_is_not_a_heading() -> None:
    """「1.」 that wraps to the start of a continuation line stays body text."""
    lines = [full_line(1, 0, indent=2), make_line(1, "1.5倍的行距", LEFT, grid_baseline(1))]
    doc = classify([page(1, *lines)])
    assert [t.role for t in doc.lines] == ["body", "body"]


def test_wrapped_heading_keeps_its_level() -> None:
    """The second line of a long 一、 heading is still level 1, and so are its glyph fonts."""
    head = full_line(1, 0, text="一、关于加强支部标准化规范化建设", indent=2, font="FandolHei")
    tail = make_line(1, "的意见", LEFT, grid_baseline(1), font="FandolHei")
    body = full_line(1, 2, indent=2)
    doc = classify([page(1, head, tail, body)])
    assert [t.role for t in doc.lines] == ["h1", "h1", "body"]


def test_heading_glyphs_stop_at_the_sentence_end() -> None:
    """A run-in heading counts only up to its full stop."""
    line = make_line(1, "（1）按月研讨。正文接着写", LEFT + 32, 200)
    assert "".join(g.text for g in heading_glyphs(line)) == "（1）按月研讨。"


def test_no_title_when_nothing_is_bigger_than_the_body() -> None:
    """Page 1 without larger centred text has no title line."""
    doc = classify([page(1, full_line(1, 0, indent=2), full_line(1, 1), page_number(1))])
    assert "title" not in {t.role for t in doc.lines}


def test_a_text_line_at_the_bottom_is_not_a_page_number() -> None:
    """The last line counts as page number only when it reads like one."""
    doc = classify([page(1, full_line(1, 0), make_line(1, "附件：名单", LEFT, 760))])
    assert [t.role for t in doc.lines] == ["body", "body"]


def test_table_text_and_landscape_pages_stay_out_of_the_body() -> None:
    """12 pt table text does not become the body size; a landscape page's text is not body."""
    table = [
        Line(
            1,
            tuple(
                replace(g, in_table=True)
                for g in make_line(1, "表格文字" * 5, LEFT, y, size=12).glyphs
            ),
        )
        for y in range(300, 700, 20)
    ]
    wide = Page(2, 841.89, 595.28, (make_line(2, "横排表格的说明文字", LEFT, 200),))
    doc = classify([page(1, full_line(1, 0, indent=2), *table), wide])
    assert doc.body_size == 16
    assert {t.role for t in doc.lines if t.line.page == 1} == {"body", "table"}
    assert [t.role for t in doc.lines if t.line.page == 2] == ["other"]


def test_form_with_more_title_than_body_keeps_the_body_size() -> None:
    """A record printed as a form: outside its table only a two-line 22 pt title (29
    characters) and one 16 pt signature line (12). The title is the title, not the body."""
    centre = (LEFT + RIGHT) / 2
    first = "中共星河大学信息工程学院教工第一党支部"
    second = "2026年8月主题党日活动记录"

    def width(text: str) -> float:
        return sum(11 if ch.isascii() else 22 for ch in text)

    title = [
        make_line(1, text, centre - width(text) / 2, 130 + 29 * i, size=22, font="FandolSong-Bold")
        for i, text in enumerate((first, second))
    ]
    sign = make_line(2, "主持人（签字）：记录人（签字）：", LEFT + 32, 300)
    doc = classify([page(1, *title), page(2, sign)], (LEFT, RIGHT))
    assert doc.body_size == 16
    assert [t.role for t in doc.lines] == ["title", "title", "body"]
