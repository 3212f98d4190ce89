"""A generated cover page and table of contents for a merged document.

The table of contents is a real ``TOC`` field, so Word (told to update fields on
opening through ``w:updateFields``) can rebuild it; it is also pre-filled with
one entry per heading, each a link to a bookmark on the heading, so it reads
right where nothing rebuilds it (LibreOffice keeps the pre-filled entries when
converting). Page numbers need a layout, which a merge does not have: they are
shown (as ``PAGEREF`` fields) only when every entry's number is known — a part
that restarts its numbering starts on page 1 — and left out otherwise, since a
column with gaps would read as an error. A part without an outline-level
heading is listed by its first line of text, which is given outline level 1 so
that a rebuilt table lists it too.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from lxml import etree

from docgen.merge.part import CoverPage
from docgen.merge.sections import Chunk
from docgen.merge.story import Ids
from docgen.merge.xml import (
    PPR,
    PPR_ORDER,
    W_VAL,
    P,
    element,
    ensure_child,
    qn,
    text_of,
)
from docgen.zh.title_break import break_title

_OUTLINE = qn("w:outlineLvl")
_DROP_FROM_PAGE_SETUP = (qn("w:headerReference"), qn("w:footerReference"), qn("w:titlePg"),
                         qn("w:pgNumType"), qn("w:type"))  # fmt: skip
TOC_TITLE = "目　录"


@dataclass(frozen=True)
class Heading:
    """A heading found in a part: its level (1 = top), text and paragraph."""

    level: int
    text: str
    paragraph: etree._Element
    page: str | None = None  # the printed page number, when known without laying out


def outline_levels(styles: etree._Element | None) -> dict[str, int]:
    """``styleId → outline level`` (0-based) for styles that have one, inherited or own."""
    if styles is None:
        return {}
    own: dict[str, int] = {}
    parents: dict[str, str] = {}
    for style in styles.iter(qn("w:style")):
        sid = str(style.get(qn("w:styleId")))
        lvl = style.find(f"{qn('w:pPr')}/{_OUTLINE}")
        if lvl is not None and str(lvl.get(W_VAL)).isdigit():
            own[sid] = int(str(lvl.get(W_VAL)))
        based = style.find(qn("w:basedOn"))
        if based is not None:
            parents[sid] = str(based.get(W_VAL))
    found: dict[str, int] = {}
    for sid in {*own, *parents}:
        cur: str | None = sid
        seen: set[str] = set()
        while cur is not None and cur not in seen and cur not in own:
            seen.add(cur)
            cur = parents.get(cur)
        if cur is not None and cur in own and own[cur] < 9:
            found[sid] = own[cur]
    return found


def find_headings(content: list[etree._Element], outline: dict[str, int],
                  levels: int) -> list[Heading]:  # fmt: skip
    """Body-level paragraphs whose outline level is within the table's ``levels``."""
    found: list[Heading] = []
    for para in content:
        if para.tag != P:
            continue
        ppr = para.find(PPR)
        level: int | None = None
        if ppr is not None:
            direct = ppr.find(_OUTLINE)
            style = ppr.find(qn("w:pStyle"))
            if direct is not None and str(direct.get(W_VAL)).isdigit():
                level = int(str(direct.get(W_VAL)))
            elif style is not None:
                level = outline.get(str(style.get(W_VAL)))
        text = text_of(para).strip()
        if level is not None and level < levels and text:
            found.append(Heading(level + 1, text, para))
    return found


def promote_title(content: list[etree._Element]) -> list[Heading]:
    """The part's first line of text as its level-1 heading (outline level set on it)."""
    first = first_line(content)
    if first is None:
        return []
    ensure_child(_ppr(first), "outlineLvl", PPR_ORDER).set(W_VAL, "0")
    return [Heading(1, text_of(first).strip(), first)]


def first_line(content: list[etree._Element]) -> etree._Element | None:
    """The first body-level paragraph with text."""
    return next((p for p in content if p.tag == P and text_of(p).strip()), None)


def mark(heading: Heading, ids: Ids, number: int) -> str:
    """Put a bookmark around the heading's content; its name."""
    name = f"_TocMg{number}"
    start = element("w:bookmarkStart", id=ids.next_bookmark(), name=name)
    end = element("w:bookmarkEnd", id=str(start.get(qn("w:id"))))
    para = heading.paragraph
    para.insert(1 if para.find(PPR) is not None else 0, start)
    para.append(end)
    ids.bookmark_names.add(name)
    return name


