"""What an HTML element says about its text, as Word run, paragraph and list properties.

Only what survives a change of font is taken from the HTML: bold, italic,
underline, strike-through, colour, background, super/subscript, alignment. The
font family and size stay the house style's (an OA editor's ``font-family:
微软雅黑; font-size: 14px`` is the writer's screen, not the printed document).
Colours are read into ``RRGGBB`` or dropped; nothing from a ``style`` attribute is
ever copied into the XML as it is.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace

from lxml import etree

from docgen.engine import ooxml
from docgen.engine.ooxml import qn
from docgen.engine.rich.html_parse import color, css

_BOLD_TAGS = frozenset({"b", "strong"})
_ITALIC_TAGS = frozenset({"i", "em", "cite", "var", "dfn"})
_UNDERLINE_TAGS = frozenset({"u", "ins"})
_STRIKE_TAGS = frozenset({"s", "strike", "del"})
_ALIGN = {"left": "left", "right": "right", "center": "center", "justify": "both"}


@dataclass(frozen=True)
class Format:
    """Run formatting in force; ``None`` leaves the template's own setting alone."""

    bold: bool | None = None
    italic: bool | None = None
    underline: bool | None = None
    strike: bool | None = None
    color: str = ""
    shade: str = ""
    vert: str = ""


def inline_format(el: etree._Element, outer: Format) -> Format:
    """The formatting inside ``el``: its tag first, then its ``style`` (which wins).

    Google Docs wraps a whole paste in ``<b style="font-weight:normal">``, so a
    style that says *not bold* must undo the tag.
    """
    tag = str(el.tag).lower()
    fmt = outer
    if tag in _BOLD_TAGS:
        fmt = replace(fmt, bold=True)
    elif tag in _ITALIC_TAGS:
        fmt = replace(fmt, italic=True)
    elif tag in _UNDERLINE_TAGS:
        fmt = replace(fmt, underline=True)
    elif tag in _STRIKE_TAGS:
        fmt = replace(fmt, strike=True)
    elif tag in ("sup", "sub"):
        fmt = replace(fmt, vert="superscript" if tag == "sup" else "subscript")
    elif tag == "mark":
        fmt = replace(fmt, shade="FFFF00")
    elif tag == "font":
        fmt = replace(fmt, color=color(el.get("color")) or fmt.color)
    return _styled(css(el.get("style")), fmt)


def _styled(props: dict[str, str], fmt: Format) -> Format:
    weight = props.get("font-weight", "")
    if weight in ("bold", "bolder") or (weight.isdigit() and int(weight) >= 600):
        fmt = replace(fmt, bold=True)
    elif weight in ("normal", "lighter") or (weight.isdigit() and int(weight) < 600):
        fmt = replace(fmt, bold=False)
    style = props.get("font-style", "")
    if style in ("italic", "oblique"):
        fmt = replace(fmt, italic=True)
    elif style == "normal":
        fmt = replace(fmt, italic=False)
    decoration = props.get("text-decoration", props.get("text-decoration-line", ""))
    if "underline" in decoration:
        fmt = replace(fmt, underline=True)
    if "line-through" in decoration:
        fmt = replace(fmt, strike=True)
    if decoration == "none":
        fmt = replace(fmt, underline=False, strike=False)
    fmt = replace(fmt, color=color(props.get("color")) or fmt.color)
    shade = background(props)
    return replace(fmt, shade=shade) if shade else fmt


def background(props: dict[str, str], attr: str | None = None) -> str:
    """The background colour of a ``style`` (or a ``bgcolor`` attribute); white is none."""
    back = props.get("background-color") or props.get("background") or attr or ""
    words = back.split()
    shade = color(words[0]) if words else ""
    return "" if shade == "FFFFFF" else shade


def alignment(el: etree._Element, outer: str | None) -> str | None:
    """Word's ``w:jc`` for ``el``'s ``text-align`` (or old ``align``), else ``outer``."""
    value = css(el.get("style")).get("text-align") or (el.get("align") or "").lower()
    return _ALIGN.get(value.strip(), outer)


@functools.lru_cache(maxsize=256)
def run_props(base: str, fmt: Format) -> str:
    """``base`` (the template's ``w:rPr``, or ``""``) with ``fmt`` applied."""
    if fmt == Format():
        return base
    props = _element(base or "<w:rPr/>", "rPr")
    for name, on in (("b", fmt.bold), ("i", fmt.italic), ("strike", fmt.strike)):
        if on is not None:
            for slot in (name, f"{name}Cs") if name != "strike" else (name,):
                _set(props, slot, None if on else "0", ooxml.RPR_ORDER)
    if fmt.underline is not None:
        _set(props, "u", "single" if fmt.underline else "none", ooxml.RPR_ORDER)
    if fmt.color:
        _set(props, "color", fmt.color, ooxml.RPR_ORDER)
    if fmt.shade:
        shd = _set(props, "shd", "clear", ooxml.RPR_ORDER)
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), fmt.shade)
    if fmt.vert:
        _set(props, "vertAlign", fmt.vert, ooxml.RPR_ORDER)
    return ooxml.fragment_string(props)


@dataclass(frozen=True)
class ParaProps:
    """A paragraph's style, alignment, list membership and left indent (twips)."""

    style: str | None = None
    align: str | None = None
    num_id: str | None = None
    level: int = 0
    keep_next: bool = False


@functools.lru_cache(maxsize=256)
def para_props(base: str, props: ParaProps) -> str:
    """``base`` (the template's ``w:pPr``, or ``""``) with ``props`` applied."""
    if props == ParaProps():
        return base
    ppr = _element(base or "<w:pPr/>", "pPr")
    if props.style:
        _set(ppr, "pStyle", props.style, ooxml.PPR_ORDER)
    if props.keep_next:
        ooxml.ensure_child(ppr, "keepNext", ooxml.PPR_ORDER)
    if props.num_id is not None:
        old = ppr.find(qn("w:numPr"))
        if old is not None:
            ppr.remove(old)
        num = ooxml.ensure_child(ppr, "numPr", ooxml.PPR_ORDER)
        etree.SubElement(num, qn("w:ilvl")).set(qn("w:val"), str(props.level))
        etree.SubElement(num, qn("w:numId")).set(qn("w:val"), props.num_id)
        old_ind = ppr.find(qn("w:ind"))
        if old_ind is not None:
            ppr.remove(old_ind)  # the list level's indent must show, not the paragraph's
    if props.align:
        _set(ppr, "jc", props.align, ooxml.PPR_ORDER)
    return ooxml.fragment_string(ppr)


def _element(xml: str, name: str) -> etree._Element:
    found = ooxml.parse_fragment(xml).find(qn(f"w:{name}"))
    assert found is not None  # noqa: S101 -- the caller passes a w:name element
    return found


def _set(parent: etree._Element, name: str, value: str | None, order: list[str]) -> etree._Element:
    child = ooxml.ensure_child(parent, name, order)
    if value is None:
        if qn("w:val") in child.attrib:
            del child.attrib[qn("w:val")]
    else:
        child.set(qn("w:val"), value)
    return child
