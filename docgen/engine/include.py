"""Include the body of another .docx at a tag (docxtpl's ``new_subdoc(path)``).

A :class:`Subdoc` is parsed once and may be placed any number of times. Each
placement copies its paragraphs and tables, gives drawings and bookmarks fresh
ids, re-points relationships at the target part and records, in an
:class:`IncludeEdits`, the styles and lists the template must gain.
:func:`apply_includes` then writes those into styles.xml and numbering.xml.

Merge rules: where the template already has a style with the same id, the
template's definition wins (the master document decides how it looks); styles
it lacks are copied with their ``basedOn``/``link``/``next`` chain. Lists get
fresh ``numId``/``abstractNumId`` values above the template's for every
placement, so they never continue or restyle the master's lists.

Not carried over: comments (dropped), headers and footers of inner section
breaks (dropped), picture bullets (fall back to the level's text). Footnotes,
endnotes, charts, embedded objects and other internal parts are refused.
"""

from __future__ import annotations

import copy
import hashlib
import io
import posixpath
import weakref
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import IO, Protocol

from lxml import etree
from markupsafe import Markup

from docgen.engine import ooxml
from docgen.engine.ooxml import qn
from docgen.engine.package import Package, Rel, read_rels, rels_name
from docgen.exceptions import RenderError

_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_CT_W = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_EXTRA = {"styles": "w:styles", "numbering": "w:numbering"}
_W_VAL = qn("w:val")
_W_ID = qn("w:id")
_STYLE_REFS = tuple(qn(t) for t in ("w:pStyle", "w:rStyle", "w:tblStyle", "w:numStyleLink"))
_CHAIN = tuple(qn(t) for t in ("w:basedOn", "w:link", "w:next"))
_DROPPED = tuple(qn(t) for t in ("w:commentRangeStart", "w:commentRangeEnd", "w:commentReference"))
_REFUSED = (qn("w:footnoteReference"), qn("w:endnoteReference"))
_PARA_IDS = (f"{{{ooxml.W14}}}paraId", f"{{{ooxml.W14}}}textId")


class _State(Protocol):
    """The parts of ``RenderState`` an include uses (avoids an import cycle)."""

    media: dict[str, tuple[str, bytes, str]]
    rels: dict[str, dict[str, str]]
    includes: IncludeEdits

    def new_id(self) -> int: ...

    def relate(self, part: str, target: str) -> str: ...

    def bookmark_name(self, name: str) -> Markup: ...


@dataclass(frozen=True)
class _Target:
    """What an include must know about the template; computed once per package."""

    main: str
    parts: dict[str, str | None]  # "styles"/"numbering" -> member name, if present
    style_ids: frozenset[str]
    #: Paragraph and table styles by their lower-case name (``heading 1`` → the id the
    #: template gives it: ``Heading1`` in English Word, ``1`` in Chinese Word).
    style_names: dict[str, str]
    max_num: int
    max_abstract: int
    nsmaps: dict[str, dict[str, str]]


_TARGETS: weakref.WeakKeyDictionary[Package, _Target] = weakref.WeakKeyDictionary()


