"""Checks of the page numbers against GB/T 9704 7.5 (see :mod:`docgen.inspect.spec` for limits).

- form: ``— N —`` with U+2014 dashes, numbers running on by one from page to page;
- size: 4号 (14 pt);
- height: the dash line 7 mm below the text block on every page (the measured bottom, else the
  one the grid implies, else the nominal one: see :mod:`docgen.inspect.measurements`);
- odd and even pages: odd numbers at the right, even at the left, one character in from the text
  block edge (or all centred when the spec says so);
- landscape pages among upright ones (GB/T 9704-2012 §8): the number at the foot of the sheet
  held upright, turned with it (the landscape page's left edge), which puts the table's head,
  the landscape page's top, on the sheet's left: the binding edge of an odd page, the fore-edge
  of an even one. A number turned so is measured with the upright pages' numbers (side, gap,
  height against the upright block).
"""

from __future__ import annotations

import re

from docgen.inspect.findings import Finding, Text, pages_text, same, verdict
from docgen.inspect.measurements import Measurements
from docgen.inspect.pagenum import PageNumber
from docgen.inspect.spec import LayoutSpec

_FORM = re.compile(r"^— ?\d+ ?—$")
_SIDE = {
    "left": Text("居左", "left"),
    "right": Text("居右", "right"),
    "centre": Text("居中", "centre"),
}


def number_findings(m: Measurements, spec: LayoutSpec) -> list[Finding]:
    """Form, size, height and the odd/even placement of the page numbers."""
    numbers = list(m.page_numbers)
    if not numbers:
        missing = Text("没有找到页码", "no page numbers found")
        return [Finding("page_number_form", "fail", _FORM_LABEL, same("—"), _FORM_EXPECT, missing)]
    # A 横排 page is judged against its own (turned) block, or not at all when it has none.
    upright = [n for n in numbers if not n.landscape or n.turned_block or n.turned]
    odd = [n for n in upright if _parity(n) == 1]
    even = [n for n in upright if _parity(n) == 0]
    return [
        _form(numbers, m),
        _size(numbers, spec),
        _height(upright, spec, m.bottom_from),
        _placement("page_number_odd", odd, spec, "right"),
        _placement("page_number_even", even, spec, "left"),
        *_landscape_foot(numbers, m),
    ]


_FORM_LABEL = Text("页码样式", "page number form")
_FORM_EXPECT = Text("“— N —”，一字线为 U+2014，逐页连续", "'— N —' with U+2014 dashes, consecutive")


def _parity(number: PageNumber) -> int:
    return (number.value if number.value is not None else number.page) % 2


def _form(numbers: list[PageNumber], m: Measurements) -> Finding:
    wrong = [n.page for n in numbers if not _FORM.match(n.text)]
    values = [n.value for n in numbers]
    gaps = [
        b.page
        for a, b, va, vb in zip(numbers, numbers[1:], values, values[1:], strict=False)
        if va is None or vb is None or vb - va != b.page - a.page
    ]
    bad = sorted(set(wrong + gaps))
    unnumbered = len(m.pages) - len(numbers)
    detail = pages_text(bad) if bad else Text(f"{len(numbers)} 个页码", f"{len(numbers)} numbers")
    if unnumbered:
        detail = Text(
            f"{detail.zh}；{unnumbered} 页无页码", f"{detail.en}; {unnumbered} page(s) unnumbered"
        )
    sample = same(" / ".join(dict.fromkeys(n.text for n in numbers[:2])))
    return Finding("page_number_form", verdict(not bad), _FORM_LABEL, sample, _FORM_EXPECT, detail)


def _size(numbers: list[PageNumber], spec: LayoutSpec) -> Finding:
    wrong = [n.page for n in numbers if not spec.page_number_pt.holds(n.size)]
    sizes = " / ".join(f"{s:g} pt" for s in sorted({n.size for n in numbers}))
    return Finding(
        "page_number_size",
        verdict(not wrong),
        Text("页码字号", "page number size"),
        same(f"{sizes} ({numbers[0].font})"),
        Text(
            f"4号 {spec.page_number_pt.describe('pt')}",
            f"size 4 {spec.page_number_pt.describe('pt')}",
        ),
        pages_text(wrong) if wrong else Text("", ""),
    )


_AGAINST = {
    "measured": Text("", ""),
    "grid": Text(
        "没有排满的页，按行网格推得的版心下边缘计（上边缘 + 22 × 行距）",
        "no full page: against the bottom edge the line grid implies (top + 22 × pitch)",
    ),
    "nominal": Text("按标称版心下边缘计", "against the nominal block"),
}


