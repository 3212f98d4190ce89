"""Web hyperlinks in a template: taken out of rendered output unless the caller keeps them.

A template from a stranger may carry ``http``, ``https`` or ``mailto`` links (a tracking
address, a phishing page) that its readers would click without knowing. So by default a
render keeps each link's *text* and drops the link: the ``w:hyperlink`` element is replaced by
its runs, picture links (``a:hlinkClick``/``a:hlinkHover``) are removed, a ``HYPERLINK`` field
keeps only its displayed result, and the relationships that held the addresses are deleted.
Links inside the document (``w:anchor``, ``HYPERLINK \\l``) are not web links and stay.

The work is planned once per template (:class:`WebLinks`): relationships parts and parts
without tags are rewritten at compile time; only parts with tags that hold links are rewritten
after each render.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from lxml import etree

from docgen.engine import ooxml
from docgen.engine.package import Package, rels_name

__all__ = ["WEB", "WebLinks", "complex_fields", "hyperlink_field_target", "plan"]

#: A web or mail address: what a reader's click opens, and nothing else reads.
WEB = re.compile(r"^(https?|mailto):", re.IGNORECASE)
_WORD = re.compile(r'"([^"]*)"|(\S+)')  # a field instruction's words, quoted or bare
_SWITCH_ARGUMENT = {"\\o", "\\t"}  # HYPERLINK's switches that take a word (tooltip, frame)
_R_ID = ooxml.qn("r:id")
_LINK_TAGS = (ooxml.qn("a:hlinkClick"), ooxml.qn("a:hlinkHover"))
_HYPERLINK = ooxml.qn("w:hyperlink")
_FLDCHAR = ooxml.qn("w:fldChar")
_INSTR = ooxml.qn("w:instrText")
_FLD_TYPE = ooxml.qn("w:fldCharType")
_SIMPLE = ooxml.qn("w:fldSimple")
_RUN = ooxml.qn("w:r")
_RPR = ooxml.qn("w:rPr")


def hyperlink_field_target(instruction: str) -> str | None:
    """The address a ``HYPERLINK`` field instruction opens; ``None`` for other fields and
    for links to a bookmark in the document (``\\l``)."""
    words: list[str] = [quoted or bare for quoted, bare in _WORD.findall(instruction)]
    if not words or words[0].upper() != "HYPERLINK":
        return None
    rest = iter(words[1:])
    for word in rest:
        if word.lower() == "\\l":
            return None
        if word.lower() in _SWITCH_ARGUMENT:
            next(rest, None)  # the tooltip or frame, not the address
        elif not word.startswith("\\"):
            return word.strip()
    return None


@dataclass
class WebLinks:
    """What removing a template's web links changes: fixed bytes, and parts to redo per render."""

    fixed: dict[str, bytes] = field(default_factory=dict)
    # Parts whose rendered text holds links: part name -> relationship ids removed from it.
    per_render: dict[str, frozenset[str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.fixed or self.per_render)

    def unlink(self, name: str, xml: bytes) -> bytes:
        """The rendered part ``name`` without its web links."""
        root = ooxml.parse(xml)
        return _xml(root) if _unlink(root, self.per_render[name]) else xml


def plan(package: Package, templated: Iterable[str], current: dict[str, bytes]) -> WebLinks:
    """How to take the web links out of ``package``.

    ``templated`` names the parts that are rendered (rewritten after each render);
    ``current`` holds bytes that replace package members already (renumbered parts).
    """
    rendered = set(templated)
    found = WebLinks()
    for member in package.members:
        name = member.name
        if not name.endswith(".xml") or name.endswith(".rels"):
            continue
        rels = rels_name(name)
        removed: frozenset[str] = frozenset()
        if package.has(rels):
            root = ooxml.parse(current.get(rels) or package.read(rels))
            removed = frozenset(_drop_web_rels(root))
            if removed:
                found.fixed[rels] = _xml(root)
        data = current.get(name) or member.data()
        if not removed and b"HYPERLINK" not in data:
            continue
        if name in rendered:
            found.per_render[name] = removed
            continue
        root = ooxml.parse(data)
        if _unlink(root, removed):
            found.fixed[name] = _xml(root)
    return found


def _drop_web_rels(root: etree._Element) -> Iterable[str]:
    for rel in list(root):
        kind = str(rel.get("Type", "")).rsplit("/", 1)[-1]
        target = str(rel.get("Target", "")).strip()
        if rel.get("TargetMode") == "External" and kind == "hyperlink" and WEB.match(target):
            root.remove(rel)
            yield str(rel.get("Id"))


def _unlink(root: etree._Element, removed: frozenset[str]) -> bool:
    changed = False
    if removed:
        for link in list(root.iter(_HYPERLINK)):
            if link.get(_R_ID) in removed:
                _unwrap(link)
                changed = True
        for tag in _LINK_TAGS:
            for el in list(root.iter(tag)):
                if el.get(_R_ID) in removed:
                    el.getparent().remove(el)  # type: ignore[union-attr]
                    changed = True
    for simple in list(root.iter(_SIMPLE)):
        if _is_web(str(simple.get(ooxml.qn("w:instr"), ""))):
            _unwrap(simple)
            changed = True
    return _unlink_fields(root) or changed


def _unlink_fields(root: etree._Element) -> bool:
    """Drop the codes of complex ``HYPERLINK`` fields to web addresses; keep their results."""
    changed = False
    for code, instruction in complex_fields(root):
        if _is_web(instruction):
            for el in code:
                _remove_code(el)
            changed = True
    return changed


def complex_fields(root: etree._Element) -> list[tuple[list[etree._Element], str]]:
    """Every complex field in ``root``: its code elements and its instruction.

    The code is the ``begin``, ``instrText``, ``separate`` and ``end`` elements; what lies
    between ``separate`` and ``end`` is the field's last result, which a reader sees. Fields
    nest (a field inside another's result), and a field may span runs and paragraphs.
    """
    found: list[tuple[list[etree._Element], str]] = []
    # Each open field: its code elements so far, its instruction, whether its code has ended.
    stack: list[tuple[list[etree._Element], list[str], list[bool]]] = []
    for el in root.iter(_FLDCHAR, _INSTR):
        if el.tag == _INSTR:
            if stack and not stack[-1][2][0]:
                stack[-1][0].append(el)
                stack[-1][1].append(el.text or "")
            continue
        kind = el.get(_FLD_TYPE)
        if kind == "begin":
            stack.append(([el], [], [False]))
        elif kind == "separate" and stack:
            stack[-1][0].append(el)
            stack[-1][2][0] = True
        elif kind == "end" and stack:
            code, instruction, _ = stack.pop()
            found.append(([*code, el], "".join(instruction)))
    return found


def _is_web(instruction: str) -> bool:
    target = hyperlink_field_target(instruction)
    return target is not None and bool(WEB.match(target))


def _remove_code(el: etree._Element) -> None:
    run = el.getparent()
    run.remove(el)  # type: ignore[union-attr]
    if run is not None and run.tag == _RUN and all(child.tag == _RPR for child in run):
        run.getparent().remove(run)  # type: ignore[union-attr]


def _unwrap(el: etree._Element) -> None:
    """Put ``el``'s children where it stands, then remove it."""
    parent = el.getparent()
    assert parent is not None  # noqa: S101 - a link is never the root of a part
    index = parent.index(el)
    for offset, child in enumerate(list(el)):
        parent.insert(index + offset, child)
    parent.remove(el)  # its tail is whitespace between elements, which OOXML ignores


def _xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
