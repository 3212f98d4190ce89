"""版头 and 版记 (GB/T 9704 §7.2, §7.4): added by the builder when ``HouseStyle.internal`` is off.

A branch's internal documents have neither (``domain.md`` §1.9), so the default
style leaves them out. A formal document gets, from the context keys
``masthead`` (``issuer``: 发文机关标志, ``number``: 发文字号) and ``colophon``
(``cc``: 抄送, ``printer``: 印发机关, ``date``: 印发日期):

- 版头: the issuer in red 小标宋, the document number in 3号仿宋 two lines
  below, and a red rule across the type area;
- 版记: 抄送 and 印发 in 4号仿宋 between a thick first rule, a thin middle
  rule and a thick last rule.

Both are guarded by ``is defined`` tests, so such a template still renders
for data without them. The 版记 follows the text rather than sitting on the
bottom edge of the last page; placing it there needs a frame, left for later.
"""

from __future__ import annotations

from dataclasses import dataclass

from docgen.style import styles as st
from docgen.style.emit import Emitter
from docgen.style.house import SIZES, half_points
from docgen.style.wml import Font, paragraph, rpr, run

RED = "FF0000"
#: Rule widths in eighths of a point: 1.5 pt red masthead rule; 0.35 mm and 0.25 mm 版记 rules.
MASTHEAD_RULE = 12
THICK_RULE = 8
THIN_RULE = 6


def _border(side: str, size: int, color: str = "000000") -> str:
    return f'<w:{side} w:val="single" w:sz="{size}" w:space="1" w:color="{color}"/>'


def _ppr(style_id: str, *, borders: str = "", tabs: str = "", ind: str = "", jc: str = "") -> str:
    """Paragraph properties in schema order: style, borders, tabs, indents, alignment."""
    parts = [f'<w:pStyle w:val="{style_id}"/>']
    if borders:
        parts.append(f"<w:pBdr>{borders}</w:pBdr>")
    if tabs:
        parts.append(f"<w:tabs>{tabs}</w:tabs>")
    if ind:
        parts.append(ind)
    if jc:
        parts.append(f'<w:jc w:val="{jc}"/>')
    return "<w:pPr>" + "".join(parts) + "</w:pPr>"


@dataclass(frozen=True)
class Masthead:
    """版头: issuer, document number and the red rule."""

    issuer: str = "{{ masthead.issuer }}"
    number: str = "{{ masthead.number }}"
    when: str = "masthead is defined and masthead.issuer"

    def emit(self, out: Emitter) -> None:
        """Write the masthead inside its guard."""
        style = out.style
        size = half_points(SIZES["小初"])
        issuer_font = Font(style.title_font, style.latin_font)
        red = rpr(issuer_font, size_half_points=size, color=RED)
        out.control(f"{{%p if {self.when} %}}")
        out.add(paragraph(_ppr(st.FLUSH, jc="center"), run(self.issuer, red)))
        out.paragraph(st.FLUSH, [])
        body_font = out.font_of(st.BODY)
        rule = _border("bottom", MASTHEAD_RULE, RED)
        out.add(
            paragraph(_ppr(st.FLUSH, borders=rule, jc="center"), run(self.number, rpr(body_font)))
        )
        out.paragraph(st.FLUSH, [])
        out.control("{%p endif %}")


@dataclass(frozen=True)
class Colophon:
    """版记: 抄送 and 印发 between rules, 4号仿宋, one character in from each side."""

    cc: str = "{{ colophon.cc }}"
    printer: str = "{{ colophon.printer }}"
    date: str = "{{ colophon.date }}"
    when: str = "colophon is defined and colophon.printer is defined and colophon.printer"

    def emit(self, out: Emitter) -> None:
        """Write the colophon inside its guard."""
        style = out.style
        size = half_points(style.page_number_pt)
        font = rpr(Font(style.body_font, style.latin_font), size_half_points=size)
        one = style.indent_twips(style.page_number_pt, 1)
        ind = f'<w:ind w:left="{one}" w:leftChars="100" w:right="{one}" w:rightChars="100"/>'
        right_tab = style.text_width_twips(out.landscape) - one
        out.control(f"{{%p if {self.when} %}}")
        out.paragraph(st.FLUSH, [])
        out.control(f"{{%p if {self.cc_when()} %}}")
        cc_rules = _border("top", THICK_RULE) + _border("bottom", THIN_RULE)
        out.add(
            paragraph(_ppr(st.FLUSH, borders=cc_rules, ind=ind), run(f"抄送：{self.cc}。", font))
        )
        out.control("{%p else %}")
        out.add(paragraph(_ppr(st.FLUSH, borders=_border("top", THICK_RULE), ind=ind), ""))
        out.control("{%p endif %}")
        tab = f'<w:tab w:val="right" w:pos="{right_tab}"/>'
        printed = (
            run(self.printer, font) + f"<w:r>{font}<w:tab/></w:r>" + run(f"{self.date}印发", font)
        )
        last = _border("bottom", THICK_RULE)
        out.add(paragraph(_ppr(st.FLUSH, borders=last, tabs=tab, ind=ind), printed))
        out.control("{%p endif %}")

    def cc_when(self) -> str:
        """The condition for the 抄送 line: the ``cc`` expression is given and not empty."""
        expression = self.cc.strip().removeprefix("{{").removesuffix("}}").strip()
        return f"{expression} is defined and {expression}"


__all__ = ["Colophon", "Masthead"]
