"""Keep tables valid after loops: a grid column per cell, a row per table, a paragraph per cell.

A ``{%tc for %}`` changes how many cells a row has, so the table grid must
follow (docxtpl does the same); an empty ``{%tr for %}`` can leave a table
with no rows, and ``{%p if %}`` can empty a cell, both of which Word rejects.
The compiler tells which parts can end up that way; only those are fixed
after rendering, so ordinary templates pay nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from docgen.engine import ooxml
from docgen.engine.ooxml import qn
from docgen.engine.verify import rewrites_tree

_TBL, _TR, _TC, _P = qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:p")
_GRID, _GRIDCOL, _TCPR, _SPAN = qn("w:tblGrid"), qn("w:gridCol"), qn("w:tcPr"), qn("w:gridSpan")
_W, _VAL = qn("w:w"), qn("w:val")
_OPEN = {"for", "if", "with"}

Keyword = Callable[[etree._Element], str | None]


def needs_fixup(root: etree._Element, keyword: Keyword) -> bool:
    """Whether rendering could leave a table or cell of ``root`` invalid.

    ``keyword`` gives the statement keyword of a marker (``None`` for others).
    """
    for tbl in root.iter(_TBL):
        if any(keyword(pi) for tr in tbl.iterchildren(_TR) for pi in _markers(tr)):
            return True  # a column loop or condition changes the cell count
        if not _has_unconditional(tbl, _TR, keyword):
            return True
    return any(not _has_unconditional(tc, _P, keyword) for tc in root.iter(_TC))


def _markers(el: etree._Element) -> list[etree._Element]:
    return [c for c in el if isinstance(c, etree._ProcessingInstruction) and c.target == "dg"]


def _has_unconditional(parent: etree._Element, tag: str, keyword: Keyword) -> bool:
    """Whether some child ``tag`` of ``parent`` stands outside every block."""
    depth = 0
    for child in parent:
        if isinstance(child, etree._ProcessingInstruction):
            word = keyword(child) if child.target == "dg" else None
            if word in _OPEN:
                depth += 1
            elif word is not None and word.startswith("end"):
                depth -= 1
        elif child.tag == tag and depth <= 0:
            return True
    return False


@rewrites_tree
def fix_tables(xml: bytes) -> bytes:
    """Rendered part → the same part with every table and cell made valid."""
    root = ooxml.parse(xml)
    for tbl in reversed(list(root.iter(_TBL))):
        parent = tbl.getparent()
        if tbl.find(_TR) is None and parent is not None:
            parent.remove(tbl)
            continue
        _fit_grid(tbl)
    for tc in root.iter(_TC):
        children = [c for c in tc if isinstance(c.tag, str)]
        if not children or children[-1].tag != _P:
            etree.SubElement(tc, _P)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _fit_grid(tbl: etree._Element) -> None:
    """One gridCol per column, keeping the table's total width (docxtpl's rule)."""
    grid = tbl.find(_GRID)
    if grid is None:
        return
    columns = grid.findall(_GRIDCOL)
    wanted = max((_width_in_cells(tr) for tr in tbl.iterchildren(_TR)), default=len(columns))
    if wanted == len(columns) or wanted == 0:
        return
    widths = [int(c.get(_W) or 0) for c in columns]
    total = sum(widths)
    for column in columns:
        grid.remove(column)
    if len(columns) < wanted:
        # Scale the old columns down and give new ones the new average width.
        average = total / wanted if wanted else 0
        old_average = total / len(columns) if columns else average
        sizes = [int(w * average / old_average) if old_average else 0 for w in widths]
        sizes += [int(average)] * (wanted - len(columns))
    else:
        kept = widths[:wanted]
        extra = (total - sum(kept)) // wanted
        sizes = [w + extra for w in kept]
    for size in sizes:
        etree.SubElement(grid, _GRIDCOL).set(_W, str(size))


def _width_in_cells(tr: etree._Element) -> int:
    count = 0
    for tc in tr.iterchildren(_TC):
        span = tc.find(f"{_TCPR}/{_SPAN}")
        count += int(span.get(_VAL, "1")) if span is not None else 1
    return count
