"""Native charts: real chart parts whose embedded workbook holds the numbers the chart shows."""

from __future__ import annotations

import io
import re
import zipfile

import docx
import openpyxl
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

import docgen
from docgen.engine.images import Mm
from docgen.engine.rich import Chart
from docgen.engine.rich.chart_data import read_table
from tests.docx_builder import make_docx, p, with_body

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
NS = {"c": C}
ROWS = [
    {"月份": "9月", "应到": 23, "实到": 21},
    {"月份": "10月", "应到": 23, "实到": 22.5},
    {"月份": "11月", "应到": 24, "实到": "20"},  # a number typed as text in a spreadsheet
]
VOTES = {"优秀": 15, "合格": 7, "基本合格": 1}


def render(tag: str, data: dict[str, object]) -> bytes:
    out = docgen.Template(make_docx(p(tag))).render(data, check=True)
    assert docgen.verify_package(out) == []
    return out


def charts(blob: bytes) -> list[tuple[etree._Element, openpyxl.Workbook]]:
    """Each chart of the body as python-docx's package reader finds it: its XML and the
    workbook embedded in it (through the chart part's own relationship)."""
    document = docx.Document(io.BytesIO(blob))
    found = []
    for rel in document.part.rels.values():
        if rel.reltype != RT.CHART:
            continue
        chart_part = rel.target_part
        (embedded,) = [r.target_part for r in chart_part.rels.values() if r.reltype == RT.PACKAGE]
        workbook = openpyxl.load_workbook(io.BytesIO(embedded.blob))
        found.append((etree.fromstring(chart_part.blob), workbook))
    return found


def resolve(workbook: openpyxl.Workbook, ref: str) -> list[object]:
    """The cell values a chart formula such as ``Sheet1!$B$2:$B$4`` points at."""
    sheet, _, cells = ref.partition("!")
    area = workbook[sheet][cells.replace("$", "")]
    if not isinstance(area, tuple):
        return [area.value]
    return [cell.value for row in area for cell in (row if isinstance(row, tuple) else (row,))]


def test_workbook_holds_the_source_numbers_where_the_chart_points() -> None:
    """Every series' name, categories and values are cells of the embedded workbook, at the
    references the chart reads (so editing a cell is what Word redraws), and the chart's
    cached values equal them: the numbers of the data, nothing rounded or lost."""
    out = render("{{ rows|chart('column', title='各月到会', category='月份') }}", {"rows": ROWS})
    ((chart, workbook),) = charts(out)
    series = chart.findall(".//c:ser", NS)
    assert len(series) == 2
    source = {"应到": [23, 23, 24], "实到": [21, 22.5, 20]}
    for ser in series:
        name_ref = ser.findtext("c:tx/c:strRef/c:f", namespaces=NS)
        (name,) = resolve(workbook, name_ref)
        values_ref = ser.findtext("c:val/c:numRef/c:f", namespaces=NS)
        assert resolve(workbook, values_ref) == source[name]
        cached = [float(v.text) for v in ser.iterfind("c:val/c:numRef/c:numCache/c:pt/c:v", NS)]
        assert cached == source[name]
        categories = resolve(workbook, ser.findtext("c:cat/c:strRef/c:f", namespaces=NS))
        assert categories == ["9月", "10月", "11月"]
    assert chart.find("c:externalData", NS) is not None  # Word's 编辑数据 opens the workbook
    title = "".join(chart.find("c:chart/c:title", NS).itertext())
    assert title == "各月到会"


@pytest.mark.parametrize(
    ("kind", "element"),
    [("column", "barChart"), ("bar", "barChart"), ("line", "lineChart"), ("pie", "pieChart"),
     ("柱形图", "barChart"), ("饼图", "pieChart")],
)  # fmt: skip
def test_each_kind_is_its_chart_type(kind: str, element: str) -> None:
    """column/bar/line/pie (and their Chinese names) make that chart type, every series
    coloured explicitly (a theme without chart colours draws nothing otherwise)."""
    out = render(f"{{{{ votes|chart('{kind}') }}}}", {"votes": VOTES})
    ((chart, workbook),) = charts(out)
    plot = chart.find(f".//c:{element}", NS)
    assert plot is not None
    for ser in plot.findall("c:ser", NS):
        assert ser.find("c:spPr", NS) is not None
    if element == "barChart":
        direction = plot.find("c:barDir", NS).get("val")
        assert direction == ("bar" if kind == "bar" else "col")
    if element == "pieChart":
        assert len(plot.findall("c:ser/c:dPt", NS)) == 3  # one colour per slice
    assert resolve(workbook, chart.findtext(".//c:val/c:numRef/c:f", namespaces=NS)) == [15, 7, 1]


