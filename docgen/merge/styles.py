"""Styles of merged documents: one styles part, without losing any document's look.

Conflict policy. A document's style is matched to a master style by id, then by
name (Chinese Word saves *Normal* as id ``a``); the match is used when both
define the same formatting, compared child by child, ignoring bookkeeping such
as ``w:rsid`` and ``w:uiPriority``, and their ``basedOn`` parents match too.
Otherwise the document's style is copied — under its own id when the master
has no such id, else under a fresh one (``HeadingMg2``) — and the document's
references are rewritten. So the master's styles win only when nothing would
change; a part never silently takes another font.

Document defaults (``w:docDefaults``) are per package; when a document's differ
from the master's, they are folded into the document's root paragraph styles
before comparing, so its text keeps, say, its East Asian font, and paragraphs
that relied on the default style get an explicit one.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from lxml import etree

from docgen.engine import ooxml
from docgen.merge.source import Source
from docgen.merge.xml import W_NAME, W_VAL, drop_attr, qn, serialize

_STYLE = qn("w:style")
_STYLE_ID = qn("w:styleId")
_TYPE = qn("w:type")
_DEFAULT = qn("w:default")
_BASED = qn("w:basedOn")
_CHAIN = (qn("w:basedOn"), qn("w:link"), qn("w:next"))
_IGNORED = {
    qn(f"w:{n}")
    for n in [
        "rsid",
        "uiPriority",
        "qFormat",
        "semiHidden",
        "unhideWhenUsed",
        "locked",
        "autoRedefine",
        "hidden",
        "personal",
        "personalCompose",
        "personalReply",
        "link",
        "next",
        "aliases",
    ]
}
RPR_ORDER = ooxml.RPR_ORDER
_STYLE_ORDER = [
    "name",
    "aliases",
    "basedOn",
    "next",
    "link",
    "autoRedefine",
    "hidden",
    "uiPriority",
    "semiHidden",
    "unhideWhenUsed",
    "qFormat",
    "locked",
    "personal",
    "personalCompose",
    "personalReply",
    "rsid",
    "pPr",
    "rPr",
]
CT_STYLES = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"


@dataclass(frozen=True)
class StyleMap:
    """How one document's style ids read in the merged package."""

    ids: dict[str, str] = field(default_factory=dict)
    default_paragraph: str | None = None  # set on paragraphs that name no style
    default_table: str | None = None  # set on tables that name no style
    copied: tuple[etree._Element, ...] = ()  # styles this document added, to renumber lists

    @property
    def identity(self) -> bool:
        """Whether the document's styles are used unchanged."""
        return not self.ids and self.default_paragraph is None and self.default_table is None


IDENTITY = StyleMap()


