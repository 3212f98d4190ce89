"""Package-level changes a render makes besides its XML: media, relationships, types."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from lxml import etree

from docgen.engine import ooxml
from docgen.engine.package import Package, rels_name
from docgen.engine.values import RenderState

_REL = f"{{{ooxml.PKG_RELS}}}Relationship"
_DEFAULT = f"{{{ooxml.CT}}}Default"
_EMPTY_RELS = f'<Relationships xmlns="{ooxml.PKG_RELS}"/>'.encode()
#: A relationships part with none yet, to add to.
EMPTY_RELS = _EMPTY_RELS
_RELS_ROOT = f'<Relationships xmlns="{ooxml.PKG_RELS}"'.encode()
_TYPES_ROOT = f'<Types xmlns="{ooxml.CT}"'.encode()
_TYPES_OPEN = re.compile(rb"<Types\b[^>]*>")
_ID = re.compile(rb'<Relationship\b[^>]*?\sId="([^"]*)"')
_EXTENSION = re.compile(rb'<Default\b[^>]*?\sExtension="([^"]*)"')


@dataclass
class PackageEdits:
    """Media to add and relationships to create, gathered during one render."""

    media: dict[str, tuple[str, bytes, str]] = field(default_factory=dict)
    rels: dict[str, dict[str, str]] = field(default_factory=dict)
    parts: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    rel_types: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_state(cls, state: RenderState) -> PackageEdits:
        """The edits a finished render asked for."""
        return cls(state.media, state.rels, state.parts, state.rel_types)

    def new_members(
        self, package: Package, outputs: dict[str, bytes]
    ) -> Iterator[tuple[str, bytes]]:
        """Members to append after the template's own: new parts, then media, sorted."""
        for name in sorted(outputs):
            if not package.has(name):
                yield name, outputs[name]
        for name in sorted(self.media):
            # Media names are content hashes: one already in the package is this image.
            if not package.has(name):
                yield name, self.media[name][1]


def apply_edits(
    package: Package, edits: PackageEdits, outputs: Mapping[str, bytes]
) -> dict[str, bytes]:
    """New bytes for the relationship and content-type parts the edits touch.

    A relationships part already rewritten for this render (``outputs``: web links or the
    attached template removed) is the one added to, not the template's own.

    The new entries are written into the parts' bytes, before their closing tag: these
    parts are read and rewritten on every render that adds a picture or a chart, and
    parsing and writing them took more than the picture itself. A part whose root is not
    the usual unprefixed one is parsed instead, with the same result.
    """
    changed: dict[str, bytes] = {}
    for part, targets in sorted(edits.rels.items()):
        if not targets:
            continue
        name = rels_name(part)
        if name in outputs:
            xml = outputs[name]
        else:
            xml = package.read(name) if package.has(name) else _EMPTY_RELS
        wanted = [
            (rid, edits.rel_types.get(target, ooxml.RT_IMAGE), target)
            for target, rid in sorted(targets.items(), key=lambda item: item[1])
        ]
        changed[name] = _with_rels(xml, wanted)
    if edits.media or edits.parts:
        changed["[Content_Types].xml"] = _with_types(package, edits)
    return changed


def relationship_ids(xml: bytes) -> set[str]:
    """The relationship ids a relationships part holds (read from its bytes when it has the
    usual shape, else parsed)."""
    if _appended(xml, _RELS_ROOT, b"</Relationships>") is not None:
        return {m.decode() for m in _ID.findall(xml)}
    return {str(rel.get("Id")) for rel in ooxml.parse(xml).iter(_REL)}


def add_relationships(xml: bytes, wanted: list[tuple[str, str, str]]) -> bytes:
    """``xml`` (a relationships part, or :data:`EMPTY_RELS`) with ``(id, type, target)``
    relationships added (one of an id already there is left out)."""
    return _with_rels(xml, wanted)