@dataclass
class IncludeEdits:
    """What the includes of one render add to the package besides their XML."""

    package: Package | None = None
    styles: dict[str, etree._Element] = field(default_factory=dict)
    abstract_nums: list[etree._Element] = field(default_factory=list)
    nums: list[etree._Element] = field(default_factory=list)
    external: dict[str, dict[tuple[str, str], str]] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)  # main part: rid -> URL, asked for by id
    rid_counts: dict[str, int] = field(default_factory=dict)

    def target(self) -> _Target:
        """Facts about the template, cached per package (a racing thread computes the same)."""
        if self.package is None:
            raise RenderError("内部错误：未设置模板包", "internal error: no template package set")
        found = _TARGETS.get(self.package)
        if found is None:
            found = _TARGETS[self.package] = _read_target(self.package)
        return found

    def add_list(self, abstract: etree._Element, num: etree._Element) -> str:
        """Add ``abstract`` (a ``w:abstractNum``) and ``num`` (its ``w:num``) to the
        document's numbering under fresh ids above the template's; the new ``numId``."""
        target = self.target()
        abstract_id = str(target.max_abstract + len(self.abstract_nums) + 1)
        abstract.set(qn("w:abstractNumId"), abstract_id)
        new_id = str(target.max_num + len(self.nums) + 1)
        num.set(qn("w:numId"), new_id)
        for el in num.findall(qn("w:abstractNumId")):
            el.set(_W_VAL, abstract_id)
        self.abstract_nums.append(abstract)
        self.nums.append(num)
        return new_id

    def new_rid(self, part: str) -> str:
        """``rIdDgS1``, ``rIdDgS2``… per part; the prefix keeps clear of Word's and images'."""
        count = self.rid_counts.get(part, 0) + 1
        self.rid_counts[part] = count
        return f"rIdDgS{count}"


class Subdoc:
    """The body of another .docx, to place with ``{{p value }}``.

    ``source`` is a path, the bytes of a .docx or a binary file object.
    """

    docgen_kind = "subdoc"

    def __init__(self, source: str | PathLike[str] | bytes | IO[bytes]) -> None:
        name, blob = _load(source)
        package = Package(name, blob)
        main = package.main_part()
        root = ooxml.parse(package.read(main))
        self._nsmap = {k: v for k, v in root.nsmap.items() if k}
        self._rels = read_rels(package, main)
        body = root.find(qn("w:body"))
        self._body = _clean_body(list(body) if body is not None else [], name)
        self._media = self._check_rels(package, name)
        self._styles = _children(package, self._rels, "styles", qn("w:style"), qn("w:styleId"))
        self._nums = _children(package, self._rels, "numbering", qn("w:num"), qn("w:numId"))
        self._abstracts = _children(
            package, self._rels, "numbering", qn("w:abstractNum"), qn("w:abstractNumId")
        )

    def _check_rels(self, package: Package, name: str) -> dict[str, tuple[str, bytes, str]]:
        """Media of every image the body uses; refuse what cannot be carried over."""
        media: dict[str, tuple[str, bytes, str]] = {}
        for el in self._body:
            for node in el.iter(etree.Element):
                for key, rid in node.attrib.items():
                    if not str(key).startswith(f"{{{ooxml.R}}}"):
                        continue
                    rel = self._rels.get(str(rid))
                    if rel is not None and rel.external:
                        continue
                    if rel is None or rel.kind != _RT + "image" or not package.has(rel.target):
                        raise RenderError(
                            f"无法插入 {name}：不支持其中的 {etree.QName(node).localname} 内容",
                            f"cannot include {name}: its {etree.QName(node).localname} "
                            "content cannot be carried over",
                        )
                    ext = posixpath.splitext(rel.target)[1].lstrip(".").lower()
                    ctype = package.content_types.get(rel.target, "") or f"image/{ext}"
                    media[str(rid)] = (ext, package.read(rel.target), ctype)
        return media

    def render_into(self, state: _State, part: str) -> str:
        """The paragraph-level XML of one placement in ``part``; records its edits."""
        placing = _Placing(self, state, part, state.includes.target())
        body = [copy.deepcopy(el) for el in self._body]
        placing.renumber(body)
        placing.copy_styles(body)
        for el in body:
            placing.refresh(el)
        return _serialize(body, placing.target.nsmaps.get(part, {}), self._nsmap)


