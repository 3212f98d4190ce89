"""Keep a tall inline picture from being cut off by a fixed line height.

The house style sets body text at an exact line height (28.95 pt). Word clips
an inline picture taller than that line to a strip; a QR code or seal in body
text would print as a sliver. A paragraph holding such a picture gets automatic
line spacing instead, so the line grows to the picture; its text lines stay as
they are where no picture stands.

A rendered part is large (a 30-row 台账 is 50 kB) and usually holds one or two
such pictures, so the paragraphs are found in the bytes and only they are
parsed and rewritten; a part whose prefixes are not Word's usual ones (or whose
paragraphs nest around two pictures) is parsed whole instead, with the same result.
"""

from __future__ import annotations

import functools
import itertools
import re

from lxml import etree

from docgen.engine import ooxml
from docgen.engine.ooxml import qn

#: Pictures up to this height (EMU, 10 mm) fit a 28.95 pt line and are left alone.
FITS_A_LINE = 360000

_INLINE = re.compile(rb'<wp:inline\b[^>]*>\s*<wp:extent\b[^>]*?\bcy="(\d+)"')
#: ``<w:p>``, ``<w:p w:rsidR="…">``, ``<w:p/>`` and ``</w:p>`` (not ``<w:pPr>``).
_PARA = re.compile(rb"<(/?)w:p(?=[\s>/])[^>]*?(/?)>")
_ROOT = re.compile(rb"<[A-Za-z_][^>]*>")
_DECLARATION = re.compile(rb' xmlns(?::([\w.-]+))?="([^"]*)"')
#: A paragraph's opening tag (a tall picture's is never ``<w:p/>``) and its properties.
_OPEN = re.compile(rb"<w:p(?:\s[^>]*)?>")
_PPR = re.compile(rb"<w:pPr\s*/>|<w:pPr(?:\s[^>]*)?>.*?</w:pPr>", re.DOTALL)
#: Prefixes of element and attribute names.
_PREFIXED = re.compile(rb"</?([\w.-]+):|\s([\w.-]+):[\w.-]+\s*=")
_AUTO = b'<w:pPr><w:spacing w:line="240" w:lineRule="auto"/></w:pPr>'
_MAIN_DECLARATION = f' xmlns:w="{ooxml.W}"'.encode()
_MAIN_HOLDER = b"<w:p" + _MAIN_DECLARATION + b">"


def unclip_pictures(xml: bytes) -> bytes:
    """``xml`` (a rendered part) with every paragraph of a tall inline picture spaced ``auto``."""
    tall = [at for at, height in _inline_heights(xml) if height > FITS_A_LINE]
    if not tall:
        return xml
    root = _ROOT.search(xml)
    if root is None or not _usual_prefixes(xml, root.group()):
        return _unclip_whole(xml)
    found = [_paragraph(xml, at) for at in tall]
    spans = sorted({span for span in found if span is not None}, reverse=True)
    if len(spans) < len(set(found)) or _overlap(spans):
        return _unclip_whole(xml)
    declarations = b"".join(m.group() for m in _DECLARATION.finditer(root.group()))
    for start, end in spans:
        xml = xml[:start] + _spaced(xml[start:end], declarations) + xml[end:]
    return xml


def _inline_heights(xml: bytes) -> list[tuple[int, int]]:
    """Where each inline picture starts and its height (EMU): found with ``bytes.find``,
    which a part of 50 kB with a picture or two passes many times quicker than a regex."""
    found = []
    at = xml.find(b"<wp:inline")
    while at >= 0:
        match = _INLINE.match(xml, at)
        if match is not None:
            found.append((at, int(match.group(1))))
        at = xml.find(b"<wp:inline", at + 10)
    return found


def _usual_prefixes(xml: bytes, root_tag: bytes) -> bool:
    """``w`` and ``wp`` are Word's namespaces wherever declared, ``w`` on the root.

    The root's two dozen declarations are the template's, judged once; the body's few
    (a drawing's own) are found with ``bytes.find``, far quicker than a scan of 50 kB.
    """
    if not _usual_root(root_tag):
        return False
    later: set[tuple[bytes | None, str]] = set()
    at = xml.find(b" xmlns", xml.find(root_tag) + len(root_tag))
    while at >= 0:
        found = _DECLARATION.match(xml, at)
        if found is not None:
            later.add((found.group(1), found.group(2).decode()))
        at = xml.find(b" xmlns", at + 6)
    return _usual_bindings(later)


@functools.lru_cache(maxsize=64)
def _usual_root(root_tag: bytes) -> bool:
    bound = {(m.group(1), m.group(2).decode()) for m in _DECLARATION.finditer(root_tag)}
    return _usual_bindings(bound) and f'xmlns:w="{ooxml.W}"'.encode() in root_tag


