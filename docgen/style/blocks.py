"""The blocks a template is described with: title, paragraphs, numbered sections, loops, sign-off.

Text in a block is docxtpl-language text (``"{{ p.title }}"``); ``when`` is a
Jinja condition and ``each`` a loop header (``"p in problems"``), each turned
into a ``{%p … %}`` paragraph around the block, which the engine removes on
render. Numbered blocks take their ordinal from the emitter's counters, so
ordinals are generated at render time (see :mod:`docgen.style.emit`).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from docgen.style import styles as st
from docgen.style.emit import Block, Emitter
from docgen.style.keep import keep_last_with_next
from docgen.style.wml import ParaProps, paragraph, ppr


@dataclass(frozen=True)
class Run:
    """A piece of a paragraph; ``lead`` 1 or 2 sets it in the level-1 (黑体) or level-2
    (楷体) face, for run-in leads such as “（一）加强组织领导。”."""

    text: str
    lead: int | None = None

    def char_style(self) -> str | None:
        """The character style this run uses."""
        return {1: st.LEAD1, 2: st.LEAD2}.get(self.lead or 0)


Text = str | Sequence[Run]


def _runs(text: Text) -> list[tuple[str, str | None]]:
    if isinstance(text, str):
        return [(text, None)]
    return [(r.text, r.char_style()) for r in text]


def _wrap(out: Emitter, when: str | None, each: str | None, inner: Block) -> None:
    """Emit ``inner`` inside ``{%p for each %}`` and ``{%p if when %}`` when given.

    The loop is outside: ``when`` may use the loop variable.
    """
    if each:
        out.control(f"{{%p for {each} %}}")
    if when:
        out.control(f"{{%p if {when} %}}")
    inner.emit(out)
    if when:
        out.control("{%p endif %}")
    if each:
        out.control("{%p endfor %}")


@dataclass(frozen=True)
class _Paragraph:
    style: str
    text: Text
    props: ParaProps | None = None
    number: int | None = None

    def emit(self, out: Emitter) -> None:
        runs = _runs(self.text)
        if self.number is not None:
            prefix = out.ordinal(self.number)
            first_text, first_style = runs[0]
            runs[0] = (prefix + first_text, first_style)
        out.paragraph(self.style, runs, self.props)


@dataclass(frozen=True)
class Para:
    """A body paragraph (3号仿宋, first line indented two characters).

    ``number`` 3 or 4 prefixes a generated ``1.``/``（1）`` ordinal; ``style`` picks
    another paragraph style (``styles.FLUSH`` for no indent, ``styles.CENTRED``).
    """

    text: Text
    when: str | None = None
    each: str | None = None
    number: int | None = None
    style: str = st.BODY
    props: ParaProps | None = None

    def emit(self, out: Emitter) -> None:
        """Write the paragraph (inside its loop and condition)."""
        _wrap(out, self.when, self.each, _Paragraph(self.style, self.text, self.props, self.number))


_FIELD = re.compile(r"\{\{\s*(.+?)\s*\}\}")


def broken_by_sense(text: str, capacity: float) -> str:
    """Jinja that prints ``text`` (literal words and ``{{ … }}`` fields) through the
    ``title_break`` filter, so a long title is broken by sense at render time.

    ``"{{ meeting_name }}主持词"`` becomes
    ``{{ ((meeting_name) ~ "主持词")|title_break(20.33) }}``; literal text goes through
    the filter as well, so the template shows what it prints.
    """
    pieces: list[str] = []
    last = 0
    for m in _FIELD.finditer(text):
        if m.start() > last:
            pieces.append(json.dumps(text[last : m.start()], ensure_ascii=False))
        pieces.append(f"({m.group(1)})")
        last = m.end()
    if last < len(text) or not pieces:
        pieces.append(json.dumps(text[last:], ensure_ascii=False))
    return f"{{{{ ({' ~ '.join(pieces)})|title_break({capacity}) }}}}"


def _capacity(out: Emitter, points: float) -> float:
    # Two decimals, rounded down: the filter's argument is printed into the template.
    return math.floor(out.style.chars_fitting(points, out.landscape) * 100) / 100


@dataclass(frozen=True)
class Title:
    """The document title: 2号方正小标宋简体, centred; a blank line follows it.

    A title too long for one line is broken by sense (:mod:`docgen.zh.title_break`):
    after the issuing body, before 关于, never inside a term, in a trapezoid or diamond.

    A document a bundle binds in as an attachment carries its “附件” label above the title
    (:class:`AttachmentLabel`), which puts the title on the third line; rendered alone it
    has none, so every template can serve as an attachment as it is.
    """

    text: str
    blank_after: bool = True
    #: Start the title on a new page (``w:pageBreakBefore``), for a document printing one
    #: page per person: unlike a page-break paragraph, it never leaves a blank page behind
    #: a full one, and on the document's first line it does nothing.
    new_page: bool = False

    def emit(self, out: Emitter) -> None:
        """Write the attachment label (when given), the title line and the empty line."""
        AttachmentLabel().emit(out)
        text = broken_by_sense(self.text, _capacity(out, out.style.title_pt))
        props = ParaProps(page_break_before=True) if self.new_page else None
        out.paragraph(st.TITLE, [(text, None)], props)
        if self.blank_after:
            out.paragraph(st.FLUSH, [])


@dataclass(frozen=True)
class Subtitle:
    """A centred 楷体 line under the title, e.g. “——在……上的讲话” or “（2026年7月1日）”;
    broken by sense like the title when it needs two lines."""

    text: str
    when: str | None = None

    def emit(self, out: Emitter) -> None:
        """Write the line."""
        text = broken_by_sense(self.text, _capacity(out, out.style.body_pt))
        _wrap(out, self.when, None, _Paragraph(st.SUBTITLE, text))


@dataclass(frozen=True)
class Salutation:
    """A salutation flush left, ending with a full-width colon: “同志们：”."""

    text: str

    def emit(self, out: Emitter) -> None:
        """Write the line."""
        out.paragraph(st.SALUTATION, [(self.text, None)])


@dataclass(frozen=True)
class Blank:
    """An empty line (the “空一行” of GB/T 9704)."""

    when: str | None = None

    def emit(self, out: Emitter) -> None:
        """Write the empty paragraph."""
        _wrap(out, self.when, None, _Paragraph(st.FLUSH, ""))


@dataclass(frozen=True)
class Section:
    """A numbered heading and the blocks under it.

    ``level`` 1–4 picks the style (黑体 一、 / 楷体 （一） / 仿宋 1. / 仿宋 （1）) and
    the counter; ``when`` drops the whole section (heading included) when false,
    so no heading is ever left empty; ``each`` repeats it per item.
    """

    heading: str
    body: Sequence[Block] = ()
    level: int = 1
    when: str | None = None
    each: str | None = None

    def emit(self, out: Emitter) -> None:
        """Write heading and body inside the loop and condition."""
        _wrap(out, self.when, self.each, _SectionInner(self))


@dataclass(frozen=True)
class _SectionInner:
    section: Section

    def emit(self, out: Emitter) -> None:
        s = self.section
        style = st.HEADINGS[s.level - 1]
        out.paragraph(style, [(out.ordinal(s.level) + s.heading, None)])
        for block in s.body:
            block.emit(out)


@dataclass(frozen=True)
class Heading:
    """A numbered heading on its own, for headings whose body is not a block list
    (or whose presence depends on the data while the text under it does not)."""

    text: str
    level: int = 1
    when: str | None = None
    each: str | None = None

    def emit(self, out: Emitter) -> None:
        """Write the heading inside its loop and condition."""
        inner = _Paragraph(st.HEADINGS[self.level - 1], self.text, number=self.level)
        _wrap(out, self.when, self.each, inner)


@dataclass(frozen=True)
class If:
    """Blocks written only when ``when`` holds, else the ``otherwise`` blocks."""

    when: str
    body: Sequence[Block]
    otherwise: Sequence[Block] = ()

    def emit(self, out: Emitter) -> None:
        """Write both branches between ``{%p if %}``, ``{%p else %}`` and ``{%p endif %}``."""
        out.control(f"{{%p if {self.when} %}}")
        for block in self.body:
            block.emit(out)
        if self.otherwise:
            out.control("{%p else %}")
            for block in self.otherwise:
                block.emit(out)
        out.control("{%p endif %}")


@dataclass(frozen=True)
class For:
    """Blocks repeated for every item: ``For("s in steps", [...])``."""

    each: str
    body: Sequence[Block]

    def emit(self, out: Emitter) -> None:
        """Write the body between ``{%p for %}`` and ``{%p endfor %}``."""
        out.control(f"{{%p for {self.each} %}}")
        for block in self.body:
            block.emit(out)
        out.control("{%p endfor %}")


@dataclass(frozen=True)
class With:
    """Blocks that read ``names`` from one entry of the context: ``With("assembly",
    ("time_text", …), [...])`` binds ``time_text`` to ``assembly.time_text`` inside, so
    blocks written for top-level names (the record blocks) print a part of the context."""

    source: str
    names: Sequence[str]
    body: Sequence[Block]

    def emit(self, out: Emitter) -> None:
        """Write the body between ``{%p with … %}`` and ``{%p endwith %}``."""
        binds = ", ".join(f"{n}={self.source}.{n}" for n in self.names)
        out.control(f"{{%p with {binds} %}}")
        for block in self.body:
            block.emit(out)
        out.control("{%p endwith %}")


@dataclass(frozen=True)
class Signoff:
    """The sign-off (GB/T 9704 §7.3.5): the 附件说明 of a document that has attachments
    (:class:`AttachmentNote`, §7.3.4, which stands between body and 署名), a blank line,
    then the 署名 and the 成文日期 as the
    view's ``<source>.lines`` places them (:mod:`docgen.style.signoff`: right-aligned with
    the indent the unsealed or sealed rule asks for, the same on a portrait and a landscape
    page, no blank characters pushing a line into place).

    ``source`` names the context entry (``"signoff"``, ``"notice.signoff"``). The blank
    line, the 署名 and the date are kept on one page, and the paragraph before them is kept
    with them, so the sign-off never starts a page on its own (a long paragraph still
    splits, and only its end moves with them).
    """

    source: str = "signoff"
    when: str | None = None
    #: The 附注 (GB/T 9704 §7.3.6), e.g. ``"{{ notice.contact }}"``: set one line under the
    #: date, two characters in, in round brackets, and kept on the page with the date.
    note: str | None = None
    #: The 署名 and the date as template text instead of the view's placed lines, for a
    #: filter over the 署名 (``org="{{ sign.org_text|seal(stamp) }}"``): both paragraphs
    #: then stand where their styles put them, right-aligned two characters from the margin.
    org: str | None = None
    date: str | None = None

    def emit(self, out: Emitter) -> None:
        """Write the 附件说明 (when the document has attachments), a blank line and the
        sign-off paragraphs (and the note under them)."""
        AttachmentNote().emit(out)
        keep_previous_with_next(out)
        texts = None if self.org is None else (self.org, self.date or "")
        _wrap(out, self.when, None, _SignoffInner(self.source, self.note, texts))


_KEEP = ParaProps(keep_next=True)


@dataclass(frozen=True)
class _SignoffInner:
    source: str
    note: str | None = None
    texts: tuple[str, str] | None = None

    def emit(self, out: Emitter) -> None:
        out.paragraph(st.FLUSH, [], _KEEP)
        if self.note is None:
            self._lines(out, kept=False)
            return
        field = self.note.strip().removeprefix("{{").removesuffix("}}").strip()
        out.control(f"{{%p if {field} %}}")
        self._lines(out, kept=True)
        out.paragraph(st.BODY, [(f"（{self.note}）", None)])
        out.control("{%p else %}")
        self._lines(out, kept=False)
        out.control("{%p endif %}")

    def _lines(self, out: Emitter, kept: bool) -> None:
        if self.texts is None:
            lines = f"{self.source}.lines.kept" if kept else f"{self.source}.lines"
            out.paragraph(st.SIGNOFF, [(f"{{{{p {lines} }}}}", None)])
            return
        org, date = self.texts
        out.paragraph(st.SIGNOFF, [(org, None)], _KEEP)
        out.paragraph(st.SIGNOFF_DATE, [(date, None)], _KEEP if kept else None)


@dataclass(frozen=True)
class SignLine:
    """A line of signature fields after an empty line, e.g. “主持人（签字）：　…　记录人（签字）：”.

    The colons are meant to end the line: the space after them is for a pen. The empty
    line and the paragraph before it are kept with the signature line, as for :class:`Signoff`.
    """

    text: str

    def emit(self, out: Emitter) -> None:
        """Write an empty line and the signature line."""
        keep_previous_with_next(out)
        out.paragraph(st.FLUSH, [], _KEEP)
        out.paragraph(st.SIGN_LINE, [(self.text, None)], ParaProps(indent_left_chars=2))


def keep_previous_with_next(out: Emitter) -> None:
    """Keep the paragraph printed last so far with what follows (:mod:`docgen.style.keep`)."""
    keep_last_with_next(out.parts)


@dataclass(frozen=True)
class KeepPrevious:
    """Keep the paragraph printed before this point with the next one: for the blocks that
    must not open a page alone (a 附件说明, a speech's closing words)."""

    def emit(self, out: Emitter) -> None:
        """Mark the paragraph printed last so far (writes nothing itself)."""
        keep_previous_with_next(out)


def _given(name: str) -> str:
    """A condition true when the context has ``name`` and it is not empty: the attachment
    entries come from a view or a bundle, and a template rendered alone has none."""
    return f"{name} is defined and {name}"


@dataclass(frozen=True)
class AttachmentLabel:
    """An attachment's label (GB/T 9704 §7.3.7): “附件” or “附件2” in 3号黑体, flush left on
    the first line, then an empty line, so the title that follows stands on the third.

    ``source`` names the context entry, which a bundle sets on the documents it binds in
    as attachments (:mod:`docgen.bundle.attachments`); rendered alone the template prints
    neither the label nor the empty line.
    """

    source: str = "attachment_label"

    def emit(self, out: Emitter) -> None:
        """Write the label and the empty line under it, when the context has a label."""
        out.control(f"{{%p if {_given(self.source)} %}}")
        out.paragraph(st.ATTACHMENT_LABEL, [(f"{{{{ {self.source} }}}}", None)])
        out.paragraph(st.FLUSH, [], _KEEP)
        out.control("{%p endif %}")


@dataclass(frozen=True)
class AttachmentNote:
    """The 附件说明 (GB/T 9704 §7.3.4): an empty line under the body, then “附件：” two
    characters in with the names, as the context's
    :class:`~docgen.style.attachments.AttachmentNote` places them (numbered when several,
    wrapped lines under the name's first character).

    The last body paragraph is kept with it and its lines with each other and with what
    follows (the sign-off or signature line), so a page never opens with the note alone.
    """

    source: str = "attachment_note"

    def emit(self, out: Emitter) -> None:
        """Write the empty line and the note's paragraph, when the context has names."""
        keep_previous_with_next(out)
        out.control(f"{{%p if {_given(self.source)} %}}")
        out.paragraph(st.FLUSH, [], _KEEP)
        out.paragraph(st.ATTACHMENT_NOTE, [(f"{{{{p {self.source} }}}}", None)])
        out.control("{%p endif %}")


@dataclass(frozen=True)
class PageBreak:
    """Start a new page with the next block."""

    def emit(self, out: Emitter) -> None:
        """Write a paragraph holding a page break."""
        out.add(paragraph(ppr(st.FLUSH), '<w:r><w:br w:type="page"/></w:r>'))


__all__ = [
    "AttachmentLabel",
    "AttachmentNote",
    "Blank",
    "For",
    "Heading",
    "If",
    "KeepPrevious",
    "PageBreak",
    "Para",
    "Run",
    "Salutation",
    "Section",
    "SignLine",
    "Signoff",
    "Subtitle",
    "Text",
    "Title",
    "With",
    "broken_by_sense",
    "keep_previous_with_next",
]