@dataclass
class _Placing:
    """One placement of a subdoc: its list numbers and the state it writes to."""

    sub: Subdoc
    state: _State
    part: str
    target: _Target
    num_map: dict[str, str] = field(default_factory=dict)

    def renumber(self, roots: list[etree._Element]) -> None:
        """Point every ``numId`` at a fresh copy of the subdoc's list."""
        for root in roots:
            for el in root.iter(qn("w:numId")):
                old = el.get(_W_VAL, "0")
                if old != "0":
                    if old not in self.num_map:
                        self.num_map[old] = self._copy_num(old)
                    el.set(_W_VAL, self.num_map[old])

    def _copy_num(self, old: str) -> str:
        edits = self.state.includes
        num = self.sub._nums.get(old)
        ref = num.find(qn("w:abstractNumId")) if num is not None else None
        abstract = self.sub._abstracts.get(ref.get(_W_VAL, "")) if ref is not None else None
        if num is None or abstract is None:
            return "0"  # Word shows a list it cannot find as no list; so do we
        new_abstract = copy.deepcopy(abstract)
        # Word joins lists that share an nsid, and picture bullets live in parts
        # not copied, so both are dropped from the copy.
        for child in list(new_abstract.iter(qn("w:nsid"), qn("w:lvlPicBulletId"))):
            _remove(child)
        return edits.add_list(new_abstract, copy.deepcopy(num))

    def copy_styles(self, body: list[etree._Element]) -> None:
        """Copy styles the template lacks, with their chains; the template's own win."""
        edits = self.state.includes
        sources = body + edits.abstract_nums
        todo = sorted({el.get(_W_VAL, "") for r in sources for el in r.iter(*_STYLE_REFS)})
        while todo:
            style_id = todo.pop(0)
            style = self.sub._styles.get(style_id)
            if style is None or style_id in self.target.style_ids or style_id in edits.styles:
                continue
            copied = edits.styles[style_id] = copy.deepcopy(style)
            self.renumber([copied])
            todo.extend(el.get(_W_VAL, "") for el in copied.iter(*_CHAIN))

    def refresh(self, root: etree._Element) -> None:
        """Fresh drawing and bookmark ids, and relationships of the target part."""
        bookmarks: dict[str, str] = {}
        for el in root.iter(etree.Element):
            if el.tag == qn("wp:docPr"):
                el.set("id", str(self.state.new_id()))
            elif el.tag == qn("w:bookmarkStart"):
                bookmarks[el.get(_W_ID, "")] = fresh = str(self.state.new_id())
                el.set(_W_ID, fresh)
                name = self.state.bookmark_name(el.get(qn("w:name"), ""))
                el.set(qn("w:name"), name.unescape())  # lxml escapes it again
            elif el.tag == qn("w:bookmarkEnd"):
                el.set(_W_ID, bookmarks.get(el.get(_W_ID, ""), el.get(_W_ID, "")))
            for key, value in el.attrib.items():
                if str(key).startswith(f"{{{ooxml.R}}}"):
                    el.set(key, self._relink(str(value)))

    def _relink(self, rid: str) -> str:
        rel = self.sub._rels[rid]
        edits = self.state.includes
        if rel.external:
            known = edits.external.setdefault(self.part, {})
            key = (rel.kind, rel.target)
            if key not in known:
                known[key] = edits.new_rid(self.part)
            return known[key]
        ext, blob, ctype = self.sub._media[rid]
        digest = hashlib.sha1(blob, usedforsecurity=False).hexdigest()[:16]
        # InlineImage's naming, so a picture used both ways is stored once.
        target = f"media/docgen_{digest}.{ext}"
        self.state.media.setdefault(f"word/{target}", (ext, blob, ctype))
        return self.state.relate(self.part, target)


