"""Word-visible places for elements of a part: paragraph number, table, row, cell."""

from __future__ import annotations

from lxml import etree

from docgen.engine.ooxml import ancestor, qn
from docgen.exceptions import Location

_W_P = qn("w:p")
_W_TBL = qn("w:tbl")
_W_TR = qn("w:tr")
_W_TC = qn("w:tc")


class Locator:
    """Numbers paragraphs and tables of one part once, before the tree is edited."""

    def __init__(self, part: str, root: etree._Element) -> None:
        self.part = part
        self._paras = {p: i for i, p in enumerate(root.iter(_W_P), 1)}
        self._tables = {t: i for i, t in enumerate(root.iter(_W_TBL), 1)}
        # Rows and cells are numbered now, before block tags replace any of them.
        self._rows = {r: i for t in self._tables for i, r in enumerate(t.iterchildren(_W_TR), 1)}
        self._cells = {c: i for r in self._rows for i, c in enumerate(r.iterchildren(_W_TC), 1)}

    def locate(self, el: etree._Element, snippet: str | None = None) -> Location:
        """The location of ``el`` (a paragraph or anything inside one)."""
        para = el if el.tag == _W_P else ancestor(el, _W_P)
        number = self._paras.get(para) if para is not None else None
        table = row = cell = None
        tc = ancestor(el, _W_TC)
        if tc is not None:
            tr = tc.getparent()
            tbl = tr.getparent() if tr is not None else None
            if tr is not None and tbl is not None:
                table = self._tables.get(tbl)
                row = self._rows.get(tr)
                cell = self._cells.get(tc)
        return Location(
            part=self.part,
            paragraph=number,
            table=table,
            row=row,
            table_cell=cell,
            snippet=_clip(snippet),
        )


def _clip(text: str | None, limit: int = 60) -> str | None:
    if text is None:
        return None
    return text if len(text) <= limit else text[: limit - 1] + "…"
