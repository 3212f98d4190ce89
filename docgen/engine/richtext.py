"""Rich values for templates: styled runs, whole paragraphs, multi-line listings.

The call signatures follow docxtpl's ``RichText``/``RichTextParagraph``/``Listing``
so code written for docxtpl keeps working, with two differences made for
Chinese documents: ``font="仿宋_GB2312"`` sets the East Asian slot too (docxtpl
leaves Chinese text in the theme font), and ``font="eastAsia:楷体_GB2312"`` sets
*only* the East Asian slot, so Latin text can keep Times New Roman.
"""

from __future__ import annotations

import re

from markupsafe import escape

from docgen.exceptions import InvalidCharacterError

# The value writer swaps this for "close paragraph, open paragraph" at the tag.
PARAGRAPH_BREAK = "\x07"
_INVALID = re.compile("[\x00-\x06\x08\x0b\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_UNDERLINES = {"single", "double", "thick", "dotted", "dash", "dotDash", "dotDotDash", "wave"}
_T_OPEN = '<w:t xml:space="preserve">'


def text_to_runs_xml(text: str, rpr: str) -> str:
    """Runs for ``text`` with ``\\n`` as line breaks, ``\\t`` tabs, ``\\f`` page breaks."""
    body = str(escape(text)).replace("\r\n", "\n").replace("\r", "\n")
    body = (
        body.replace("\n", "</w:t><w:br/>" + _T_OPEN)
        .replace("\t", "</w:t><w:tab/>" + _T_OPEN)
        .replace("\f", '</w:t><w:br w:type="page"/>' + _T_OPEN)
        .replace("\a", f"</w:t></w:r>{PARAGRAPH_BREAK}<w:r>{rpr}{_T_OPEN}")
    )
    return f"<w:r>{rpr}{_T_OPEN}{body}</w:t></w:r>"


def check_text(text: str) -> None:
    """Refuse characters XML 1.0 cannot hold, naming the first one."""
    bad = _INVALID.search(text)
    if bad is not None:
        code = ord(bad.group())
        raise InvalidCharacterError(
            f"富文本含有 XML 不允许的字符 U+{code:04X}（第 {bad.start() + 1} 个字符）",
            f"rich text holds U+{code:04X}, which XML cannot represent "
            f"(character {bad.start() + 1})",
        )


class RichText:
    """Styled runs to insert with ``{{r value }}`` (or inline with ``{{ value }}``)."""

    docgen_kind = "run"

    def __init__(self, text: object = None, **props: object) -> None:
        self.xml = ""
        # Hyperlink relationship ids written so far: the render checks each exists.
        self.url_ids: list[str] = []
        if text is not None and text != "":
            self.add(text, **props)  # type: ignore[arg-type]

    def add(
        self,
        text: object,
        style: str | None = None,
        color: str | None = None,
        highlight: str | None = None,
        size: int | None = None,
        subscript: bool | None = None,
        superscript: bool | None = None,
        bold: bool = False,
        italic: bool = False,
        underline: bool | str = False,
        strike: bool = False,
        font: str | None = None,
        url_id: str | None = None,
        rtl: bool = False,
        lang: str | None = None,
    ) -> RichText:
        """Append ``text`` with the given formatting; returns ``self`` for chaining."""
        if isinstance(text, RichText):
            self.xml += text.xml
            self.url_ids.extend(text.url_ids)
            return self
        value = text.decode("utf-8") if isinstance(text, bytes) else str(text)
        check_text(value)
        props = _run_props(
            style,
            color,
            highlight,
            size,
            subscript,
            superscript,
            bold,
            italic,
            underline,
            strike,
            font,
            rtl,
            lang,
        )
        xml = text_to_runs_xml(value, f"<w:rPr>{props}</w:rPr>" if props else "")
        if url_id:
            self.url_ids.append(url_id)
            xml = f'<w:hyperlink r:id="{escape(url_id)}" w:tgtFrame="_blank">{xml}</w:hyperlink>'
        self.xml += xml
        return self

    def add_line_break(self) -> RichText:
        """Append a line break."""
        self.xml += "<w:r><w:br/></w:r>"
        return self

    def add_page_break(self) -> RichText:
        """Append a page break."""
        self.xml += '<w:r><w:br w:type="page"/></w:r>'
        return self

    def __html__(self) -> str:
        return self.xml

    def __str__(self) -> str:
        return self.xml


def _run_props(
    style: str | None,
    color: str | None,
    highlight: str | None,
    size: int | None,
    subscript: bool | None,
    superscript: bool | None,
    bold: bool,
    italic: bool,
    underline: bool | str,
    strike: bool,
    font: str | None,
    rtl: bool,
    lang: str | None,
) -> str:
    out: list[str] = []
    if style:
        out.append(f'<w:rStyle w:val="{escape(style)}"/>')
    if font:
        out.append(_fonts(font))
    if bold:
        out.append("<w:b/><w:bCs/>")
    if italic:
        out.append("<w:i/><w:iCs/>")
    if strike:
        out.append("<w:strike/>")
    if color:
        out.append(f'<w:color w:val="{escape(color.lstrip("#"))}"/>')
    if size:
        out.append(f'<w:sz w:val="{int(size)}"/><w:szCs w:val="{int(size)}"/>')
    if highlight:
        out.append(
            f'<w:shd w:val="clear" w:color="auto" w:fill="{escape(highlight.lstrip("#"))}"/>'
        )
    if underline:
        kind = underline if isinstance(underline, str) and underline in _UNDERLINES else "single"
        out.append(f'<w:u w:val="{kind}"/>')
    if subscript or superscript:
        out.append(f'<w:vertAlign w:val="{"subscript" if subscript else "superscript"}"/>')
    if rtl:
        out.append('<w:rtl w:val="true"/>')
    if lang:
        out.append(f'<w:lang w:val="{escape(lang)}"/>')
    return "".join(out)


def _fonts(font: str) -> str:
    region, sep, name = font.partition(":")
    if sep and region in ("eastAsia", "ascii", "hAnsi", "cs"):
        hint = ' w:hint="eastAsia"' if region == "eastAsia" else ""
        return f'<w:rFonts w:{region}="{escape(name)}"{hint}/>'
    safe = escape(font)
    return f'<w:rFonts w:ascii="{safe}" w:hAnsi="{safe}" w:eastAsia="{safe}" w:cs="{safe}"/>'


class RichTextParagraph:
    """Whole paragraphs to insert with ``{{p value }}``."""

    docgen_kind = "para"

    def __init__(self, text: object = None, parastyle: str | None = None) -> None:
        self.xml = ""
        self.url_ids: list[str] = []
        if text is not None and text != "":
            self.add(text, parastyle)

    def add(self, text: object, parastyle: str | None = None) -> RichTextParagraph:
        """Append one paragraph holding ``text`` (a string or :class:`RichText`)."""
        rich = text if isinstance(text, RichText) else RichText(text)
        self.url_ids.extend(rich.url_ids)
        props = f'<w:pPr><w:pStyle w:val="{escape(parastyle)}"/></w:pPr>' if parastyle else ""
        body = rich.xml.replace(PARAGRAPH_BREAK, f"</w:p><w:p>{props}")
        self.xml += f"<w:p>{props}{body}</w:p>"
        return self

    def __html__(self) -> str:
        return self.xml

    def __str__(self) -> str:
        return self.xml


class Listing:
    """Text whose ``\\n``, ``\\a``, ``\\t`` and ``\\f`` keep the template's formatting.

    Plain strings behave the same way in docgen; the class exists so code
    written for docxtpl runs unchanged.
    """

    docgen_kind = "text"

    def __init__(self, text: object) -> None:
        self.text = text.decode("utf-8") if isinstance(text, bytes) else str(text)

    def __str__(self) -> str:
        return self.text


R = RichText
RP = RichTextParagraph
