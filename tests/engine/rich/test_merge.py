"""Merge by value: equal adjacent cells of a marked column become one merged cell."""

from __future__ import annotations

import io
import zipfile

import docx
import pdfplumber
import pytest
from lxml import etree

import docgen
from docgen.context import read_data
from docgen.library import find_manifest
from tests.docx_builder import make_docx, p
from tests.engine.rich.sample import Sample
from tests.templates.conftest import ROOT

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _table(header: list[str], cells: list[str]) -> str:
    grid = "".join('<w:gridCol w:w="2000"/>' for _ in cells)
    head = "<w:tr>" + "".join(f"<w:tc><w:tcPr/>{p(h)}</w:tc>" for h in header) + "</w:tr>"
    body = "".join(f"<w:tc><w:tcPr/>{p(c)}</w:tc>" for c in cells)
    return (
        f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{head}"
        f"<w:tr><w:tc>{p('{%tr for row in rows %}')}</w:tc></w:tr>"
        f"<w:tr>{body}</w:tr>"
        f"<w:tr><w:tc>{p('{%tr endfor %}')}</w:tc></w:tr></w:tbl>"
    )


def _rows(blob: bytes) -> list[list[tuple[str, str | None, int]]]:
    """Each body row: (text, vMerge value or 'none', gridSpan) per cell."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(blob)).read("word/document.xml"))
    out = []
    for tr in root.iter(f"{W}tr"):
        row = []
        for tc in tr.iterchildren(f"{W}tc"):
            vm = tc.find(f"{W}tcPr/{W}vMerge")
            span = tc.find(f"{W}tcPr/{W}gridSpan")
            row.append(
                (
                    "".join(tc.itertext()),
                    "none" if vm is None else vm.get(f"{W}val"),
                    int(span.get(f"{W}val")) if span is not None else 1,
                )
            )
        out.append(row)
    return out[1:]


LEDGER = [
    {"cat": "政治建设", "title": "学习不深"},
    {"cat": "政治建设", "title": "研讨不足"},
    {"cat": "组织建设", "title": "发展滞后"},
    {"cat": "政治建设", "title": "又一条"},
    {"cat": "", "title": "未分类一"},
    {"cat": "", "title": "未分类二"},
]


def test_vertical_merge_of_equal_adjacent_values() -> None:
    """Runs of equal categories: restart then continue; a later repeat starts a new run."""
    blob = make_docx(_table(["类别", "问题"], ["{{ row.cat|vmerge }}", "{{ row.title }}"]))
    assert docgen.check_template(blob) == []
    out = docgen.Template(blob).render({"rows": LEDGER}, check=True)
    assert docgen.verify_package(out) == []
    first_column = [row[0] for row in _rows(out)]
    assert first_column == [
        ("政治建设", "restart", 1),
        ("", None, 1),  # continues the merge, its text cleared
        ("组织建设", "none", 1),  # a run of one is not merged
        ("政治建设", "none", 1),  # not adjacent to the first run
        ("", "none", 1),  # blanks are never merged
        ("", "none", 1),
    ]
    assert [row[1][0] for row in _rows(out)] == [r["title"] for r in LEDGER]
    assert "dg-merge" not in zipfile.ZipFile(io.BytesIO(out)).read("word/document.xml").decode()
    table = docx.Document(io.BytesIO(out)).tables[0]
    # python-docx sees one merged cell spanning the first two body rows.
    assert table.cell(1, 0)._tc is table.cell(2, 0)._tc


def test_horizontal_merge_of_equal_neighbours() -> None:
    """Equal marked neighbours become one cell spanning their columns."""
    blob = make_docx(
        _table(
            ["甲", "乙", "丙"], ["{{ row.a|hmerge }}", "{{ row.b|hmerge }}", "{{ row.c }}"]
        )
    )
    rows = [{"a": "同", "b": "同", "c": "x"}, {"a": "一", "b": "二", "c": "y"}]
    out = docgen.Template(blob).render({"rows": rows}, check=True)
    assert docgen.verify_package(out) == []
    assert _rows(out) == [
        [("同", "none", 2), ("x", "none", 1)],
        [("一", "none", 1), ("二", "none", 1), ("y", "none", 1)],
    ]


def test_outside_a_table_the_value_is_plain_text() -> None:
    """``vmerge`` in body text prints the value and leaves no mark."""
    out = docgen.Template(make_docx(p("类别：{{ c|vmerge }}"))).render({"c": "A&B"}, check=True)
    xml = zipfile.ZipFile(io.BytesIO(out)).read("word/document.xml").decode()
    assert "类别：A&amp;B" in xml
    assert "dg-merge" not in xml


@pytest.mark.parametrize("value", ["<b>x</b>", "a\nb"])
def test_values_stay_escaped_text(value: str) -> None:
    """Markup in the value is text; a newline is a line break, as for any value."""
    blob = make_docx(_table(["类别"], ["{{ row.cat|vmerge }}"]))
    out = docgen.Template(blob).render({"rows": [{"cat": value}, {"cat": value}]}, check=True)
    rows = _rows(out)
    assert rows[0][0] == (value.replace("\n", ""), "restart", 1)
    assert rows[1][0][1] is None


def test_the_ledger_merges_its_category_column() -> None:
    """整改台账 with its full fixture: each run of one category is one vMerge run, in column 2."""
    manifest = find_manifest("plans/zhenggai-taizhang")
    fixture = ROOT / manifest.fixture
    context = read_data(fixture, manifest.kind, wanted_by=manifest.name).context
    out = docgen.load(manifest.template).render(context)
    assert docgen.verify_package(out) == []
    categories = [row["category"] for row in context["ledger"]]
    expected = []
    for i, cat in enumerate(categories):
        same_before = i > 0 and categories[i - 1] == cat and cat
        same_after = i + 1 < len(categories) and categories[i + 1] == cat and cat
        expected.append(None if same_before else "restart" if same_after else "none")
    body = _rows(out)[-len(categories) :]
    assert [row[1][1] for row in body] == expected
    assert "restart" in expected  # the fixture has categories with several problems
    assert [row[2][0] for row in body] == [row["title"] for row in context["ledger"]]


@pytest.mark.real
def test_merged_cell_in_the_pdf_shows_the_value_once_without_a_rule(rich_sample: Sample) -> None:
    """On the page: 政治建设 printed once, and no rule across column 1 between its two rows."""
    with pdfplumber.open(rich_sample.pdf) as pdf:
        page = pdf.pages[0]
        words = page.extract_words()
        edges = [e for e in page.edges if e["orientation"] == "h"]
    text = "".join(w["text"] for w in words)
    assert text.count("政治建设") == 1
    assert text.count("组织建设") == 1
    first = next(w for w in words if w["text"].startswith("理论学习"))
    second = next(w for w in words if w["text"].startswith("专题研讨"))
    category = next(w for w in words if w["text"].startswith("政治建设"))
    between = [e for e in edges if first["bottom"] < e["top"] < second["top"]]
    assert between, "the rule between the two problem rows is missing"
    column_one = (category["x0"] + category["x1"]) / 2
    assert not [e for e in between if e["x0"] < column_one < e["x1"]]
    assert [e for e in between if e["x0"] < first["x0"] < e["x1"]]
