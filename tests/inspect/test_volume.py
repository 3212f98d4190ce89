"""A merged volume split into its parts, and the checks of the volume as a whole (no PDF)."""

from __future__ import annotations

from docgen.inspect.findings import Finding
from docgen.inspect.lines import Page
from docgen.inspect.links import Link
from docgen.inspect.volume import VolumeLayout, describe_layout, split_volume, volume_findings
from tests.inspect.synthetic import A4_H, A4_W, LEFT, full_line, make_line, page_number


def numbered(pdf_page: int, printed: int) -> Page:
    """A body page at PDF page ``pdf_page`` printing ``— printed —``."""
    number = page_number(printed)
    moved = type(number)(pdf_page, number.glyphs)
    return Page(pdf_page, A4_W, A4_H, (full_line(pdf_page, 0), moved))


def cover(pdf_page: int, text: str = "整改材料") -> Page:
    """An unnumbered page with one line (a cover or a 目录)."""
    return Page(pdf_page, A4_W, A4_H, (make_line(pdf_page, text, LEFT, 300, size=26),))


def blank(pdf_page: int) -> Page:
    """Nothing printed."""
    return Page(pdf_page, A4_W, A4_H, ())


def layout_of(*pages: Page, links: tuple[Link, ...] = ()) -> VolumeLayout:
    return split_volume(list(pages), links)


def by_code(findings: list[Finding]) -> dict[str, Finding]:
    return {f.code: f for f in findings}


def test_single_document_is_not_a_volume() -> None:
    """Numbers 1, 2, 3 on pages 1–3: one part, judged as before."""
    layout = layout_of(numbered(1, 1), numbered(2, 2), numbered(3, 3))
    assert not layout.is_volume
    assert layout.parts == ((1, 2, 3),)
    assert layout.front == ()


def test_unnumbered_document_is_one_part() -> None:
    """No page number anywhere: the whole PDF is one document (its number check fails)."""
    layout = layout_of(cover(1), cover(2))
    assert layout.parts == ((1, 2),)
    assert not layout.is_volume


def test_restart_at_one_starts_a_part_and_blank_backs_belong_to_none() -> None:
    """Cover, blank back, a document of 3 pages, a blank back, a document of 2 pages."""
    layout = layout_of(
        cover(1), blank(2), numbered(3, 1), numbered(4, 2), numbered(5, 3), blank(6),
        numbered(7, 1), numbered(8, 2),
    )  # fmt: skip
    assert layout.is_volume
    assert layout.front == (1,)
    assert layout.blank == (2, 6)
    assert layout.parts == ((3, 4, 5), (7, 8))
    assert (
        str(describe_layout(layout))
        == "封面、目录 第 1 页；2 个部分：第 3–5、7–8 页；空白页 第 2、6 页"
    )
    assert {f.code: f.status for f in volume_findings(layout)} == {
        "volume_blank_pages": "pass",
        "volume_right_hand": "pass",
        "volume_page_numbers": "pass",
    }


def test_contents_links_start_parts_that_run_on() -> None:
    """Numbered through: the 目录's links (not the numbers) tell where parts 2 and 3 start."""
    pages = [
        cover(1),
        blank(2),
        cover(3, "目录"),
        blank(4),
        *(numbered(n, n - 4) for n in range(5, 11)),
    ]
    links = (Link(3, 5), Link(3, 7), Link(3, 7), Link(3, 9))
    layout = layout_of(*pages, links=links)
    assert layout.front == (1, 3)
    assert layout.parts == ((5, 6), (7, 8), (9, 10))
    findings = by_code(volume_findings(layout))
    assert findings["volume_page_numbers"].status == "pass"
    assert str(findings["volume_page_numbers"].measured) == "各部分首页页码 1 / 3 / 5"
    # Only the front matter's links are the 目录's: a link inside a part starts nothing.
    inner = layout_of(*pages, links=(Link(6, 9),))
    assert inner.parts == ((5, 6, 7, 8, 9, 10),)


def test_numbers_that_neither_restart_nor_run_on_fail() -> None:
    """Part 2 starts at 7 after part 1 ended on 2 (should be 1, or 3 running on)."""
    layout = layout_of(
        cover(1), blank(2), numbered(3, 1), numbered(4, 2), numbered(5, 7), numbered(6, 8),
        links=(Link(1, 3), Link(1, 5)),
    )  # fmt: skip
    finding = by_code(volume_findings(layout))["volume_page_numbers"]
    assert finding.status == "fail"
    assert str(finding.detail) == "第 5 页"


def test_blank_page_inside_a_document_or_on_a_front_side_fails() -> None:
    """A blank page 5 between pages of one document, and a blank odd page 7, are defects."""
    layout = layout_of(
        cover(1), blank(2), numbered(3, 1), numbered(4, 2), blank(5), numbered(6, 4), blank(7),
        numbered(8, 1),
    )  # fmt: skip
    finding = by_code(volume_findings(layout))["volume_blank_pages"]
    assert finding.status == "fail"
    assert str(finding.detail) == "第 5、7 页"


def test_part_on_a_left_hand_page_of_a_duplex_volume_fails() -> None:
    """Blank backs show the volume is duplex: a document starting on page 6 is on the left."""
    layout = layout_of(
        cover(1), blank(2), numbered(3, 1), numbered(4, 2), numbered(5, 3), numbered(6, 1)
    )
    finding = by_code(volume_findings(layout))["volume_right_hand"]
    assert finding.status == "fail"
    assert str(finding.detail) == "第 6 页"


def test_without_blank_backs_left_hand_starts_are_not_judged() -> None:
    """No page left blank anywhere: a one-sided volume, where a start on page 2 is fine."""
    layout = layout_of(numbered(1, 1), numbered(2, 1), numbered(3, 2))
    findings = by_code(volume_findings(layout))
    assert layout.parts == ((1,), (2, 3))
    assert findings["volume_right_hand"].status == "skip"
    assert findings["volume_blank_pages"].status == "skip"
