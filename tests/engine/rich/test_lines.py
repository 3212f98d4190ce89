"""Tall inline pictures get auto line spacing: the byte-level path that touches only their
paragraphs gives the same part as parsing it whole (docgen.engine.rich.lines)."""

from __future__ import annotations

import pytest
from lxml import etree

from docgen.engine.images import Mm
from docgen.engine.rich import lines
from docgen.engine.rich.lines import unclip_pictures
from tests.docx_builder import R_NS, W_NS

WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
EXACT = '<w:pPr><w:spacing w:line="579" w:lineRule="exact"/><w:jc w:val="left"/></w:pPr>'


def picture(height_mm: float) -> str:
    """An inline picture's drawing run (no graphic: the height is all that matters here)."""
    return (
        f'<w:r><w:drawing><wp:inline xmlns:wp="{WP_NS}" distT="0">'
        f'<wp:extent cx="{Mm(30)}" cy="{Mm(height_mm)}"/></wp:inline></w:drawing></w:r>'
    )


def part(body: str, w: str = "w") -> bytes:
    """A document part with ``body``, its main namespace bound to prefix ``w``."""
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body}'
        '<w:p w:rsidR="00A1"><w:r><w:t>尾</w:t></w:r></w:p><w:sectPr/></w:body></w:document>'
    )
    return xml.replace("w:", f"{w}:").replace("xmlns:w=", f"xmlns:{w}=").encode()


def canonical(xml: bytes) -> bytes:
    return etree.tostring(etree.fromstring(xml), method="c14n")


TALL, SMALL = picture(25), picture(8)
CASES = {
    "text before, no pPr": "<w:p><w:r><w:t>图：</w:t></w:r>" + TALL + "</w:p>",
    "exact spacing kept elsewhere": f"<w:p>{EXACT}<w:r><w:t>甲</w:t></w:r></w:p>"
    f'<w:p w:rsidR="1">{EXACT}{TALL}</w:p><w:p/><w:p>{EXACT}</w:p>',
    "table cell": f"<w:tbl><w:tr><w:tc><w:tcPr/><w:p>{EXACT}{TALL}</w:p></w:tc></w:tr></w:tbl>",
    "text box around": "<w:p><w:r><w:t>外</w:t></w:r><w:r><w:pict><w:txbxContent>"
    f"<w:p>{EXACT}<w:r><w:t>框</w:t></w:r></w:p><w:p/><w:p>{EXACT}{TALL}</w:p>"
    "</w:txbxContent></w:pict></w:r></w:p>",
    "two in one, one apart": f"<w:p>{TALL}{TALL}</w:p><w:p>{SMALL}</w:p><w:p>{EXACT}{TALL}</w:p>",
    "properties without spacing": '<w:p w:rsidR="2"><w:pPr><w:pStyle w:val="a"/>'
    '<w:ind w:firstLine="0"/><w:jc w:val="center"/><w:rPr><w:spacing w:val="20"/></w:rPr>'
    f"</w:pPr>{TALL}</w:p>",
    "empty properties": f"<w:p><w:pPr/>{TALL}</w:p><w:p><w:pPr></w:pPr>{TALL}</w:p>",
    "properties of another namespace": '<w:p><w:pPr><w14:x xmlns:w14="urn:w14"/>'
    f"<w:spacing w:line=\"300\" w:lineRule=\"exact\" w:before=\"60\"/></w:pPr>{TALL}</w:p>",
    "tracked change": f'<w:p><w:pPr><w:jc w:val="left"/><w:pPrChange w:id="1"><w:pPr>'
    f'<w:jc w:val="right"/></w:pPr></w:pPrChange></w:pPr>{TALL}</w:p>',
}


@pytest.mark.parametrize("body", list(CASES.values()), ids=list(CASES))
def test_only_the_paragraphs_are_rewritten_with_the_whole_parse_result(
    body: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same canonical XML as the whole-part path, which this path must not need."""
    xml = part(body)
    expected = lines._unclip_whole(xml)
    monkeypatch.setattr(lines, "_unclip_whole", lambda _: pytest.fail("parsed the whole part"))
    fixed = unclip_pictures(xml)
    assert canonical(fixed) == canonical(expected)
    assert canonical(fixed) != canonical(xml)
    assert fixed.count(b'w:lineRule="auto"') == expected.count(b'w:lineRule="auto"')


@pytest.mark.parametrize(
    ("body", "w", "spaced"),
    [
        (f"<w:p>{TALL}<w:r><w:pict><w:txbxContent><w:p>{TALL}</w:p>"
         "</w:txbxContent></w:pict></w:r></w:p>", "w", 2),
        (f"<w:p>{EXACT}{TALL}</w:p>", "ns0", 1),
    ],
    ids=["tall pictures in nested paragraphs", "main namespace under another prefix"],
)  # fmt: skip
def test_unusual_parts_are_parsed_whole(
    body: str, w: str, spaced: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nested paragraphs both holding tall pictures, or other prefixes: the whole-part path."""
    xml = part(body, w)
    whole = lines._unclip_whole
    calls: list[bytes] = []
    monkeypatch.setattr(lines, "_unclip_whole", lambda x: calls.append(x) or whole(x))
    fixed = unclip_pictures(xml)
    assert calls == [xml]
    assert fixed.count(f'{w}:lineRule="auto"'.encode()) == spaced


def test_small_pictures_leave_the_part_as_it_is() -> None:
    """Nothing taller than a line: the very same bytes back."""
    xml = part(f"<w:p>{EXACT}{SMALL}</w:p>")
    assert unclip_pictures(xml) is xml
