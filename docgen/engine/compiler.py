"""Compile one package part: tags on the lxml tree become one Jinja template source.

Steps, all on the tree: gather each tag into one text node (:mod:`tags`);
replace block tags (``{%p``/``{%tr``/``{%tc``/``{%r``) by a marker in place of
their element; put inline tags as markers inside their text node; prove that
every Jinja block opens and closes at the same element depth; give ids that
loops would duplicate a fresh value per copy. Only then is the tree serialized,
and markers are swapped for Jinja code written with delimiters that cannot occur
in XML (``\\x02`` … ``\\x03``), so no text of the document is ever read as a tag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from docgen.engine import ooxml
from docgen.engine.cells import apply_cell_tag, is_cell_tag
from docgen.engine.locate import Locator
from docgen.engine.ooxml import ancestor, qn
from docgen.engine.paragraphs import (
    CLOSING,
    MIDDLE,
    OPENING,
    apply_trims,
    promote_lone_statement,
    text_outside,
)
from docgen.engine.sites import Level, Site
from docgen.engine.surround import surroundings
from docgen.engine.tables import needs_fixup
from docgen.engine.tags import Span, gather, paragraph_texts, unescape_literals
from docgen.exceptions import Location, Problem

DELIMITERS = {
    "block_start_string": "\x02%",
    "block_end_string": "%\x03",
    "variable_start_string": "\x02{",
    "variable_end_string": "}\x03",
    "comment_start_string": "\x02#",
    "comment_end_string": "#\x03",
}
ATTR_MARK = "\U0010fffd"
_MARK_RE = re.compile(r"<\?dg (\d+)\?>|" + ATTR_MARK + r"(\d+)" + ATTR_MARK)
_SCOPE_TAGS = {"p": qn("w:p"), "tr": qn("w:tr"), "tc": qn("w:tc"), "r": qn("w:r")}
_LEVELS: dict[str, Level] = {"p": "para", "r": "run"}
# Blocks whose output lands away from where they stand (or that we cannot reason
# about); a part using them is checked by parsing after every render.
_UNPROVEN = {"macro", "call", "filter", "block", "set", "raw", "autoescape", "include"}
# ``{% set x = … %}`` (and ``set a, ns.b = …``) assigns and writes nothing, so it cannot
# unbalance the XML; only the block form ``{% set x %}…{% endset %}`` leaves output
# somewhere else. The library's heading counters are assignments of this kind.
_ASSIGNMENT = re.compile(r"\bset\s+[\w.]+(?:\s*,\s*[\w.]+)*\s*=(?!=)")
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


@dataclass
class Marker:
    """What replaces one marker in the Jinja source, and where it came from."""

    jinja: str
    location: Location
    keyword: str | None = None
    node: etree._Element | None = None
    code: str | None = None
    kind: str | None = None
    #: The expression tag's site (``None`` for statements and cell tags).
    site: Site | None = None


@dataclass
class CompiledPart:
    """A part ready to render: Jinja source plus what is needed to explain errors."""

    name: str
    source: str
    line_locations: list[tuple[int, Location]]
    proven: bool
    uses_loops: bool
    fixup: bool = False


@dataclass
class PartCompiler:
    """Compiles one story part; appends to the template-wide site and problem lists."""

    name: str
    root: etree._Element
    sites: list[Site]
    problems: list[Problem]
    plain: bool = False
    markers: list[Marker] = field(default_factory=list)
    proven: bool = True
    touched: bool = False
    fixup: bool = False

    def __post_init__(self) -> None:
        self.locator = Locator(self.name, self.root)

    # -- public -------------------------------------------------------------

    def compile(self) -> CompiledPart:
        """Turn the part's tags into markers and return the Jinja source."""
        if self.plain:
            self._plain_elements()
        else:
            for paragraph, nodes in list(paragraph_texts(self.root).items()):
                self._paragraph(paragraph, nodes)
        uses_loops = self._check_blocks()
        self.fixup = not self.plain and needs_fixup(self.root, self._keyword)
        if uses_loops:
            from docgen.engine.ids import mark_ids

            mark_ids(self.root, self._attr_marker)
        return self._assemble(uses_loops)

    @property
    def has_tags(self) -> bool:
        """Whether compiling found any tag (or literal-brace escape) in this part."""
        return bool(self.markers) or self.touched

    def _unescape_untagged(self, nodes: list[etree._Element], spans: list[Span]) -> None:
        """Turn docxtpl's ``{_{`` escapes back into braces in text no tag stands in."""
        tagged = {span.node for span in spans}
        for node in nodes:
            text = node.text
            if node in tagged or not text or "_" not in text:
                continue
            plain = unescape_literals(text)
            if plain != text:
                node.text = plain
                self.touched = True

    # -- tags -----------------------------------------------------------------

    def _plain_elements(self) -> None:
        """Document properties: tags sit whole in element text, one element each."""
        for el in list(self.root.iter(etree.Element)):
            if el.text and "{" in el.text and len(el) == 0:
                spans, unclosed = gather([el])
                for bad in unclosed:
                    self._problem("unclosed_tag", el, bad.text, "标记没有闭合", "tag is not closed")
                if spans:
                    self._inline(el, spans)

    def _paragraph(self, paragraph: etree._Element, nodes: list[etree._Element]) -> None:
        spans, unclosed = gather(nodes)
        self._unescape_untagged(nodes, spans)
        for bad in unclosed:
            self._problem(
                "unclosed_tag",
                paragraph,
                bad.text,
                "标记没有在本段内闭合（缺少 }} 或 %}）",
                "tag is not closed within its paragraph (missing }} or %})",
            )
        if not spans:
            return
        paragraph = apply_trims(paragraph, nodes, spans)
        spans = promote_lone_statement(paragraph, spans)
        scoped = [s for s in spans if s.tag.scope not in (None, "r")]
        if scoped:
            self._scoped(paragraph, scoped, spans)
            return
        by_node: dict[etree._Element, list[Span]] = {}
        for span in spans:
            by_node.setdefault(span.node, []).append(span)
        for node, node_spans in by_node.items():
            self._node(node, node_spans)

    def _scoped(self, paragraph: etree._Element, scoped: list[Span], spans: list[Span]) -> None:
        if len(scoped) > 1:
            self._problem(
                "multiple_block_tags",
                paragraph,
                scoped[1].tag.raw,
                "同一段中有多个 {%p/{%tr/{%tc 块标记，只能有一个",
                "more than one {%p/{%tr/{%tc block tag in one paragraph",
            )
            return
        span = scoped[0]
        scope = span.tag.scope or "p"
        target = paragraph if scope == "p" else ancestor(paragraph, _SCOPE_TAGS[scope])
        if target is None or target.getparent() is None:
            self._problem(
                "scope_not_found",
                paragraph,
                span.tag.raw,
                f"{{%{scope} 标记不在相应的表格行或单元格中",
                f"{{%{scope} tag is not inside a table row or cell",
            )
            return
        if len(spans) > 1 or text_outside(spans, paragraph):
            self._problem(
                "dropped_content",
                paragraph,
                span.tag.raw,
                "块标记所在段（行、格）中的其他文字和标记将被整体替换",
                "other text and tags around this block tag are replaced with it",
                severity="warning",
            )
        marker = self._marker_for(span, paragraph)
        parent = target.getparent()
        assert parent is not None  # noqa: S101 -- checked above
        marker.tail = target.tail
        parent.replace(target, marker)

    def _node(self, node: etree._Element, spans: list[Span]) -> None:
        if any(s.tag.scope == "r" for s in spans):
            from docgen.engine.runs import isolate_run_tags

            for text_node, text_spans, run_spans in isolate_run_tags(node, spans):
                for span, placeholder in run_spans:
                    marker = self._marker_for(span, placeholder)
                    parent = placeholder.getparent()
                    assert parent is not None  # noqa: S101 -- created by isolate_run_tags
                    parent.replace(placeholder, marker)
                if text_node is not None:
                    self._inline(text_node, text_spans)
            return
        self._inline(node, spans)

    def _inline(self, node: etree._Element, spans: list[Span]) -> None:
        text = node.text or ""
        if not spans:
            node.text = unescape_literals(text)
            return
        spans = sorted(spans, key=lambda s: s.start)
        node.text = unescape_literals(text[: spans[0].start])
        if not self.plain:
            node.set(f"{{{ooxml.XML_NS}}}space", "preserve")
        closers: list[etree._Element] = []
        for i, span in enumerate(spans):
            stop = spans[i + 1].start if i + 1 < len(spans) else len(text)
            tail = unescape_literals(text[span.end : stop])
            if span.tag.kind == "stmt" and is_cell_tag(span.tag.code):
                closers.extend(self._cell_tag(node, span))
                _append_text(node, tail)
                continue
            marker = self._marker_for(span, node)
            marker.tail = tail
            node.append(marker)
        for closer in closers:
            node.append(closer)

    def _cell_tag(self, node: etree._Element, span: Span) -> list[etree._Element]:
        location = self.locator.locate(node, span.tag.raw)

        def pi_marker(jinja: str, keyword: str | None = None) -> etree._Element:
            return self._pi_marker(jinja, location, keyword)

        try:
            closer = apply_cell_tag(node, span.tag.code, self._attr_marker, pi_marker)
        except ValueError as err:
            self._problem("scope_not_found", node, span.tag.raw, str(err), str(err))
            return []
        return [closer] if closer is not None else []

    # -- markers ----------------------------------------------------------------

    def _marker_for(self, span: Span, near: etree._Element) -> etree._Element:
        tag = span.tag
        location = self.locator.locate(near, tag.raw)
        if tag.kind == "comment":
            return self._pi_marker("", location)
        if tag.kind == "stmt":
            keyword = tag.code.split(None, 1)[0] if tag.code else ""
            pi = self._pi_marker("\x02%\n " + tag.code + " %\x03", location, keyword)
            self.markers[-1].code, self.markers[-1].kind = tag.code, "stmt"
            return pi
        level: Level = "plain" if self.plain else _LEVELS.get(tag.scope or "", "text")
        site = Site(
            len(self.sites), level, tag.code, location, self.name, **surroundings(near, level)
        )
        self.sites.append(site)
        jinja = "\x02{\n(" + tag.code + f")|_dg_v({site.index}) " + "}\x03"
        if not tag.code:
            jinja = "\x02{\n}\x03"
        pi = self._pi_marker(jinja, location)
        self.markers[-1].code, self.markers[-1].kind = tag.code, "var"
        self.markers[-1].site = site
        return pi

    def _pi_marker(
        self, jinja: str, location: Location, keyword: str | None = None
    ) -> etree._Element:
        pi = etree.ProcessingInstruction("dg", str(len(self.markers)))
        self.markers.append(Marker(jinja, location, keyword, pi))
        return pi

    def _attr_marker(self, jinja: str, near: etree._Element) -> str:
        self.markers.append(Marker(jinja, self.locator.locate(near)))
        return f"{ATTR_MARK}{len(self.markers) - 1}{ATTR_MARK}"

    # -- block structure ------------------------------------------------------------

    def _check_blocks(self) -> bool:
        """Check every block is balanced and opens and closes at one element depth."""
        open_blocks: list[tuple[str, Marker, tuple[str, ...]]] = []
        uses_loops = False
        # A list, not the live iterator: lifting moves markers while we walk them.
        for pi in list(self.root.iter(etree.ProcessingInstruction)):
            if not isinstance(pi, etree._ProcessingInstruction) or pi.target != "dg":
                continue
            marker = self.markers[int(pi.text or 0)]
            keyword = marker.keyword
            if not keyword or marker.node is None:
                continue
            depth = _element_path(marker.node)
            if keyword == "set" and _ASSIGNMENT.search(marker.jinja):
                continue
            if keyword in _UNPROVEN or (keyword.startswith("end") and keyword[3:] in _UNPROVEN):
                self.proven = False
                continue
            if keyword in OPENING:
                uses_loops = uses_loops or keyword == "for"
                open_blocks.append((keyword, marker, depth))
            elif keyword in MIDDLE or keyword in CLOSING:
                self._close_block(keyword, marker, depth, open_blocks)
        for keyword, marker, _ in open_blocks:
            self.problems.append(
                _block_problem(
                    marker,
                    f"{keyword} 块没有对应的 end{keyword}",
                    f"{keyword} block has no end{keyword}",
                )
            )
        return uses_loops

    def _close_block(
        self,
        keyword: str,
        marker: Marker,
        depth: tuple[str, ...],
        open_blocks: list[tuple[str, Marker, tuple[str, ...]]],
    ) -> None:
        wanted = CLOSING.get(keyword)
        if not open_blocks or (wanted and open_blocks[-1][0] != wanted):
            self.problems.append(
                _block_problem(
                    marker,
                    f"{keyword} 没有对应的开始标记",
                    f"{keyword} has no matching opening tag",
                )
            )
            return
        if keyword in ("elif", "else") and open_blocks[-1][0] not in ("if", "for"):
            return
        if open_blocks[-1][2] != depth and not self._lift(marker, open_blocks):
            # Opening and closing at different depths: the output may still be
            # well formed (e.g. both in paragraphs), but we can no longer prove it.
            self.proven = False
        if wanted:
            open_blocks.pop()

    def _lift(self, closer: Marker, open_blocks: list[tuple[str, Marker, tuple[str, ...]]]) -> bool:
        """Move a block tag at the very end/start of a paragraph out to paragraph level.

        ``{% for %}`` alone in a paragraph (a paragraph-level loop) closed by
        ``{% endfor %}`` at the end of a later paragraph means "repeat these
        paragraphs" in docxtpl (whose XML recovery repairs the result); moving
        the closer just after its paragraph says exactly that, and keeps the
        output provably well formed. The mirror case (an opener at the very
        start of a paragraph, a closer alone in a later one) is lifted before.
        """
        keyword, opener, opened_at = open_blocks[-1]
        if keyword in MIDDLE or opener.node is None or closer.node is None:
            return False
        closed_at = _element_path(closer.node)
        close_p = _edge_paragraph(closer.node, last=True)
        open_p = _edge_paragraph(opener.node, last=False)
        close_path = _element_path(close_p) if close_p is not None else None
        open_path = _element_path(open_p) if open_p is not None else None
        if close_p is not None and close_path == opened_at:
            moves = [(closer.node, close_p, True)]
        elif open_p is not None and open_path == closed_at:
            moves = [(opener.node, open_p, False)]
        elif close_p is not None and open_p is not None and close_path == open_path:
            moves = [(closer.node, close_p, True), (opener.node, open_p, False)]
        else:
            return False
        for pi, paragraph, after in moves:
            _detach(pi)
            if after:
                paragraph.addnext(pi)
            else:
                paragraph.addprevious(pi)
                open_blocks[-1] = (keyword, opener, _element_path(pi))
        return True

    # -- assembly -------------------------------------------------------------------

    def _assemble(self, uses_loops: bool) -> CompiledPart:
        xml = XML_DECL + ooxml.to_string(self.root)
        pieces: list[str] = []
        lines: list[tuple[int, Location]] = []
        line = 1
        pos = 0
        for match in _MARK_RE.finditer(xml):
            literal = xml[pos : match.start()]
            pieces.append(literal)
            line += literal.count("\n")
            marker = self.markers[int(match.group(1) or match.group(2))]
            lines.append((line + 1, marker.location))
            pieces.append(marker.jinja)
            line += marker.jinja.count("\n")
            pos = match.end()
        pieces.append(xml[pos:])
        return CompiledPart(self.name, "".join(pieces), lines, self.proven, uses_loops, self.fixup)

    def _keyword(self, pi: etree._Element) -> str | None:
        return self.markers[int(pi.text or 0)].keyword

    def _problem(
        self,
        code: str,
        near: etree._Element,
        snippet: str,
        zh: str,
        en: str,
        severity: str = "error",
    ) -> None:
        location = self.locator.locate(near, snippet)
        self.problems.append(Problem(code, zh, en, location, severity=severity))  # type: ignore[arg-type]