def test_two_charts_get_their_own_parts_and_the_same_bytes_each_time() -> None:
    """Two charts are two parts with two workbooks; the same data renders the same bytes."""
    template = docgen.Template(make_docx(p("{{ rows|chart('line', category='月份') }}"
                                           "{{ votes|chart('pie') }}")))  # fmt: skip
    out = template.render({"rows": ROWS, "votes": VOTES}, check=True)
    assert len(charts(out)) == 2
    names = zipfile.ZipFile(io.BytesIO(out)).namelist()
    assert len([n for n in names if re.fullmatch(r"word/charts/docgen_chart\d\.xml", n)]) == 2
    assert len([n for n in names if n.startswith("word/embeddings/")]) == 2
    assert template.render({"rows": ROWS, "votes": VOTES}, check=True) == out


def test_a_rendered_document_with_a_chart_can_be_a_template_again() -> None:
    """A second render of a document that already holds docgen_chart1 picks the next name."""
    first = render("{{ votes|chart('pie') }}", {"votes": VOTES})
    template = docgen.Template(with_body(first, p("{{ votes|chart('column') }}")))
    again = template.render({"votes": VOTES}, check=True)
    assert docgen.verify_package(again) == []
    assert len(charts(again)) == 2


def test_size_and_python_value() -> None:
    """``width``/``height`` in mm set the drawing's extent; ``Chart(...)`` works from Python."""
    out = render("{{ votes|chart('pie', width=100, height=60) }}", {"votes": VOTES})
    extent = docx.Document(io.BytesIO(out)).inline_shapes[0]
    assert (extent.width, extent.height) == (Mm(100), Mm(60))
    table = read_table({"categories": ["甲", "乙"], "series": {"完成": [3, 5], "未完成": [1, 0]}})
    out = render("{{ c }}", {"c": Chart("bar", table, title="整改完成情况")})
    ((_chart, workbook),) = charts(out)
    sheet = workbook.active
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        [None, "完成", "未完成"], ["甲", 3, 1], ["乙", 5, 0],
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"v": {"优秀": "很多"}}, "图表系列「数值」「优秀」的值 '很多' 不是数字"),
        ({"v": [{"月": "1月", "人": 3}, {"月": "2月"}]}, "图表数据第 2 行缺少「人」列"),
        ({"v": {}}, "图表没有分类"),
        ({"v": "不是表"}, "无法把 str 当作图表数据"),
        ({"v": {"categories": ["a"], "series": {"x": [1, 2]}}}, "有 2 个数值，分类有 1 个"),
    ],
)
def test_bad_data_is_an_error_naming_what_is_wrong(data: dict[str, object], message: str) -> None:
    """Text where a number belongs, a missing column, no data: clear errors at the tag."""
    template = docgen.Template(make_docx(p("{{ v|chart('column') }}")))
    with pytest.raises(docgen.RenderError, match=re.escape(message)) as caught:
        template.render(data)
    assert caught.value.location is not None


def test_pie_takes_one_series_of_positive_numbers() -> None:
    """A pie of two series, or of a negative number, cannot be drawn: an error says why."""
    template = docgen.Template(make_docx(p("{{ rows|chart('pie', category='月份') }}")))
    with pytest.raises(docgen.RenderError, match="饼图只能有一个数据系列"):
        template.render({"rows": ROWS})
    with pytest.raises(docgen.RenderError, match="饼图的数值不能为负"):
        docgen.Template(make_docx(p("{{ v|chart('pie') }}"))).render({"v": {"甲": -1}})


def test_a_bad_kind_from_the_data_is_refused_at_render() -> None:
    """A kind the data gives (a literal one is ``docgen check``'s, test_check.py) is an error
    listing the kinds."""
    blob = make_docx(p("{{ v|chart(kind) }}"))
    with pytest.raises(docgen.RenderError, match="图表类型 'radar' 无效"):
        docgen.Template(blob).render({"v": VOTES, "kind": "radar"})
