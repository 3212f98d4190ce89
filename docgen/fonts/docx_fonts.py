"""Which font each character of a .docx is set in: ``{font name: characters}``.

Word chooses one of a run's font slots per character: ``eastAsia`` for Chinese characters and
full-width forms, ``ascii``/``hAnsi`` for the rest; characters of ambiguous width (curly
quotes, the em dash of page numbers, ellipsis) follow ``w:hint="eastAsia"`` when it is set. Each
slot is resolved through the usual cascade: document defaults, paragraph style chain, run style
chain, direct formatting, with theme font references looked up in the theme.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree

__all__ = ["fonts_of_characters"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
_TEXT_PARTS = ("word/document.xml", "word/header", "word/footer", "word/footnotes.xml")
_SLOTS = ("ascii", "hAnsi", "eastAsia", "hint")
_THEME_SLOTS = {"asciiTheme": "ascii", "hAnsiTheme": "hAnsi", "eastAsiaTheme": "eastAsia"}

Fonts = dict[str, str]


@dataclass
class _Styles:
    defaults: Fonts = field(default_factory=dict)
    fonts: dict[str, Fonts] = field(default_factory=dict)
    based_on: dict[str, str] = field(default_factory=dict)
    default_para: str | None = None

    def chain(self, style_id: str | None) -> Fonts:
        """The fonts a style sets, its ancestors' first (guarded against loops)."""
        chain: list[Fonts] = []
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            chain.append(self.fonts.get(style_id, {}))
            style_id = self.based_on.get(style_id)
        merged: Fonts = {}
        for fonts in reversed(chain):
            merged.update(fonts)
        return merged


def fonts_of_characters(docx: bytes) -> dict[str, set[str]]:
    """Every visible character of the document, grouped by the font name it is set in."""
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        names = package.namelist()
        theme = _theme_fonts(package, names)
        styles = _read_styles(package, names, theme)
        found: dict[str, set[str]] = defaultdict(set)
        for name in names:
            if name.startswith(_TEXT_PARTS) or name == "word/endnotes.xml":
                root = etree.fromstring(package.read(name), _PARSER)
                for fonts, text in _runs(root, styles, theme):
                    for char in text:
                        font = _slot_font(fonts, char)
                        if font:
                            found[font].add(char)
    return dict(found)


def _runs(
    root: etree._Element, styles: _Styles, theme: dict[str, str]
) -> Iterator[tuple[Fonts, str]]:
    for para in root.iter(f"{_W}p"):
        p_style = _val(para.find(f"{_W}pPr/{_W}pStyle")) or styles.default_para
        base = {**styles.defaults, **styles.chain(p_style)}
        for run in para.iter(f"{_W}r"):
            text = "".join(t.text or "" for t in run.iter(f"{_W}t"))
            if not text:
                continue
            fonts = dict(base)
            fonts.update(styles.chain(_val(run.find(f"{_W}rPr/{_W}rStyle"))))
            fonts.update(_rfonts(run.find(f"{_W}rPr/{_W}rFonts"), theme))
            yield fonts, text


def _slot_font(fonts: Fonts, char: str) -> str | None:
    if char.isspace() or unicodedata.category(char) in ("Cc", "Cf"):
        return None
    width = unicodedata.east_asian_width(char)
    if width in ("W", "F") or (width == "A" and fonts.get("hint") == "eastAsia"):
        return fonts.get("eastAsia") or fonts.get("ascii")
    slot = "ascii" if ord(char) < 0x80 else "hAnsi"
    return fonts.get(slot) or fonts.get("ascii")


def _rfonts(element: etree._Element | None, theme: dict[str, str]) -> Fonts:
    if element is None:
        return {}
    fonts: Fonts = {}
    for slot in _SLOTS:
        value = element.get(f"{_W}{slot}")
        if value:
            fonts[slot] = value
    # A theme reference wins over the explicit name, as in Word.
    for attr, slot in _THEME_SLOTS.items():
        ref = element.get(f"{_W}{attr}")
        if ref and theme.get(ref):
            fonts[slot] = theme[ref]
    return fonts


def _read_styles(package: zipfile.ZipFile, names: list[str], theme: dict[str, str]) -> _Styles:
    if "word/styles.xml" not in names:
        return _Styles()
    return _parse_styles(package.read("word/styles.xml"), tuple(sorted(theme.items())))


@lru_cache(maxsize=8)
def _parse_styles(data: bytes, theme_items: tuple[tuple[str, str], ...]) -> _Styles:
    """The styles' fonts, read once for all the documents of a batch (they share one
    ``styles.xml``, a few hundred KB for a file saved by Word). Only read, never changed."""
    theme = dict(theme_items)
    styles = _Styles()
    root = etree.fromstring(data, _PARSER)
    styles.defaults = _rfonts(
        root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}rFonts"), theme
    )
    for style in root.iter(f"{_W}style"):
        style_id = style.get(f"{_W}styleId")
        if not style_id:
            continue
        styles.fonts[style_id] = _rfonts(style.find(f"{_W}rPr/{_W}rFonts"), theme)
        parent = _val(style.find(f"{_W}basedOn"))
        if parent:
            styles.based_on[style_id] = parent
        is_default = style.get(f"{_W}default") in ("1", "true")
        if is_default and style.get(f"{_W}type") == "paragraph":
            styles.default_para = style_id
    return styles


def _theme_fonts(package: zipfile.ZipFile, names: list[str]) -> dict[str, str]:
    """``minorEastAsia`` → the theme's simplified-Chinese font, and the like."""
    theme: dict[str, str] = {}
    if "word/theme/theme1.xml" not in names:
        return theme
    root = etree.fromstring(package.read("word/theme/theme1.xml"), _PARSER)
    for kind in ("major", "minor"):
        scheme = root.find(f".//{_A}{kind}Font")
        if scheme is None:
            continue
        hans = scheme.find(f"{_A}font[@script='Hans']")
        east = scheme.find(f"{_A}ea")
        latin = scheme.find(f"{_A}latin")
        theme[f"{kind}EastAsia"] = _typeface(hans) or _typeface(east)
        theme[f"{kind}HAnsi"] = theme[f"{kind}Ascii"] = _typeface(latin)
    return theme


def _typeface(element: etree._Element | None) -> str:
    return "" if element is None else element.get("typeface", "")


def _val(element: etree._Element | None) -> str | None:
    return None if element is None else element.get(f"{_W}val")
