"""Merge table cells by value: ``{{ row.category|vmerge }}`` in a ``{%tr for %}`` row.

A 台账 grouped by category should show each category once, beside all of its
rows. The filter prints the value as usual and marks its cell; after the render,
runs of vertically adjacent marked cells in the same grid column whose text is
equal become one merged cell (``w:vMerge``). ``hmerge`` does the same across a
row (``w:gridSpan``). Empty cells are never merged: a blank is not a value.
Data order decides what is adjacent; nothing is sorted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree
from markupsafe import Markup

from docgen.engine import ooxml
from docgen.engine.ooxml import qn
from docgen.engine.verify import rewrites_tree

if TYPE_CHECKING:
    from docgen.engine.values import RenderState

_TC, _TR, _TBL, _P = qn("w:tc"), qn("w:tr"), qn("w:tbl"), qn("w:p")
_TCPR, _SPAN, _VMERGE, _VAL = qn("w:tcPr"), qn("w:gridSpan"), qn("w:vMerge"), qn("w:val")
_MARK = "dg-merge"
# tcPr children in schema order: where gridSpan and vMerge go.
_TCPR_ORDER = [
    "cnfStyle",
    "tcW",
    "gridSpan",
    "hMerge",
    "vMerge",
    "tcBorders",
    "shd",
    "noWrap",
    "tcMar",
    "textDirection",
    "tcFitText",
    "vAlign",
    "hideMark",
]


class MergeCell:
    """``value`` printed as text, with its cell marked for merging along ``axis`` (v or h)."""

    docgen_kind = "custom"

    def __init__(self, value: object, axis: str) -> None:
        self.value = value
        self.axis = axis

    def __str__(self) -> str:
        return "" if self.value is None else str(self.value)

    def docgen_render(self, state: RenderState, index: int) -> Markup:
        """The text at site ``index``, followed by the merge mark (inside a table cell only)."""
        text = state.text(index, str(self))
        if state.site(index).level != "text":
            return text  # outside running text there is no cell to mark
        state.finish(merge_cells)
        return text + Markup(f"<?{_MARK} {self.axis}?>")  # noqa: S704 -- a fixed marker


def vmerge_filter(value: object) -> MergeCell:
    """``{{ row.category|vmerge }}``: merge with the cells above and below that read the same."""
    return MergeCell(value, "v")


def hmerge_filter(value: object) -> MergeCell:
    """``{{ row.a|hmerge }}``: merge with the marked cells beside it that read the same."""
    return MergeCell(value, "h")


@rewrites_tree
def merge_cells(xml: bytes) -> bytes:
    """A rendered part with its marked cells merged and the marks removed."""
    root = ooxml.parse(xml)
    marked: dict[etree._Element, set[str]] = {}
    for mark in list(root.iter(etree.ProcessingInstruction)):
        if not isinstance(mark, etree._ProcessingInstruction) or mark.target != _MARK:
            continue
        cell = ooxml.ancestor(mark, _TC)
        if cell is not None:
            marked.setdefault(cell, set()).add((mark.text or "").strip())
        ooxml.remove_keeping_tail(mark)
    tables = {ooxml.ancestor(cell, _TBL) for cell in marked}
    for table in tables:
        if table is None:
            continue
        for row in table.iterchildren(_TR):
            _merge_across(row, marked)
        _merge_down(table, marked)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _text(cell: etree._Element) -> str:
    return "".join(t.text or "" for t in cell.iter(qn("w:t"))).strip()


def _span(cell: etree._Element) -> int:
    span = cell.find(f"{_TCPR}/{_SPAN}")
    return int(span.get(_VAL, "1")) if span is not None else 1


def _props(cell: etree._Element) -> etree._Element:
    props = cell.find(_TCPR)
    if props is None:
        props = etree.Element(_TCPR)
        cell.insert(0, props)
    return props


def _merge_across(row: etree._Element, marked: dict[etree._Element, set[str]]) -> None:
    cells = list(row.iterchildren(_TC))
    start = 0
    while start < len(cells):
        first = cells[start]
        end = start + 1
        if "h" in marked.get(first, ()) and _text(first):
            while (
                end < len(cells)
                and "h" in marked.get(cells[end], ())
                and (_text(cells[end]) == _text(first))
            ):
                end += 1
        if end - start > 1:
            total = sum(_span(c) for c in cells[start:end])
            ooxml.ensure_child(_props(first), "gridSpan", _TCPR_ORDER).set(_VAL, str(total))
            for cell in cells[start + 1 : end]:
                row.remove(cell)
        start = end


def _merge_down(table: etree._Element, marked: dict[etree._Element, set[str]]) -> None:
    above: dict[tuple[int, int], tuple[etree._Element, str]] = {}
    for row in table.iterchildren(_TR):
        column = 0
        here: dict[tuple[int, int], tuple[etree._Element, str]] = {}
        for cell in row.iterchildren(_TC):
            key = (column, _span(cell))
            column += key[1]
            if "v" not in marked.get(cell, ()) or not _text(cell):
                continue
            text = _text(cell)
            previous = above.get(key)
            if previous is not None and previous[1] == text:
                _continue_merge(previous[0], cell)
                here[key] = previous
            else:
                here[key] = (cell, text)
        above = here


def _continue_merge(first: etree._Element, cell: etree._Element) -> None:
    """Make ``cell`` continue the vertical merge that ``first`` starts."""
    ooxml.ensure_child(_props(first), "vMerge", _TCPR_ORDER).set(_VAL, "restart")
    later = ooxml.ensure_child(_props(cell), "vMerge", _TCPR_ORDER)
    if _VAL in later.attrib:
        del later.attrib[_VAL]  # no value: continues the merge above
    paragraphs = cell.findall(_P)
    keep = paragraphs[0] if paragraphs else etree.SubElement(cell, _P)
    for child in list(cell):
        if child.tag != _TCPR and child is not keep:
            cell.remove(child)
    for child in list(keep):
        if child.tag != qn("w:pPr"):
            keep.remove(child)
