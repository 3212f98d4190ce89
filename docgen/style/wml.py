"""WordprocessingML snippets: runs, paragraphs and properties as strings, in schema order.

The builder writes small, fixed documents, so strings are the simplest exact
tool; every piece of text goes through :func:`esc`. Element order inside
``w:pPr`` and ``w:rPr`` follows the schema, which Word enforces.
"""

from __future__ import annotations

from dataclasses import dataclass

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def esc(text: str) -> str:
    """Escape text for element content and double-quoted attributes."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


@dataclass(frozen=True)
class Font:
    """Run fonts: the East Asian slot and the Latin one (also used for digits)."""

    east_asia: str
    latin: str = "Times New Roman"

    def xml(self) -> str:
        """``w:rFonts`` with every slot set and the East Asian hint."""
        e, lat = esc(self.east_asia), esc(self.latin)
        return (
            f'<w:rFonts w:ascii="{lat}" w:hAnsi="{lat}" w:eastAsia="{e}" w:cs="{lat}" '
            'w:hint="eastAsia"/>'
        )


LANG = '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'


def rpr(
    font: Font,
    *,
    style: str | None = None,
    bold: bool = False,
    size_half_points: int | None = None,
    underline: bool = False,
    color: str | None = None,
) -> str:
    """Run properties; the font and ``zh-CN`` tag are always present."""
    parts = [f'<w:rStyle w:val="{esc(style)}"/>' if style else "", font.xml()]
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if color:
        parts.append(f'<w:color w:val="{esc(color)}"/>')
    if size_half_points is not None:
        parts.append(f'<w:sz w:val="{size_half_points}"/><w:szCs w:val="{size_half_points}"/>')
    if underline:
        parts.append('<w:u w:val="single"/>')
    parts.append(LANG)
    return "<w:rPr>" + "".join(parts) + "</w:rPr>"


def run(text: str, props: str) -> str:
    """One run; ``text`` may hold Jinja tags, which are escaped like any text."""
    return f'<w:r>{props}<w:t xml:space="preserve">{esc(text)}</w:t></w:r>'


@dataclass(frozen=True)
class ParaProps:
    """Direct paragraph formatting over a style (most paragraphs need none)."""

    align: str | None = None
    indent_left_chars: int | None = None
    indent_right_chars: int | None = None
    first_line_chars: int | None = None
    keep_next: bool = False
    page_break_before: bool = False
    #: The font size the character counts refer to; sets the twip fallbacks that
    #: readers without ``w:*Chars`` support (older LibreOffice) use.
    char_pt: float = 16


def ppr(style: str, props: ParaProps | None = None, extra: str = "") -> str:
    """Paragraph properties in schema order; ``extra`` is a trailing ``w:sectPr``."""
    p = props or ParaProps()
    parts = [f'<w:pStyle w:val="{esc(style)}"/>']
    if p.keep_next:
        parts.append("<w:keepNext/>")
    if p.page_break_before:
        parts.append("<w:pageBreakBefore/>")
    ind = _ind(p)
    if ind:
        parts.append(ind)
    if p.align:
        parts.append(f'<w:jc w:val="{p.align}"/>')
    parts.append(extra)
    return "<w:pPr>" + "".join(parts) + "</w:pPr>"


def _ind(p: ParaProps) -> str:
    attrs = []
    for name, chars in (
        ("left", p.indent_left_chars),
        ("right", p.indent_right_chars),
        ("firstLine", p.first_line_chars),
    ):
        if chars is not None:
            twips = round(chars * p.char_pt * 20)
            attrs.append(f'w:{name}Chars="{chars * 100}" w:{name}="{twips}"')
    return f"<w:ind {' '.join(attrs)}/>" if attrs else ""


def paragraph(props: str, runs: str = "") -> str:
    """A paragraph from its ``w:pPr`` and runs."""
    return f"<w:p>{props}{runs}</w:p>"


def control(tag: str, style: str) -> str:
    """A paragraph holding only a ``{%p … %}`` (or ``{%tr … %}``) tag (removed when rendered)."""
    return paragraph(ppr(style), run(tag, ""))


__all__ = [
    "LANG",
    "R_NS",
    "W_NS",
    "XML_DECL",
    "Font",
    "ParaProps",
    "control",
    "esc",
    "paragraph",
    "ppr",
    "rpr",
    "run",
]