class StyleMerger:
    """The master's styles part, growing as documents with other styles are merged."""

    def __init__(self, master: Source) -> None:
        self.master = master
        self.name = master.side_part("styles")
        self.master_bytes = master.side_bytes("styles")
        self._root: etree._Element | None = None
        self._by_id: dict[str, etree._Element] = {}
        self._by_name: dict[str, etree._Element] = {}
        self._maps: dict[str, StyleMap] = {}
        self.changed = False

    def map_for(self, src: Source) -> StyleMap:
        """The style map of ``src``, computed once per distinct styles part."""
        blob = src.side_bytes("styles")
        if src is self.master or blob is None or blob == self.master_bytes:
            return IDENTITY
        digest = src.digest("styles")
        found = self._maps.get(digest)
        if found is None:
            found = self._maps[digest] = self._merge(src.parse(src.side_part("styles") or ""))
        return found

    def root(self) -> etree._Element:
        """The master's styles tree (an empty one when the master has none)."""
        if self._root is None:
            if self.master_bytes is not None:
                self._root = ooxml.parse(self.master_bytes)
            else:
                self._root = etree.Element(qn("w:styles"), nsmap={"w": ooxml.W})
            for style in self._root.iter(_STYLE):
                self._register(style)
        return self._root

    def _register(self, style: etree._Element) -> None:
        self._by_id[str(style.get(_STYLE_ID))] = style
        name = style.find(W_NAME)
        if name is not None:
            self._by_name.setdefault(str(name.get(W_VAL)).lower(), style)

    def _merge(self, src_root: etree._Element) -> StyleMap:
        root = self.root()
        if _canon(src_root.find(qn("w:docDefaults"))) != _canon(root.find(qn("w:docDefaults"))):
            fold_defaults(src_root)
        styles = {str(s.get(_STYLE_ID)): s for s in src_root.iter(_STYLE)}
        result: dict[str, str] = {}
        added: list[str] = []
        for sid in styles:
            self._resolve(sid, styles, result, added)
        copied = tuple(self._copy(styles[sid], result) for sid in added)
        if copied:
            self.changed = True
        ids = {old: new for old, new in result.items() if old != new}
        return StyleMap(
            ids,
            self._default_for(styles, result, "paragraph"),
            self._default_for(styles, result, "table"),
            copied,
        )

    def _resolve(self, sid: str, styles: dict[str, etree._Element], result: dict[str, str],
                 added: list[str]) -> str:  # fmt: skip
        if sid in result:
            return result[sid]
        result[sid] = sid  # guards against basedOn cycles
        style = styles[sid]
        based = style.find(_BASED)
        parent = str(based.get(W_VAL)) if based is not None else None
        if parent is not None and parent in styles:
            parent = self._resolve(parent, styles, result, added)
        match = self._match(style, sid)
        if match is not None and _parent(match) == parent and _canon(match) == _canon(style):
            result[sid] = str(match.get(_STYLE_ID))
            return result[sid]
        new = sid
        number = 1
        while new in self._by_id:
            number += 1
            new = f"{sid}Mg{number}"
        result[sid] = new
        self._by_id[new] = style  # reserve the id until the copy is made
        added.append(sid)
        return new

    def _match(self, style: etree._Element, sid: str) -> etree._Element | None:
        found = self._by_id.get(sid)
        if found is None:
            name = style.find(W_NAME)
            if name is not None:
                found = self._by_name.get(str(name.get(W_VAL)).lower())
        if found is not None and found.get(_TYPE) != style.get(_TYPE):
            return None
        return found

    def _copy(self, style: etree._Element, result: dict[str, str]) -> etree._Element:
        new = copy.deepcopy(style)
        sid = result[str(style.get(_STYLE_ID))]
        new.set(_STYLE_ID, sid)
        drop_attr(new, _DEFAULT)  # one default per type: the master's
        for ref in new.iter(*_CHAIN):
            ref.set(W_VAL, result.get(str(ref.get(W_VAL)), str(ref.get(W_VAL))))
        name = new.find(W_NAME)
        if name is not None and str(name.get(W_VAL)).lower() in self._by_name:
            name.set(W_VAL, f"{name.get(W_VAL)} ({sid})")  # Word merges styles by name
        self.root().append(new)
        self._register(new)
        return new

    def _default_for(self, styles: dict[str, etree._Element], result: dict[str, str],
                     kind: str) -> str | None:  # fmt: skip
        mine = _default_id(styles.values(), kind)
        if mine is None:
            return None
        theirs = _default_id(self.root().iter(_STYLE), kind)
        mapped = result.get(mine, mine)
        return None if mapped == theirs else mapped

    def output(self) -> bytes | None:
        """New bytes of the styles part, when a document added styles."""
        return serialize(self.root()) if self.changed else None


def fold_defaults(root: etree._Element) -> None:
    """Write ``w:docDefaults`` into the root paragraph styles (their own settings win)."""
    defaults = root.find(qn("w:docDefaults"))
    if defaults is None:
        return
    for style in root.iter(_STYLE):
        if style.get(_TYPE) != "paragraph" or style.find(_BASED) is not None:
            continue
        for kind, order in (("rPr", RPR_ORDER), ("pPr", None)):
            source = defaults.find(f"{qn(f'w:{kind}Default')}/{qn(f'w:{kind}')}")
            if source is None:
                continue
            target = style.find(qn(f"w:{kind}"))
            if target is None:
                target = _insert(style, kind, _STYLE_ORDER)
            _fold(source, target, order)


def _fold(source: etree._Element, target: etree._Element, order: list[str] | None) -> None:
    for child in source:
        mine = target.find(child.tag)
        if mine is None:
            local = etree.QName(child).localname
            if order is not None and local in order:
                _insert(target, local, order).attrib.update(child.attrib)
            else:
                target.append(copy.deepcopy(child))
        else:
            for key, value in child.attrib.items():
                if key not in mine.attrib:
                    mine.set(key, value)


def _insert(parent: etree._Element, name: str, order: list[str]) -> etree._Element:
    later = {qn(f"w:{n}") for n in order[order.index(name) + 1 :]}
    node = etree.Element(qn(f"w:{name}"))
    for index, sibling in enumerate(parent):
        if sibling.tag in later:
            parent.insert(index, node)
            return node
    parent.append(node)
    return node


def _default_id(styles: object, kind: str) -> str | None:
    for style in styles:  # type: ignore[attr-defined]
        if style.get(_TYPE) == kind and style.get(_DEFAULT) in ("1", "true", "on"):
            return str(style.get(_STYLE_ID))
    return None


def _parent(style: etree._Element) -> str | None:
    based = style.find(_BASED)
    return str(based.get(W_VAL)) if based is not None else None


def _canon(el: etree._Element | None) -> str:
    """The formatting a style defines, as text: order of attributes and bookkeeping ignored."""
    if el is None:
        return ""
    pieces: list[str] = [str(el.get(_TYPE))]
    for node in el.iter(etree.Element):
        if node is el or any(a.tag in _IGNORED for a in (node, *node.iterancestors())):
            continue
        if node.tag == _BASED:
            continue
        attrs = ",".join(f"{k!s}={v!s}" for k, v in sorted(node.attrib.items()))
        pieces.append(f"{node.tag!s}[{attrs}]{(node.text or '').strip()}")
    return "|".join(pieces)