def _usual_bindings(bound: set[tuple[bytes | None, str]]) -> bool:
    for prefix, uri in bound:
        if (uri in (ooxml.W, ooxml.WP)) != (prefix in (b"w", b"wp")):
            return False
        if prefix in (b"w", b"wp") and uri != (ooxml.W if prefix == b"w" else ooxml.WP):
            return False
    return True


def _paragraph(xml: bytes, at: int) -> tuple[int, int] | None:
    """The byte span of the innermost paragraph holding position ``at`` (searched outward
    from it: the picture's paragraph is near, the part's start far)."""
    depth, i = 0, at
    while (i := xml.rfind(b"<", 0, i)) >= 0:
        tag = _PARA.match(xml, i)
        if tag is None or tag.group(2):  # another element, or <w:p/> (opens and closes)
            continue
        if tag.group(1):
            depth += 1
        elif depth:
            depth -= 1
        else:
            break
    if i < 0:
        return None
    start, depth, j = i, 0, at
    while (j := xml.find(b"<", j + 1)) >= 0:
        tag = _PARA.match(xml, j)
        if tag is None or tag.group(2):
            continue
        if not tag.group(1):
            depth += 1
        elif depth:
            depth -= 1
        else:
            return start, tag.end()
    return None


def _overlap(spans: list[tuple[int, int]]) -> bool:
    """Spans (sorted last first) of which one holds another: paragraphs in a text box."""
    return any(later[0] < earlier[1] for later, earlier in itertools.pairwise(spans))


def _spaced(paragraph: bytes, declarations: bytes) -> bytes:
    """``paragraph``'s bytes with auto spacing.

    A paragraph without properties gets them written in; one whose properties use Word's
    main namespace alone has only them parsed; any other is parsed whole, in the root's
    namespaces (a tall picture's paragraph is some hundred bytes of drawing, and parsing
    it under the root's two dozen declarations cost more than the rest of the pass).
    """
    head = _OPEN.match(paragraph)
    if head is not None:
        at = head.end()
        if not paragraph.startswith(b"<w:pPr", at):
            return paragraph[:at] + _AUTO + paragraph[at:]
        props = _PPR.match(paragraph, at)
        if props is not None and _only_main(props.group()):
            return paragraph[:at] + _spaced_props(props.group()) + paragraph[props.end():]
    return _spaced_parsed(paragraph, declarations)


def _only_main(props: bytes) -> bool:
    """``props`` names elements and attributes of ``w`` (and ``xml:space``) only, and holds no
    tracked change (whose own ``w:pPr`` would end the match early)."""
    names = {a or b for a, b in _PREFIXED.findall(props)}
    return names <= {b"w", b"xml"} and b"pPrChange" not in props


def _spaced_props(props: bytes) -> bytes:
    """A ``w:pPr`` (its bytes) with auto line spacing, parsed alone."""
    holder = ooxml.parse(_MAIN_HOLDER + props + b"</w:p>")
    auto_spacing(holder)
    out = etree.tostring(holder[0], encoding="UTF-8")
    head = out.index(b">") + 1
    return out[:head].replace(_MAIN_DECLARATION, b"") + out[head:]


def _spaced_parsed(paragraph: bytes, declarations: bytes) -> bytes:
    """``paragraph``'s bytes with auto spacing, parsed in the root's namespaces."""
    holder = ooxml.parse(b"<dg" + declarations + b">" + paragraph + b"</dg>")
    auto_spacing(holder[0])
    out = etree.tostring(holder[0], encoding="UTF-8", xml_declaration=False)
    head = out.index(b">") + 1  # the root's declarations, repeated on the paragraph: dropped
    return (
        _DECLARATION.sub(lambda m: b"" if m.group() in declarations else m.group(), out[:head])
        + out[head:]
    )


def _unclip_whole(xml: bytes) -> bytes:
    root = ooxml.parse(xml)
    for extent in root.iter(qn("wp:extent")):
        inline = extent.getparent()
        if inline is None or inline.tag != qn("wp:inline"):
            continue
        if int(extent.get("cy", "0")) <= FITS_A_LINE:
            continue
        paragraph = ooxml.ancestor(inline, qn("w:p"))
        if paragraph is not None:
            auto_spacing(paragraph)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def auto_spacing(paragraph: etree._Element) -> None:
    """Give ``paragraph`` single automatic line spacing, so its line grows to a picture."""
    props = paragraph.find(qn("w:pPr"))
    if props is None:
        props = etree.Element(qn("w:pPr"))
        paragraph.insert(0, props)  # the paragraph's properties come first
    spacing = ooxml.ensure_child(props, "spacing", ooxml.PPR_ORDER)
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")
