"""List numbering: fresh copies per document, style-numbered paragraphs included."""

from __future__ import annotations

from lxml import etree

from docgen.merge import Part, merge
from docgen.merge.numbering import style_lists
from tests.merge.builder import Doc, para
from tests.merge.support import W, xml

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_LIST_STYLE = (
    '<w:style w:type="paragraph" w:styleId="ListNum"><w:name w:val="List Num"/>'
    '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="ListNum2"><w:name w:val="List Num 2"/>'
    '<w:basedOn w:val="ListNum"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>'
)


def test_style_lists_follow_based_on() -> None:
    """A style inherits its parent's list and keeps its own level."""
    root = etree.fromstring(f'<w:styles xmlns:w="{_W}">{_LIST_STYLE}</w:styles>')
    assert style_lists(root) == {"ListNum": ("1", "0"), "ListNum2": ("1", "1")}


def test_style_numbered_paragraphs_get_their_own_list() -> None:
    """The second document's style-numbered paragraphs point at a fresh list, not the master's."""
    blob = Doc(para("项", "ListNum") + para("项", "ListNum"), extra_styles=[_LIST_STYLE]).build()
    merged = merge([Part(blob), Part(blob)])
    doc = xml(merged)
    direct = [el.get(f"{W}val") for el in doc.iter(f"{W}numId")]
    assert len(direct) == 2
    assert direct[0] == direct[1] != "1"
    numbering = xml(merged, "word/numbering.xml")
    assert len(numbering.findall(f"{W}num")) == 2
    assert len(numbering.findall(f"{W}abstractNum")) == 2
    # Every abstractNum precedes every num, as the schema requires.
    tags = [etree.QName(el).localname for el in numbering]
    assert tags == ["abstractNum", "abstractNum", "num", "num"]
