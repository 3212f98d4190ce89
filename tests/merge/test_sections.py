"""Joining helpers: edge page breaks trimmed, page breaks before tables, tiny carriers."""

from __future__ import annotations

from lxml import etree

from docgen.merge.sections import page_break_before, tiny_paragraph, trim_breaks
from tests.merge.support import W

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _els(xml: str) -> list[etree._Element]:
    return list(etree.fromstring(f'<w:body xmlns:w="{_W}">{xml}</w:body>'))


def test_trim_breaks_at_both_edges_only() -> None:
    """Break-only paragraphs at the edges go; a break inside text and empty lines stay."""
    brk = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
    mid = (
        '<w:p><w:r><w:t>中</w:t></w:r><w:r><w:br w:type="page"/></w:r>'
        "<w:r><w:t>间</w:t></w:r></w:p>"
    )
    end = '<w:p><w:r><w:t>尾</w:t></w:r><w:r><w:br w:type="page"/></w:r></w:p>'
    kept = trim_breaks(_els(brk + mid + "<w:p/>" + end + brk + brk))
    assert len(kept) == 3
    assert [len(list(p.iter(f"{W}br"))) for p in kept] == [1, 0, 0]


def test_page_break_before_a_table_uses_a_carrier() -> None:
    """A leading table gets a one-twip paragraph with pageBreakBefore; a paragraph gets the flag."""
    table = _els("<w:tbl/><w:p/>")
    out = page_break_before(table)
    assert out[0].find(f"{W}pPr/{W}pageBreakBefore") is not None
    assert out[1].tag == f"{W}tbl"
    para = _els("<w:p><w:pPr><w:jc w:val='center'/></w:pPr></w:p>")
    ppr = page_break_before(para)[0].find(f"{W}pPr")
    assert [etree.QName(c).localname for c in ppr] == ["pageBreakBefore", "jc"]


def test_tiny_paragraph_is_one_twip() -> None:
    """The carrier's line is exactly 1 pt (20 twips) with 1 pt type."""
    ppr = tiny_paragraph().find(f"{W}pPr")
    assert ppr.find(f"{W}spacing").get(f"{W}lineRule") == "exact"
    assert ppr.find(f"{W}rPr/{W}sz").get(f"{W}val") == "2"
