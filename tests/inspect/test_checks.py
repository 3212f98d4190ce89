"""Findings from measurements: each check passes, fails or skips on the right figures."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from docgen.i18n import set_language
from docgen.inspect.check_fonts import font_findings
from docgen.inspect.check_layout import layout_findings
from docgen.inspect.check_numbers import number_findings
from docgen.inspect.findings import Finding
from docgen.inspect.measure import Body, TextBlock
from docgen.inspect.measurements import Margins, Measurements, PageSize
from docgen.inspect.pagenum import PageNumber
from docgen.inspect.spec import GBT_9704, LayoutSpec


def number(page: int, side: str = "", gap: float = 5.0, below: float = 7.0) -> PageNumber:
    """A well-placed ``— N —``."""
    where = side or ("right" if page % 2 else "left")
    return PageNumber(
        page,
        f"— {page} —",
        page,
        14,
        "FandolSong",
        0,
        0,
        where,
        gap,
        760,
        below,
        True,  # type: ignore[arg-type]
    )


BASE = Measurements(
    file="x.pdf",
    pages=(PageSize(1, 210, 297), PageSize(2, 210, 297)),
    block=TextBlock(104.9, 741.8, 79.4, 521.6),
    margins=Margins(37.2, 34.9, 28.0, 26.4),
    body=Body(16, 28.95, 22, 1, 28, 1, "党" * 28, full_lines=12),
    fonts={
        "title": Counter({"FandolSong-Bold": 12}),
        "body": Counter({"FandolFang-Regular": 900, "FandolHei-Regular": 3}),
        "h1": Counter({"FandolHei-Regular": 8}),
        "h2": Counter({"FandolKai-Regular": 8}),
        "page_number": Counter({"FandolSong-Regular": 10}),
    },
    page_numbers=(number(1), number(2)),
    bottom_measured=True,
)


def codes(findings: list[Finding], status: str) -> set[str]:
    """Codes of the findings with ``status``."""
    return {f.code for f in findings if f.status == status}


def all_findings(m: Measurements, spec: LayoutSpec = GBT_9704) -> list[Finding]:
    """Every finding about ``m``."""
    return [*layout_findings(m, spec), *font_findings(m, spec), *number_findings(m, spec)]


def test_house_style_measurements_pass() -> None:
    """Nothing fails; levels 3 and 4 are absent and skipped."""
    findings = all_findings(BASE)
    assert codes(findings, "fail") == set()
    assert codes(findings, "skip") == {"font_h3", "font_h4"}


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"margins": Margins(30.0, 34.9, 28.0, 26.4)}, "margin_top"),
        ({"margins": Margins(37.2, 36.2, 28.0, 26.4)}, "margin_bottom"),
        ({"margins": Margins(37.2, 34.9, 26.9, 26.4)}, "margin_left"),
        ({"body": Body(12, 28.95, 22, 1, 28, 1, "党")}, "body_size"),
        ({"body": Body(16, 30, 22, 1, 28, 1, "党")}, "line_pitch"),
        ({"body": Body(16, 28.95, 21, 1, 28, 1, "党")}, "lines_per_page"),
        ({"body": Body(16, 28.95, 22, 1, 26.5, 1, "党")}, "chars_per_line"),
        # One character short on a full line: ±1 let this pass (issue 9 §3).
        ({"body": Body(16, 28.95, 22, 1, 27, 1, "党", 12, 1)}, "chars_per_line"),
        ({"pages": (PageSize(1, 215.9, 279.4), PageSize(2, 210, 297))}, "page_size"),
    ],
)
def test_one_wrong_figure_fails_one_check(change: dict[str, object], code: str) -> None:
    """Each figure out of its band fails exactly its own check."""
    findings = all_findings(replace(BASE, **change))  # type: ignore[arg-type]
    assert codes(findings, "fail") == {code}


def test_body_in_a_sans_face_fails_the_body_font() -> None:
    """Body printed in 黑体 (the LibreOffice fallback) fails and names the face."""
    fonts = dict(BASE.fonts, body=Counter({"NotoSansCJKjp-Regular": 900}))
    findings = all_findings(replace(BASE, fonts=fonts))
    failed = [f for f in findings if f.status == "fail"]
    assert [f.code for f in failed] == ["font_body"]
    assert "NotoSansCJKjp-Regular" in str(failed[0].measured)


def test_fallback_glyphs_are_listed() -> None:
    """Glyphs of the body in another face show in the detail."""
    body = next(f for f in all_findings(BASE) if f.code == "font_body")
    assert "FandolHei-Regular ×3" in str(body.detail)


def test_page_numbers_on_the_wrong_side_or_height() -> None:
    """An odd number on the left, an even number too low."""
    numbers = (number(1, side="left"), number(2, below=9.5))
    failed = codes(all_findings(replace(BASE, page_numbers=numbers)), "fail")
    assert failed == {"page_number_odd", "page_number_height"}


def test_page_number_form_and_sequence() -> None:
    """A hyphen form fails; so does a jump in the numbering."""
    hyphen = replace(number(1), text="- 1 -")
    jump = replace(number(2), value=4, text="— 4 —")
    for pair in ((hyphen, number(2)), (number(1), jump)):
        failed = codes(all_findings(replace(BASE, page_numbers=pair)), "fail")
        assert failed == {"page_number_form"}


def test_missing_page_numbers_fail() -> None:
    """No page numbers at all is one failing finding."""
    findings = number_findings(replace(BASE, page_numbers=()), GBT_9704)
    assert [(f.code, f.status) for f in findings] == [("page_number_form", "fail")]


def test_centred_variant() -> None:
    """With centred page numbers expected, outside ones fail and centred ones pass."""
    spec = LayoutSpec(page_number_placement="centre")
    assert "page_number_odd" in codes(all_findings(BASE, spec), "fail")
    centred = replace(BASE, page_numbers=(number(1, "centre", 0.2), number(2, "centre", 0.1)))
    assert codes(all_findings(centred, spec), "fail") == set()


def test_messages_in_english() -> None:
    """Checks and expectations read in English when asked."""
    set_language("en")
    finding = layout_findings(BASE, GBT_9704)[1]
    assert finding.to_dict()["check"] == "top margin"
    assert finding.to_dict()["expected"] == "37 ± 1 mm"


def test_landscape_page_numbers_are_not_placed_against_the_portrait_block() -> None:
    """A 横排 page's number under its table is not placed against the portrait block; among
    upright pages it fails GB/T 9704-2012 §8 (once bound it is on the binding or fore-edge)."""
    under = replace(number(2, side="centre", gap=40, below=60), landscape=True)
    findings = all_findings(replace(BASE, page_numbers=(number(1), under)))
    assert codes(findings, "fail") == {"page_number_landscape"}
    foot = next(f for f in findings if f.code == "page_number_landscape")
    assert str(foot.detail) == "第 2 页 页码在横表下边，装订后落在订口或切口"


def test_number_turned_to_the_sheets_foot_is_judged_with_the_upright_ones() -> None:
    """Turned to the sheet's foot, a landscape page's number passes §8 and is placed like the
    upright pages' numbers: one in the wrong place fails the even-page check."""
    pages = (PageSize(1, 210, 297), PageSize(2, 297, 210))
    good = replace(number(2), landscape=True, turned=True)
    passed = all_findings(replace(BASE, pages=pages, page_numbers=(number(1), good)))
    assert codes(passed, "fail") == set()
    assert "page_number_landscape" in codes(passed, "pass")
    astray = replace(number(2, gap=12), landscape=True, turned=True)
    failed = all_findings(replace(BASE, pages=pages, page_numbers=(number(1), astray)))
    assert codes(failed, "fail") == {"page_number_even"}