def page_setup(section: etree._Element) -> etree._Element:
    """The master's page size and margins, without headers, numbering or break type."""
    sect = copy.deepcopy(section)
    for el in list(sect):
        if el.tag in _DROP_FROM_PAGE_SETUP:
            sect.remove(el)
    return sect


def cover_chunk(cover: CoverPage, section: etree._Element) -> Chunk:
    """A title page: the title in 1号小标宋 three tenths of the way down the text block,
    broken by sense (:func:`~docgen.zh.title_break.break_title`), and each line (unit,
    date) in 3号楷体 in its lower part, all centred.

    The height is given as space before the title and before the first line: Word and
    LibreOffice both honour it at the top of a section's first page, while LibreOffice
    7.4 ignores ``w:vAlign``. The space before the lines is reduced by the lines the
    title takes, so the unit and date stay in place whatever the title's length.
    """
    sect = page_setup(section)
    block = _text_height(sect)
    lines = break_title(cover.title, _COVER_TITLE_CHARS)
    before_title = block * 3 // 10
    below = block * 13 // 20 - before_title - len(lines) * _COVER_TITLE_LINE
    title = _line(lines[0], "方正小标宋简体", "52", after="0", before=str(before_title),
                  line=str(_COVER_TITLE_LINE))  # fmt: skip
    run = title.find(qn("w:r"))
    for more in lines[1:]:
        if run is not None:
            run.append(etree.Element(qn("w:br")))
            extra = etree.SubElement(run, qn("w:t"))
            extra.text = more
    content = [title]
    # A line whose value is empty (no date given) prints nothing and takes no place.
    for index, text in enumerate(t for t in cover.lines if t.strip()):
        gap = str(max(below, 0)) if index == 0 else "0"
        content.append(_line(text, "楷体_GB2312", "32", after="0", before=gap, line="640"))
    return Chunk(content, sect, start="section", keep_headers=True)


#: A 1号 (26 pt) title line, set 40 pt apart; 16 characters keep clear of the 156 mm
#: block's 17, so LibreOffice and Word break where :func:`break_title` says.
_COVER_TITLE_LINE = 800
_COVER_TITLE_CHARS = 16
#: Characters of a 目录 entry's first line: 28 to the line less the page number and leader.
#: An entry's own line breaks (``\n``) are kept (:func:`break_title`).
ENTRY_CHARS = 24


def toc_chunk(headings: list[tuple[Heading, str]], section: etree._Element,
              styles: dict[int, str], levels: int, *, field: bool = True) -> Chunk:  # fmt: skip
    """The table of contents on its own pages: a title, then the entries.

    With ``field`` the entries are the cached result of a ``TOC`` field that Word
    rebuilds from the headings; without it (a volume's list of its parts, which no
    ``TOC`` switch reproduces) they stay as written and only their ``PAGEREF`` page
    numbers are fields, which Word refreshes in its own layout.
    """
    sect = page_setup(section)
    width = _text_width(sect)
    title = _line(TOC_TITLE, "方正小标宋简体", "44", after="600")
    # A number is shown only when every entry's is known (a part that restarts its
    # page numbers begins on page 1); a column with gaps would read as an error.
    numbered = bool(headings) and all(h.page for h, _ in headings)
    # A volume's list of parts always carries its PAGEREF fields: Word fills in what a
    # merge without a layout could not (an empty result prints nothing elsewhere).
    numbered = numbered or not field
    entries = [_entry(h, name, styles.get(h.level), width, numbered) for h, name in headings]
    if not entries:
        entries = [etree.Element(P)]
    if not field:
        return Chunk([title, *entries], sect, start="section", keep_headers=True)
    begin = [_field_char("begin", dirty=True), _instr(f' TOC \\o "1-{levels}" \\h \\z \\u '),
             _field_char("separate")]  # fmt: skip
    first = entries[0]
    at = 1 if first.find(PPR) is not None else 0
    for offset, run in enumerate(begin):
        first.insert(at + offset, run)
    entries[-1].append(_field_char("end"))
    return Chunk([title, *entries], sect, start="section", keep_headers=True)


