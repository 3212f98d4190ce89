"""Checks of the page and the text block: size, margins, body size, pitch, lines, characters.

A check the document gives nothing to measure on is "not measurable here" (``skip``), with the
reason: the bottom margin and the lines per page need a page filled to the last grid row (see
:mod:`docgen.inspect.grid`), the left and right margins a body line that starts at, or runs to,
the edge. Landscape pages are judged against the portrait block turned a quarter
(:mod:`docgen.inspect.landscape`).
"""

from __future__ import annotations

from docgen.inspect.findings import Finding, Text, pages_text, same, verdict
from docgen.inspect.landscape import turned_targets
from docgen.inspect.measurements import Measurements
from docgen.inspect.spec import Band, LayoutSpec

_MARGINS = (
    ("top", Text("上白边（天头）", "top margin")),
    ("bottom", Text("下白边", "bottom margin")),
    ("left", Text("左白边（订口）", "left margin (binding edge)")),
    ("right", Text("右白边（切口）", "right margin")),
)


def layout_findings(m: Measurements, spec: LayoutSpec) -> list[Finding]:
    """Page size, the four margins, body size and pitch, lines per page, characters per line."""
    findings = [_page_size(m, spec)]
    findings += [_margin(m, spec, side, label) for side, label in _MARGINS]
    body = m.body
    findings.append(
        _band("body_size", Text("正文字号", "body font size"), body.size, spec.body_pt, "pt")
    )
    findings.append(
        _band("line_pitch", Text("正文行距", "body line pitch"), body.pitch, spec.pitch_pt, "pt")
    )
    findings.append(_lines(m, spec))
    findings.append(_chars(m, spec))
    if m.turned_margins is not None:
        findings.append(_turned(m, spec))
    return findings


def _page_size(m: Measurements, spec: LayoutSpec) -> Finding:
    width, height = spec.page_width_mm, spec.page_height_mm

    def fits(w: float, h: float) -> bool:
        return width.holds(w) and height.holds(h)

    # A 横排 table page is the same sheet turned (GB/T 9704 §8).
    wrong = [
        p.page
        for p in m.pages
        if not (fits(p.width_mm, p.height_mm) or fits(p.height_mm, p.width_mm))
    ]
    turned = [p.page for p in m.pages if p.width_mm > p.height_mm]
    detail = Text(f"共 {len(m.pages)} 页", f"{len(m.pages)} page(s)")
    if turned:
        where = pages_text(turned)
        detail = Text(f"{detail.zh}，{where.zh}横排", f"{detail.en}, landscape: {where.en}")
    if wrong:
        detail = pages_text(wrong)
    first = m.pages[0]
    return Finding(
        "page_size",
        verdict(not wrong),
        Text("纸张尺寸", "page size"),
        same(f"{first.width_mm:g} × {first.height_mm:g} mm"),
        same(f"A4 {width.target:g} × {height.target:g} mm ± {width.tolerance:g} mm"),
        detail,
    )


def _margin(m: Measurements, spec: LayoutSpec, side: str, label: Text) -> Finding:
    band: Band = getattr(spec, f"{side}_mm")
    value: float | None = getattr(m.margins, side)
    if value is None:
        reason = _NO_BODY if m.body.size is None else _UNSEEN[side]
        return Finding(f"margin_{side}", "skip", label, same("—"), _expect(band, "mm"), reason)
    return _band(f"margin_{side}", label, value, band, "mm")


_NO_BODY = Text("竖排页上没有正文行", "no body lines on an upright page")
#: Why no line was counted although body text was printed.
_NO_FULL_LINE = Text(
    "没有可计数的满行（转行处都受标点禁则影响或含数字、字母）",
    "no full line to count (every wrap follows a line-breaking rule or holds digits or letters)",
)
_NOT_FULL = Text(
    "无法在此测量：没有正文排到最后一行网格的页",
    "not measurable here: no page is filled to the last grid row",
)
_UNSEEN = {
    "top": Text(
        "无法在此测量：正文行不在行网格上", "not measurable here: no body line on the grid"
    ),
    "bottom": _NOT_FULL,
    "left": Text(
        "无法在此测量：没有从版心左边缘起排的正文行",
        "not measurable here: no body line starts at the left edge",
    ),
    "right": Text(
        "无法在此测量：没有排满到版心右边缘的正文行",
        "not measurable here: no body line runs to the right edge",
    ),
}


