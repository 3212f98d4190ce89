"""The 落款 (署名 and 成文日期) as paragraphs placed by alignment and indent (GB/T 9704 §7.3.5).

A view puts a :class:`SignoffLines` into the context; the template's sign-off paragraph holds
``{{p signoff.lines }}``, which the engine replaces by the two paragraphs. Both are
right-aligned (styles 落款单位 and 成文日期) and each carries the right indent its rule asks
for, so no line is pushed into place with blank characters, "修改样式" or a changed font
keeps the lines where they belong, and the place does not depend on the width of the page
(portrait and landscape alike):

- **unsealed** (§7.3.5.2): the 署名 ends two characters from the right margin and the date
  starts two characters right of the 署名's first character; when the date is the longer
  line, it ends two characters from the margin and the 署名 moves left with it;
- **sealed** (§7.3.5.1): the date ends four characters from the right margin, leaving room
  for the seal, and the 署名 is centred on the date (ending at the margin when it is so much
  longer than the date that centring would push it past).

Only the *difference* of the two lines' widths enters an indent (the margins are exact), so
it is measured as printed (:func:`printed_twips`): each glyph's advance with the house
style's character spacing, digits and Latin letters half a character, and the automatic
space LibreOffice and Word put between Chinese and digits or Latin letters. Indents are
written in twips with ``w:rightChars="0"``, so Word does not read the style's
character-unit indent instead.
"""

from __future__ import annotations

import itertools
import unicodedata
from dataclasses import dataclass, replace
from typing import ClassVar

from docgen.style import styles as st
from docgen.style.house import DEFAULT_STYLE, HouseStyle
from docgen.style.wml import paragraph, run

#: Characters between the unsealed 署名 (or a longer date) and the right margin.
UNSEALED_MARGIN = 2
#: Characters the sealed date keeps from the right margin.
SEALED_MARGIN = 4
#: How far right of the 署名's first character the unsealed date starts, in characters.
DATE_SHIFT = 2
#: LibreOffice's automatic space between a Chinese character and a digit or Latin letter,
#: in em: 3.47 pt measured at 16 pt in the PDF (5 gaps in “2026年10月28日”).
AUTO_SPACE_EM = 0.217


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def printed_twips(text: str, style: HouseStyle = DEFAULT_STYLE) -> float:
    """How wide ``text`` prints in the body size, in twips: glyph advances (a digit or Latin
    letter half a character) with the house style's spacing after each, and the automatic
    space at every Chinese/Latin boundary."""
    size = style.body_pt * 20
    spacing = style.char_spacing_twentieths
    glyphs = sum((size if _is_wide(c) else size / 2) + spacing for c in text)
    changes = sum(_is_wide(a) != _is_wide(b) for a, b in itertools.pairwise(text))
    return glyphs + changes * AUTO_SPACE_EM * size


def placement(
    org: str, date: str, sealed: bool = False, style: HouseStyle = DEFAULT_STYLE
) -> tuple[int | None, int | None]:
    """The right indents of the 署名 and the date in twips (``None`` for an empty line)."""
    char = style.body_pt * 20
    margin = (SEALED_MARGIN if sealed else UNSEALED_MARGIN) * char
    if not org or not date:
        return (round(margin) if org else None, round(margin) if date else None)
    org_w, date_w = printed_twips(org, style), printed_twips(date, style)
    if sealed:
        return round(max(margin + (date_w - org_w) / 2, 0.0)), round(margin)
    # The date starts DATE_SHIFT right of the 署名's start, so it ends org_w − date_w − shift
    # right of the 署名's end, unless that brings it nearer the margin than the 署名 may come.
    shift = DATE_SHIFT * char
    date_right = margin + org_w - date_w - shift
    if date_right >= margin:
        return round(margin), round(date_right)
    return round(margin + shift + date_w - org_w), round(margin)


@dataclass(frozen=True)
class SignoffLines:
    """The 署名 and the 成文日期 as the paragraphs ``{{p … }}`` places.

    The 署名 is kept with the date; ``keep_with_next`` also keeps the date with the
    paragraph after it (a 附注 under the date). An empty line is left out.
    """

    org: str
    date: str
    sealed: bool = False
    keep_with_next: bool = False
    style: HouseStyle = DEFAULT_STYLE

    #: Read by the engine: the value stands for whole paragraphs.
    docgen_kind: ClassVar[str] = "para"
    #: No hyperlinks (the engine asks every paragraph value).
    url_ids: ClassVar[tuple[str, ...]] = ()

    @property
    def kept(self) -> SignoffLines:
        """The same lines with the date kept with the next paragraph."""
        return replace(self, keep_with_next=True)

    def __html__(self) -> str:
        """The paragraphs' WordprocessingML."""
        org_right, date_right = placement(self.org, self.date, self.sealed, self.style)
        parts = []
        if org_right is not None:
            parts.append(_line(st.SIGNOFF, self.org, org_right, date_right is not None))
        if date_right is not None:
            parts.append(_line(st.SIGNOFF_DATE, self.date, date_right, self.keep_with_next))
        return "".join(parts)

    def __str__(self) -> str:
        """The lines as plain text (a cell of a workbook, a log line)."""
        return "\n".join(line for line in (self.org, self.date) if line)


def _line(style: str, text: str, right_twips: int, keep: bool) -> str:
    keep_tag = "<w:keepNext/>" if keep else ""
    props = (
        f'<w:pPr><w:pStyle w:val="{style}"/>{keep_tag}'
        f'<w:ind w:right="{right_twips}" w:rightChars="0"/><w:jc w:val="right"/></w:pPr>'
    )
    return paragraph(props, run(text, ""))


__all__ = [
    "AUTO_SPACE_EM",
    "DATE_SHIFT",
    "SEALED_MARGIN",
    "UNSEALED_MARGIN",
    "SignoffLines",
    "placement",
    "printed_twips",
]
