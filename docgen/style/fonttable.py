"""``word/fontTable.xml``: the Windows fonts the house style names, each with a stock alternate.

Word and WPS read the font table when a named font is not installed: ``w:altName`` is the font
they try next, and charset, family and pitch guide their own choice after that. A stock
Windows has 仿宋, 楷体, 黑体 and 宋体 but not the GB2312-era names nor 方正小标宋简体, so each of
those points at the face of the same style that ships with Windows (小标宋 at 宋体, the
nearest serif: a stock Windows has no 小标宋 at all).
"""

from __future__ import annotations

from dataclasses import dataclass

from docgen.style.house import HouseStyle
from docgen.style.wml import W_NS, XML_DECL, esc

__all__ = ["ALTERNATES", "FontEntry", "font_table_xml", "fonts_of"]


@dataclass(frozen=True)
class FontEntry:
    """One ``w:font``: its name, the stock alternate, and the hints Word substitutes by."""

    name: str
    alt: str | None
    charset: str  # "86" GB2312, "00" ANSI
    family: str  # roman (serif), swiss (sans), modern (fixed pitch, as Chinese fonts declare)
    pitch: str


#: Known fonts: the house style's Windows names and their stock Windows alternates.
ALTERNATES: dict[str, FontEntry] = {
    entry.name: entry
    for entry in (
        FontEntry("仿宋_GB2312", "仿宋", "86", "modern", "fixed"),
        FontEntry("楷体_GB2312", "楷体", "86", "modern", "fixed"),
        FontEntry("方正小标宋简体", "宋体", "86", "auto", "variable"),
        FontEntry("仿宋", "FangSong", "86", "modern", "fixed"),
        FontEntry("楷体", "KaiTi", "86", "modern", "fixed"),
        FontEntry("黑体", "SimHei", "86", "modern", "fixed"),
        FontEntry("宋体", "SimSun", "86", "auto", "variable"),
        FontEntry("Times New Roman", None, "00", "roman", "variable"),
    )
}


def fonts_of(style: HouseStyle) -> list[str]:
    """Every font name the house style writes, in first-use order, without repeats."""
    names = [
        style.body_font,
        style.title_font,
        style.subtitle_font,
        *(level.font for level in style.headings),
        style.table_header_font,
        style.page_number_font,
        style.latin_font,
    ]
    return list(dict.fromkeys(names))


def font_table_xml(style: HouseStyle) -> str:
    """The font table: the style's fonts, then the alternates they point at (so a reader that
    looks the alternate up finds its charset too)."""
    names = fonts_of(style)
    for name in list(names):
        entry = ALTERNATES.get(name)
        if entry is not None and entry.alt is not None and entry.alt in ALTERNATES:
            names.append(entry.alt)
    entries = []
    for name in dict.fromkeys(names):
        known = ALTERNATES.get(name, FontEntry(name, None, "86", "auto", "variable"))
        alt = f'<w:altName w:val="{esc(known.alt)}"/>' if known.alt else ""
        entries.append(
            f'<w:font w:name="{esc(name)}">{alt}<w:charset w:val="{known.charset}"/>'
            f'<w:family w:val="{known.family}"/><w:pitch w:val="{known.pitch}"/></w:font>'
        )
    return f'{XML_DECL}<w:fonts xmlns:w="{W_NS}">{"".join(entries)}</w:fonts>'
