"""OOXML vocabulary: namespaces, a hardened parser and start/end tag strings."""

from __future__ import annotations

import re

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
XML_NS = "http://www.w3.org/XML/1998/namespace"

NSMAP = {"w": W, "r": R, "wp": WP, "a": A, "pic": PIC, "w14": W14}

RT_IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"


def qn(tag: str) -> str:
    """Clark notation for a prefixed name: ``qn("w:p")`` → ``{…/main}p``."""
    prefix, local = tag.split(":", 1)
    return f"{{{NSMAP[prefix]}}}{local}"


def make_parser() -> etree.XMLParser:
    """A parser that never resolves entities, touches the network or recovers silently.

    ``recover=False`` matters: docxtpl parses with recovery on and silently drops
    ``&`` and ``<…>`` from data; we would rather fail loudly.
    """
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        remove_blank_text=False,
        recover=False,
        huge_tree=False,
    )


_PARSER = make_parser()


def ancestor(el: etree._Element, tag: str) -> etree._Element | None:
    """The nearest ancestor of ``el`` with Clark-notation ``tag``, or ``None``."""
    return next(el.iterancestors(tag), None)


def parse(data: bytes) -> etree._Element:
    """Parse one package part with the hardened parser."""
    return etree.fromstring(data, parser=_PARSER)


def prefixed(el: etree._Element, name: str | None = None) -> str:
    """The serialized (prefixed) form of an element's tag, e.g. ``w:p``."""
    qname = etree.QName(name if name is not None else el.tag)
    prefix = None
    for pfx, uri in el.nsmap.items():
        if uri == qname.namespace:
            prefix = pfx
            break
    return f"{prefix}:{qname.localname}" if prefix else qname.localname


def start_tag(el: etree._Element) -> str:
    """The start tag of ``el`` as it would be serialized inside its document."""
    attrs = []
    for key, value in el.attrib.items():
        attrs.append(f' {_attr_name(el, str(key))}="{escape_attr(str(value))}"')
    return f"<{prefixed(el)}{''.join(attrs)}>"


def end_tag(el: etree._Element) -> str:
    """The end tag of ``el``."""
    return f"</{prefixed(el)}>"


def _attr_name(el: etree._Element, key: str) -> str:
    if not key.startswith("{"):
        return key
    qname = etree.QName(key)
    if qname.namespace == XML_NS:
        return f"xml:{qname.localname}"
    return prefixed(el, key)


def escape_attr(value: str) -> str:
    """Escape text for use inside a double-quoted XML attribute."""
    return (
        value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def to_string(el: etree._Element) -> str:
    """Serialize one element (no pretty printing: whitespace in Word XML is data)."""
    return etree.tostring(el, encoding="unicode")


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


RPR_ORDER = [
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
]

_FRAGMENT_OPEN = "<dg " + " ".join(f'xmlns:{k}="{v}"' for k, v in NSMAP.items()) + ">"
_DECLARATIONS = re.compile(r' xmlns:\w+="[^"]*"')


def parse_fragment(xml: str) -> etree._Element:
    """A wrapper element holding ``xml`` (e.g. ``<w:rPr>…</w:rPr>``), prefixes declared."""
    return parse(f"{_FRAGMENT_OPEN}{xml}</dg>".encode())


def fragment_string(el: etree._Element) -> str:
    """``el`` serialized for pasting into a part, without the declarations lxml repeats."""
    return _DECLARATIONS.sub("", etree.tostring(el, encoding="unicode"))


def remove_keeping_tail(el: etree._Element) -> None:
    """Remove ``el`` with its content; the text after it stays where it was."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail or ""
    previous = el.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(el)


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
