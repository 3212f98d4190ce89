"""docxtpl's table-cell tags: ``{% colspan n %}``, ``{% cellbg c %}``, ``{% vm %}``, ``{% hm %}``.

Each one edits the properties of the cell it stands in; ``vm`` and ``hm`` merge
the copies a loop makes of that cell (vertically or horizontally).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from docgen.engine.ooxml import ancestor, qn

_CELL_TAG = re.compile(r"^(colspan|cellbg)\s+\S|^(vm|hm)$")
_W_TC = qn("w:tc")
_W_TCPR = qn("w:tcPr")
_W_VAL = qn("w:val")
# Schema order of the tcPr children we may insert before.
_BEFORE_SPAN = (qn("w:cnfStyle"), qn("w:tcW"))
_BEFORE_SHD = (*_BEFORE_SPAN, qn("w:gridSpan"), qn("w:hMerge"), qn("w:vMerge"), qn("w:tcBorders"))

AttrMarker = Callable[[str, etree._Element], str]
PiMarker = Callable[..., etree._Element]


def is_cell_tag(code: str) -> bool:
    """Whether a statement is one of docxtpl's cell tags."""
    return bool(_CELL_TAG.match(code))


def apply_cell_tag(
    node: etree._Element, code: str, attr_marker: AttrMarker, pi_marker: PiMarker
) -> etree._Element | None:
    """Apply one cell tag standing in text node ``node``.

    Returns a marker the caller must append to ``node`` after all of its other
    content (the end of ``vm``'s show-once block), or ``None``.
    Raises ``ValueError`` when the tag is not inside a table cell.
    """
    tc = ancestor(node, _W_TC)
    if tc is None:
        msg = f"{code.split()[0]} 只能用在表格单元格中 / only valid inside a table cell"
        raise ValueError(msg)
    props = _tcpr(tc)
    keyword, _, arg = code.partition(" ")
    if keyword == "colspan":
        _set(props, "w:gridSpan", _BEFORE_SPAN, {_W_VAL: attr_marker(_expr(arg), tc)})
    elif keyword == "cellbg":
        attrs = {_W_VAL: "clear", qn("w:color"): "auto", qn("w:fill"): attr_marker(_expr(arg), tc)}
        _set(props, "w:shd", _BEFORE_SHD, attrs)
    elif keyword == "vm":
        value = "\x02% if loop.first %\x03restart\x02% else %\x03continue\x02% endif %\x03"
        _set(
            props,
            "w:vMerge",
            (*_BEFORE_SPAN, qn("w:gridSpan"), qn("w:hMerge")),
            {_W_VAL: attr_marker(value, tc)},
        )
        return _show_first_only(node, pi_marker)
    else:
        _merge_horizontally(tc, props, attr_marker, pi_marker)
    return None


def _merge_horizontally(
    tc: etree._Element, props: etree._Element, attr_marker: AttrMarker, pi_marker: PiMarker
) -> None:
    span = props.find(qn("w:gridSpan"))
    base = span.get(_W_VAL, "1") if span is not None else "1"
    expr = f"({int(base)}) * loop.length" if base.isdigit() else "loop.length"
    _set(props, "w:gridSpan", _BEFORE_SPAN, {_W_VAL: attr_marker(_expr(expr), tc)})
    before = pi_marker("\x02% if loop.first %\x03", "if")
    after = pi_marker("\x02% endif %\x03", "endif")
    tc.addprevious(before)
    after.tail = tc.tail
    tc.tail = None
    tc.addnext(after)


def _show_first_only(node: etree._Element, pi_marker: PiMarker) -> etree._Element:
    opening = pi_marker("\x02% if loop.first %\x03", "if")
    opening.tail = node.text
    node.text = None
    node.insert(0, opening)
    return pi_marker("\x02% endif %\x03", "endif")


def _expr(code: str) -> str:
    return "\x02{\n(" + code.strip() + ")|_dg_a }\x03"


def _tcpr(tc: etree._Element) -> etree._Element:
    props = tc.find(_W_TCPR)
    if props is None:
        props = etree.Element(_W_TCPR)
        tc.insert(0, props)
    return props


def _set(props: etree._Element, name: str, after: tuple[str, ...], attrs: dict[str, str]) -> None:
    tag = qn(name)
    for old in props.findall(tag):
        props.remove(old)
    new = etree.Element(tag)
    for key, value in attrs.items():
        new.set(key, value)
    index = 0
    for i, child in enumerate(props):
        if child.tag in after:
            index = i + 1
    props.insert(index, new)
