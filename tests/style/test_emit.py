"""The emitter's counters: Jinja that bumps one level and resets the deeper ones."""

from __future__ import annotations

from docgen.style.emit import Emitter
from docgen.style.house import DEFAULT_STYLE


def test_ordinal_code() -> None:
    """Level 2 bumps hn.l2, resets l3 and l4, prints through the ordinal filter."""
    out = Emitter(DEFAULT_STYLE)
    code = out.ordinal(2)
    assert code.startswith("{% set hn.l2 = hn.l2 + 1 %}{% set hn.l3 = 0 %}{% set hn.l4 = 0 %}")
    assert code.endswith("{{ hn.l2|ordinal(2) }}")
    assert "namespace(l1=0, l2=0, l3=0, l4=0)" in out.body()


def test_no_counters_without_numbering() -> None:
    """A body without numbered blocks sets up no namespace."""
    out = Emitter(DEFAULT_STYLE)
    out.paragraph("Normal", [("正文", None)])
    assert "namespace" not in out.body()
    assert out.font_of("Heading1").east_asia == "黑体"
