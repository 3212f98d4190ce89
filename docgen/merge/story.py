"""Rewrite one document's story (body, header, footer) for its place in the merged package.

One pass over the elements that carry ids: style references, list numbers,
drawing ids, bookmarks, and the marks of parts that are not carried over.
Drawing and bookmark ids are numbered across the whole package; a bookmark
name already taken gets a suffix, and links and fields naming it follow.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from docgen.exceptions import BundleError
from docgen.merge.numbering import PartLists
from docgen.merge.source import Source
from docgen.merge.styles import StyleMap
from docgen.merge.xml import (
    PARA_IDS,
    PPR,
    PPR_ORDER,
    TBL,
    W14_NS,
    W_ID,
    W_NAME,
    W_VAL,
    P,
    drop_attr,
    element,
    elements,
    ensure_child,
    qn,
    remove,
)

_P_STYLE, _R_STYLE, _TBL_STYLE = qn("w:pStyle"), qn("w:rStyle"), qn("w:tblStyle")
_NUM_ID, _DOC_PR = qn("w:numId"), qn("wp:docPr")
_BM_START, _BM_END = qn("w:bookmarkStart"), qn("w:bookmarkEnd")
_COMMENT_MARKS = (qn("w:commentRangeStart"), qn("w:commentRangeEnd"), qn("w:commentReference"))
_NOTE_REFS = (qn("w:footnoteReference"), qn("w:endnoteReference"))
_TAGS = (_P_STYLE, _R_STYLE, _TBL_STYLE, _NUM_ID, _DOC_PR, _BM_START, _BM_END,
         *_COMMENT_MARKS, *_NOTE_REFS)  # fmt: skip
_STYLE_TAGS = {_P_STYLE, _R_STYLE, _TBL_STYLE}


@dataclass
class Ids:
    """Counters shared by every document of one merge, so ids never repeat."""

    drawing: int = 0
    bookmark: int = 0
    bookmark_names: set[str] = field(default_factory=set)

    def next_drawing(self) -> str:
        """A drawing id (``wp:docPr/@id``) not used before in the package."""
        self.drawing += 1
        return str(self.drawing)

    def next_bookmark(self) -> str:
        """A bookmark id not used before in the package."""
        self.bookmark += 1
        return str(self.bookmark)


@dataclass(frozen=True)
class StoryContext:
    """What one document's stories need to be rewritten."""

    src: Source
    master: bool
    styles: StyleMap
    lists: PartLists | None
    style_lists: dict[str, tuple[str, str]]


def rewrite(root: etree._Element, ctx: StoryContext, ids: Ids) -> None:
    """Rewrite ``root`` (a body, header or footer tree) in place; see the module docstring."""
    if ctx.lists is not None and ctx.style_lists:
        _number_by_style(root, ctx)
    renamed: dict[str, str] = {}
    bookmarks: dict[str, str] = {}
    dropped: list[etree._Element] = []
    for el in root.iter(*_TAGS):
        tag = el.tag
        if tag in _STYLE_TAGS:
            old = str(el.get(W_VAL))
            el.set(W_VAL, ctx.styles.ids.get(old, old))
        elif tag == _NUM_ID:
            if ctx.lists is not None:
                el.set(W_VAL, ctx.lists.new_id(str(el.get(W_VAL, "0"))))
        elif tag == _DOC_PR:
            el.set("id", ids.next_drawing())
        elif tag == _BM_START:
            _bookmark_start(el, ids, bookmarks, renamed, dropped, ctx.master)
        elif tag == _BM_END:
            new = bookmarks.get(str(el.get(W_ID)))
            if new is None:
                dropped.append(el)
            else:
                el.set(W_ID, new)
        elif tag in _NOTE_REFS and not ctx.master:
            raise BundleError(
                f"合并部分「{ctx.src.label}」含有脚注或尾注，暂不支持合并到其他文档之后",
                f"merge part '{ctx.src.label}' has footnotes or endnotes, which cannot yet "
                "be merged after another document",
            )
        elif not ctx.master:
            dropped.append(el)  # comments stay with the master only
    for el in dropped:
        remove(el)
    if ctx.styles.default_paragraph or ctx.styles.default_table:
        _name_defaults(root, ctx.styles)
    if not ctx.master:
        for el in elements(root, "//*[@w14:paraId or @w14:textId]", {"w14": W14_NS}):
            for attr in PARA_IDS:
                drop_attr(el, attr)  # optional ids, repeated by every copy of a template
    if renamed:
        _follow_renames(root, renamed)


def _bookmark_start(el: etree._Element, ids: Ids, bookmarks: dict[str, str],
                    renamed: dict[str, str], dropped: list[etree._Element],
                    master: bool) -> None:  # fmt: skip
    name = str(el.get(W_NAME, ""))
    if name == "_GoBack" and not master:
        dropped.append(el)  # Word's "last edit" marker: one per document at most
        return
    bookmarks[str(el.get(W_ID))] = fresh = ids.next_bookmark()
    el.set(W_ID, fresh)
    if name in ids.bookmark_names:
        number = 2
        while f"{name}_{number}" in ids.bookmark_names:
            number += 1
        renamed[name] = f"{name}_{number}"
        name = renamed[name]
        el.set(W_NAME, name)
    ids.bookmark_names.add(name)


def _follow_renames(root: etree._Element, renamed: dict[str, str]) -> None:
    """Hyperlinks and REF/PAGEREF fields that named a renamed bookmark name the new one."""
    anchor = qn("w:anchor")
    for link in root.iter(qn("w:hyperlink")):
        old = link.get(anchor)
        if old in renamed:
            link.set(anchor, renamed[old])
    for instr in root.iter(qn("w:instrText")):
        words = (instr.text or "").split(" ")
        instr.text = " ".join(renamed.get(w, w) for w in words)
    for simple in root.iter(qn("w:fldSimple")):
        words = str(simple.get(qn("w:instr"), "")).split(" ")
        simple.set(qn("w:instr"), " ".join(renamed.get(w, w) for w in words))


def _number_by_style(root: etree._Element, ctx: StoryContext) -> None:
    """Give paragraphs numbered by their style a direct numPr on this document's copy."""
    for ref in list(root.iter(_P_STYLE)):
        found = ctx.style_lists.get(str(ref.get(W_VAL)))
        ppr = ref.getparent()
        if found is None or ppr is None or ppr.find(qn("w:numPr")) is not None:
            continue
        num_pr = ensure_child(ppr, "numPr", PPR_ORDER)
        num_pr.append(element("w:ilvl", val=found[1]))
        num_pr.append(element("w:numId", val=found[0]))  # renumbered by the main pass


def _name_defaults(root: etree._Element, styles: StyleMap) -> None:
    """Paragraphs and tables that relied on the document's default style name it."""
    for tag, ppr_tag, ref_tag, value in (
        (P, PPR, _P_STYLE, styles.default_paragraph),
        (TBL, qn("w:tblPr"), _TBL_STYLE, styles.default_table),
    ):
        if value is None:
            continue
        for node in root.iter(tag):
            props = node.find(ppr_tag)
            if props is None:
                props = etree.Element(ppr_tag)
                node.insert(0, props)
            if props.find(ref_tag) is None:
                # Both pStyle and tblStyle come first in their property element.
                props.insert(0, element(f"w:{etree.QName(ref_tag).localname}", val=value))
