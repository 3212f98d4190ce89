"""Native Word charts: ``{{ attendance|chart('column', title='各月到会人数') }}``.

A chart value becomes a real chart part (``word/charts/…``) with its numbers in an
embedded workbook (``word/embeddings/…``), so Word and WPS open it as a chart
they can restyle and whose data they can edit (编辑数据), and LibreOffice draws
it in the PDF. Bar, column, line and pie charts; the data is a table of numbers
in any of the shapes :mod:`~docgen.engine.rich.chart_data` reads. The chart
stands inline where the tag is, ``width`` × ``height`` millimetres; its line
grows to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from docgen.engine.images import Mm
from docgen.engine.rich.chart_data import ChartTable, read_table
from docgen.engine.rich.chart_xml import KINDS, chart_parts, relationships
from docgen.engine.rich.lines import unclip_pictures
from docgen.i18n import tr

if TYPE_CHECKING:
    from docgen.engine.values import RenderState

CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
CT_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
RT_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
#: Fits a body paragraph's line: 156 mm type area less the two-character first-line indent.
DEFAULT_WIDTH_MM, DEFAULT_HEIGHT_MM = 140.0, 85.0


class Chart:
    """A ``kind`` chart (column, bar, line, pie) of ``table``, ``width`` × ``height`` EMU."""

    docgen_kind = "custom"

    def __init__(
        self,
        kind: str,
        table: ChartTable,
        *,
        title: str = "",
        width: int | None = None,
        height: int | None = None,
        labels: bool = True,
    ) -> None:
        found = KINDS.get(str(kind).strip().lower())
        if found is None:
            raise ValueError(
                tr(
                    f"图表类型 {kind!r} 无效：可选 column（柱形图）、bar（条形图）、"
                    "line（折线图）、pie（饼图）",
                    f"chart kind {kind!r} is not valid: use column, bar, line or pie",
                )
            )
        if found == "pie":
            _check_pie(table)
        self.kind = found
        self.table = table
        self.title = "" if title is None else str(title)
        self.width = int(Mm(DEFAULT_WIDTH_MM) if width is None else width)
        self.height = int(Mm(DEFAULT_HEIGHT_MM) if height is None else height)
        self.labels = bool(labels)

    def __str__(self) -> str:
        return self.title

    def docgen_render(self, state: RenderState, index: int) -> Markup:
        """The chart's run at site ``index``; its parts and relationship added to the package."""
        xml, workbook = chart_parts(self.kind, self.table, self.title, self.labels)
        number = _free_number(state)
        chart, book = f"docgen_chart{number}.xml", f"docgen_chart{number}.xlsx"
        state.add_part(f"word/embeddings/{book}", CT_XLSX, workbook)
        state.add_part(f"word/charts/_rels/{chart}.rels", "", relationships(book))
        state.add_part(f"word/charts/{chart}", CT_CHART, xml)
        rid = state.relate_as(state.part, f"charts/{chart}", RT_CHART)
        state.finish(unclip_pictures)
        return state.fragment(index, self._run(state, index, rid), "run")

    def _run(self, state: RenderState, index: int, rid: str) -> str:
        shape = state.new_id()
        descr = escape(self.title or tr("图表", "chart"))
        return (
            f"<w:r>{state.site(index).rpr}<w:drawing>"
            '<wp:inline distT="0" distB="0" distL="0" distR="0" '
            'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
            f'<wp:extent cx="{self.width}" cy="{self.height}"/>'
            '<wp:effectExtent l="0" t="0" r="0" b="0"/>'
            f'<wp:docPr id="{shape}" name="图表 {shape}" descr="{descr}"/><wp:cNvGraphicFramePr/>'
            '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
            '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
            '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
            f'r:id="{rid}"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
        )


def _free_number(state: RenderState) -> int:
    """The lowest chart number neither this render nor the template has used."""
    package = state.includes.package
    number = 1
    while f"word/charts/docgen_chart{number}.xml" in state.parts or (
        package is not None and package.has(f"word/charts/docgen_chart{number}.xml")
    ):
        number += 1
    return number


def _check_pie(table: ChartTable) -> None:
    if len(table.series) != 1:
        raise ValueError(
            tr(
                f"饼图只能有一个数据系列，这里有 {len(table.series)} 个",
                f"a pie chart takes one data series, not {len(table.series)}",
            )
        )
    negative = [c for c, v in zip(table.categories, table.series[0][1], strict=True) if v and v < 0]
    if negative:
        raise ValueError(
            tr(
                f"饼图的数值不能为负：「{negative[0]}」",
                f"a pie chart cannot show {negative[0]!r} below zero",
            )
        )


def chart_filter(
    value: object,
    kind: str = "column",
    title: str = "",
    category: str | None = None,
    series: Sequence[str] | str | None = None,
    width: float = DEFAULT_WIDTH_MM,
    height: float = DEFAULT_HEIGHT_MM,
    labels: bool = True,
) -> Chart:
    """``{{ rows|chart('column', title='…', category='月份', series=['应到', '实到']) }}``."""
    for size in (width, height):
        if not 20 <= float(size) <= 400:
            raise ValueError(
                tr(
                    f"图表尺寸 {size} 毫米不合理：宽和高应在 20 到 400 毫米之间",
                    f"chart size {size} mm is out of range: use 20-400 mm",
                )
            )
    table = read_table(value, category, series)
    return Chart(
        kind, table, title=title, width=Mm(float(width)), height=Mm(float(height)), labels=labels
    )
