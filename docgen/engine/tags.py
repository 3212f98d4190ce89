"""Find template tags in a paragraph's text and gather each into one text node.

Word stores a paragraph's text in many ``w:t`` nodes: a spell-check mark, a
bookmark, a revision id or a bold half-tag each start a new run. We read the
text of a paragraph as one string, find the tags in it, and move every tag's
characters into the ``w:t`` where the tag begins. Text outside tags keeps its
run and formatting. All of it happens on the lxml tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from docgen.engine.ooxml import ancestor, qn

_W_T = qn("w:t")
_W_P = qn("w:p")
_W_R = qn("w:r")
_W_RPR = qn("w:rPr")
_W_DEL = qn("w:del")

_OPENERS = {"{": "}}", "%": "%}", "#": "#}"}
_SCOPES = ("tr", "tc", "p", "r")
_DOUBLE_QUOTES = '"“”＂„‟'
_SINGLE_QUOTES = "'‘’＇‚‛"
# docxtpl writes a literal "{{" in a document as "{_{" (and so on); we honour it.
_LITERAL_ESCAPES = {"{_{": "{{", "}_}": "}}", "{_%": "{%", "%_}": "%}"}
_OPEN_RE = re.compile(r"\{[{%#]")


@dataclass
class Tag:
    """One template tag after normalisation."""

    kind: str  # "var" | "stmt" | "comment"
    scope: str | None  # "p" | "tr" | "tc" | "r" | None
    code: str  # the Jinja code between the delimiters, normalised
    raw: str  # the tag as typed, for messages
    trim_left: bool = False
    trim_right: bool = False


@dataclass
class Span:
    """Where a tag sits in a paragraph after gathering: node and offsets in its text."""

    node: etree._Element
    start: int
    end: int
    tag: Tag


@dataclass
class Unclosed:
    """A tag opened in this paragraph and never closed in it."""

    text: str


def paragraph_texts(root: etree._Element) -> dict[etree._Element, list[etree._Element]]:
    """Map each paragraph to its own ``w:t`` nodes, in document order.

    Text boxes nest paragraphs inside runs; each ``w:t`` belongs to its nearest
    enclosing paragraph only.
    """
    groups: dict[etree._Element, list[etree._Element]] = {}
    for t in root.iter(_W_T):
        parent = ancestor(t, _W_P)
        if parent is not None:
            groups.setdefault(parent, []).append(t)
    return groups


def gather(nodes: list[etree._Element]) -> tuple[list[Span], list[Unclosed]]:
    """Move every tag in ``nodes`` into the node where it starts; return the tags.

    Returns the tag spans (offsets into each node's new text) and any tags that
    open but do not close within the paragraph.
    """
    texts = [t.text or "" for t in nodes]
    joined = "".join(texts)
    if "{" not in joined:
        return [], []
    found, unclosed = _scan(joined)
    if not found:
        return [], unclosed
    owner = _owners(texts)
    for start, end, _tag in found:
        first = owner[start]
        for i in range(start, end):
            owner[i] = first
    new_texts = [""] * len(nodes)
    spans: list[Span] = []
    boundaries = {start: (end, tag) for start, end, tag in found}
    i = 0
    while i < len(joined):
        hit = boundaries.get(i)
        node_index = owner[i]
        if hit is not None:
            end, tag = hit
            begin = len(new_texts[node_index])
            new_texts[node_index] += joined[i:end]
            spans.append(Span(nodes[node_index], begin, begin + end - i, tag))
            i = end
            continue
        new_texts[node_index] += joined[i]
        i += 1
    for node, text in zip(nodes, new_texts, strict=True):
        node.text = text
    _drop_deleted_inside(nodes, found, _owners(texts))
    _drop_emptied(nodes, new_texts, texts)
    return spans, unclosed


def _drop_deleted_inside(
    nodes: list[etree._Element], found: list[tuple[int, int, Tag]], owner: list[int]
) -> None:
    """Remove tracked deletions that sit inside a tag: they were part of its typing."""
    paragraph = ancestor(nodes[0], _W_P)
    if paragraph is None:
        return
    deletions = list(paragraph.iter(_W_DEL))
    if not deletions:
        return
    order = {el: i for i, el in enumerate(paragraph.iter())}
    for start, end, _tag in found:
        first, last = order[nodes[owner[start]]], order[nodes[owner[end - 1]]]
        for deleted in deletions:
            parent = deleted.getparent()
            if first < order[deleted] < last and parent is not None:
                parent.remove(deleted)


def _owners(texts: list[str]) -> list[int]:
    owner: list[int] = []
    for index, text in enumerate(texts):
        owner.extend([index] * len(text))
    return owner


def _drop_emptied(nodes: list[etree._Element], new: list[str], old: list[str]) -> None:
    """Remove text nodes (and runs) that gathering emptied, so no husk runs remain."""
    for node, now, before in zip(nodes, new, old, strict=True):
        if now or not before:
            continue
        run = node.getparent()
        if run is None:
            continue
        run.remove(node)
        if run.tag == _W_R and all(child.tag == _W_RPR for child in run):
            holder = run.getparent()
            if holder is not None:
                holder.remove(run)


def _scan(text: str) -> tuple[list[tuple[int, int, Tag]], list[Unclosed]]:
    found: list[tuple[int, int, Tag]] = []
    unclosed: list[Unclosed] = []
    pos = 0
    while True:
        match = _OPEN_RE.search(text, pos)
        if match is None:
            break
        start = match.start()
        closer = _OPENERS[text[start + 1]]
        end = _find_close(text, start + 2, closer)
        if end is None:
            unclosed.append(Unclosed(text[start : start + 40]))
            break
        found.append((start, end, parse_tag(text[start:end])))
        pos = end
    return found, unclosed


def _find_close(text: str, pos: int, closer: str) -> int | None:
    """Index just past ``closer``, skipping string literals in the tag body."""
    quote: str | None = None
    i = pos
    while i < len(text):
        ch = text[i]
        if quote is not None:
            if ch == "\\":
                i += 2
                continue
            if _same_quote_family(ch, quote):
                quote = None
        elif ch in _DOUBLE_QUOTES or ch in _SINGLE_QUOTES:
            quote = ch
        elif text.startswith(closer, i):
            return i + len(closer)
        i += 1
    return None


def _same_quote_family(ch: str, opener: str) -> bool:
    """Whether ``ch`` closes a string literal opened by ``opener``.

    A literal opened with an ASCII quote closes only on that quote, so curly
    quotes inside it are content. One opened with a curly or full-width quote
    closes on any quote of its family: input methods mix “ and ” freely.
    """
    if opener in "\"'":
        return ch == opener
    if opener in _DOUBLE_QUOTES:
        return ch in _DOUBLE_QUOTES
    return ch in _SINGLE_QUOTES


def parse_tag(raw: str) -> Tag:
    """Split a raw tag (``{%p if x %}``) into kind, scope, trim flags and code."""
    kind = {"{": "var", "%": "stmt", "#": "comment"}[raw[1]]
    body = raw[2:-2]
    scope = None
    for candidate in _SCOPES:
        if body.startswith(candidate) and len(body) > len(candidate):
            follower = body[len(candidate)]
            if follower.isspace() or follower == "\u3000":
                if kind == "comment" and candidate == "r":
                    continue
                scope = candidate
                body = body[len(candidate) :]
                break
    trim_left = body.startswith("-")
    trim_right = body.endswith("-")
    if trim_left:
        body = body[1:]
    if trim_right:
        body = body[:-1]
    code = normalise_code(body) if kind != "comment" else body
    return Tag(kind, scope, code.strip(), raw, trim_left, trim_right)


def normalise_code(code: str) -> str:
    """Turn what a Chinese input method typed inside a tag back into Jinja syntax.

    Outside string literals: curly and full-width quotes become ASCII quotes,
    full-width ASCII forms (``（）， ＝``) become ASCII and full-width or
    no-break spaces become spaces. Inside string literals nothing changes, so
    ``join(“，”)`` still joins with a full-width comma.
    """
    out: list[str] = []
    opener: str | None = None
    ascii_quote = '"'
    for ch in code:
        if opener is not None:
            if _same_quote_family(ch, opener):
                out.append(ascii_quote)
                opener = None
            else:
                out.append(ch)
            continue
        if ch in _DOUBLE_QUOTES or ch in _SINGLE_QUOTES:
            opener = ch
            ascii_quote = '"' if ch in _DOUBLE_QUOTES else "'"
            out.append(ascii_quote)
        else:
            out.append(_ascii_form(ch))
    return "".join(out)


def _ascii_form(ch: str) -> str:
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E:
        return chr(code - 0xFEE0)
    if ch in "\u3000\u00a0\u2002\u2003\u2009":
        return " "
    if ch in "、":
        return ","
    return ch


def unescape_literals(text: str) -> str:
    """Replace docxtpl's literal-brace escapes (``{_{`` → ``{{``)."""
    for escaped, plain in _LITERAL_ESCAPES.items():
        text = text.replace(escaped, plain)
    return text