def apply_includes(
    package: Package, edits: IncludeEdits, outputs: dict[str, bytes]
) -> dict[str, bytes]:
    """New bytes of the styles, numbering, relationship and content-type parts."""
    changed: dict[str, bytes] = {}

    def current(name: str, empty: bytes) -> etree._Element:
        if name in changed:
            return ooxml.parse(changed[name])
        if name in outputs:
            return ooxml.parse(outputs[name])
        return ooxml.parse(package.read(name) if package.has(name) else empty)

    def add_rels(part: str, rels: list[tuple[str, str, str, bool]]) -> None:
        name = rels_name(part)
        root = current(name, f'<Relationships xmlns="{ooxml.PKG_RELS}"/>'.encode())
        for rid, kind, target, external in rels:
            rel = etree.SubElement(root, f"{{{ooxml.PKG_RELS}}}Relationship")
            rel.set("Id", rid)
            rel.set("Type", kind)
            rel.set("Target", target)
            if external:
                rel.set("TargetMode", "External")
        changed[name] = _bytes(root)

    if edits.links:
        add_rels(
            edits.target().main,
            [(rid, _RT + "hyperlink", url, True) for rid, url in sorted(edits.links.items())],
        )
    for part, known in sorted(edits.external.items()):
        ordered = sorted(known.items(), key=lambda item: int(item[1][len("rIdDgS") :]))
        add_rels(part, [(rid, kind, url, True) for (kind, url), rid in ordered])
    if not (edits.styles or edits.nums):
        return changed
    target = edits.target()
    new_parts: list[tuple[str, str]] = []
    for kind, wanted in (("styles", bool(edits.styles)), ("numbering", bool(edits.nums))):
        name = target.parts[kind]
        if not wanted:
            continue
        if name is None:
            # A stray member by that name, unreachable from the body, must not be reused.
            name = (
                f"word/{kind}.xml" if not package.has(f"word/{kind}.xml") else f"word/dg{kind}.xml"
            )
            new_parts.append((kind, name))
        root = current(name, f'<{_EXTRA[kind]} xmlns:w="{ooxml.W}"/>'.encode())
        if kind == "styles":
            root.extend(copy.deepcopy(el) for el in edits.styles.values())
        else:
            _merge_numbering(root, edits)
        changed[name] = _bytes(root)
    if new_parts:
        rels = [(f"rIdDg{kind.title()}", _RT + kind, name[5:], False) for kind, name in new_parts]
        add_rels(target.main, rels)
        types = current("[Content_Types].xml", b"")
        for kind, name in new_parts:
            override = etree.SubElement(types, f"{{{ooxml.CT}}}Override")
            override.set("PartName", f"/{name}")
            override.set("ContentType", f"{_CT_W}{kind}+xml")
        changed["[Content_Types].xml"] = _bytes(types)
    return changed


def _merge_numbering(root: etree._Element, edits: IncludeEdits) -> None:
    """Abstract lists before the first list, lists after the last: the schema's order."""
    nums = root.findall(qn("w:num"))
    at = root.index(nums[0]) if nums else len(root)
    for offset, el in enumerate(edits.abstract_nums):
        root.insert(at + offset, copy.deepcopy(el))
    at = root.index(nums[-1]) + 1 if nums else at + len(edits.abstract_nums)
    for offset, el in enumerate(edits.nums):
        root.insert(at + offset, copy.deepcopy(el))


def _read_target(package: Package) -> _Target:
    main = package.main_part()
    rels = read_rels(package, main)
    parts: dict[str, str | None] = {"styles": None, "numbering": None}
    for rel in rels.values():
        kind = rel.kind.rsplit("/", 1)[-1]
        if kind in parts and not rel.external and package.has(rel.target):
            parts[kind] = rel.target
    style_ids: frozenset[str] = frozenset()
    style_names: dict[str, str] = {}
    if parts["styles"] is not None:
        styles = ooxml.parse(package.read(parts["styles"]))
        style_ids = frozenset(el.get(qn("w:styleId"), "") for el in styles.iter(qn("w:style")))
        for el in styles.iter(qn("w:style")):
            name = el.find(qn("w:name"))
            if name is not None and el.get(qn("w:type")) in ("paragraph", "table"):
                style_names.setdefault(name.get(_W_VAL, "").lower(), el.get(qn("w:styleId"), ""))
    max_num = max_abstract = 0
    if parts["numbering"] is not None:
        numbering = ooxml.parse(package.read(parts["numbering"]))
        max_num = _max(numbering, qn("w:num"), qn("w:numId"))
        max_abstract = _max(numbering, qn("w:abstractNum"), qn("w:abstractNumId"))
    nsmaps = {name: _root_nsmap(package.read(name)) for name, _ in package.story_parts()}
    return _Target(main, parts, style_ids, style_names, max_num, max_abstract, nsmaps)


