"""Joining documents: page and section breaks, page setup, headers and page numbers.

In WordprocessingML a section's properties sit at its *end*: in the ``w:pPr``
of its last paragraph, or, for the last section, at the end of the body. A
document therefore arrives as content plus its final ``w:sectPr``. Joining
with a section break puts the previous section's properties into the last
paragraph before the join and keeps the new document's own; joining with a
page break (or nothing) lets the new document run on in the section before it.

Rules kept here:

* only the join's own section start is set (``nextPage``, or ``oddPage`` for a
  part that begins on a right-hand page); the types of a
  document's inner section breaks are never touched, so continuous breaks stay
  continuous and next-page ones next-page;
* page numbers restart (``w:pgNumType/@w:start=1``) only where asked, and a
  document's own restart is removed where not asked, so numbering runs on;
* a document that keeps its headers but has none gets empty ones where an
  earlier section had one, since Word would otherwise repeat the previous
  section's (and only there: LibreOffice moves the first page of a section with
  an empty header up); one that does not keep them gets the master's;
* page breaks at a document's edges are dropped, so there is no blank page
  between documents or at the end; a section break after a table goes into a
  one-twip paragraph that cannot spill onto a page of its own.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from docgen.merge.xml import (
    PPR,
    PPR_ORDER,
    SECTPR,
    SECTPR_ORDER,
    W_VAL,
    P,
    drop_attr,
    element,
    ensure_child,
    ppr_of,
    qn,
    remove,
    text_of,
)

_REFS = (qn("w:headerReference"), qn("w:footerReference"))
_BR = qn("w:br")
_TYPE = qn("w:type")
_CONTENT = (qn("w:t"), qn("w:drawing"), qn("w:pict"), qn("w:object"), qn("w:fldChar"),
            qn("w:fldSimple"), qn("w:tab"), qn("w:sym"))  # fmt: skip

# (kind, header type) → relationship id of an empty header or footer.
EmptyRef = Callable[[str], str]


@dataclass
class Chunk:
    """One document ready to join: body content, final section, and how it joins."""

    content: list[etree._Element]
    final: etree._Element
    start: str = "section"
    restart: bool = False
    keep_headers: bool = True
    right_hand: bool = False


@dataclass
class Assembly:
    """The merged body so far, and the properties of the section still open."""

    master_refs: list[etree._Element]
    master_title_page: bool
    empty_ref: EmptyRef
    body: list[etree._Element] = field(default_factory=list)
    open_section: etree._Element | None = None
    #: (reference tag, type) of every header and footer a section so far has had.
    refs_seen: set[tuple[str, str | None]] = field(default_factory=set)

    def add(self, chunk: Chunk) -> None:
        """Join ``chunk`` after what is already there."""
        content = trim_breaks(chunk.content) or [etree.Element(P)]
        inner = [sect for el in content if el.tag == P and (sect := _own_section(el)) is not None]
        sections = [*inner, chunk.final]
        if self.open_section is None:
            self._set_numbering(sections[0], chunk.restart, first=True)
        elif chunk.start == "section":
            self._close(self.open_section)
            type_ = ensure_child(sections[0], "type", SECTPR_ORDER)
            type_.set(W_VAL, "oddPage" if chunk.right_hand else "nextPage")
            self._set_numbering(sections[0], chunk.restart, first=False)
        else:
            if chunk.start == "page":
                content = page_break_before(content)
            if inner:
                # The document's first section joins the open one, which keeps its setup.
                parent = inner[0].getparent()
                if parent is not None:
                    parent.replace(inner[0], copy.deepcopy(self.open_section))
            sections = sections[1:] if inner else []
        for sect in sections:
            self._headers(sect, chunk.keep_headers)
        self.body.extend(content)
        if sections or self.open_section is None:
            self.open_section = chunk.final

    def _close(self, sect: etree._Element) -> None:
        last = self.body[-1] if self.body else None
        if last is None or last.tag != P or _own_section(last) is not None:
            last = tiny_paragraph()
            self.body.append(last)
        ppr = ppr_of(last)
        ppr.replace(ensure_child(ppr, "sectPr", PPR_ORDER), sect)

    def _set_numbering(self, sect: etree._Element, restart: bool, first: bool) -> None:
        num = sect.find(qn("w:pgNumType"))
        if restart:
            ensure_child(sect, "pgNumType", SECTPR_ORDER).set(qn("w:start"), "1")
        elif num is not None and not first:
            drop_attr(num, qn("w:start"))

    def _headers(self, sect: etree._Element, keep: bool) -> None:
        refs = [el for el in sect if el.tag in _REFS]
        if not keep:
            for el in refs:
                sect.remove(el)
            for offset, ref in enumerate(self.master_refs):
                sect.insert(offset, copy.deepcopy(ref))
            if self.master_title_page:
                ensure_child(sect, "titlePg", SECTPR_ORDER)
            return
        kinds = {(el.tag, el.get(_TYPE)) for el in refs}
        seen, self.refs_seen = self.refs_seen, self.refs_seen | kinds
        titled = sect.find(qn("w:titlePg")) is not None
        for tag in _REFS:
            # An even page's header is inherited too (a part before with even headers of its
            # own, a watermark in them, would show through on this part's even pages).
            for kind in ("default", "even", "first") if titled else ("default", "even"):
                # Only what an earlier section had would be inherited: an empty header where
                # none ever was changes nothing in Word, but LibreOffice then sets the first
                # page of the section 5.9 mm high (the header's height taken off the margin).
                if (tag, kind) not in kinds and (tag, kind) in seen:
                    name = etree.QName(tag).localname
                    ref = element(f"w:{name}", type=kind)
                    own = _default_rid(refs, tag) if kind == "even" else None
                    # A part without even pages of its own shows its default on them.
                    rid = own or self.empty_ref(name.removesuffix("Reference"))
                    ref.set(qn("r:id"), rid)
                    sect.insert(0, ref)


def _default_rid(refs: list[etree._Element], tag: str) -> str | None:
    for ref in refs:
        if ref.tag == tag and ref.get(_TYPE, "default") == "default":
            return ref.get(qn("r:id"))
    return None


def _own_section(para: etree._Element) -> etree._Element | None:
    ppr = para.find(PPR)
    return ppr.find(SECTPR) if ppr is not None else None


def _is_break_only(para: etree._Element) -> bool:
    """A paragraph that holds page breaks and nothing else a reader would see."""
    if para.tag != P or _own_section(para) is not None:
        return False
    breaks = [b for b in para.iter(_BR) if b.get(_TYPE) == "page"]
    return bool(breaks) and next(para.iter(*_CONTENT), None) is None and not text_of(para)


def trim_breaks(content: list[etree._Element]) -> list[etree._Element]:
    """Drop page breaks at both edges: the join decides the break, not the document."""
    while content and _is_break_only(content[-1]):
        content = content[:-1]
    while content and _is_break_only(content[0]):
        content = content[1:]
    if content and content[-1].tag == P:
        runs = content[-1].findall(qn("w:r"))
        for run in reversed(runs):
            kids = [k for k in run if k.tag != qn("w:rPr")]
            if kids and all(k.tag == _BR and k.get(_TYPE) == "page" for k in kids):
                remove(run)
            else:
                break
    return content


def page_break_before(content: list[etree._Element]) -> list[etree._Element]:
    """``content`` starting on a new page; a leading table gets a one-twip paragraph first."""
    first = content[0]
    if first.tag == P:
        ensure_child(ppr_of(first), "pageBreakBefore", PPR_ORDER)
        return content
    carrier = tiny_paragraph()
    ensure_child(carrier.find(PPR), "pageBreakBefore", PPR_ORDER)  # type: ignore[arg-type]
    return [carrier, *content]


def tiny_paragraph() -> etree._Element:
    """An empty paragraph one twip high, to carry a break without taking a line."""
    para = etree.Element(P)
    ppr = etree.SubElement(para, PPR)
    spacing = element("w:spacing", before="0", after="0", line="20", lineRule="exact")
    ppr.append(spacing)
    rpr = etree.SubElement(ppr, qn("w:rPr"))
    rpr.append(element("w:sz", val="2"))
    rpr.append(element("w:szCs", val="2"))
    return para
