"""``merge()``: rendered documents in, one .docx out.

The first part is the master: its package (settings, theme, fonts, styles,
lists, headers) is the base, and its members are copied as stored. Every other
document is parsed once, its stories rewritten for the merged package
(:mod:`docgen.merge.story`), its styles and lists merged
(:mod:`~docgen.merge.styles`, :mod:`~docgen.merge.numbering`), the parts it
refers to copied (:mod:`~docgen.merge.output`), and its body joined
(:mod:`~docgen.merge.sections`). Work that depends only on a styles or
numbering part is done once per distinct part, which is what keeps a bundle of
documents from one template fast.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, cast

from lxml import etree

from docgen.engine import ooxml
from docgen.engine.package import rels_name
from docgen.exceptions import BundleError
from docgen.merge import toc as toc_mod
from docgen.merge.numbering import CT_NUMBERING, NumberingMerger, style_lists
from docgen.merge.output import MergedPackage
from docgen.merge.part import CoverPage, Part
from docgen.merge.props import CORE, core_with_title, own_title
from docgen.merge.sections import Assembly, Chunk
from docgen.merge.source import RT, Source
from docgen.merge.story import Ids, StoryContext, rewrite
from docgen.merge.styles import CT_STYLES, StyleMerger
from docgen.merge.turned import is_landscape, turn_landscape_numbers
from docgen.merge.xml import SECTPR, W_VAL, element, qn, serialize, text_of
from docgen.stamp import render_time

_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_IGNORABLE = f"{{{_MC}}}Ignorable"
_CT_HEADER = "application/vnd.openxmlformats-officedocument.wordprocessingml.{}+xml"


def merge(
    parts: Sequence[Part],
    *,
    cover: Part | CoverPage | None = None,
    toc: bool = False,
    toc_levels: int = 1,
    toc_entries: Literal["headings", "parts"] = "headings",
    toc_pages: Sequence[int] | None = None,
    duplex: bool = False,
    title: str | None = None,
    turned_numbers: bool = False,
    moment: dt.datetime | None = None,
) -> bytes:
    """Merge rendered documents into one .docx; see the README's "Merging" section.

    ``cover`` is a document placed first (a :class:`Part`) or a generated title
    page (:class:`CoverPage`). ``toc`` adds a table of contents after the cover,
    listing headings down to ``toc_levels`` (a ``TOC`` field), or with
    ``toc_entries="parts"`` one entry per part, by its ``entry`` text, else its title
    (``dc:title``), else its first line. ``toc_pages`` are the printed page numbers of the entries,
    in order, when the caller has laid the volume out (see
    :mod:`docgen.bundle.volume`). With a cover or a table of contents, the first
    part starts a section whose page numbers restart at 1; with ``duplex`` the
    table of contents and that first part begin on right-hand pages. ``title`` is
    the merged package's ``dc:title`` (default: the generated cover's title).
    With ``turned_numbers`` the page numbers of landscape sections move to the
    foot of the sheet as bound (:mod:`docgen.merge.turned`). The volume is a document
    made now: its created/modified dates are ``moment``, by default the time of the merge
    (:mod:`docgen.stamp`: ``SOURCE_DATE_EPOCH`` when set).
    """
    if not parts:
        raise BundleError("没有可合并的文档", "there are no documents to merge")
    if not 1 <= toc_levels <= 9:
        raise BundleError(
            f"目录级数须在 1 到 9 之间，不能是 {toc_levels}",
            f"toc_levels must be between 1 and 9, not {toc_levels}",
        )
    if toc_entries not in ("headings", "parts"):
        raise BundleError(
            f"目录条目只能是 headings 或 parts，不能是 {toc_entries!r}",
            f"toc_entries must be headings or parts, not {toc_entries!r}",
        )
    if title is None and isinstance(cover, CoverPage):
        title = cover.title
    pages = tuple(toc_pages) if toc_pages is not None else None
    front = _Front(toc_entries, pages, duplex, title, turned_numbers, moment or render_time())
    return _Merge(parts, cover, toc, toc_levels, front).run()


@dataclass(frozen=True)
class _Front:
    """How the volume opens: what its contents list, their pages, duplex, its title."""

    entries: str
    pages: tuple[int, ...] | None
    duplex: bool
    title: str | None
    turned_numbers: bool = False
    moment: dt.datetime | None = None


@dataclass
class _Merge:
    parts: Sequence[Part]
    cover: Part | CoverPage | None
    toc: bool
    toc_levels: int
    front_spec: _Front
    sources: list[Source] = field(default_factory=list)
    contexts: dict[int, StoryContext] = field(default_factory=dict)
    _facts: dict[str, tuple[dict[str, tuple[str, str]], dict[str, int]]] = field(
        default_factory=dict
    )
    _headings: dict[int, list[toc_mod.Heading]] = field(default_factory=dict)
    _empty: dict[str, str] = field(default_factory=dict)

    def run(self) -> bytes:
        self.sources = [
            Source(p.docx, p.title or f"第 {i} 部分 / part {i}")
            for i, p in enumerate(self.parts, 1)
        ]
        master = self.sources[0]
        self.out = MergedPackage(master)
        self.styles = StyleMerger(master)
        self.numbering = NumberingMerger(master)
        self.ids = _master_ids(master)
        master_final = _final_section(master.document)
        page = _front_page([_final_section(s.document) for s in self.sources])
        chunks = [self._prepare(p, s) for p, s in zip(self.parts, self.sources, strict=True)]
        front: list[Chunk] = []
        if isinstance(self.cover, CoverPage):
            front.append(toc_mod.cover_chunk(self.cover, page))
        elif self.cover is not None:
            cover_src = Source(self.cover.docx, "封面 / cover")
            self.sources.append(cover_src)  # after the master: its namespaces join the root's
            front.append(self._prepare(self.cover, cover_src))
        if front or self.toc:
            chunks[0].start, chunks[0].restart = "section", True
            chunks[0].right_hand = chunks[0].right_hand or self.front_spec.duplex
        if self.toc:
            toc_chunk = self._toc_chunk(chunks, page)
            toc_chunk.right_hand = self.front_spec.duplex and bool(front)
            front.append(toc_chunk)
        return self._write([*front, *chunks], master_final)

    def _context(self, src: Source) -> StoryContext:
        found = self.contexts.get(id(src))
        if found is None:
            lists = self.numbering.lists_for(src)
            numbered = self._src_facts(src)[0] if lists is not None else {}
            found = StoryContext(src, src is self.sources[0], self.styles.map_for(src),
                                 lists, numbered)  # fmt: skip
            if lists is not None:
                for style in found.styles.copied:
                    lists.renumber(style)
            self.contexts[id(src)] = found
        return found

    def _src_facts(self, src: Source) -> tuple[dict[str, tuple[str, str]], dict[str, int]]:
        """Lists and outline levels that ``src``'s styles give paragraphs, by style id."""
        digest = src.digest("styles")
        found = self._facts.get(digest)
        if found is None:
            name = src.side_part("styles")
            root = src.parse(name) if name is not None else None
            found = self._facts[digest] = (style_lists(root), toc_mod.outline_levels(root))
        return found

    def _story(self, tree: etree._Element, src: Source, _name: str, _out: str) -> None:
        rewrite(tree, self._context(src), self.ids)

    def _prepare(self, part: Part, src: Source) -> Chunk:
        root = src.document
        body = root.find(qn("w:body"))
        if body is None:
            raise BundleError(
                f"合并部分「{src.label}」没有正文", f"merge part '{src.label}' has no body"
            )
        children = list(body)
        final = children.pop() if children and children[-1].tag == SECTPR else element("w:sectPr")
        ctx = self._context(src)
        if not part.keep_headers and not ctx.master:
            for sect in [final, *body.iter(SECTPR)]:
                for ref in list(sect.iter(qn("w:headerReference"), qn("w:footerReference"))):
                    sect.remove(ref)
        chunk = Chunk(children, final, part.start, part.restart_page_numbers, part.keep_headers,
                      part.right_hand)  # fmt: skip
        if self.toc and self.front_spec.entries == "headings":
            outline = self._src_facts(src)[1]
            found = toc_mod.find_headings(children, outline, self.toc_levels)
            self._headings[id(chunk)] = found
        rewrite(body, ctx, self.ids)
        if not ctx.master:
            self.out.relink(root, src, src.main, self.sources[0].main, self._story)
        return chunk

    def _toc_chunk(self, chunks: list[Chunk], page: etree._Element) -> Chunk:
        by_part = self.front_spec.entries == "parts"
        found_all: list[toc_mod.Heading] = []
        for part, chunk, src in zip(self.parts, chunks, self.sources[: len(chunks)], strict=True):
            first = toc_mod.first_line(chunk.content)
            if by_part and first is not None:
                text = part.entry or own_title(src) or text_of(first).strip()
                found = [toc_mod.Heading(1, text, first)]
            elif by_part:
                found = []  # a part with no text has no line to list or to link to
            else:
                found = self._headings.get(id(chunk)) or toc_mod.promote_title(chunk.content)
            for heading in found:
                if chunk.restart and heading.paragraph is first:
                    heading = dataclasses.replace(heading, page="1")
                found_all.append(heading)
        pages = self.front_spec.pages
        if pages is not None:
            if len(pages) != len(found_all):
                raise BundleError(
                    f"目录有 {len(found_all)} 条，却给了 {len(pages)} 个页码",
                    f"the contents list {len(found_all)} entries but {len(pages)} page numbers "
                    "were given",
                )
            found_all = [
                dataclasses.replace(h, page=str(n)) for h, n in zip(found_all, pages, strict=True)
            ]
        marked = [(h, toc_mod.mark(h, self.ids, i)) for i, h in enumerate(found_all, 1)]
        names = {}
        for style in self.styles.root().iter(qn("w:style")):
            name = style.find(qn("w:name"))
            value = str(name.get(W_VAL)).lower() if name is not None else ""
            if value.startswith("toc ") and value[4:].isdigit():
                names[int(value[4:])] = str(style.get(qn("w:styleId")))
        return toc_mod.toc_chunk(marked, page, names, self.toc_levels, field=not by_part)

    def _empty_ref(self, kind: str) -> str:
        name = self._empty.get(kind)
        if name is None:
            name = self.out.new_name(f"word/{kind}1.xml")
            tag = "hdr" if kind == "header" else "ftr"
            blob = f'<w:{tag} xmlns:w="{ooxml.W}"><w:p/></w:{tag}>'.encode()
            self.out.add_part(name, blob, _CT_HEADER.format(kind))
            self._empty[kind] = name
        main = self.sources[0].main
        target = posixpath.relpath(name, posixpath.dirname(main))
        return self.out.rels_for(main).add(RT + kind, target, False)

    def _footer_tree(self, rid: str) -> etree._Element | None:
        """The merged package's footer behind ``rid``; ``None`` if it has relationships."""
        main = self.sources[0].main
        rel = next((r for r in self.out.rels_for(main).root if r.get("Id") == rid), None)
        if rel is None or rel.get("TargetMode") == "External":
            return None
        name = posixpath.normpath(posixpath.join(posixpath.dirname(main), str(rel.get("Target"))))
        if rels_name(name) in self.out.rels or self.sources[0].package.has(rels_name(name)):
            return None
        blob = self.out.members.get(name)
        if blob is None and self.sources[0].package.has(name):
            blob = self.sources[0].package.read(name)
        return ooxml.parse(blob) if blob is not None else None

    def _new_footer(self, blob: bytes) -> str:
        name = self.out.new_name("word/footer1.xml")
        self.out.add_part(name, blob, _CT_HEADER.format("footer"))
        main = self.sources[0].main
        target = posixpath.relpath(name, posixpath.dirname(main))
        return self.out.rels_for(main).add(RT + "footer", target, False)

    def _write(self, chunks: list[Chunk], master_final: etree._Element | None) -> bytes:
        refs = [el for el in (master_final if master_final is not None else [])
                if el.tag in (qn("w:headerReference"), qn("w:footerReference"))]  # fmt: skip
        title_page = master_final is not None and master_final.find(qn("w:titlePg")) is not None
        assembly = Assembly([copy.deepcopy(r) for r in refs], title_page, self._empty_ref)
        for chunk in chunks:
            assembly.add(chunk)
        master = self.sources[0]
        if self.front_spec.turned_numbers:
            sections = [s for el in assembly.body for s in el.iter(SECTPR)]
            if assembly.open_section is not None:
                sections.append(assembly.open_section)
            turn_landscape_numbers(sections, self._footer_tree, self._new_footer,
                                   self.ids.next_drawing)  # fmt: skip
        replaced = {master.main: serialize(self._document(assembly))}
        self._side_part(replaced, "styles", self.styles.output(), CT_STYLES)
        self._side_part(replaced, "numbering", self.numbering.output(), CT_NUMBERING)
        if self.toc:
            self._update_fields(replaced)
        core = core_with_title(master, self.front_spec.title, self.front_spec.moment)
        if core is not None:
            replaced[CORE] = core
        return self.out.build(replaced)

    def _document(self, assembly: Assembly) -> etree._Element:
        old = self.sources[0].document
        nsmap = dict(old.nsmap)
        ignorable = set(str(old.get(_IGNORABLE, "")).split())
        for src in self.sources[1:]:
            theirs = src.document
            for prefix, uri in theirs.nsmap.items():
                if prefix and prefix not in nsmap and uri not in nsmap.values():
                    nsmap[prefix] = uri
            for prefix in str(theirs.get(_IGNORABLE, "")).split():
                if nsmap.get(prefix) == theirs.nsmap.get(prefix):
                    ignorable.add(prefix)
        root = etree.Element(old.tag, nsmap=cast(dict[str, str], nsmap))  # None: default ns
        root.attrib.update(old.attrib)
        if ignorable:
            root.set(_IGNORABLE, " ".join(sorted(ignorable)))
        for child in list(old):
            if child.tag != qn("w:body"):
                root.append(child)
        body = etree.SubElement(root, qn("w:body"))
        body.extend(assembly.body)
        if assembly.open_section is not None:
            body.append(assembly.open_section)
        return root

    def _side_part(self, replaced: dict[str, bytes], kind: str, blob: bytes | None,
                   ctype: str) -> None:  # fmt: skip
        if blob is None:
            return
        master = self.sources[0]
        name = master.side_part(kind)
        if name is not None:
            replaced[name] = blob
            return
        name = self.out.new_name(f"word/{kind}.xml")
        self.out.add_part(name, blob, ctype)
        target = posixpath.relpath(name, posixpath.dirname(master.main))
        self.out.rels_for(master.main).add(RT + kind, target, False)

    def _update_fields(self, replaced: dict[str, bytes]) -> None:
        """Ask Word to update fields on opening, so the table of contents is rebuilt."""
        name = self.sources[0].side_part("settings")
        if name is None:
            return
        root = self.sources[0].parse(name)
        if root.find(qn("w:updateFields")) is None:
            node = element("w:updateFields", val="true")
            later = {qn(f"w:{n}") for n in _AFTER_UPDATE_FIELDS}
            spot = next((i for i, el in enumerate(root) if el.tag in later), len(root))
            root.insert(spot, node)
        replaced[name] = serialize(root)


