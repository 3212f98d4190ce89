"""Make pandoc see the headings of a Chinese .docx.

pandoc's docx reader knows a heading only by its style's name, ``heading N``. Documents made in
a Chinese Word or WPS name them 标题 1, or use house styles (一级标题 …) whose outline level
(``w:outlineLvl``) is what makes them headings in Word's navigation pane, or set the outline
level on the paragraph itself. This pre-pass gives every such paragraph a style named
``heading N`` (an existing one when the document has it), so the levels survive into HTML and
Markdown. Nothing else in the package changes.
"""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

__all__ = ["heading_levels", "mark_headings"]

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{_W_NS}}}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_BODY_TEXT = 9  # w:outlineLvl 9 means "body text", not a heading


class _StyleTable:
    def __init__(self, root: etree._Element) -> None:
        self.root = root
        self.names: dict[str, str] = {}
        self.based_on: dict[str, str] = {}
        self.outline: dict[str, int] = {}
        for style in root.iter(f"{_W}style"):
            if style.get(f"{_W}type") != "paragraph" or not style.get(f"{_W}styleId"):
                continue
            sid = style.get(f"{_W}styleId", "")
            self.names[sid] = _val(style.find(f"{_W}name")) or sid
            parent = _val(style.find(f"{_W}basedOn"))
            if parent:
                self.based_on[sid] = parent
            level = _val(style.find(f"{_W}pPr/{_W}outlineLvl"))
            if level is not None and level.isdigit():
                self.outline[sid] = int(level)

    def level(self, sid: str | None) -> int | None:
        """Heading level 1-9 of a style: its name, else its (inherited) outline level."""
        seen: set[str] = set()
        while sid and sid not in seen:
            seen.add(sid)
            match = _NAME.match(self.names.get(sid, "").strip())
            if match:
                return int(match.group(1))
            if sid in self.outline:
                lvl = self.outline[sid]
                return None if lvl >= _BODY_TEXT else lvl + 1
            sid = self.based_on.get(sid)
        return None

    def heading_style(self, level: int) -> str:
        """The id of a style named ``heading N``, added when the document has none."""
        for sid, name in self.names.items():
            if name.strip().lower() == f"heading {level}":
                return sid
        sid = f"DocgenHeading{level}"
        style = etree.SubElement(self.root, f"{_W}style")
        style.set(f"{_W}type", "paragraph")
        style.set(f"{_W}customStyle", "1")
        style.set(f"{_W}styleId", sid)
        etree.SubElement(style, f"{_W}name").set(f"{_W}val", f"heading {level}")
        self.names[sid] = f"heading {level}"
        return sid


def heading_levels(docx: bytes) -> list[tuple[int, str]]:
    """``(level, text)`` of every heading paragraph of the body, as this module sees them."""
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        table = _styles(package)
        body = etree.fromstring(package.read("word/document.xml"), _PARSER)
    found = []
    for para in body.iter(f"{_W}p"):
        level = _paragraph_level(para, table)
        if level is not None:
            found.append((level, "".join(t.text or "" for t in para.iter(f"{_W}t"))))
    return found


def mark_headings(docx: bytes) -> bytes:
    """A copy of ``docx`` where every heading paragraph uses a style named ``heading N``."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    with source:
        table = _styles(source)
        body = etree.fromstring(source.read("word/document.xml"), _PARSER)
        for para in body.iter(f"{_W}p"):
            level = _paragraph_level(para, table)
            if level is not None:
                _set_style(para, table.heading_style(level))
        replaced = {
            "word/document.xml": etree.tostring(body, xml_declaration=True, encoding="UTF-8"),
            "word/styles.xml": etree.tostring(table.root, xml_declaration=True, encoding="UTF-8"),
        }
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                data = replaced.get(info.filename)
                target.writestr(info, data if data is not None else source.read(info))
            if "word/styles.xml" not in source.namelist():
                target.writestr("word/styles.xml", replaced["word/styles.xml"])
    return out.getvalue()


def _styles(package: zipfile.ZipFile) -> _StyleTable:
    if "word/styles.xml" in package.namelist():
        return _StyleTable(etree.fromstring(package.read("word/styles.xml"), _PARSER))
    return _StyleTable(etree.Element(f"{_W}styles", nsmap={"w": _W_NS}))


def _paragraph_level(para: etree._Element, table: _StyleTable) -> int | None:
    direct = _val(para.find(f"{_W}pPr/{_W}outlineLvl"))
    if direct is not None and direct.isdigit():
        return None if int(direct) >= _BODY_TEXT else int(direct) + 1
    return table.level(_val(para.find(f"{_W}pPr/{_W}pStyle")))


def _set_style(para: etree._Element, style_id: str) -> None:
    ppr = para.find(f"{_W}pPr")
    if ppr is None:
        ppr = etree.Element(f"{_W}pPr")
        para.insert(0, ppr)
    pstyle = ppr.find(f"{_W}pStyle")
    if pstyle is None:
        pstyle = etree.Element(f"{_W}pStyle")
        ppr.insert(0, pstyle)  # pStyle comes first in pPr
    pstyle.set(f"{_W}val", style_id)


def _val(element: etree._Element | None) -> str | None:
    return None if element is None else element.get(f"{_W}val")
