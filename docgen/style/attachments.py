"""The 附件说明 (GB/T 9704 §7.3.4) as paragraphs whose wrapped lines hang under the names.

A view (or a bundle, for the documents it binds in as attachments) puts an
:class:`AttachmentNote` into the context; the template's note paragraph holds
``{{p attachment_note }}`` (block :class:`~docgen.style.blocks.AttachmentNote`), which the
engine replaces by one paragraph per attachment:

- one attachment: ``附件：名称``, two characters in; a name too long for the line goes on
  under its own first character (a hanging indent of the width of “附件：”);
- several: ``附件：1.名称`` then ``2.名称`` … on lines of their own, each number under the
  first one and each name's wrapped lines under that name's first character (all names in
  one column, after the widest number).

The lines are set flush left, not justified: a justified first line spreads the characters
before the name (measured 1.15 pt over “附件：”), so its name would no longer stand over
its own wrapped lines.

After a number the name starts at a tab stop placed just past it, so the wrapped lines line
up with it exactly even where the number prints a little wider than reckoned. The stop is
the number's printed width (Liberation Serif / Times New Roman: digits ½ em, the full stop
¼ em, each with the house style's character spacing) plus an eighth of a character, so a
slightly wider number still reaches it rather than jumping on to the next default stop.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from docgen.style import styles as st
from docgen.style.house import DEFAULT_STYLE, HouseStyle
from docgen.style.wml import paragraph, run

#: “附件：” — the two characters and the full-width colon.
LEAD = "附件："
#: Characters the note is set in from the left margin.
INDENT_CHARS = 2
#: Advances of the characters of a number in the Latin face, in em.
_LATIN_EM = {".": 0.25, **dict.fromkeys("0123456789", 0.5)}
#: What a number's slot has beyond its printed width, in em.
SLOT_SPARE_EM = 0.125


def number_twips(number: str, style: HouseStyle = DEFAULT_STYLE) -> int:
    """How wide a number such as ``12.`` prints in the body size, in twips."""
    size = style.body_pt * 20
    spacing = style.char_spacing_twentieths
    return round(sum(_LATIN_EM[c] * size + spacing for c in number))


def lead_twips(style: HouseStyle = DEFAULT_STYLE) -> int:
    """Where the text after “附件：” starts, from the left margin, in twips."""
    char = style.body_pt * 20
    return round(INDENT_CHARS * char + len(LEAD) * (char + style.char_spacing_twentieths))


@dataclass(frozen=True)
class NoteLine:
    """One paragraph of the note: its text and its left and hanging indents in twips.

    ``tab`` is the stop the name starts at (the left indent) when a number precedes it.
    """

    lead: str
    number: str
    name: str
    left: int
    hanging: int

    @property
    def text(self) -> str:
        """The line as read: ``附件：1.名称``."""
        return f"{self.lead}{self.number}{self.name}"


@dataclass(frozen=True)
class AttachmentNote:
    """The names of a document's attachments, printed as its 附件说明.

    Names are taken as given (a view cleans what was typed: :func:`docgen.views.common.
    attachment_names`). Empty, the note is false and the template leaves it out.
    """

    names: tuple[str, ...] = ()
    style: HouseStyle = DEFAULT_STYLE

    #: Read by the engine: the value stands for whole paragraphs.
    docgen_kind: ClassVar[str] = "para"
    #: No hyperlinks (the engine asks every paragraph value).
    url_ids: ClassVar[tuple[str, ...]] = ()

    def __bool__(self) -> bool:
        return bool(self.names)

    def __len__(self) -> int:
        return len(self.names)

    def __iter__(self) -> Iterator[str]:
        return iter(self.names)

    def lines(self) -> list[NoteLine]:
        """The paragraphs with their indents (twips from the left margin)."""
        start = lead_twips(self.style)
        first = round(INDENT_CHARS * self.style.body_pt * 20)
        if len(self.names) == 1:
            return [NoteLine(LEAD, "", self.names[0], start, start - first)]
        out = []
        spare = round(SLOT_SPARE_EM * self.style.body_pt * 20)
        # One slot for every number, the widest one's: with ten or more attachments the
        # names still stand in one column.
        slot = number_twips(f"{len(self.names)}.", self.style) + spare
        for n, name in enumerate(self.names, 1):
            number = f"{n}."
            lead = LEAD if n == 1 else ""
            hanging = slot + (start - first if n == 1 else 0)
            out.append(NoteLine(lead, number, name, start + slot, hanging))
        return out

    def __html__(self) -> str:
        """The paragraphs' WordprocessingML."""
        return "".join(_paragraph(line) for line in self.lines())

    def __str__(self) -> str:
        """The note as plain text, a line per attachment."""
        return "\n".join(line.text for line in self.lines())


def _paragraph(line: NoteLine) -> str:
    tabs = f'<w:tabs><w:tab w:val="left" w:pos="{line.left}"/></w:tabs>' if line.number else ""
    props = (
        f'<w:pPr><w:pStyle w:val="{st.ATTACHMENT_NOTE}"/><w:keepNext/>{tabs}'
        f'<w:ind w:left="{line.left}" w:leftChars="0" w:hanging="{line.hanging}" '
        'w:hangingChars="0" w:firstLineChars="0"/></w:pPr>'
    )
    if not line.number:
        return paragraph(props, run(line.lead + line.name, ""))
    tab = "<w:r><w:tab/></w:r>"
    return paragraph(props, run(line.lead + line.number, "") + tab + run(line.name, ""))


__all__ = [
    "INDENT_CHARS",
    "LEAD",
    "SLOT_SPARE_EM",
    "AttachmentNote",
    "NoteLine",
    "lead_twips",
    "number_twips",
]