def add_override(xml: bytes, part: str, content_type: str) -> bytes:
    """``xml`` (the content types part) with an Override for ``part``."""
    fast = _appended(xml, _TYPES_ROOT, b"</Types>")
    if fast is None:
        root = ooxml.parse(xml)
        override = etree.SubElement(root, f"{{{ooxml.CT}}}Override")
        override.set("PartName", f"/{part}")
        override.set("ContentType", content_type)
        return _serialize(root)
    entry = (
        f'<Override PartName="/{ooxml.escape_attr(part)}" '
        f'ContentType="{ooxml.escape_attr(content_type)}"/>'
    )
    return fast[0] + entry.encode() + fast[1]


def _with_rels(xml: bytes, wanted: list[tuple[str, str, str]]) -> bytes:
    """``xml`` (a relationships part) with the relationships ``(id, type, target)`` it lacks."""
    fast = _appended(xml, _RELS_ROOT, b"</Relationships>")
    if fast is not None:
        present = {m.decode() for m in _ID.findall(xml)}
        added = "".join(
            f'<Relationship Id="{ooxml.escape_attr(rid)}" Type="{ooxml.escape_attr(kind)}" '
            f'Target="{ooxml.escape_attr(target)}"/>'
            for rid, kind, target in wanted
            if rid not in present
        )
        return fast[0] + added.encode() + fast[1]
    root = ooxml.parse(xml)
    present_ids = {rel.get("Id") for rel in root.iter(_REL)}
    for rid, kind, target in wanted:
        if rid in present_ids:
            continue
        rel = etree.SubElement(root, _REL)
        rel.set("Id", rid)
        rel.set("Type", kind)
        rel.set("Target", target)
    return _serialize(root)


def _appended(xml: bytes, root: bytes, close: bytes) -> tuple[bytes, bytes] | None:
    """``xml`` cut where children go at the end of its root (``root``: its usual start tag's
    head, unprefixed in the package namespace), or ``None`` when it is not that shape."""
    if root not in xml[:400] or b"'" in xml[xml.find(b"?>") + 1 :]:
        return None  # another shape, or attributes in single quotes the searches would miss
    body = xml.rstrip()
    if body.endswith(close):
        return body[: -len(close)], close
    if body.endswith(b"/>") and body.count(b"<") - body.count(b"<?") == 1:
        return body[:-2] + b">", close  # the empty root, <Relationships …/>
    return None


def _with_types(package: Package, edits: PackageEdits) -> bytes:
    """Content types with a Default per new picture extension, an Override per new part."""
    xml = package.read("[Content_Types].xml")
    fast = _appended(xml, _TYPES_ROOT, b"</Types>")
    if fast is None:
        return _with_types_parsed(xml, edits)
    overrides = "".join(
        f'<Override PartName="/{ooxml.escape_attr(name)}" '
        f'ContentType="{ooxml.escape_attr(content_type)}"/>'
        for name, (content_type, _blob) in sorted(edits.parts.items())
        if content_type
    )
    known = {m.decode().lower() for m in _EXTENSION.findall(xml)}
    defaults: list[str] = []
    for ext, _blob, content_type in sorted(edits.media.values(), key=lambda m: m[0]):
        if ext not in known:
            defaults.insert(
                0,
                f'<Default Extension="{ooxml.escape_attr(ext)}" '
                f'ContentType="{ooxml.escape_attr(content_type)}"/>',
            )
            known.add(ext)
    head, tail = fast
    start = _TYPES_OPEN.search(head)
    if defaults and start is None:
        return _with_types_parsed(xml, edits)
    if start is not None:
        head = head[: start.end()] + "".join(defaults).encode() + head[start.end() :]
    return head + overrides.encode() + tail


def _with_types_parsed(xml: bytes, edits: PackageEdits) -> bytes:
    root = ooxml.parse(xml)
    for name, (content_type, _blob) in sorted(edits.parts.items()):
        if content_type:
            override = etree.SubElement(root, f"{{{ooxml.CT}}}Override")
            override.set("PartName", f"/{name}")
            override.set("ContentType", content_type)
    known = {el.get("Extension", "").lower() for el in root.iter(_DEFAULT)}
    for ext, _blob, content_type in sorted(edits.media.values(), key=lambda m: m[0]):
        if ext not in known:
            default = etree.Element(_DEFAULT)
            default.set("Extension", ext)
            default.set("ContentType", content_type)
            root.insert(0, default)
            known.add(ext)
    return _serialize(root)


def _serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
