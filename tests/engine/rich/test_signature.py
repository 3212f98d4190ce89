"""Signature pictures fitted into their table cells."""

from __future__ import annotations

import io
import zipfile

import docx
import pdfplumber
import pytest
from lxml import etree

import docgen
from docgen.engine.images import Mm
from docgen.engine.ooxml import NSMAP
from docgen.engine.rich import Signature
from tests.docx_builder import make_docx, p
from tests.engine.rich.pictures import signature_png
from tests.engine.rich.sample import Sample

MM_PER_PT = 25.4 / 72
W = NSMAP["w"]


def _extents(blob: bytes) -> list[tuple[int, int]]:
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(blob)).read("word/document.xml"))
    return [
        (int(e.get("cx")), int(e.get("cy"))) for e in root.iterfind(".//wp:inline/wp:extent", NSMAP)
    ]


def _cell(width: str, text: str, extra: str = "") -> str:
    return f"<w:tc><w:tcPr>{width}{extra}</w:tcPr>{p(text)}</w:tc>"


def _table(row: str, tblpr: str = "", trpr: str = "") -> str:
    grid = '<w:gridCol w:w="1500"/><w:gridCol w:w="3000"/>'
    return (
        f"<w:tbl><w:tblPr>{tblpr}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
        f"<w:tr>{trpr}{row}</w:tr></w:tbl>"
    )


def test_a_wide_signature_shrinks_to_the_cell_width_less_its_margins() -> None:
    """600×150 px at 12 mm high would be 48 mm wide; the 1500-twip cell holds 1500 − 2×108."""
    blob = make_docx(_table(_cell('<w:tcW w:w="1500" w:type="dxa"/>', "{{ s|signature }}")))
    out = docgen.Template(blob).render({"s": signature_png()}, check=True)
    ((cx, cy),) = _extents(out)
    assert cx == (1500 - 2 * 108) * 635
    assert cy == pytest.approx(cx / 4, abs=2)  # the aspect kept
    assert docgen.verify_package(out) == []
    assert len(docx.Document(io.BytesIO(out)).inline_shapes) == 1


def test_grid_span_margins_and_fixed_row_height_are_honoured() -> None:
    """No tcW: the cell's grid columns; the table's cell margins; an exact row height caps it."""
    margins = (
        '<w:tblCellMar><w:left w:w="200" w:type="dxa"/>'
        '<w:right w:w="200" w:type="dxa"/></w:tblCellMar>'
    )
    row = _cell("", "{{ s|signature(20) }}", '<w:gridSpan w:val="2"/>')
    blob = make_docx(_table(row, tblpr=margins))
    ((cx, _cy),) = _extents(docgen.Template(blob).render({"s": signature_png()}))
    assert cx == (4500 - 400) * 635
    short = '<w:trPr><w:trHeight w:val="400" w:hRule="exact"/></w:trPr>'
    blob = make_docx(_table(row, tblpr=margins, trpr=short))
    ((_cx, cy),) = _extents(docgen.Template(blob).render({"s": signature_png()}))
    assert cy == 400 * 635


def test_outside_a_table_it_keeps_its_height_and_empty_leaves_a_blank() -> None:
    """In body text the signature is the height asked for; no picture prints nothing."""
    blob = make_docx(p("签名：{{ s|signature(10) }}"))
    assert docgen.check_template(blob) == []
    out = docgen.Template(blob).render({"s": signature_png()})
    assert _extents(out) == [(Mm(40), Mm(10))]
    assert _extents(docgen.Template(blob).render({"s": ""})) == []
    assert Signature(signature_png()).height == Mm(12)


@pytest.mark.real
def test_signature_sits_inside_its_cell_on_the_pdf(rich_sample: Sample) -> None:
    """Page 2: the signature lies inside the 签名 cell of 林晓's row, its row grown to it."""
    with pdfplumber.open(rich_sample.pdf) as pdf:
        page = pdf.pages[1]
        (table,) = page.find_tables()
        words = page.extract_words()
        pictures = [
            im for im in page.images if (im["x1"] - im["x0"]) > 2 * (im["bottom"] - im["top"])
        ]
    (picture,) = pictures
    header = next(w for w in words if w["text"] == "签名")
    name = next(w for w in words if w["text"] == "林晓")
    cell = next(
        c for row in table.rows for c in row.cells
        if c and c[0] <= header["x0"] <= c[2] and c[1] <= name["top"] <= c[3]
    )  # fmt: skip
    assert cell[0] <= picture["x0"] < picture["x1"] <= cell[2]
    assert cell[1] <= picture["top"] < picture["bottom"] <= cell[3] + 0.5
    assert (picture["x1"] - picture["x0"]) * MM_PER_PT > 30  # fills the cell's width