def _block_problem(marker: Marker, zh: str, en: str) -> Problem:
    return Problem("unbalanced_block", zh, en, marker.location)


def _element_path(node: etree._Element) -> tuple[str, ...]:
    return tuple(str(a.tag) for a in node.iterancestors())


def _edge_paragraph(pi: etree._Element, last: bool) -> etree._Element | None:
    """The paragraph ``pi`` ends (``last``) or starts with nothing else shown, if any."""
    paragraph = ancestor(pi, qn("w:p"))
    if paragraph is None or not _at_edge(paragraph, pi, last):
        return None
    return paragraph


def _at_edge(paragraph: etree._Element, pi: etree._Element, last: bool) -> bool:
    """Whether nothing shows after (``last``) or before ``pi`` in ``paragraph``.

    Nothing: no text, no other tag, no picture, tab or break.
    """
    if (pi.tail or "").strip() if last else _text_before(pi):
        return False
    elements = list(paragraph.iter())
    at = elements.index(pi)
    for el in elements[at + 1 :] if last else elements[:at]:
        if isinstance(el, etree._ProcessingInstruction) or el.tag in _CONTENT:
            return False
        if el.tag == qn("w:t") and (el.text or "").strip():
            return False
    return True


def _text_before(pi: etree._Element) -> bool:
    parent = pi.getparent()
    if parent is None:
        return False
    previous = pi.getprevious()
    text = (previous.tail if previous is not None else parent.text) or ""
    return bool(text.strip())


_CONTENT = (qn("w:drawing"), qn("w:pict"), qn("w:object"), qn("w:tab"), qn("w:br"))


def _detach(pi: etree._Element) -> None:
    """Remove ``pi`` from the tree, keeping the text that followed it."""
    _append_text_before(pi, pi.tail or "")
    parent = pi.getparent()
    if parent is not None:
        parent.remove(pi)
    pi.tail = None


def _append_text_before(pi: etree._Element, text: str) -> None:
    if not text:
        return
    previous = pi.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + text
    else:
        parent = pi.getparent()
        if parent is not None:
            parent.text = (parent.text or "") + text


def _append_text(node: etree._Element, text: str) -> None:
    if not text:
        return
    if len(node):
        last = node[-1]
        last.tail = (last.tail or "") + text
    else:
        node.text = (node.text or "") + text
