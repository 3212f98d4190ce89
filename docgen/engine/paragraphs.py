"""Paragraph-level rewrites before tags become markers: docxtpl's trims and lone statements.

``{%- … %}`` / ``{% … -%}`` join a paragraph to its neighbour (docxtpl's meaning),
and a paragraph holding nothing but one block statement is treated as
``{%p … %}`` so it leaves no empty line behind.
"""

from __future__ import annotations

from lxml import etree

from docgen.engine.cells import is_cell_tag
from docgen.engine.ooxml import ancestor, qn
from docgen.engine.tags import Span

OPENING = {"for", "if", "with"}
MIDDLE = {"elif", "else"}
CLOSING = {"endfor": "for", "endif": "if", "endwith": "with"}


def text_outside(spans: list[Span], paragraph: etree._Element) -> bool:
    total = "".join(t.text or "" for t in paragraph.iter(qn("w:t")))
    tags = "".join(s.tag.raw for s in spans)
    return bool(total.replace(tags, "", 1).strip())


def apply_trims(
    paragraph: etree._Element, nodes: list[etree._Element], spans: list[Span]
) -> etree._Element:
    """docxtpl's ``{%-`` / ``-%}``: join this paragraph to the previous / next one.

    ``{%-`` at the very start of a paragraph continues the previous paragraph;
    ``-%}`` at the very end pulls the next paragraph's runs into this one. This
    is how docxtpl templates write a loop whose items flow inside one paragraph.
    Returns the paragraph that now holds the tags.
    """
    _drop_trimmed_breaks(paragraph, spans)
    texts = [n.text or "" for n in nodes]
    first, last = spans[0], spans[-1]
    before = "".join(texts[: nodes.index(first.node)]) + (first.node.text or "")[: first.start]
    if first.tag.kind == "stmt" and first.tag.trim_left and not before.strip():
        previous = paragraph.getprevious()
        if previous is not None and previous.tag == qn("w:p"):
            _move_runs(paragraph, previous)
            paragraph.getparent().remove(paragraph)  # type: ignore[union-attr]
            paragraph = previous
    after = (last.node.text or "")[last.end :] + "".join(texts[nodes.index(last.node) + 1 :])
    if last.tag.kind == "stmt" and last.tag.trim_right and not after.strip():
        following = paragraph.getnext()
        if following is not None and following.tag == qn("w:p"):
            _move_runs(following, paragraph)
            following.getparent().remove(following)  # type: ignore[union-attr]
    return paragraph


_BREAKS = (qn("w:br"), qn("w:cr"))


def _drop_trimmed_breaks(paragraph: etree._Element, spans: list[Span]) -> None:
    """``{%-`` / ``-%}`` also swallow the line breaks (Shift/Ctrl+Enter) beside the tag.

    docxtpl deletes everything between the tag and the neighbouring text, so a
    template that puts each tag on its own line with soft breaks renders as one
    line; Jinja's whitespace control alone cannot see those ``w:br`` elements.
    """
    trimming = [s for s in spans if s.tag.kind == "stmt" and (s.tag.trim_left or s.tag.trim_right)]
    if not trimming:
        return
    # An earlier ``-%}`` may have moved these runs into the paragraph before.
    owner = ancestor(trimming[0].node, qn("w:p"))
    order = list((owner if owner is not None else paragraph).iter(etree.Element))
    where = {el: i for i, el in enumerate(order)}
    texts = [i for i, el in enumerate(order) if el.tag == qn("w:t") and el.text]
    doomed: list[etree._Element] = []
    for span in trimming:
        text = span.node.text or ""
        at = where.get(span.node)
        if at is None:
            continue
        if span.tag.trim_left and not text[: span.start].strip():
            start = max((i for i in texts if i < at), default=-1)
            doomed += [el for el in order[start + 1 : at] if el.tag in _BREAKS]
        if span.tag.trim_right and not text[span.end :].strip():
            stop = min((i for i in texts if i > at), default=len(order))
            doomed += [el for el in order[at + 1 : stop] if el.tag in _BREAKS]
    for el in doomed:
        parent = el.getparent()
        if parent is not None:
            parent.remove(el)


def _move_runs(source: etree._Element, target: etree._Element) -> None:
    for child in list(source):
        if child.tag != qn("w:pPr"):
            target.append(child)


def promote_lone_statement(paragraph: etree._Element, spans: list[Span]) -> list[Span]:
    """A paragraph holding nothing but one block statement acts as ``{%p …%}``.

    docxtpl leaves such a paragraph behind as an empty line (and duplicates it
    in loops); treating it as a paragraph-level tag removes it cleanly.
    """
    if len(spans) != 1:
        return spans
    tag = spans[0].tag
    if tag.kind != "stmt" or tag.scope is not None or is_cell_tag(tag.code):
        return spans
    keyword = tag.code.split(None, 1)[0] if tag.code else ""
    if keyword not in OPENING | MIDDLE | set(CLOSING):
        return spans
    parent = paragraph.getparent()
    if any(True for _ in paragraph.iter(etree.ProcessingInstruction)):
        return spans  # the paragraph already holds other tags (joined by {%- … %})
    if text_outside(spans, paragraph) or parent is None or parent.tag == qn("w:tc"):
        # A table cell must keep at least one paragraph, so cells are left alone.
        return spans
    if paragraph.find(f".//{qn('w:drawing')}") is not None:
        return spans
    tag.scope = "p"
    return spans