def test_landscape_pages_alone_have_nothing_to_align_with() -> None:
    """A document of landscape pages only (a 台账 printed alone) skips the §8 check."""
    pages = (PageSize(1, 297, 210), PageSize(2, 297, 210))
    under = tuple(replace(number(n), landscape=True) for n in (1, 2))
    findings = all_findings(replace(BASE, pages=pages, page_numbers=under))
    assert "page_number_landscape" in codes(findings, "skip")


def test_landscape_a4_is_a4() -> None:
    """A turned A4 sheet passes the page size check and is named in the detail."""
    pages = (PageSize(1, 210, 297), PageSize(2, 297, 210))
    size = layout_findings(replace(BASE, pages=pages), GBT_9704)[0]
    assert size.status == "pass"
    assert "第 2 页横排" in str(size.detail)


def test_no_full_page_is_not_measurable_and_says_why() -> None:
    """Without a page filled to the last row: bottom and lines skipped, numbers on the grid."""
    from docgen.inspect.measure import TextBlock as Block

    m = replace(
        BASE,
        block=Block(104.9, None, 79.4, 521.6, grid_bottom=742.0),
        margins=replace(BASE.margins, bottom=None),
        body=replace(BASE.body, lines_per_page=None, full_page=None),
        bottom_measured=False,
        bottom_from="grid",
    )
    findings = {f.code: f for f in all_findings(m)}
    assert findings["margin_bottom"].status == "skip"
    assert findings["lines_per_page"].status == "skip"
    assert "最后一行网格" in str(findings["lines_per_page"].detail)
    assert findings["page_number_height"].status == "pass"
    assert "网格" in str(findings["page_number_height"].detail)


@pytest.mark.parametrize(("top", "status"), [(28.1, "pass"), (30.0, "fail")])
def test_landscape_margins_against_the_turned_block(top: float, status: str) -> None:
    """A landscape page is judged on 28 mm top, 35 left, 37 right."""
    from docgen.inspect.landscape import TurnedBlock, TurnedMargins

    m = replace(
        BASE,
        pages=(*BASE.pages, PageSize(3, 297, 210)),
        turned=TurnedBlock(80, 99.2, 737.0, 521.6, (3,)),
        turned_margins=TurnedMargins(top, 35.0, 37.0),
    )
    finding = next(f for f in all_findings(m) if f.code == "margin_landscape")
    assert finding.status == status
