"""Blocks of the 发展党员 papers a branch sends its 上级党委 (备案报告, 预审请示, 报批请示):
title, 主送机关, body paragraphs, 落款. A package, so the catalogue does not load it as a
template. Each reads one entry of :mod:`docgen.views.development` (``filing``, …)."""

from __future__ import annotations

from docgen.style import styles as st
from docgen.style.blocks import If, Para, Signoff, Title
from docgen.style.emit import Block


def letter(source: str, nothing: str) -> list[Block]:
    """The letter in ``source``: its title; then, when it has a subject, the 主送机关 flush
    left (GB/T 9704 §7.3.2), the paragraphs and the 落款 (§7.3.5); else ``nothing``."""
    return [
        Title(f"{{{{ {source}.title }}}}"),
        If(
            f"{source}.show",
            [
                Para(f"{{{{ {source}.addressee }}}}", style=st.SALUTATION),
                Para("{{ x }}", each=f"x in {source}.paras"),
                Signoff(f"{source}.signoff", when=f"{source}.signoff.show"),
            ],
            [Para(nothing)],
        ),
    ]


__all__ = ["letter"]
