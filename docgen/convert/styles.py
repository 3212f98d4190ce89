"""The copy LibreOffice reads keeps only the styles the document uses.

A file saved by Word (or built on python-docx's default package) carries a
``styles.xml`` of a few hundred KB: 150-odd style definitions, most of them table
styles with conditional formats, that no paragraph, run or table refers to.
LibreOffice imports every one of them on each load, which was about a third of the
time it spent on the 30-row benchmark document. A style no part refers to prints
nothing, so the copy handed to LibreOffice leaves those out; the user's file is not
touched. Kept: every style a part names (paragraph, run, table, numbering links),
the defaults of each type, and whatever those are based on or linked to. A document
whose fields name styles by their name (``STYLEREF``, a ``TOC`` built from styles) is
left whole, and so is a small ``styles.xml``, where there is nothing to win.
"""

from __future__ import annotations

import re

from lxml import etree

from docgen.engine import ooxml

__all__ = ["SLIM_FROM", "drop_unused_styles"]

#: ``styles.xml`` below this size is left as it is (a house-style file is ~15 KB).
SLIM_FROM = 64 * 1024

#: References to a style by id from outside ``styles.xml``.
_REFERENCE = re.compile(
    rb"<w:(?:pStyle|rStyle|tblStyle|numStyleLink|styleLink)\b[^>]*\bw:val=\"([^\"]*)\""
)
_REFERENCE_TAGS = tuple(
    ooxml.qn(f"w:{tag}") for tag in ("pStyle", "rStyle", "tblStyle", "numStyleLink", "styleLink")
)
#: Fields that look styles up by name when laid out: such a document keeps all of them.
_BY_NAME = re.compile(rb"(?:<w:instrText\b[^>]*>[^<]*|\bw:instr=\"[^\"]*)\b(?:STYLEREF|TOC)\b")
#: Parts that define styles rather than use them (Word 2010's copy of the styles).
_OTHER_STYLES = ("styles.xml", "stylesWithEffects.xml")
#: Inside a style: what it is based on, linked to, or lists in its own properties.
_INHERITED = ("basedOn", "link")


def drop_unused_styles(root: etree._Element, size: int, parts: dict[str, bytes]) -> bool:
    """Remove from the ``styles.xml`` tree ``root`` (``size`` bytes as read) the styles no
    part of ``parts`` uses; ``False`` when it is left whole.

    ``parts`` are the package's other XML parts (document, headers, footers, notes,
    numbering…).
    """
    parts = {name: data for name, data in parts.items() if not name.endswith(_OTHER_STYLES)}
    if size < SLIM_FROM or any(_BY_NAME.search(data) for data in parts.values()):
        return False
    styles = {
        style.get(ooxml.qn("w:styleId")): style for style in root.iterfind("w:style", ooxml.NSMAP)
    }
    wanted = [m.decode("utf-8") for data in parts.values() for m in _REFERENCE.findall(data)]
    wanted += [
        sid for sid, style in styles.items() if style.get(ooxml.qn("w:default")) in ("1", "true")
    ]
    kept: set[str] = set()
    while wanted:
        sid = wanted.pop()
        style = styles.get(sid)
        if style is None or sid in kept:
            continue
        kept.add(sid)
        for tag in _INHERITED:
            found = style.find(f"w:{tag}", ooxml.NSMAP)
            if found is not None:
                wanted.append(found.get(ooxml.qn("w:val"), ""))
        # A style's own properties may name another (a paragraph style's run style).
        wanted += [_val(ref) for ref in style.iter(*_REFERENCE_TAGS)]
    unused = [style for sid, style in styles.items() if sid not in kept]
    for style in unused:
        root.remove(style)
    return bool(unused)


def _val(element: etree._Element) -> str:
    return element.get(ooxml.qn("w:val"), "")
