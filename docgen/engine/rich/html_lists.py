"""Real Word lists for HTML's ``<ol>`` and ``<ul>``: one numbering definition per list.

Each HTML list gets a list of its own in ``numbering.xml`` (so every ``<ol>``
counts from its own ``start``, as a browser does); its items are paragraphs
pointing at it with their nesting depth as the level. Numbers follow Chinese
usage level by level (``1.``, ``（1）``, ``①``-style ``1)``), with no tab after
the number, and the first line is indented two characters like body text, so
a numbered item reads like a paragraph of the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from docgen.engine.ooxml import qn

LEVELS = 9
#: Two characters of 3号 body text, in twips: the first-line indent and the step per level.
INDENT = 640
_ORDERED_TEXT = ("%{n}.", "（%{n}）", "%{n})")
_BULLETS = ("•", "◦", "▪")
_TYPE_ATTR = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter",
              "i": "lowerRoman", "I": "upperRoman"}  # fmt: skip
_TYPE_CSS = {
    "decimal": "decimal", "lower-alpha": "lowerLetter", "lower-latin": "lowerLetter",
    "upper-alpha": "upperLetter", "upper-latin": "upperLetter", "lower-roman": "lowerRoman",
    "upper-roman": "upperRoman", "cjk-ideographic": "chineseCounting",
    "simp-chinese-informal": "chineseCounting", "cjk-decimal": "decimal",
    "disc": "bullet", "circle": "bullet", "square": "bullet", "none": "none",
}  # fmt: skip


def list_format(tag: str, type_attr: str | None, style_type: str | None) -> str:
    """Word's ``w:numFmt`` for an ``<ol>``/``<ul>``: its CSS type, ``type``, or the tag's."""
    if style_type and style_type in _TYPE_CSS:
        return _TYPE_CSS[style_type]
    if tag == "ol" and type_attr in _TYPE_ATTR:
        return _TYPE_ATTR[type_attr]
    return "decimal" if tag == "ol" else "bullet"


def start_of(value: str | None) -> int:
    """``<ol start>`` as a number Word accepts (1 when missing or nonsense)."""
    text = (value or "").strip()
    number = int(text) if text.lstrip("-").isdigit() else 1
    return min(max(number, 0), 32767)


def abstract_num(fmt: str, start: int) -> etree._Element:
    """A ``w:abstractNum`` of :data:`LEVELS` levels, all of format ``fmt``."""
    root = etree.Element(qn("w:abstractNum"))
    etree.SubElement(root, qn("w:multiLevelType")).set(qn("w:val"), "hybridMultilevel")
    for level in range(LEVELS):
        lvl = etree.SubElement(root, qn("w:lvl"))
        lvl.set(qn("w:ilvl"), str(level))
        etree.SubElement(lvl, qn("w:start")).set(qn("w:val"), str(start))
        etree.SubElement(lvl, qn("w:numFmt")).set(qn("w:val"), fmt)
        if fmt == "bullet":
            text, suffix = _BULLETS[level % len(_BULLETS)], "space"
        elif fmt == "none":
            text, suffix = "", "nothing"
        else:
            text, suffix = _ORDERED_TEXT[level % len(_ORDERED_TEXT)].format(n=level + 1), "nothing"
        etree.SubElement(lvl, qn("w:suff")).set(qn("w:val"), suffix)
        etree.SubElement(lvl, qn("w:lvlText")).set(qn("w:val"), text)
        etree.SubElement(lvl, qn("w:lvlJc")).set(qn("w:val"), "left")
        ppr = etree.SubElement(lvl, qn("w:pPr"))
        ind = etree.SubElement(ppr, qn("w:ind"))
        ind.set(qn("w:left"), str(INDENT * level))
        ind.set(qn("w:firstLine"), str(INDENT))
    return root


def num_element() -> etree._Element:
    """A ``w:num`` whose ids :meth:`IncludeEdits.add_list` fills in."""
    num = etree.Element(qn("w:num"))
    etree.SubElement(num, qn("w:abstractNumId"))
    return num


@dataclass
class OpenList:
    """One HTML list being written: its level, format, start, and Word list id once made."""

    level: int
    fmt: str
    start: int
    num_ids: dict[str, str] = field(default_factory=dict)