def _height(numbers: list[PageNumber], spec: LayoutSpec, bottom_from: str) -> Finding:
    band = spec.dash_below_block_mm
    label = Text("一字线距版心下边缘", "dash line below the text block")
    if not numbers:
        none = Text("只有横排页", "landscape pages only")
        return Finding(
            "page_number_height", "skip", label, same("—"), same(band.describe("mm")), none
        )
    values = [n.below_block_mm for n in numbers]
    wrong = [n.page for n, v in zip(numbers, values, strict=True) if v is None or not band.holds(v)]
    known = [v for v in values if v is not None]
    shown = f"{min(known):g}–{max(known):g} mm" if known else "—"
    if known and min(known) == max(known):
        shown = f"{known[0]:g} mm"
    note = _AGAINST[bottom_from]
    if any(n.turned_block for n in numbers):
        turned = Text("横排页按转向后的版心计", "landscape pages against the turned block")
        note = Text(f"{note.zh}；{turned.zh}".lstrip("；"), f"{note.en}; {turned.en}".lstrip("; "))
    if not all(n.from_ink for n in numbers):
        note = Text(f"{note.zh}（按字框估计）", f"{note.en} (estimated from the glyph box)")
    if wrong:
        where = pages_text(wrong)
        note = Text(f"{where.zh} {note.zh}".strip(), f"{where.en} {note.en}".strip())
    return Finding(
        "page_number_height",
        verdict(not wrong),
        label,
        same(shown),
        same(band.describe("mm")),
        note,
    )


def _placement(code: str, numbers: list[PageNumber], spec: LayoutSpec, side: str) -> Finding:
    want = "centre" if spec.page_number_placement == "centre" else side
    low, high = spec.page_number_gap_mm
    label = (
        Text("单页码位置", "odd page numbers")
        if side == "right"
        else Text("双页码位置", "even page numbers")
    )
    expected = _expected_place(want, low, high)
    if not numbers:
        none = Text("没有这类页码", "no such page numbers")
        return Finding(code, "skip", label, same("—"), expected, none)
    wrong = [n.page for n in numbers if not _placed(n, want, low, high)]
    first = numbers[0]
    measured = Text(
        f"{_SIDE[first.side].zh}，距版心边缘 {first.gap_mm:g} mm",
        f"{_SIDE[first.side].en}, {first.gap_mm:g} mm from the block edge",
    )
    detail = pages_text(wrong) if wrong else Text("", "")
    return Finding(code, verdict(not wrong), label, measured, expected, detail)


def _placed(n: PageNumber, want: str, low: float, high: float) -> bool:
    if n.side != want:
        return False
    return want == "centre" or low <= n.gap_mm <= high


def _expected_place(want: str, low: float, high: float) -> Text:
    if want == "centre":
        return Text("居中", "centred")
    return Text(
        f"{_SIDE[want].zh}空一字（{low:g}–{high:g} mm）",
        f"{_SIDE[want].en}, one character in ({low:g}–{high:g} mm)",
    )


def _landscape_foot(numbers: list[PageNumber], m: Measurements) -> list[Finding]:
    """§8 for the landscape pages' numbers; nothing to say when there are none."""
    landscape = [n for n in numbers if n.landscape]
    if not landscape:
        return []
    label = Text("横排页页码", "landscape page numbers")
    expected = Text(
        "在竖持纸张的下方，随纸张转向（横表左侧）；单页表头朝订口，双页表头朝切口",
        "at the foot of the sheet held upright, turned with it (the table's left side); "
        "head toward the binding edge on odd pages, the fore-edge on even ones",
    )
    upright_pages = any(p.width_mm <= p.height_mm for p in m.pages)
    if not (upright_pages or any(n.turned for n in landscape)):
        why = Text("只有横排页，没有竖排页的页码可对齐", "landscape pages only")
        return [Finding("page_number_landscape", "skip", label, same("—"), expected, why)]
    wrong = [n.page for n in landscape if not n.turned]
    measured = Text(
        f"{len(landscape) - len(wrong)}/{len(landscape)} 页在纸张下方",
        f"{len(landscape) - len(wrong)}/{len(landscape)} at the sheet's foot",
    )
    detail = Text("", "")
    if wrong:
        where = pages_text(wrong)
        detail = Text(
            f"{where.zh} 页码在横表下边，装订后落在订口或切口",
            f"{where.en}: the number is under the table, on the binding or fore-edge once bound",
        )
    return [Finding("page_number_landscape", verdict(not wrong), label, measured, expected, detail)]
