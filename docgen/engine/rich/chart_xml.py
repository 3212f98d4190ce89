"""The chart part and its embedded workbook, written by python-pptx.

Why python-pptx: it is maintained by python-docx's author, and its ``ChartXmlWriter``
writes DrawingML chart XML (``c:chartSpace``, the same part Word uses) for every
common chart type, with the series' cached values and the workbook references.
The alternatives either edit charts already in a document (docx-charts, not
released since 2023) or would mean writing chart XML by hand. The workbook those
references point into is :mod:`~docgen.engine.rich.chart_book`'s.

docgen adds what a Word chart needs beyond a PowerPoint one: the link to the
embedded workbook (``c:externalData``, so Word's 编辑数据 opens it), square
corners, a title or none, a legend where there is more than one colour to tell
apart, values printed on the marks, and text in the house faces (仿宋 with
Times New Roman digits, 小四).

python-pptx and those additions run once per *shape* of chart (kind, number of
categories, which values each series has, title, labels, axis from zero): the
part is built on numbered slots and cut there (:func:`_skeleton`), and each chart
is that skeleton with its own words (escaped as lxml writes them) and numbers (as
python-pptx writes them) filled in — 0.9 ms → 0.03 ms a chart, the same XML
canonically (tests/engine/rich/test_chart_xml.py compares the two on random tables).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from lxml import etree
from markupsafe import escape

from docgen.engine.rich.chart_book import workbook
from docgen.engine.rich.chart_data import ChartTable

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#: The kinds a template may ask for, with their Chinese names.
KINDS = {
    "column": "column", "柱形图": "column", "柱状图": "column",
    "bar": "bar", "条形图": "bar",
    "line": "line", "折线图": "line",
    "pie": "pie", "饼图": "pie",
}  # fmt: skip
_FONT_SIZE = 1200  # 小四, in hundredths of a point
#: Series colours, written out: a document's theme may have no chart colours, and
#: LibreOffice then draws bars and slices with no fill at all. Red first, as in party
#: documents; neighbours differ in lightness too, so a grey print still tells them apart.
PALETTE = ("C00000", "F0A030", "5B6B7B", "2E75B6", "70AD47", "7030A0", "BF8F00", "A5A5A5")
_LINE = '<c:spPr><a:ln w="{w}"><a:solidFill><a:srgbClr val="{c}"/></a:solidFill></a:ln></c:spPr>'
_AXIS_LINE = _LINE.format(w=9525, c="595959")
_GRID_LINE = _LINE.format(w=6350, c="D9D9D9")
#: Slots in a skeleton (private-use marks: python-pptx and lxml pass them through as text).
_SLOT = re.compile("\ue000(\\w+)\ue001")
#: Characters XML 1.0 cannot hold (lxml refuses them).
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True)


@functools.lru_cache(maxsize=64)
def chart_parts(kind: str, table: ChartTable, title: str, labels: bool) -> tuple[bytes, bytes]:
    """The chart part's XML (its workbook as relationship ``rId1``) and the workbook.

    Cached: a batch that prints the same statistics in every document builds them once.
    """
    return chart_xml(kind, table, title, labels), workbook(table)


def chart_xml(kind: str, table: ChartTable, title: str, labels: bool) -> bytes:
    """The chart part: python-pptx's XML for the chart's *shape*, with this table's words and
    numbers filled in.

    The elements depend only on the shape — kind, how many categories, which values each
    series has, title or none, labels, whether the value axis starts at zero — so python-pptx
    and :func:`_finish` run once per shape, on numbered slots (:func:`_skeleton`); a chart
    is then its skeleton joined with its texts escaped as lxml writes them. Text that XML
    cannot hold at all takes the whole path, which refuses it as it always did.
    """
    words = (title, *table.categories, *(name for name, _values in table.series))
    if any(_BAD_XML.search(text) for text in words):
        return pptx_chart_xml(kind, table, title, labels)
    shape = tuple(tuple(v is not None for v in values) for _name, values in table.series)
    texts_at, slots = _skeleton(kind, shape, bool(title), labels, _from_zero(table))
    filled: list[str] = []
    for text, (series, point) in zip(texts_at, slots, strict=False):
        filled.append(text)
        if series < 0:
            filled.append(_escape_text(words[point]))
        else:
            filled.append(f"{table.series[series][1][point]}")  # as python-pptx writes it
    filled.append(texts_at[-1])
    return "".join(filled).encode("utf-8")


def pptx_chart_xml(kind: str, table: ChartTable, title: str, labels: bool) -> bytes:
    """The chart part written whole by python-pptx and finished by :func:`_finish`: what
    :func:`chart_xml` must equal, and the path for text it cannot fill in."""
    return _build(kind, table, title, labels, _from_zero(table))


@functools.lru_cache(maxsize=128)
def _skeleton(
    kind: str, shape: tuple[tuple[bool, ...], ...], titled: bool, labels: bool, from_zero: bool
) -> tuple[tuple[str, ...], tuple[tuple[int, int], ...]]:
    """The chart XML of this shape cut at its slots: the texts between them, and what each
    slot holds — ``(-1, n)`` the n-th word (title, categories, series names), ``(j, i)``
    series j's value at category i."""
    points = len(shape[0])
    categories = tuple(_slot(f"w{1 + i}") for i in range(points))
    series = tuple(
        (
            _slot(f"w{1 + points + j}"),
            tuple(_slot(f"v{j}_{i}") if has else None for i, has in enumerate(row)),
        )
        for j, row in enumerate(shape)
    )
    slots = ChartTable(categories, series)  # type: ignore[arg-type]  # slots stand for numbers
    xml = _build(kind, slots, _slot("w0") if titled else "", labels, from_zero).decode("utf-8")
    pieces = _SLOT.split(xml)
    found: list[tuple[int, int]] = []
    for name in pieces[1::2]:
        if name[0] == "w":
            found.append((-1, int(name[1:])))
        else:
            j, _, i = name[1:].partition("_")
            found.append((int(j), int(i)))
    return tuple(pieces[0::2]), tuple(found)


