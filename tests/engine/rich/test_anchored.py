"""Floating pictures: anchored at the tag, placed in mm, in front of or behind the text."""

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
from docgen.engine.rich import FloatingImage
from tests.docx_builder import make_docx, p
from tests.engine.rich.pictures import block_png
from tests.engine.rich.sample import Sample

MM_PER_PT = 25.4 / 72


def _anchors(blob: bytes) -> list[etree._Element]:
    xml = zipfile.ZipFile(io.BytesIO(blob)).read("word/document.xml")
    return etree.fromstring(xml).findall(".//wp:anchor", NSMAP)


def test_anchor_carries_frame_offsets_size_and_layer() -> None:
    """Each ``relative_to`` writes its pair of frames; offsets and size are the EMU asked for."""
    blob = make_docx(p("{{ a }}{{ b }}{{ c }}"))
    context = {
        "a": FloatingImage(block_png(), Mm(30), x=Mm(12), y=Mm(-4)),
        "b": FloatingImage(block_png(), Mm(15), relative_to="page", align_x="right", behind=True),
        "c": FloatingImage(block_png(), height=Mm(8), relative_to="margin", align_y="bottom"),
    }
    out = docgen.Template(blob).render(context, check=True)
    assert docgen.verify_package(out) == []
    a, b, c = _anchors(out)
    frames = [
        (el.find("wp:positionH", NSMAP).get("relativeFrom"),
         el.find("wp:positionV", NSMAP).get("relativeFrom"))
        for el in (a, b, c)
    ]  # fmt: skip
    assert frames == [("column", "paragraph"), ("page", "page"), ("margin", "margin")]
    assert a.findtext("wp:positionH/wp:posOffset", namespaces=NSMAP) == str(Mm(12))
    assert a.findtext("wp:positionV/wp:posOffset", namespaces=NSMAP) == str(Mm(-4))
    assert b.findtext("wp:positionH/wp:align", namespaces=NSMAP) == "right"
    assert c.findtext("wp:positionV/wp:align", namespaces=NSMAP) == "bottom"
    assert [el.get("behindDoc") for el in (a, b, c)] == ["0", "1", "0"]
    extent = a.find("wp:extent", NSMAP)
    assert (int(extent.get("cx")), int(extent.get("cy"))) == (Mm(30), Mm(30))
    assert int(c.find("wp:extent", NSMAP).get("cy")) == Mm(8)
    ids = [el.find("wp:docPr", NSMAP).get("id") for el in (a, b, c)]
    assert len(set(ids)) == 3


def test_python_docx_opens_it_and_check_knows_the_filter() -> None:
    """``docgen check`` accepts ``|floating``; python-docx reads the rendered file."""
    blob = make_docx(p("{{ logo|floating(25, x=10, y=5, relative='margin', behind=true) }}"))
    assert docgen.check_template(blob) == []
    out = docgen.Template(blob).render({"logo": block_png()}, check=True)
    document = docx.Document(io.BytesIO(out))
    assert len(document.inline_shapes) == 0  # floating, not inline
    assert len(_anchors(out)) == 1
    assert any(r.reltype.endswith("/image") for r in document.part.rels.values())


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("{{ logo|floating(25, relative=where) }}", "位置基准"),
        ("{{ logo|floating(25, x=across) }}", "超出页面"),
        ("{{ logo|floating(width) }}", "浮动图片宽度"),
    ],
)
def test_bad_placements_are_errors_at_the_tag(expression: str, message: str) -> None:
    """An unknown frame, an offset off the page, a zero width, given by the data (literals are
    refused by ``docgen check``, tests/engine/rich/test_check.py): each an error at the tag."""
    template = docgen.Template(make_docx(p(expression)))
    context = {"logo": block_png(), "where": "sky", "across": 900, "width": 0}
    with pytest.raises(docgen.RenderError, match=message) as caught:
        template.render(context)
    assert caught.value.location is not None


def test_bad_alignment_is_refused() -> None:
    """``align_x='middle'`` is not an alignment Word knows."""
    with pytest.raises(ValueError, match="对齐方式"):
        FloatingImage(block_png(), align_x="middle")


@pytest.mark.real
def test_floating_pictures_land_where_placed_on_the_pdf(rich_sample: Sample) -> None:
    """Page 2: the logo's top-left corner is 126 mm right of the type area's left edge and on
    its top edge (GB/T 9704 margins 28 mm left, 37 mm top), 30 mm square; the page-relative
    picture is 10 mm from the sheet's corner, 15 mm square, and behind the text."""
    with pdfplumber.open(rich_sample.pdf) as pdf:
        images = pdf.pages[1].images
    boxes = sorted(
        [round(v * MM_PER_PT, 1) for v in (im["x0"], im["top"], im["x1"], im["bottom"])]
        for im in images
    )
    corner = next(b for b in boxes if b[2] - b[0] < 16)
    logo = next(b for b in boxes if abs(b[2] - b[0] - 30) < 0.5)
    assert corner == pytest.approx([10, 10, 25, 25], abs=0.3)
    assert logo == pytest.approx([28 + 126, 37, 28 + 156, 67], abs=0.3)
    layers = [el.get("behindDoc") for el in _anchors(rich_sample.docx)]
    assert layers == ["0", "1", "0"]  # the logo in front, the corner behind, the seal in front
