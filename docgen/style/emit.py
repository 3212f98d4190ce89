"""The emitter: where blocks write their WordprocessingML, and the heading counters live.

Heading ordinals are generated when the document is rendered, not when the
template is built: every numbered heading increments a counter in a Jinja
``namespace`` (``hn.l1`` … ``hn.l4``) and resets the deeper ones, then prints
the counter through the ``ordinal`` filter. A section left out by its ``when``
condition never increments, so 一、二、三… stay continuous whatever the data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from docgen.style import styles as st
from docgen.style.house import HouseStyle
from docgen.style.package import section_xml
from docgen.style.wml import Font, ParaProps, control, paragraph, ppr, run

#: The Jinja namespace holding the heading counters.
COUNTERS = "hn"
LEVELS = 4


class Block(Protocol):
    """Anything that can write itself into a template body."""

    def emit(self, out: Emitter) -> None:
        """Append this block's paragraphs and tables to ``out``."""


@dataclass
class Emitter:
    """Collects a body: paragraphs, tables, section breaks; knows fonts per style."""

    style: HouseStyle
    landscape: bool = False
    parts: list[str] = field(default_factory=list)
    numbered: bool = False
    #: Set after a landscape table in a portrait document: the next content
    #: starts a portrait section again.
    restore_portrait: bool = False

    def font_of(self, style_id: str) -> Font:
        """The East Asian font a paragraph style uses (for the masthead's own sized runs)."""
        for spec in st.paragraph_styles(self.style):
            if spec.id == style_id:
                return spec.fonts(self.style)
        return Font(self.style.body_font, self.style.latin_font)

    def add(self, xml: str) -> None:
        """Append raw body XML (a table, a paragraph)."""
        self._resume_portrait()
        self.parts.append(xml)

    def _resume_portrait(self) -> None:
        if self.restore_portrait:
            self.restore_portrait = False
            self.break_section(landscape=False)

    def paragraph(
        self, style_id: str, runs: Sequence[tuple[str, str | None]], props: ParaProps | None = None
    ) -> None:
        """A paragraph of ``(text, character style or None)`` runs."""
        body = "".join(self.run(text, style_id, char) for text, char in runs)
        self.add(paragraph(ppr(style_id, props), body))

    def run(self, text: str, style_id: str, char_style: str | None = None) -> str:
        """One run formatted by its styles alone (issue 9 §6: "修改样式" in Word must change
        the text): a plain run carries no properties, a run-in lead only its character style.
        ``style_id`` is the paragraph's; its font and size reach the run through the style."""
        props = f'<w:rPr><w:rStyle w:val="{char_style}"/></w:rPr>' if char_style else ""
        return run(text, props)

    def control(self, tag: str) -> None:
        """A paragraph holding only a block tag, e.g. ``{%p if basis %}``."""
        self.parts.append(control(tag, st.BODY))

    def ordinal(self, level: int) -> str:
        """Jinja that counts one more heading at ``level`` and prints its ordinal."""
        self.numbered = True
        resets = "".join(
            f"{{% set {COUNTERS}.l{deeper} = 0 %}}" for deeper in range(level + 1, LEVELS + 1)
        )
        bump = f"{{% set {COUNTERS}.l{level} = {COUNTERS}.l{level} + 1 %}}"
        return f"{bump}{resets}{{{{ {COUNTERS}.l{level}|ordinal({level}) }}}}"

    def break_section(self, landscape: bool) -> None:
        """End the current section here; what follows is ``landscape`` or portrait."""
        sect = section_xml(self.style, self.landscape)
        self.parts.append(paragraph(ppr(st.FLUSH, extra=sect)))
        self.landscape = landscape

    def body(self) -> str:
        """The finished body: counters set up first, the last section's properties last."""
        if self.restore_portrait:
            # A landscape table ends the document: keep its section landscape and
            # close the body with the paragraph Word wants after a table.
            self.parts.append(paragraph(ppr(st.FLUSH)))
        start = ""
        if self.numbered:
            counters = ", ".join(f"l{n}=0" for n in range(1, LEVELS + 1))
            start = control(f"{{%p set {COUNTERS} = namespace({counters}) %}}", st.BODY)
        return start + "".join(self.parts) + section_xml(self.style, self.landscape)


__all__ = ["COUNTERS", "LEVELS", "Block", "Emitter"]
