"""References from a .docx to anything outside it: found, reported, refused or removed.

A Word package can point outside itself in several ways, and LibreOffice
follows most of them when it opens or converts the file: a picture linked
(``r:link``, ``TargetMode="External"``) to ``file:///…`` or ``http://…`` is read
from the disk or fetched and embedded in the PDF; ``INCLUDEPICTURE`` and
``INCLUDETEXT`` fields do the same; a ``subDocument`` pulls another file in; a
``file:`` hyperlink points into the reader's disk. Templates and documents from
strangers must not reach any of these, so:

* every external relationship and every including field is a *reference*;
* web hyperlinks (``http``, ``https``, ``mailto``), as relationships or ``HYPERLINK``
  fields, are only followed when the reader clicks them: they are warnings, and rendering
  takes the link out and keeps its text unless the caller keeps web links
  (:mod:`docgen.engine.weblinks`);
* ``attachedTemplate`` (the Word template a document was made from, usually a
  path on its author's disk) is removed from rendered output;
* everything else is an error: ``docgen check`` reports it, ``render`` and
  ``convert`` refuse the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from docgen.engine import ooxml, zipout
from docgen.engine.package import Package
from docgen.engine.weblinks import WEB as _WEB
from docgen.engine.weblinks import complex_fields, hyperlink_field_target
from docgen.exceptions import Location, Problem

#: Field instructions that read another file or program (Word's field reference); a
#: field's name comes first in its instruction.
_INCLUDING_FIELDS = re.compile(
    r"(?:^|[\s{])(INCLUDEPICTURE|INCLUDETEXT|INCLUDE|LINK|DDEAUTO|DDE|IMPORT)\b", re.IGNORECASE
)
_SETTINGS = "word/settings.xml"


@dataclass(frozen=True)
class Reference:
    """One way the package reaches outside itself."""

    part: str
    kind: str
    target: str
    rel_id: str | None = None

    @property
    def web_link(self) -> bool:
        """A clickable web or mail hyperlink, which no reader follows on its own."""
        return self.kind == "hyperlink" and bool(_WEB.match(self.target.strip()))

    @property
    def removable(self) -> bool:
        """Removed from rendered output instead of refused (the attached Word template)."""
        return self.kind == "attachedTemplate"

    def problem(self, source: str) -> Problem:
        """This reference as a check problem: a warning when render keeps or removes it."""
        where = Location(file=source, part=self.part)
        if self.web_link:
            return Problem(
                "external_hyperlink",
                f"网页链接 {self.target}：生成时默认去掉链接、保留文字；确认可信并需要保留时，"
                "请加 --keep-web-links（或 keep_web_links=True）",
                f"web hyperlink {self.target}: render removes the link and keeps its text by "
                "default; if it is trustworthy and must stay, add --keep-web-links "
                "(or keep_web_links=True)",
                where,
                severity="warning",
            )
        if self.removable:
            return Problem(
                "attached_template",
                f"文档附加了外部模板 {self.target}，生成时会去掉",
                f"the document is attached to the outside template {self.target}; "
                "render removes it",
                where,
                severity="warning",
            )
        return Problem(
            "external_reference",
            f"引用了文档以外的内容（{self.kind}：{self.target}），打开或转换时会读取本机文件或网络；"
            "请改为嵌入图片或删除该引用",
            f"refers to something outside the document ({self.kind}: {self.target}), which "
            "readers fetch from the disk or network; embed the picture or remove the reference",
            where,
        )


def find_references(package: Package, trees: dict[str, etree._Element] | None = None) -> list[
    Reference
]:  # fmt: skip
    """Every external relationship and every including field in ``package``.

    ``trees`` may hold parts already parsed (relationships parts, story parts);
    the others are parsed here.
    """
    found: list[Reference] = []
    parsed = trees or {}
    for member in package.members:
        name = member.name
        if name.endswith(".rels"):
            root = parsed.get(name)
            found.extend(_external_rels(name, root if root is not None else _parse(package, name)))
        elif name.endswith(".xml") and name.startswith("word/"):
            blob = member.data()
            if b"instr" in blob:
                root = parsed.get(name)
                found.extend(_fields(name, root if root is not None else ooxml.parse(blob)))
    return found


def _parse(package: Package, name: str) -> etree._Element:
    return ooxml.parse(package.read(name))


def _external_rels(name: str, root: etree._Element) -> Iterable[Reference]:
    # Reported at the part the relationships belong to: word/_rels/document.xml.rels → body.
    folder, _, base = name.rpartition("/_rels/")
    owner = f"{folder}/{base.removesuffix('.rels')}" if folder else base.removesuffix(".rels")
    for rel in root:
        kind = str(rel.get("Type", "")).rsplit("/", 1)[-1]
        if rel.get("TargetMode") == "External":
            yield Reference(owner, kind, str(rel.get("Target", "")), rel.get("Id"))
        elif kind == "aFChunk":
            # An embedded HTML/RTF chunk: its own links are read when it is imported.
            yield Reference(owner, "altChunk", str(rel.get("Target", "")), rel.get("Id"))


def _fields(name: str, root: etree._Element) -> Iterable[Reference]:
    for text in _instructions(root):
        reference = _field_reference(name, text)
        if reference is not None:
            yield reference


def _instructions(root: etree._Element) -> list[str]:
    instructions = [instruction for _code, instruction in complex_fields(root)]
    instructions += [
        str(f.get(ooxml.qn("w:instr"), "")) for f in root.iter(ooxml.qn("w:fldSimple"))
    ]
    return instructions


def _field_reference(part: str, text: str) -> Reference | None:
    """The reference a field instruction makes: an including field, or a HYPERLINK's address."""
    match = _INCLUDING_FIELDS.search(text)
    if match:
        return Reference(part, f"{match.group(1).upper()} 域", text.strip()[:120])
    target = hyperlink_field_target(text)
    if target:
        return Reference(part, "hyperlink", target[:120])
    return None


