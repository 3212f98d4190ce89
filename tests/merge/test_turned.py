"""Landscape sections of a bound volume get their page numbers turned to the sheet's foot."""

from __future__ import annotations

from lxml import etree

from docgen.engine.verify import verify_package
from docgen.merge import Part, merge
from tests.merge.builder import Doc, page_field, para
from tests.merge.support import R, W, xml

WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
WPS = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}"
MM = 36000  # EMU per millimetre


def _volume(turned: bool) -> bytes:
    upright = Doc(para("竖排正文"), footer=page_field("第"))
    wide = Doc(para("横排表格"), footer=page_field("第"), landscape=True)
    return merge([Part(upright.build()), Part(wide.build()), Part(upright.build())],
                 turned_numbers=turned)  # fmt: skip


def _footers(blob: bytes) -> list[etree._Element]:
    """Each section's footer tree, in section order."""
    rels = {r.get("Id"): r.get("Target") for r in xml(blob, "word/_rels/document.xml.rels")}
    found = []
    for sect in xml(blob).iter(f"{W}sectPr"):
        ref = sect.find(f"{W}footerReference")
        found.append(xml(blob, f"word/{rels[ref.get(f'{R}id')]}"))
    return found


def test_landscape_section_footer_is_a_turned_box_at_the_left_edge() -> None:
    """The landscape footer holds the number's paragraph in a vertical text box on the page's
    left margin, spanning the turned block's side; the upright sections keep their footer."""
    blob = _volume(turned=True)
    upright, wide, back = _footers(blob)
    assert upright.find(f".//{WPS}wsp") is None
    assert back.find(f".//{WPS}wsp") is None
    body = wide.find(f".//{WPS}bodyPr")
    assert body is not None
    assert body.get("vert") == "vert"
    anchor = wide.find(f".//{WP}anchor")
    x = int(anchor.find(f"{WP}positionH/{WP}posOffset").text)
    y = int(anchor.find(f"{WP}positionV/{WP}posOffset").text)
    cx, cy = (int(anchor.find(f"{WP}extent").get(k)) for k in ("cx", "cy"))
    # The builder's landscape page: 1440-twip margins all round, footer at 720 twips.
    left_margin = 1440 * 635
    assert x + cx < left_margin  # wholly in the margin beside the block: the sheet's foot
    assert (y, y + cy) == (1440 * 635, (11906 - 1440) * 635)  # the block's side, top to bottom
    box = wide.find(f".//{W}txbxContent")
    assert "".join(t.text or "" for t in box.iter(f"{W}t")) == "第1"  # the footer's paragraph
    assert "".join(t.text or "" for t in box.iter(f"{W}instrText")).strip() == "PAGE"
    assert verify_package(blob) == []


def test_without_the_option_landscape_footers_stay() -> None:
    """A plain merge leaves every footer as it came."""
    assert all(f.find(f".//{WPS}wsp") is None for f in _footers(_volume(turned=False)))


def test_drawing_ids_stay_unique_across_turned_footers() -> None:
    """Two landscape parts with their own footers get boxes with different drawing ids."""
    wide = Doc(para("横排"), footer=page_field("甲"), landscape=True)
    other = Doc(para("横排"), footer=page_field("乙"), landscape=True)
    blob = merge([Part(wide.build()), Part(other.build())], turned_numbers=True)
    ids = [d.get("id") for f in _footers(blob) for d in f.iter(f"{WP}docPr")]
    assert len(ids) == 2
    assert len(set(ids)) == 2
    assert verify_package(blob) == []
