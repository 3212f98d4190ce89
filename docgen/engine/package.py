"""A .docx package read once: its members as raw compressed bytes, and its part map.

Keeping each member's *compressed* bytes lets a render copy untouched members
straight into the output zip without inflating and deflating them again, which
is most of what a naive re-zip costs. Reading checks every member once (see
:mod:`docgen.engine.unzip`), so the bytes copied that way are known good.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from lxml import etree

from docgen.engine import ooxml
from docgen.engine.unzip import Member, read_members
from docgen.exceptions import CorruptPackageError, TemplateError

# Bounds against zip bombs: a template is a few hundred KB; these leave ample room.
MAX_MEMBERS = 5_000
MAX_TOTAL_UNCOMPRESSED = 512 * 1024 * 1024
MAX_RATIO = 200

CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
CT_TEMPLATE_MAIN = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
)
CT_MACRO_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
STORY_TYPES = {
    CT_MAIN: "document",
    CT_TEMPLATE_MAIN: "document",
    CT_MACRO_MAIN: "document",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml": "header",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml": "footer",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml": "footnotes",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml": "endnotes",
}
PROPERTY_TYPES = {
    "application/vnd.openxmlformats-package.core-properties+xml",
    "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    "application/vnd.openxmlformats-officedocument.custom-properties+xml",
}


class Package:
    """The members of a .docx in order, with content types resolved per part."""

    def __init__(self, source: str, blob: bytes) -> None:
        self.source = source
        self.members: list[Member] = _read_members(source, blob)
        self._by_name = {m.name: m for m in self.members}
        self.content_types = self._content_types()

    def tree(self, name: str) -> etree._Element:
        """The parsed XML of member ``name``, for a caller that will edit it.

        The first caller takes the tree parsed while the package was checked; every
        later caller gets a fresh parse, so no one sees another's edits.
        """
        member = self._by_name[name]
        root, member.tree = member.tree, None
        return root if root is not None else ooxml.parse(member.data())

    def has(self, name: str) -> bool:
        """Whether the package holds a member called ``name``."""
        return name in self._by_name

    def member(self, name: str) -> Member:
        """The member called ``name``."""
        return self._by_name[name]

    def read(self, name: str) -> bytes:
        """The uncompressed bytes of member ``name``."""
        return self._by_name[name].data()

    def story_parts(self) -> list[tuple[str, str]]:
        """``(member name, kind)`` of every part that may hold template tags."""
        found: list[tuple[str, str]] = []
        for m in self.members:
            ctype = self.content_types.get(m.name, "")
            if ctype in STORY_TYPES:
                found.append((m.name, STORY_TYPES[ctype]))
            elif ctype in PROPERTY_TYPES:
                found.append((m.name, "properties"))
        return found

    def main_part(self) -> str:
        """The name of the main document part."""
        for name, kind in self.story_parts():
            if kind == "document":
                return name
        raise TemplateError(
            f"{self.source} 不是 Word 文档：找不到正文部件",
            f"{self.source} is not a Word document: no main document part",
        )

    def _content_types(self) -> dict[str, str]:
        if not self.has("[Content_Types].xml"):
            raise TemplateError(
                f"{self.source} 不是 Word 文档：缺少 [Content_Types].xml",
                f"{self.source} is not a Word document: [Content_Types].xml is missing",
            )
        root = self.tree("[Content_Types].xml")
        defaults: dict[str, str] = {}
        overrides: dict[str, str] = {}
        for el in root:
            local = str(el.tag).rsplit("}", 1)[-1]
            if local == "Default":
                defaults[el.get("Extension", "").lower()] = el.get("ContentType", "")
            elif local == "Override":
                overrides[el.get("PartName", "").lstrip("/")] = el.get("ContentType", "")
        types: dict[str, str] = {}
        for m in self.members:
            ext = PurePosixPath(m.name).suffix.lstrip(".").lower()
            types[m.name] = overrides.get(m.name, defaults.get(ext, ""))
        return types


@dataclass(frozen=True)
class Rel:
    """One relationship: its type, and its target as a member name (or URL when external)."""

    kind: str
    target: str
    external: bool

    @property
    def short(self) -> str:
        """The last segment of the type: ``image``, ``header``, ``styles``…"""
        return self.kind.rsplit("/", 1)[-1]


def read_rels(package: Package, part: str) -> dict[str, Rel]:
    """Relationships of ``part`` by id, with targets resolved to member names."""
    name = rels_name(part)
    if not package.has(name):
        return {}
    base = posixpath.dirname(part)
    found: dict[str, Rel] = {}
    for rel in ooxml.parse(package.read(name)):
        target = rel.get("Target", "")
        external = rel.get("TargetMode") == "External"
        if not external:
            joined = target.lstrip("/") if target.startswith("/") else f"{base}/{target}"
            target = posixpath.normpath(joined)
        found[rel.get("Id", "")] = Rel(rel.get("Type", ""), target, external)
    return found


def rels_name(part: str) -> str:
    """The relationships member that belongs to ``part``."""
    path = PurePosixPath(part)
    return str(path.parent / "_rels" / f"{path.name}.rels")


def _read_members(source: str, blob: bytes) -> list[Member]:
    try:
        zf = zipfile.ZipFile(io.BytesIO(blob))
        infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError) as err:
        raise CorruptPackageError(
            f"{source} 不是有效的 .docx（zip）文件", f"{source} is not a valid .docx (zip) file"
        ) from err
    _check_bounds(source, infos)
    members, problems = read_members(source, blob, infos)
    if problems:
        raise CorruptPackageError(
            f"{source} 已损坏或不安全，未读取（{len(problems)} 处问题）",
            f"{source} is damaged or unsafe and was not read ({len(problems)} problem(s))",
            problems,
        )
    return members


def _check_bounds(source: str, infos: list[zipfile.ZipInfo]) -> None:
    # The declared sizes are the global budget: every member is inflated no
    # further than its own declared size, so their sum bounds the whole read.
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if len(infos) > MAX_MEMBERS or total > MAX_TOTAL_UNCOMPRESSED or total / packed > MAX_RATIO:
        raise CorruptPackageError(
            f"{source} 解压后过大（{len(infos)} 个成员，{total} 字节），拒绝读取",
            f"{source} expands too far ({len(infos)} members, {total} bytes); refused",
        )