# Children of w:settings that the schema places after w:updateFields.
_AFTER_UPDATE_FIELDS = [
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
]


def _front_page(finals: Sequence[etree._Element | None]) -> etree._Element:
    """The page the cover and 目录 are set on: the first part's, or, when that part is a
    landscape table (a 台账 bound first), the first upright part's; with no upright part, the
    first part's page turned upright. A cover or a 目录 is never printed across the sheet."""
    known = [s for s in finals if s is not None]
    upright = next((s for s in known if not is_landscape(s)), None)
    if upright is not None:
        return copy.deepcopy(upright)
    if not known:
        return element("w:sectPr")
    return _turned_upright(copy.deepcopy(known[0]))


def _turned_upright(sect: etree._Element) -> etree._Element:
    """``sect``'s landscape page turned a quarter back: the sheet's size swapped and each
    margin taken from the edge it lies on once turned (the landscape page's right edge is the
    sheet's top, its top the binding edge: the house style's 横排表格 margins, GB/T 9704 §8)."""
    size, margins = sect.find(qn("w:pgSz")), sect.find(qn("w:pgMar"))
    if size is not None:
        width, height = size.get(qn("w:w")), size.get(qn("w:h"))
        if width is not None and height is not None:
            size.set(qn("w:w"), height)
            size.set(qn("w:h"), width)
        if qn("w:orient") in size.attrib:
            del size.attrib[qn("w:orient")]
    if margins is not None:
        edges = {side: margins.get(qn(f"w:{side}")) for side in ("top", "right", "bottom", "left")}
        turned = {"top": edges["right"], "right": edges["bottom"],
                  "bottom": edges["left"], "left": edges["top"]}  # fmt: skip
        for side, value in turned.items():
            if value is not None:
                margins.set(qn(f"w:{side}"), value)
    return sect


def _final_section(root: etree._Element) -> etree._Element | None:
    body = root.find(qn("w:body"))
    last = body[-1] if body is not None and len(body) else None
    return last if last is not None and last.tag == SECTPR else None


def _master_ids(master: Source) -> Ids:
    """Counters that start above the ids the master's headers and notes already use."""
    ids = Ids()
    for name, kind in master.package.story_parts():
        if kind not in ("header", "footer", "footnotes", "endnotes"):
            continue
        tree = master.parse(name)
        for el in tree.iter(qn("wp:docPr")):
            value = str(el.get("id", ""))
            if value.isdigit():
                ids.drawing = max(ids.drawing, int(value))
        for el in tree.iter(qn("w:bookmarkStart")):
            value = str(el.get(qn("w:id"), ""))
            if value.isdigit():
                ids.bookmark = max(ids.bookmark, int(value))
            ids.bookmark_names.add(str(el.get(qn("w:name"))))
    return ids