def _entry(heading: Heading, anchor: str, style: str | None, width: int,
           numbered: bool) -> etree._Element:  # fmt: skip
    para = etree.Element(P)
    ppr = etree.SubElement(para, PPR)
    if style is not None:
        ppr.append(element("w:pStyle", val=style))
    # An entry of two or three lines is not split across pages (its page number on one,
    # the date it belongs to on the other).
    ppr.append(element("w:keepLines"))
    tabs = etree.SubElement(ppr, qn("w:tabs"))
    tabs.append(element("w:tab", val="right", leader="dot", pos=str(width)))
    # A long title wraps two characters in; the style's first-line indent (2 characters
    # in most templates) is cancelled. No right indent: LibreOffice drops the text after
    # a tab stop that lies beyond it, which would lose the page number.
    indent = 640 * (heading.level - 1)
    ppr.append(element("w:ind", left=str(indent + 640), leftChars="0", right="0",
                       rightChars="0", hanging="640", hangingChars="0"))  # fmt: skip
    ppr.append(element("w:jc", val="left"))  # a justified line before a break would be spread
    link = etree.SubElement(para, qn("w:hyperlink"))
    link.set(qn("w:anchor"), anchor)
    link.set(qn("w:history"), "1")
    # A title too long for one line breaks by sense, not where the line is full.
    lines = break_title(heading.text, ENTRY_CHARS)
    link.append(_text_run(lines[0]))
    for more in lines[1:]:
        link.append(_run(etree.Element(qn("w:br"))))
        link.append(_text_run(more))
    if numbered:
        link.append(_run(etree.Element(qn("w:tab"))))
        link.extend([_field_char("begin"), _instr(f" PAGEREF {anchor} \\h "),
                     _field_char("separate"), _text_run(heading.page or ""),
                     _field_char("end")])  # fmt: skip
    return para


def _line(text: str, font: str, size: str, after: str = "200", before: str = "0",
          line: str | None = None) -> etree._Element:  # fmt: skip
    para = etree.Element(P)
    ppr = etree.SubElement(para, PPR)
    spacing = element("w:spacing", before=before, after=after)
    if line is not None:
        spacing.set(qn("w:line"), line)
        spacing.set(qn("w:lineRule"), "exact")
    ppr.append(spacing)
    ppr.append(element("w:ind", left="0", leftChars="0", right="0", rightChars="0",
                       firstLine="0", firstLineChars="0"))  # fmt: skip
    ppr.append(element("w:jc", val="center"))
    run = _text_run(text)
    rpr = etree.Element(qn("w:rPr"))
    rpr.append(element("w:rFonts", eastAsia=font, hint="eastAsia"))
    rpr.append(element("w:sz", val=size))
    rpr.append(element("w:szCs", val=size))
    run.insert(0, rpr)
    para.append(run)
    return para


def _run(child: etree._Element) -> etree._Element:
    run = etree.Element(qn("w:r"))
    run.append(child)
    return run


def _text_run(text: str) -> etree._Element:
    t = etree.Element(qn("w:t"))
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return _run(t)


def _field_char(kind: str, dirty: bool = False) -> etree._Element:
    char = element("w:fldChar", fldCharType=kind)
    if dirty:
        char.set(qn("w:dirty"), "true")  # Word rebuilds a dirty field when it opens the file
    return _run(char)


def _instr(text: str) -> etree._Element:
    instr = etree.Element(qn("w:instrText"))
    instr.text = text
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return _run(instr)


def _ppr(para: etree._Element) -> etree._Element:
    ppr = para.find(PPR)
    if ppr is None:
        ppr = etree.Element(PPR)
        para.insert(0, ppr)
    return ppr


def _text_height(sect: etree._Element) -> int:
    return _text_extent(sect, "h", ("top", "bottom"), 16838)


def _text_width(sect: etree._Element) -> int:
    return _text_extent(sect, "w", ("left", "right"), 11906)


def _text_extent(sect: etree._Element, side: str, edges: tuple[str, str], paper: int) -> int:
    """The text block's width or height in twips: the page less its two margins."""
    size = sect.find(qn("w:pgSz"))
    margins = sect.find(qn("w:pgMar"))
    length = int(str(size.get(qn(f"w:{side}"), str(paper)))) if size is not None else paper
    if margins is None:
        return length - 2880
    # A negative top or bottom margin (text may not move it) counts by its size.
    first, second = (abs(int(str(margins.get(qn(f"w:{e}"), "1440")))) for e in edges)
    return length - first - second
