"""Small WordprocessingML helpers the merge shares: names, child order, paragraphs."""

from __future__ import annotations

from lxml import etree

from docgen.engine import ooxml

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

# The schema's child order of w:sectPr and w:pPr: a child must be inserted
# before every sibling that the schema places after it, or Word refuses the file.
SECTPR_ORDER = [
    "headerReference",
    "footerReference",
    "footnotePr",
    "endnotePr",
    "type",
    "pgSz",
    "pgMar",
    "paperSrc",
    "pgBorders",
    "lnNumType",
    "pgNumType",
    "cols",
    "formProt",
    "vAlign",
    "noEndnote",
    "titlePg",
    "textDirection",
    "bidi",
    "rtlGutter",
    "docGrid",
    "printerSettings",
    "sectPrChange",
]
PPR_ORDER = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
]


def ensure_child(parent: etree._Element, name: str, order: list[str]) -> etree._Element:
    """The child ``w:name`` of ``parent``, created at its schema position if absent."""
    found = parent.find(qn(f"w:{name}"))
    if found is not None:
        return found
    later = {qn(f"w:{n}") for n in order[order.index(name) + 1 :]}
    child = etree.Element(qn(f"w:{name}"))
    for index, sibling in enumerate(parent):
        if sibling.tag in later:
            parent.insert(index, child)
            return child
    parent.append(child)
    return child


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
