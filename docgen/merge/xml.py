"""Small WordprocessingML helpers the merge shares: names, child order, paragraphs."""

from __future__ import annotations

from lxml import etree

from docgen.engine import ooxml
from docgen.engine.ooxml import PPR_ORDER as PPR_ORDER
from docgen.engine.ooxml import SECTPR_ORDER as SECTPR_ORDER
from docgen.engine.ooxml import ensure_child as ensure_child

qn = ooxml.qn  # shared by every merge module
R = ooxml.R

W_VAL = qn("w:val")
W_ID = qn("w:id")
W_NAME = qn("w:name")
P = qn("w:p")
PPR = qn("w:pPr")
SECTPR = qn("w:sectPr")
TBL = qn("w:tbl")
R_PREFIX = f"{{{R}}}"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
PARA_IDS = (f"{{{W14_NS}}}paraId", f"{{{W14_NS}}}textId")


def ppr_of(para: etree._Element) -> etree._Element:
    """The paragraph's ``w:pPr``, created as its first child if absent."""
    ppr = para.find(PPR)
    if ppr is None:
        ppr = etree.Element(PPR)
        para.insert(0, ppr)
    return ppr


def element(tag: str, **attrs: str) -> etree._Element:
    """``element("w:pgNumType", start="1")``: attributes named in the w namespace."""
    el = etree.Element(qn(tag))
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    return el


def text_of(para: etree._Element) -> str:
    """The visible text of a paragraph (runs' ``w:t``, tabs as spaces)."""
    pieces: list[str] = []
    for el in para.iter(qn("w:t"), qn("w:tab")):
        pieces.append(el.text or "" if el.tag == qn("w:t") else " ")
    return "".join(pieces)


def drop_attr(el: etree._Element, name: str) -> None:
    """Remove attribute ``name`` of ``el`` if it is there."""
    if name in el.attrib:
        del el.attrib[name]


def elements(root: etree._Element, path: str, namespaces: dict[str, str]) -> list[etree._Element]:
    """The elements an XPath expression selects (lxml types the result loosely)."""
    found = root.xpath(path, namespaces=namespaces)
    return [el for el in found if isinstance(el, etree._Element)] if isinstance(found, list) else []


def remove(el: etree._Element) -> None:
    """Detach ``el`` from its parent, if it has one."""
    parent = el.getparent()
    if parent is not None:
        parent.remove(el)


def serialize(root: etree._Element) -> bytes:
    """A part's bytes, with the declaration Word writes."""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