def _root_nsmap(blob: bytes) -> dict[str, str]:
    """Namespaces the part's root declares, reading no further than its start tag."""
    events = etree.iterparse(
        io.BytesIO(blob), events=("start",), resolve_entities=False, no_network=True
    )
    for _event, el in events:
        return {k: v for k, v in el.nsmap.items() if k}
    return {}


def _max(root: etree._Element, tag: str, attr: str) -> int:
    values = [el.get(attr, "") for el in root.iter(tag)]
    return max((int(v) for v in values if v.isdigit()), default=0)


def _children(
    package: Package, rels: dict[str, Rel], kind: str, tag: str, attr: str
) -> dict[str, etree._Element]:
    """Children ``tag`` of the subdoc's ``kind`` part, by their ``attr``."""
    for rel in rels.values():
        if rel.kind == _RT + kind and not rel.external and package.has(rel.target):
            root = ooxml.parse(package.read(rel.target))
            return {el.get(attr, ""): el for el in root.iter(tag)}
    return {}


def _clean_body(children: list[etree._Element], name: str) -> list[etree._Element]:
    """Body content without the final section, comments and optional paragraph ids."""
    body = [copy.deepcopy(el) for el in children if el.tag != qn("w:sectPr")]
    last_p = next((el for el in reversed(body) if el.tag == qn("w:p")), None)
    ppr = last_p.find(qn("w:pPr")) if last_p is not None else None
    for sect in ppr.findall(qn("w:sectPr")) if ppr is not None else []:
        _remove(sect)  # the template's own section settles page size and margins
    for root in body:
        for el in list(root.iter(*_DROPPED, qn("w:headerReference"), qn("w:footerReference"))):
            _remove(el)
        if next(root.iter(*_REFUSED), None) is not None:
            raise RenderError(
                f"无法插入 {name}：不支持脚注和尾注", f"cannot include {name}: it has foot/endnotes"
            )
        for el in root.iter(etree.Element):
            for attr in _PARA_IDS:
                if attr in el.attrib:  # optional, and would repeat on every placement
                    del el.attrib[attr]
    if not body or body[-1].tag != qn("w:p"):
        # A table cell, like the body, must end with a paragraph.
        body.append(etree.Element(qn("w:p")))
    return body


def _serialize(body: list[etree._Element], target: dict[str, str], source: dict[str, str]) -> str:
    """Elements as text inside a root declaring ``target``; others declared per element."""
    wrapper = etree.Element(qn("w:dgwrap"), nsmap=target)
    extra = {k: v for k, v in source.items() if target.get(k) != v}
    for el in body:
        top = etree.SubElement(wrapper, el.tag, nsmap=extra)
        top.attrib.update(el.attrib)
        top.extend(list(el))
    text = etree.tostring(wrapper, encoding="unicode")
    return text[text.index(">") + 1 : text.rindex("<")]


def _remove(el: etree._Element) -> None:
    parent = el.getparent()
    if parent is not None:
        parent.remove(el)


def _bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _load(source: str | PathLike[str] | bytes | IO[bytes]) -> tuple[str, bytes]:
    if isinstance(source, bytes):
        return "<subdoc>", source
    if isinstance(source, str | PathLike):
        try:
            return str(source), Path(source).read_bytes()
        except OSError as err:
            raise RenderError(
                f"无法读取文档 {source}：{err}", f"cannot read document {source}: {err}"
            ) from err
    return "<subdoc>", source.read()