def _build(kind: str, table: ChartTable, title: str, labels: bool, from_zero: bool) -> bytes:
    from pptx.chart.data import CategoryChartData  # imported on first use: most renders draw
    from pptx.chart.xmlwriter import ChartXmlWriter  # no chart, and python-pptx is large
    from pptx.enum.chart import XL_CHART_TYPE

    types: dict[str, Any] = {
        "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
        "bar": XL_CHART_TYPE.BAR_CLUSTERED,
        "line": XL_CHART_TYPE.LINE_MARKERS,
        "pie": XL_CHART_TYPE.PIE,
    }
    # python-pptx leaves these constructors unannotated (its package is typed otherwise).
    data = CategoryChartData(number_format="General")  # type: ignore[no-untyped-call]
    data.categories = list(table.categories)
    for name, values in table.series:
        data.add_series(name, list(values))  # type: ignore[no-untyped-call]
    writer = ChartXmlWriter(types[kind], data)  # type: ignore[no-untyped-call]
    root = etree.fromstring(writer.xml.encode("utf-8"), _PARSER)
    _finish(root, kind, table, title, labels, from_zero)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _from_zero(table: ChartTable) -> bool:
    """A value axis from zero: for data none of which is below it."""
    values = [v for _name, row in table.series for v in row if v is not None]
    return bool(values) and min(values) >= 0


def _slot(name: str) -> str:
    return f"\ue000{name}\ue001"