def _reaching_field(text: str) -> bool:
    """A field the convert preflight empties: it includes something or links to a non-web place."""
    reference = _field_reference("", text)
    return reference is not None and not reference.web_link


def without_attached_template(package: Package, refs: list[Reference]) -> dict[str, bytes]:
    """Replacement bytes for ``settings.xml`` and its relationships, attached template removed."""
    ids = {r.rel_id for r in refs if r.removable}
    if not ids or not package.has(_SETTINGS):
        return {}
    settings = ooxml.parse(package.read(_SETTINGS))
    for el in list(settings.iter(ooxml.qn("w:attachedTemplate"))):
        el.getparent().remove(el)  # type: ignore[union-attr]
    rels_name = "word/_rels/settings.xml.rels"
    rels = ooxml.parse(package.read(rels_name))
    for rel in list(rels):
        if rel.get("Id") in ids:
            rels.remove(rel)
    return {_SETTINGS: _xml(settings), rels_name: _xml(rels)}


def neutralised(package: Package) -> tuple[bytes, list[Reference]]:
    """A copy of ``package`` that reaches nothing outside itself, and what was removed.

    For converting documents from strangers: every external relationship other
    than a web hyperlink is dropped (a linked picture shows as nothing), and the
    instruction of every including field is emptied (its last result stays).
    """
    refs = [r for r in find_references(package) if not r.web_link]
    if not refs:
        return b"", []
    changed: dict[str, bytes] = {}
    for member in package.members:
        name = member.name
        if name.endswith(".rels"):
            root = ooxml.parse(member.data())
            drop = [r for r in root if _reaches_out(r)]
            for rel in drop:
                root.remove(rel)
            if drop:
                changed[name] = _xml(root)
        elif name.endswith(".xml") and name.startswith("word/") and b"instr" in member.data():
            root = ooxml.parse(member.data())
            if _empty_fields(root):
                changed[name] = _xml(root)
    entries = [
        zipout.deflated_entry(m.name, changed[m.name])
        if m.name in changed
        else zipout.copied_entry(m.info, m.raw)
        for m in package.members
    ]
    return zipout.write_zip(entries), refs


def _reaches_out(rel: etree._Element) -> bool:
    kind = str(rel.get("Type", "")).rsplit("/", 1)[-1]
    if kind == "aFChunk":
        return True
    if rel.get("TargetMode") != "External":
        return False
    return not (kind == "hyperlink" and _WEB.match(str(rel.get("Target", "")).strip()))


def _empty_fields(root: etree._Element) -> bool:
    emptied = False
    for code, instruction in complex_fields(root):
        if _reaching_field(instruction):
            for el in code:
                if el.tag == ooxml.qn("w:instrText"):
                    el.text = ""
            emptied = True
    for simple in root.iter(ooxml.qn("w:fldSimple")):
        if _reaching_field(str(simple.get(ooxml.qn("w:instr"), ""))):
            simple.set(ooxml.qn("w:instr"), "")
            emptied = True
    return emptied


def _xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


__all__ = ["Reference", "find_references", "neutralised", "without_attached_template"]
