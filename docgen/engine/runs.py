"""Give each ``{{r …}}`` / ``{%r …%}`` tag a run of its own, keeping the text around it.

docxtpl replaces the whole run that holds such a tag, so any text typed in the
same run before or after the tag disappears. We split the run instead.
"""

from __future__ import annotations

import copy

from lxml import etree

from docgen.engine.ooxml import qn
from docgen.engine.tags import Span

_W_R = qn("w:r")
_W_T = qn("w:t")
_W_RPR = qn("w:rPr")

Piece = tuple[etree._Element | None, list[Span], list[tuple[Span, etree._Element]]]


def isolate_run_tags(t: etree._Element, spans: list[Span]) -> list[Piece]:
    """Split ``t``'s run around run-level tags.

    The whole split is done before returning, so callers may replace the
    placeholders freely. Returns, in order, ``(text node, inline spans in it, [])``
    for each stretch of text and ``(None, [], [(span, placeholder run)])`` for each run-level tag;
    the caller replaces each placeholder with the tag's marker.
    """
    pieces: list[Piece] = []
    run = t.getparent()
    if run is None or run.tag != _W_R:
        return [(t, [s for s in spans if s.tag.scope != "r"], [])]
    text = t.text or ""
    rpr = run.find(_W_RPR)
    trailing = list(t.itersiblings())
    for child in trailing:
        run.remove(child)
    segments = _segments(spans, len(text))
    first_start, first_end, first_spans = segments[0]  # type: ignore[misc]
    t.text = text[first_start:first_end]
    pieces.append((t, _shift(first_spans, t, first_start), []))
    anchor = run
    last_text_run = run
    for segment in segments[1:]:
        if isinstance(segment, Span):
            holder = _new_run(rpr)
            anchor.addnext(holder)
            anchor = holder
            pieces.append((None, [], [(segment, holder)]))
            continue
        start, end, inline = segment
        if start == end and not inline:
            continue
        new = _new_run(rpr)
        node = etree.SubElement(new, _W_T)
        node.text = text[start:end]
        anchor.addnext(new)
        anchor = last_text_run = new
        pieces.append((node, _shift(inline, node, start), []))
    for child in trailing:
        last_text_run.append(child)
    return pieces


def _segments(spans: list[Span], length: int) -> list[tuple[int, int, list[Span]] | Span]:
    out: list[tuple[int, int, list[Span]] | Span] = []
    pos = 0
    pending: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        if span.tag.scope == "r":
            out.append((pos, span.start, pending))
            out.append(span)
            pending = []
            pos = span.end
        else:
            pending.append(span)
    out.append((pos, length, pending))
    return out


def _shift(spans: list[Span], node: etree._Element, offset: int) -> list[Span]:
    return [Span(node, s.start - offset, s.end - offset, s.tag) for s in spans]


def _new_run(rpr: etree._Element | None) -> etree._Element:
    run = etree.Element(_W_R)
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    return run
