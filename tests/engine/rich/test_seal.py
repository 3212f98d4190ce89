"""The seal over the 署名 and 成文日期 (GB/T 9704-2012 §7.3.5.1), measured on the PDF."""

from __future__ import annotations

import io
import zipfile

import pdfplumber
import pytest
from lxml import etree

import docgen
from docgen.engine.images import Mm
from docgen.engine.ooxml import NSMAP
from docgen.engine.rich import Seal
from docgen.style import Para, Signoff, TemplateSpec
from tests.docx_builder import make_docx, p
from tests.engine.rich.pictures import seal_png
from tests.engine.rich.sample import ORG, Sample

MM_PER_PT = 25.4 / 72
EMU_PER_PT = 12700


def _document(blob: bytes) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(blob)).read("word/document.xml"))


def _seal_paragraph(blob: bytes) -> etree._Element:
    anchor = _document(blob).find(".//wp:anchor", NSMAP)
    assert anchor is not None
    paragraph = anchor
    while paragraph.tag != f"{{{NSMAP['w']}}}p":
        paragraph = paragraph.getparent()
    return paragraph


def test_down_offset_follows_the_house_style_line() -> None:
    """In the house style's 署名 paragraph (28.95 pt exact lines) the seal's centre is set on
    the foot of the line: offset = 28.95 pt − half the diameter."""
    spec = TemplateSpec(
        genre="tests", name="seal", kind="plain", title="印章", description="测试用模板",
        output="seal.docx", fields=("org", "day", "stamp"),
        blocks=(Para("正文。"), Signoff(org="{{ org|seal(stamp, 42) }}", date="{{ day }}")),
    )  # fmt: skip
    out = docgen.Template(spec.build()).render(
        {"org": "第一党支部", "day": "2026年11月21日", "stamp": seal_png()}, check=True
    )
    paragraph = _seal_paragraph(out)
    assert paragraph.find("w:pPr/w:pStyle", NSMAP).get(f"{{{NSMAP['w']}}}val") == "Signoff"
    anchor = paragraph.find(".//wp:anchor", NSMAP)
    down = int(anchor.findtext("wp:positionV/wp:posOffset", namespaces=NSMAP))
    assert down == round(28.95 * EMU_PER_PT) - Mm(42) // 2
    across = int(anchor.findtext("wp:positionH/wp:posOffset", namespaces=NSMAP))
    # Five characters of 15.75 pt (16 pt less 0.25 pt spacing): the anchor after two, so
    # the centre is half a character further on.
    assert across == round(15.75 / 2 * EMU_PER_PT) - Mm(42) // 2


@pytest.mark.parametrize(
    ("text", "before"),
    [
        ("中共示范学院计算机系党支部", "中共示范学院"),  # 13 characters: the anchor after 6
        ("　　　　第一党支部", "　　　　第一"),  # 5 after the padding: after 2
        ("示范CS系党支部", "示范CS"),  # Latin at half width, the automatic spaces counted
    ],
)
def test_the_seal_is_anchored_at_the_middle_of_the_text(text: str, before: str) -> None:
    """The anchor splits the 署名 at its middle; the text is all there, in order."""
    out = docgen.Template(make_docx(p("{{ s }}"))).render({"s": Seal(seal_png(), text)})
    paragraph = _seal_paragraph(out)
    texts, seen_anchor = ["", ""], 0
    for el in paragraph.iter(f"{{{NSMAP['w']}}}t", f"{{{NSMAP['wp']}}}anchor"):
        if el.tag.endswith("anchor"):
            seen_anchor = 1
        else:
            texts[seen_anchor] += el.text or ""
    assert texts[0] == before
    assert texts[0] + texts[1] == text


def test_without_a_picture_the_text_prints_alone() -> None:
    """No seal picture: the 署名 as it is, room left for a seal stamped by hand."""
    blob = make_docx(p("{{ org|seal(stamp) }}"))
    assert docgen.check_template(blob) == []
    out = docgen.Template(blob).render({"org": "第一党支部", "stamp": ""})
    assert _document(out).find(".//wp:anchor", NSMAP) is None
    assert "第一党支部" in "".join(_document(out).itertext())


def test_seal_size_is_checked() -> None:
    """A 200 mm seal (from the data) is no seal: an error at the tag."""
    template = docgen.Template(make_docx(p("{{ org|seal(stamp, size) }}")))
    with pytest.raises(docgen.RenderError, match="印章直径"):
        template.render({"org": "第一党支部", "stamp": seal_png(), "size": 200})


@pytest.mark.real
def test_the_seal_presses_the_signature_and_the_date_on_the_pdf(rich_sample: Sample) -> None:
    """On page 2: the seal's box overlaps the date's; its centre is the 署名's centre across
    (within 1 mm) and the foot of the 署名's line down; its top is within a line of the body."""
    with pdfplumber.open(rich_sample.pdf) as pdf:
        page = pdf.pages[1]
        words = page.extract_words()
        seal = next(im for im in page.images if abs(im["x1"] - im["x0"] - Mm(40) / EMU_PER_PT) < 2)
    org = next(w for w in words if w["text"] == ORG)
    date = [w for w in words if w["top"] > org["bottom"] and w["x0"] >= org["x0"] - 1][:6]
    assert "".join(w["text"] for w in date) == "2026年11月21日"
    body = next(w for w in words if w["text"].startswith("以上材料"))
    date_box = (min(w["x0"] for w in date), date[0]["top"], max(w["x1"] for w in date),
                max(w["bottom"] for w in date))  # fmt: skip
    overlap_x = min(seal["x1"], date_box[2]) - max(seal["x0"], date_box[0])
    overlap_y = min(seal["bottom"], date_box[3]) - max(seal["top"], date_box[1])
    assert overlap_x > 0
    assert overlap_y > 0
    centre_x = (seal["x0"] + seal["x1"]) / 2 * MM_PER_PT
    assert centre_x == pytest.approx((org["x0"] + org["x1"]) / 2 * MM_PER_PT, abs=1.0)
    centre_y = (seal["top"] + seal["bottom"]) / 2 * MM_PER_PT
    between = (org["bottom"] + date_box[1]) / 2 * MM_PER_PT
    assert centre_y == pytest.approx(between, abs=1.5)
    gap = (seal["top"] - body["bottom"]) * MM_PER_PT
    assert 0 <= gap <= 28.95 * MM_PER_PT
