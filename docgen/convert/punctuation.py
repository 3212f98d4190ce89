"""The copy of a .docx LibreOffice reads: line-end punctuation is kept in the line, never lost.

LibreOffice 7.4 reads ``w:overflowPunct`` inverted (writerfilter sets IsHangingPunctuation to
``value == 0``), and a "，" "、" "。" it hangs past the right edge of a justified line is neither
drawn nor in the PDF's text (issue 9 §1). Written as 1 it does not hang: the mark moves to
the next line with the character before it. The house style writes it so in its paragraph
defaults; any other .docx (a user's own template, a file from Word) is converted from a copy
that says so too, every explicit ``overflowPunct`` included. The user's file is not touched:
in Word the setting only decides whether a mark may hang, which loses nothing there.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

from docgen.convert.styles import drop_unused_styles
from docgen.engine import ooxml

__all__ = ["for_office", "keeps_punctuation"]

_DOCX_SUFFIXES = {".docx", ".docm", ".dotx", ".dotm"}
_STYLES = "word/styles.xml"
_EXPLICIT = re.compile(rb"<w:overflowPunct\b[^>]*/>")
_ON = b'<w:overflowPunct w:val="1"/>'


def keeps_punctuation(styles_xml: bytes, parts: dict[str, bytes]) -> bool:
    """Whether LibreOffice lays the package out without hanging marks already."""
    return _keeps(ooxml.parse(styles_xml), parts)


def for_office(source: Path, folder: Path) -> Path:
    """``source`` itself when LibreOffice keeps its punctuation, else a fixed copy in ``folder``.

    The copy has the same name (LibreOffice names the PDF after it) and holds only the
    styles the document uses (:mod:`docgen.convert.styles`); it is stored, not compressed
    (a file for LibreOffice to read at once, removed afterwards). A file that is not a
    readable .docx is returned as it is: LibreOffice reports what is wrong with it.
    """
    if source.suffix.lower() not in _DOCX_SUFFIXES:
        return source
    try:
        with zipfile.ZipFile(source) as archive:
            names = archive.namelist()
            if _STYLES not in names:
                return source
            styles_xml = archive.read(_STYLES)
            parts = {n: archive.read(n) for n in names if _is_story(n)}
            root = ooxml.parse(styles_xml)  # parsed once for both fixes
            fixed: dict[str, bytes] = {}
            changed = False
            if not _keeps(root, parts):
                _fix_styles(root)
                changed = True
                fixed.update(
                    {n: _EXPLICIT.sub(_ON, d) for n, d in parts.items() if b"overflow" in d}
                )
            changed = drop_unused_styles(root, len(styles_xml), parts) or changed
            if not changed:
                return source
            fixed[_STYLES] = etree.tostring(
                root, xml_declaration=True, encoding="UTF-8", standalone=True
            )
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / source.name
            with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as out:
                for info in archive.infolist():
                    data = fixed.get(info.filename) or archive.read(info.filename)
                    out.writestr(info, data, compress_type=zipfile.ZIP_STORED)
    except (OSError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return source
    return target


def _is_story(name: str) -> bool:
    return name.startswith("word/") and name.endswith(".xml") and name != _STYLES


def _keeps(root: etree._Element, parts: dict[str, bytes]) -> bool:
    if not _default_on(root):
        return False
    return all(m.group(0) == _ON for data in parts.values() for m in _EXPLICIT.finditer(data))


def _default_on(root: etree._Element) -> bool:
    found = root.find("w:docDefaults/w:pPrDefault/w:pPr/w:overflowPunct", ooxml.NSMAP)
    if found is None or found.get(ooxml.qn("w:val"), "1") not in ("1", "true", "on"):
        return False
    return all(
        el.get(ooxml.qn("w:val"), "1") in ("1", "true", "on")
        for el in root.iter(ooxml.qn("w:overflowPunct"))
    )


def _fix_styles(root: etree._Element) -> None:
    """overflowPunct=1 in the paragraph defaults and in every style of ``styles.xml``."""
    defaults = ooxml.ensure_child(root, "docDefaults", ["docDefaults", "latentStyles", "style"])
    ppr_default = ooxml.ensure_child(defaults, "pPrDefault", ["rPrDefault", "pPrDefault"])
    ppr = ooxml.ensure_child(ppr_default, "pPr", ["pPr"])
    ooxml.ensure_child(ppr, "overflowPunct", ooxml.PPR_ORDER)
    for el in root.iter(ooxml.qn("w:overflowPunct")):
        el.set(ooxml.qn("w:val"), "1")
