"""The merged package being built: new members, relationships and content types.

The master document's members are copied as their stored zip bytes; only the
parts the merge changes are written again. Parts of the other documents
(pictures, headers, footers, embedded objects) are copied under fresh names,
with their own relationships copied the same way. Identical media is stored once.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Callable

from lxml import etree

from docgen.engine import ooxml, zipout
from docgen.engine.package import STORY_TYPES, Rel, read_rels, rels_name
from docgen.merge.source import Source
from docgen.merge.xml import R_PREFIX, elements, serialize

# Called for a copied header/footer tree before it is written: the part's
# styles, lists and ids are remapped exactly like its body.
StoryHook = Callable[[etree._Element, Source, str, str], None]
_STORY_KINDS = {"header", "footer"}
_PRE_COMPRESSED = {"png", "jpg", "jpeg", "gif", "zip", "docx", "xlsx"}


class RelsTree:
    """The relationships of one output part; equal relationships are added once."""

    def __init__(self, root: etree._Element | None = None) -> None:
        self.root = (
            root if root is not None else etree.Element(f"{{{ooxml.PKG_RELS}}}Relationships")
        )
        self.ids = {str(rel.get("Id")) for rel in self.root}
        self._known: dict[tuple[str, str, bool], str] = {}
        self._count = 0
        self.changed = root is None

    def add(self, kind: str, target: str, external: bool) -> str:
        """The id of a relationship to ``target``, added when new."""
        key = (kind, target, external)
        if key in self._known:
            return self._known[key]
        self._count += 1
        rid = f"rIdMg{self._count}"
        while rid in self.ids:
            self._count += 1
            rid = f"rIdMg{self._count}"
        rel = etree.SubElement(self.root, f"{{{ooxml.PKG_RELS}}}Relationship")
        rel.set("Id", rid)
        rel.set("Type", kind)
        rel.set("Target", target)
        if external:
            rel.set("TargetMode", "External")
        self.ids.add(rid)
        self._known[key] = rid
        self.changed = True
        return rid


class MergedPackage:
    """Everything the merge adds to or changes in the master's package."""

    def __init__(self, master: Source) -> None:
        self.master = master
        self.names = {m.name for m in master.package.members}
        self.members: dict[str, bytes] = {}
        self.overrides: dict[str, str] = {}
        self.defaults: dict[str, str] = {}
        self.rels: dict[str, RelsTree] = {}
        self._media: dict[str, str] = {}
        self._copied: dict[tuple[int, str], str] = {}
        self._relinks: dict[tuple[int, str, str], dict[str, str]] = {}
        self._master_defaults = _defaults(master)
        for member in master.package.members:
            # The master's own pictures count too: a logo every part repeats is stored once.
            if member.name.startswith("word/media/"):
                digest = hashlib.sha1(member.data(), usedforsecurity=False).hexdigest()
                self._media.setdefault(digest, member.name)

    def rels_for(self, part: str) -> RelsTree:
        """The relationships of output part ``part`` (the master's, when it has them)."""
        tree = self.rels.get(part)
        if tree is None:
            name = rels_name(part)
            root = ooxml.parse(self.master.package.read(name)) if name in self.names else None
            tree = self.rels[part] = RelsTree(root)
        return tree

    def relink(self, tree: etree._Element, src: Source, src_part: str, out_part: str,
               story: StoryHook) -> None:  # fmt: skip
        """Point every ``r:`` attribute in ``tree`` at relationships of ``out_part``."""
        rels = src.rels if src_part == src.main else read_rels(src.package, src_part)
        mapping = self._relinks.setdefault((id(src), src_part, out_part), {})
        for el in elements(tree, "//*[@r:*]", {"r": ooxml.R}):
            for key, rid in el.attrib.items():
                if not str(key).startswith(R_PREFIX):
                    continue
                new = mapping.get(str(rid))
                if new is None:
                    new = mapping[str(rid)] = self._relate(src, rels, str(rid), out_part, story)
                el.set(key, new)

    def _relate(self, src: Source, rels: dict[str, Rel], rid: str, out_part: str,
                story: StoryHook) -> str:  # fmt: skip
        rel = rels.get(rid)
        if rel is None:
            return rid  # a dangling id stays as it was; verify_package reports it
        if rel.external:
            return self.rels_for(out_part).add(rel.kind, rel.target, True)
        copied = self.copy_part(src, rel.target, story)
        target = posixpath.relpath(copied, posixpath.dirname(out_part))
        return self.rels_for(out_part).add(rel.kind, target, False)

    def copy_part(self, src: Source, name: str, story: StoryHook) -> str:
        """Copy ``name`` of ``src`` (and what it relates to) into the output; its new name."""
        key = (id(src), name)
        found = self._copied.get(key)
        if found is not None:
            return found
        ctype = src.package.content_types.get(name, "")
        if not src.package.has(name):
            return name
        blob = src.package.read(name)
        has_rels = src.package.has(rels_name(name))
        if STORY_TYPES.get(ctype) in _STORY_KINDS:
            out = self._copied[key] = self._fresh(name)
            tree = ooxml.parse(blob)
            story(tree, src, name, out)
            self.relink(tree, src, name, out, story)
            self._add(out, serialize(tree), ctype)
            return out
        if not has_rels:
            digest = hashlib.sha1(blob, usedforsecurity=False).hexdigest()
            if digest in self._media:
                self._copied[key] = self._media[digest]
                return self._media[digest]
        out = self._copied[key] = self._fresh(name)
        if has_rels:
            self._copy_rels(src, name, out, story)
        else:
            self._media[hashlib.sha1(blob, usedforsecurity=False).hexdigest()] = out
        self._add(out, blob, ctype)
        return out

    def _copy_rels(self, src: Source, name: str, out: str, story: StoryHook) -> None:
        tree = RelsTree()
        for rid, rel in read_rels(src.package, name).items():
            target = rel.target
            if not rel.external:
                copied = self.copy_part(src, rel.target, story)
                target = posixpath.relpath(copied, posixpath.dirname(out))
            node = etree.SubElement(tree.root, f"{{{ooxml.PKG_RELS}}}Relationship")
            node.attrib.update({"Id": rid, "Type": rel.kind, "Target": target})
            if rel.external:
                node.set("TargetMode", "External")
        self.rels[out] = tree

    def new_name(self, name: str) -> str:
        """A member name like ``name`` (same folder, stem and extension) not yet taken."""
        return self._fresh(name)

    def _fresh(self, name: str) -> str:
        folder, base = posixpath.split(name)
        stem, ext = posixpath.splitext(base)
        stem = re.sub(r"\d+$", "", stem) or "part"
        number = 1
        while f"{folder}/{stem}{number}{ext}" in self.names:
            number += 1
        fresh = f"{folder}/{stem}{number}{ext}"
        self.names.add(fresh)
        return fresh

    def _add(self, name: str, blob: bytes, ctype: str) -> None:
        self.members[name] = blob
        ext = posixpath.splitext(name)[1].lstrip(".").lower()
        if self._master_defaults.get(ext) == ctype:
            return
        if ext not in self._master_defaults and ext not in self.defaults and ext != "xml":
            self.defaults[ext] = ctype
        elif self.defaults.get(ext) != ctype:
            self.overrides[name] = ctype

    def add_part(self, name: str, blob: bytes, ctype: str) -> None:
        """Add a part the merge made itself (numbering or styles the master lacked)."""
        self.names.add(name)
        self._add(name, blob, ctype)

    def build(self, replaced: dict[str, bytes]) -> bytes:
        """The finished .docx: master members (changed ones replaced), then new members."""
        changed = dict(replaced)
        for part, tree in self.rels.items():
            if tree.changed:
                changed[rels_name(part)] = serialize(tree.root)
        if self.defaults or self.overrides:
            changed["[Content_Types].xml"] = self._content_types()
        entries: list[zipout.Entry] = []
        for member in self.master.package.members:
            blob = changed.pop(member.name, None)
            if blob is None:
                entries.append(zipout.copied_entry(member.info, member.raw))
            else:
                entries.append(zipout.deflated_entry(member.name, blob))
        for name, blob in [*self.members.items(), *changed.items()]:
            ext = posixpath.splitext(name)[1].lstrip(".").lower()
            make = zipout.stored_entry if ext in _PRE_COMPRESSED else zipout.deflated_entry
            entries.append(make(name, blob))
        return zipout.write_zip(entries)

    def _content_types(self) -> bytes:
        root = ooxml.parse(self.master.package.read("[Content_Types].xml"))
        first_override = root.find(f"{{{ooxml.CT}}}Override")
        for ext, ctype in sorted(self.defaults.items()):
            node = etree.Element(f"{{{ooxml.CT}}}Default", Extension=ext, ContentType=ctype)
            if first_override is not None:
                first_override.addprevious(node)
            else:
                root.append(node)
        for name, ctype in self.overrides.items():
            etree.SubElement(root, f"{{{ooxml.CT}}}Override", PartName=f"/{name}",
                             ContentType=ctype)  # fmt: skip
        return serialize(root)


def _defaults(src: Source) -> dict[str, str]:
    root = ooxml.parse(src.package.read("[Content_Types].xml"))
    return {
        str(el.get("Extension", "")).lower(): str(el.get("ContentType", ""))
        for el in root.iter(f"{{{ooxml.CT}}}Default")
    }
