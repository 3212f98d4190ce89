"""One input document, read once: its package, main part, relationships and side parts."""

from __future__ import annotations

import hashlib
from functools import cached_property

from lxml import etree

from docgen.engine import ooxml
from docgen.engine.package import Package, read_rels
from docgen.exceptions import BundleError, DocgenError

RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


class Source:
    """A document to merge; parsed parts are cached because most are read once."""

    def __init__(self, blob: bytes, label: str) -> None:
        self.label = label
        try:
            self.package = Package(label, blob)
            self.main = self.package.main_part()
        except DocgenError as err:
            raise BundleError(
                f"合并部分「{label}」不是有效的 Word 文档：{err.message_zh}",
                f"merge part '{label}' is not a valid Word document: {err.message_en}",
            ) from err
        self.rels = read_rels(self.package, self.main)

    @cached_property
    def document(self) -> etree._Element:
        """The main part's tree."""
        return self.parse(self.main)

    def parse(self, name: str) -> etree._Element:
        """Parse member ``name``, naming the part and member when it is broken."""
        try:
            return ooxml.parse(self.package.read(name))
        except etree.XMLSyntaxError as err:
            raise BundleError(
                f"合并部分「{self.label}」的 {name} 无法解析：{err}",
                f"merge part '{self.label}': {name} does not parse: {err}",
            ) from err

    def side_part(self, kind: str) -> str | None:
        """The member the main part relates to as ``kind`` (``styles``, ``numbering``…)."""
        for rel in self.rels.values():
            if rel.short == kind and not rel.external and self.package.has(rel.target):
                return rel.target
        return None

    def side_bytes(self, kind: str) -> bytes | None:
        """Bytes of the ``kind`` side part, or ``None`` when the document has none."""
        name = self.side_part(kind)
        return self.package.read(name) if name is not None else None

    def digest(self, kind: str) -> str:
        """A hash of the ``kind`` side part: equal parts are merged once, not per document."""
        blob = self.side_bytes(kind)
        return hashlib.sha1(blob or b"", usedforsecurity=False).hexdigest()
