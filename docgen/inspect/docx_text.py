"""The text a .docx shows on paper, in reading order: what its PDF must hold, to the character.

Only the document body counts (``word/document.xml``: paragraphs, table cells, text boxes).
Headers and footers are left out: their page numbers are fields whose printed value differs
from page to page. Left out of the body as well, because they are not printed as stored:

- text marked hidden (``w:vanish``) and deleted text (``w:del``);
- the ``mc:Fallback`` copy of content that also has an ``mc:Choice`` (shown once);
- the stored result of fields LibreOffice computes afresh (``PAGE``, ``NUMPAGES``, ``DATE`` …):
  the printed value is not the stored one. Other field results (a hyperlink's text, a
  cross-reference's words) are printed as stored and do count.

Spaces, tabs and breaks are not characters here; the comparison ignores white space.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from docgen.exceptions import InspectError

__all__ = ["COMPUTED_FIELDS", "visible_text"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_T = f"{{{_W}}}t"
_R = f"{{{_W}}}r"
_FLD_CHAR = f"{{{_W}}}fldChar"
_INSTR = f"{{{_W}}}instrText"
_FLD_SIMPLE = f"{{{_W}}}fldSimple"
_NO_BREAK_HYPHEN = f"{{{_W}}}noBreakHyphen"
_SKIPPED = {f"{{{_W}}}del", f"{{{_W}}}moveFrom", f"{{{_MC}}}Fallback"}

#: Fields whose printed value is computed when the document is laid out, not read from the file.
COMPUTED_FIELDS = frozenset(
    {
        "PAGE",
        "NUMPAGES",
        "SECTIONPAGES",
        "SECTION",
        "PAGEREF",
        "DATE",
        "TIME",
        "CREATEDATE",
        "SAVEDATE",
        "PRINTDATE",
        "EDITTIME",
        "FILENAME",
        "FILESIZE",
        "NUMWORDS",
        "NUMCHARS",
        "AUTHOR",
        "LASTSAVEDBY",
        "REVNUM",
    }
)


def visible_text(path: Path) -> str:
    """The printed characters of the body of the .docx at ``path``, in document order."""
    try:
        with zipfile.ZipFile(path) as archive:
            xml = archive.read("word/document.xml")
        root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, huge_tree=False))
    except (OSError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError) as err:
        raise InspectError(
            f"{path}：无法作为 .docx 读取正文（{err}）",
            f"{path}: cannot read the body of this .docx ({err})",
        ) from err
    return "".join(_walk(root, _FieldState()))


class _FieldState:
    """Complex fields (``fldChar`` begin/separate/end) may nest and span runs and paragraphs."""

    def __init__(self) -> None:
        # One entry per open field: [instruction text so far, whether its result is showing].
        self.stack: list[list[str | bool]] = []

    def hides_result(self) -> bool:
        return any(shown is True and _computed(str(instr)) for instr, shown in self.stack)

    def char(self, kind: str | None) -> None:
        if kind == "begin":
            self.stack.append(["", False])
        elif kind == "separate" and self.stack:
            self.stack[-1][1] = True
        elif kind == "end" and self.stack:
            self.stack.pop()

    def instruction(self, text: str) -> None:
        if self.stack and self.stack[-1][1] is False:
            self.stack[-1][0] = str(self.stack[-1][0]) + text


def _computed(instruction: str) -> bool:
    words = instruction.split()
    return bool(words) and words[0].upper() in COMPUTED_FIELDS


def _walk(node: etree._Element, fields: _FieldState) -> Iterator[str]:
    for child in node:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        if tag == _R:
            if _hidden(child):
                _follow_fields(child, fields)
                continue
            yield from _run(child, fields)
        elif tag == _FLD_SIMPLE:
            if not _computed(child.get(f"{{{_W}}}instr", "")):
                yield from _walk(child, fields)
        else:
            yield from _walk(child, fields)


def _run(run: etree._Element, fields: _FieldState) -> Iterator[str]:
    for part in run:
        tag = part.tag
        if tag == _FLD_CHAR:
            fields.char(part.get(f"{{{_W}}}fldCharType"))
        elif tag == _INSTR:
            fields.instruction(part.text or "")
        elif fields.hides_result():
            continue
        elif tag == _T:
            yield part.text or ""
        elif tag == _NO_BREAK_HYPHEN:
            yield "-"
        elif isinstance(tag, str):
            # A drawing or picture holding a text box: its paragraphs, once (no mc:Fallback).
            yield from _walk(part, fields)


def _follow_fields(run: etree._Element, fields: _FieldState) -> None:
    """A hidden run still opens and closes fields."""
    for part in run.iter(_FLD_CHAR, _INSTR):
        if part.tag == _FLD_CHAR:
            fields.char(part.get(f"{{{_W}}}fldCharType"))
        else:
            fields.instruction(part.text or "")


def _hidden(run: etree._Element) -> bool:
    vanish = run.find(f"{{{_W}}}rPr/{{{_W}}}vanish")
    if vanish is None:
        return False
    return vanish.get(f"{{{_W}}}val", "true") not in ("0", "false", "off")
