"""How big the text at a tag is: character pitch and line height from the template's styles.

A seal is centred on the 署名 and pressed onto the boundary between the 署名 and the
成文日期 lines; both places follow from the font size, the character spacing and the
line height of the paragraph the tag stands in. Those come from the tag's own run and
paragraph properties first, then from the paragraph style and the styles it is based
on, then from the document defaults — the order Word applies them in.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lxml import etree

from docgen.engine import ooxml
from docgen.engine.ooxml import qn

if TYPE_CHECKING:
    from docgen.engine.package import Package
    from docgen.engine.values import RenderState

#: Word's own defaults when nothing says otherwise: 10.5 pt (五号) text, single spacing.
DEFAULT_SIZE_PT = 10.5
#: A single ("auto" 240) line of a CJK font is about 1.3 times its size.
SINGLE_LINE = 1.3
_WRAP = "<dg " + " ".join(f'xmlns:{k}="{v}"' for k, v in ooxml.NSMAP.items()) + ">"
_STYLES: weakref.WeakKeyDictionary[Package, dict[str, etree._Element]] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


@dataclass(frozen=True)
class TextMetrics:
    """The text at one tag: font size, the advance of one full-width character, line height."""

    size_pt: float
    pitch_pt: float
    line_pt: float


def metrics_at(state: RenderState, index: int) -> TextMetrics:
    """The metrics of the text at site ``index`` of the render under way."""
    site = state.site(index)
    paragraph = _fragment(site.ppr)
    for mark in paragraph.findall(qn("w:rPr")):
        paragraph.remove(mark)  # the paragraph mark's font, not the text's
    chain = [_fragment(site.rpr), paragraph]
    styles = _styles(state.includes.package)
    style_id = _style_id(paragraph)
    seen: set[str] = set()
    while style_id and style_id in styles and style_id not in seen:
        seen.add(style_id)
        chain.append(styles[style_id])
        based = styles[style_id].find(qn("w:basedOn"))
        style_id = None if based is None else based.get(qn("w:val"))
    chain.append(styles.get("", etree.Element("none")))
    size = _first(chain, "w:sz", qn("w:val"))
    spacing = _first(chain, "w:spacing", qn("w:val"), run=True)
    line = _first(chain, "w:spacing", qn("w:line"), run=False)
    rule = _first(chain, "w:spacing", qn("w:lineRule"), run=False) or "auto"
    size_pt = int(size) / 2 if size else DEFAULT_SIZE_PT
    pitch_pt = size_pt + (int(spacing) / 20 if spacing else 0)
    if line and rule in ("exact", "atLeast"):
        line_pt = int(line) / 20
    else:
        line_pt = size_pt * SINGLE_LINE * (int(line) / 240 if line else 1)
    return TextMetrics(size_pt, pitch_pt, line_pt)


def _fragment(xml: str) -> etree._Element:
    if not xml:
        return etree.Element("none")
    root = ooxml.parse((_WRAP + xml + "</dg>").encode("utf-8"))
    return root[0] if len(root) else etree.Element("none")


def _style_id(ppr: etree._Element) -> str | None:
    style = ppr.find(qn("w:pStyle"))
    return None if style is None else style.get(qn("w:val"))


def _first(chain: list[etree._Element], tag: str, attr: str, run: bool | None = None) -> str | None:
    """The first value of ``tag``'s ``attr`` along ``chain``; ``run`` picks the run
    properties (``w:spacing`` is a character spacing there, a line spacing in a pPr)."""
    for el in chain:
        for found in el.iter(qn(tag)):
            parent = found.getparent()
            in_run = parent is not None and parent.tag == qn("w:rPr")
            if run is not None and in_run != run:
                continue
            value = found.get(attr)
            if value is not None:
                return value
    return None


def _styles(package: Package | None) -> dict[str, etree._Element]:
    """Paragraph styles by id (and the document defaults under ``""``), read once per template."""
    if package is None or not package.has("word/styles.xml"):
        return {}
    with _LOCK:
        found = _STYLES.get(package)
        if found is None:
            root = ooxml.parse(package.read("word/styles.xml"))
            found = {
                el.get(qn("w:styleId"), ""): el
                for el in root.iter(qn("w:style"))
                if el.get(qn("w:type")) == "paragraph"
            }
            defaults = root.find(qn("w:docDefaults"))
            if defaults is not None:
                found[""] = defaults
            _STYLES[package] = found
        return found
