"""Package-level changes a render makes besides its XML: media, relationships, types."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from lxml import etree

from docgen.engine import ooxml
from docgen.engine.package import Package, rels_name
from docgen.engine.values import RenderState

_REL = f"{{{ooxml.PKG_RELS}}}Relationship"
_DEFAULT = f"{{{ooxml.CT}}}Default"
_EMPTY_RELS = f'<Relationships xmlns="{ooxml.PKG_RELS}"/>'.encode()


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
    """
    changed: dict[str, bytes] = {}
    for part, targets in sorted(edits.rels.items()):
        if not targets:
            continue
        name = rels_name(part)
        if name in outputs:
            root = ooxml.parse(outputs[name])
        else:
            root = ooxml.parse(package.read(name) if package.has(name) else _EMPTY_RELS)
        present = {rel.get("Id") for rel in root.iter(_REL)}
        for target, rid in sorted(targets.items(), key=lambda item: item[1]):
            if rid in present:
                continue
            rel = etree.SubElement(root, _REL)
            rel.set("Id", rid)
            rel.set("Type", edits.rel_types.get(target, ooxml.RT_IMAGE))
            rel.set("Target", target)
        changed[name] = _serialize(root)
    if edits.media or edits.parts:
        changed["[Content_Types].xml"] = _with_types(package, edits)
    return changed


def _with_types(package: Package, edits: PackageEdits) -> bytes:
    """Content types with a Default per new picture extension, an Override per new part."""
    root = ooxml.parse(package.read("[Content_Types].xml"))
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