def _escape_text(text: str) -> str:
    """``text`` as it comes out of python-pptx's XML parsed and written by lxml: line ends
    made ``\\n`` (XML's own normalising), then ``& < >`` escaped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _finish(
    root: etree._Element, kind: str, table: ChartTable, title: str, labels: bool, from_zero: bool
) -> None:
    chart = root.find(f"{{{C}}}chart")
    assert chart is not None  # noqa: S101 -- python-pptx always writes c:chart
    _insert_after(root, ("date1904",), _el("roundedCorners", "0"))
    deleted = chart.find(f"{{{C}}}autoTitleDeleted")
    if deleted is not None:
        deleted.set("val", "0" if title else "1")
    if title:
        chart.insert(0, _title(title))
    area = chart.find(f"{{{C}}}plotArea")
    assert area is not None  # noqa: S101 -- python-pptx always writes c:plotArea
    plot = next(el for el in area if str(el.tag).endswith("Chart"))
    _colour(plot, kind, len(table.categories))
    if labels:
        last = plot.findall(f"{{{C}}}ser")[-1]
        last.addnext(_data_labels(kind))
    _axes(area, kind, from_zero)
    legend = chart.find(f"{{{C}}}legend")
    if legend is not None:
        chart.remove(legend)
    if kind == "pie" or len(table.series) > 1:
        _insert_after(chart, ("plotArea",), _legend())
    old = root.find(f"{{{C}}}txPr")
    if old is not None:
        root.remove(old)
    chart.addnext(_text_props())
    external = etree.Element(f"{{{C}}}externalData", nsmap={"r": R})
    external.set(f"{{{R}}}id", "rId1")
    external.append(_el("autoUpdate", "0"))
    root.find(f"{{{C}}}txPr").addnext(external)  # type: ignore[union-attr]


def _colour(plot: etree._Element, kind: str, points: int) -> None:
    """Each series its colour (a pie: each slice), placed where the schema wants it."""
    for n, ser in enumerate(plot.findall(f"{{{C}}}ser")):
        colour = PALETTE[n % len(PALETTE)]
        fill = f'<a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'
        if kind == "line":
            props = f'<c:spPr><a:ln w="28575" cap="rnd">{fill}</a:ln></c:spPr>'
            marker = (
                '<c:marker><c:symbol val="circle"/><c:size val="6"/>'
                f"<c:spPr>{fill}</c:spPr></c:marker>"
            )
        else:
            props, marker = f"<c:spPr>{fill}</c:spPr>", ""
        anchor = ser.find(f"{{{C}}}tx")
        if anchor is None:
            anchor = ser.find(f"{{{C}}}order")
        assert anchor is not None  # noqa: S101 -- python-pptx writes c:idx and c:order
        for xml in reversed([props, marker] if marker else [props]):
            anchor.addnext(_fragment(xml))
        if kind == "pie":
            at = ser.find(f"{{{C}}}spPr")
            assert at is not None  # noqa: S101 -- added just above
            for point in reversed(range(points)):
                slice_fill = PALETTE[point % len(PALETTE)]
                at.addnext(
                    _fragment(
                        f'<c:dPt><c:idx val="{point}"/><c:bubble3D val="0"/><c:spPr>'
                        f'<a:solidFill><a:srgbClr val="{slice_fill}"/></a:solidFill>'
                        '<a:ln w="9525"><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>'
                        "</a:ln></c:spPr></c:dPt>"
                    )
                )


def _axes(area: etree._Element, kind: str, from_zero: bool) -> None:
    """Visible axis lines, light grid lines, and a value axis from zero for positive data
    (a bar that starts at 18 makes 20 look like twice 19). Horizontal bars list the
    categories top down, in the order written, with the value axis kept at the foot."""
    for axis in (*area.findall(f"{{{C}}}catAx"), *area.findall(f"{{{C}}}valAx")):
        labels = axis.find(f"{{{C}}}tickLblPos")
        if labels is not None:
            labels.addnext(_fragment(_AXIS_LINE))
        grid = axis.find(f"{{{C}}}majorGridlines")
        if grid is not None:
            grid.append(_fragment(_GRID_LINE))
    for axis in area.findall(f"{{{C}}}valAx"):
        scaling = axis.find(f"{{{C}}}scaling")
        if scaling is not None and from_zero:
            if scaling.find(f"{{{C}}}orientation") is None:
                scaling.append(_el("orientation", "minMax"))
            scaling.append(_el("min", "0"))
    if kind == "bar":
        for orientation in area.iterfind(f"{{{C}}}catAx/{{{C}}}scaling/{{{C}}}orientation"):
            orientation.set("val", "maxMin")
        for crosses in area.iterfind(f"{{{C}}}valAx/{{{C}}}crosses"):
            crosses.set("val", "max")


def _el(name: str, val: str) -> etree._Element:
    el = etree.Element(f"{{{C}}}{name}")
    el.set("val", val)
    return el


def _insert_after(parent: etree._Element, names: tuple[str, ...], el: etree._Element) -> None:
    for name in names:
        found = parent.find(f"{{{C}}}{name}")
        if found is not None:
            found.addnext(el)
            return
    parent.insert(0, el)


def _fragment(xml: str) -> etree._Element:
    return etree.fromstring(f'<c:x xmlns:c="{C}" xmlns:a="{A}">{xml}</c:x>', _PARSER)[0]


def _run_props(size: int, bold: bool = False) -> str:
    return (
        f'<a:defRPr sz="{size}" b="{int(bold)}"><a:latin typeface="Times New Roman"/>'
        '<a:ea typeface="仿宋_GB2312"/></a:defRPr>'
    )


def _title(text: str) -> etree._Element:
    return _fragment(
        "<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p>"
        f"<a:pPr>{_run_props(1400)}</a:pPr>"
        f'<a:r><a:rPr lang="zh-CN" sz="1400" b="0"/><a:t>{escape(text)}</a:t></a:r>'
        '</a:p></c:rich></c:tx><c:overlay val="0"/></c:title>'
    )


def _data_labels(kind: str) -> etree._Element:
    where = {"column": "outEnd", "bar": "outEnd", "line": "t"}.get(kind)
    position = f'<c:dLblPos val="{where}"/>' if where else ""
    return _fragment(
        f"<c:dLbls>{position}"
        '<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>'
        '<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>'
    )


def _legend() -> etree._Element:
    return _fragment('<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>')


def _text_props() -> etree._Element:
    return _fragment(
        "<c:txPr><a:bodyPr/><a:lstStyle/><a:p>"
        f'<a:pPr>{_run_props(_FONT_SIZE)}</a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>'
    )


def relationships(workbook: str) -> bytes:
    """The chart part's relationships: ``rId1``, its workbook ``word/embeddings/<workbook>``."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{R}/package" Target="../embeddings/{workbook}"/>'
        "</Relationships>"
    ).encode()