def _band(code: str, label: Text, value: float | None, band: Band, unit: str) -> Finding:
    if value is None:
        return Finding(code, "skip", label, same("—"), _expect(band, unit), _NO_BODY)
    return Finding(
        code, verdict(band.holds(value)), label, same(f"{value:g} {unit}"), _expect(band, unit)
    )


def _expect(band: Band, unit: str, unit_en: str | None = None) -> Text:
    return Text(band.describe(unit), band.describe(unit_en or unit))


def _lines(m: Measurements, spec: LayoutSpec) -> Finding:
    label = Text("满页正文行数", "lines on a full body page")
    count, page = m.body.lines_per_page, m.body.full_page
    expected = _expect(spec.lines_per_page, "行", "lines")
    if count is None:
        why = _NO_BODY if m.body.size is None else _NOT_FULL
        return Finding("lines_per_page", "skip", label, same("—"), expected, why)
    where = Text(
        f"第 {page} 页排到最后一行网格（空行也算一行）",
        f"page {page} is filled to the last grid row (an empty line counts)",
    )
    ok = spec.lines_per_page.holds(count)
    return Finding("lines_per_page", verdict(ok), label, same(str(count)), expected, where)


def _chars(m: Measurements, spec: LayoutSpec) -> Finding:
    label = Text("满行字数", "characters on a full body line")
    body = m.body
    count, text = body.chars_per_line, body.full_line_text
    expected = _expect(spec.chars_per_line, "字", "characters")
    if count is None or text is None:
        why = _NO_BODY if body.size is None else _NO_FULL_LINE
        return Finding("chars_per_line", "skip", label, same("—"), expected, why)
    ok = spec.chars_per_line.holds(count)
    page = body.full_line_page
    if ok:
        where = Text(
            f"{body.full_lines} 行满行都是 {count:g} 字，如第 {page} 页「{text}」",
            f"all {body.full_lines} full lines hold {count:g}, e.g. page {page}: '{text}'",
        )
    else:
        where = Text(
            f"{body.full_lines} 行满行中有 {body.full_lines_off} 行不合，如第 {page} 页「{text}」",
            f"{body.full_lines_off} of {body.full_lines} full lines differ, "
            f"e.g. page {page}: '{text}'",
        )
    return Finding("chars_per_line", verdict(ok), label, same(f"{count:g}"), expected, where)


def _turned(m: Measurements, spec: LayoutSpec) -> Finding:
    """The landscape block's top, left and right margins against the turned portrait ones."""
    margins, turned = m.turned_margins, m.turned
    if margins is None or turned is None:
        raise ValueError("no landscape pages")  # only called when there are some
    want = turned_targets(spec)
    tolerance = spec.top_mm.tolerance
    names = (("top", "上"), ("left", "左"), ("right", "右"))
    values = {side: getattr(margins, side) for side, _ in names}
    seen = {side: v for side, v in values.items() if v is not None}
    label = Text("横排页白边", "landscape page margins")
    expected = Text(
        "上{top:g}／左{left:g}／右{right:g}／下{bottom:g} ± {t:g} mm（竖排版心转向）".format(
            t=tolerance, **want
        ),
        "top {top:g} / left {left:g} / right {right:g} / bottom {bottom:g} ± {t:g} mm "
        "(the portrait block turned)".format(t=tolerance, **want),
    )
    shown = Text(
        "／".join(f"{zh}{_mm(values[side])}" for side, zh in names),
        " / ".join(f"{side} {_mm(values[side])}" for side, _ in names),
    )
    where = pages_text(list(turned.pages))
    detail = Text(
        f"{where.zh}；下白边无法测量：表格行不拆页，排不到版心下边缘",
        f"{where.en}; bottom not measurable: table rows are kept whole and stop short of it",
    )
    if not seen:
        return Finding("margin_landscape", "skip", label, same("—"), expected, detail)
    ok = all(abs(v - want[side]) <= tolerance + 1e-6 for side, v in seen.items())
    return Finding("margin_landscape", verdict(ok), label, shown, expected, detail)


def _mm(value: float | None) -> str:
    return "—" if value is None else f"{value:g} mm"
