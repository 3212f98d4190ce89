"""``word/styles.xml`` from a :class:`HouseStyle`: defaults, paragraph, character and table styles.

Style ids are ASCII and stable (templates and tests refer to them); the
headings use Word's built-in names (``heading 1`` …) so the navigation pane,
the outline view and LibreOffice's chapter numbering all recognise them. Every
style carries its East Asian font and the ``zh-CN`` language tag, so text keeps
its face even where a run has no formatting of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from docgen.style.house import HouseStyle, half_points
from docgen.style.wml import LANG, W_NS, XML_DECL, Font, esc

#: Ids of the paragraph styles templates use.
BODY = "Normal"
TITLE = "Title"
SUBTITLE = "Subtitle"
HEADINGS = ("Heading1", "Heading2", "Heading3", "Heading4")
FLUSH = "BodyFlush"
SALUTATION = "Salutation"
SIGNOFF = "Signoff"
SIGNOFF_DATE = "SignoffDate"
SIGN_LINE = "SignLine"
CENTRED = "BodyCentred"
TABLE_HEADER = "TableHeader"
TABLE_TEXT = "TableText"
TABLE_TEXT_CENTRED = "TableTextCentred"
TABLE_HEADER_SMALL = "TableHeaderSmall"
TABLE_TEXT_SMALL = "TableTextSmall"
TABLE_TEXT_SMALL_CENTRED = "TableTextSmallCentred"
FOOTER = "Footer"
#: An attachment's “附件2” label, flush left on its first line (GB/T 9704 §7.3.7).
ATTACHMENT_LABEL = "AttachmentLabel"
#: The 附件说明 under the body (GB/T 9704 §7.3.4); its lines carry their own indents.
ATTACHMENT_NOTE = "AttachmentNote"
#: Character styles for run-in leads: a level-1 (黑体) or level-2 (楷体) phrase.
LEAD1 = "Lead1Char"
LEAD2 = "Lead2Char"
TABLE_STYLE = "TableGrid"


@dataclass(frozen=True)
class ParaStyle:
    """A paragraph style's settings; ``None`` inherits from ``Normal``."""

    id: str
    name: str
    font: str
    size_pt: float
    align: str | None = None
    first_line_chars: int = 2
    right_chars: int = 0
    line_twips: int | None = None
    bold: bool = False
    outline: int | None = None
    keep_next: bool = False
    off_grid: bool = False
    #: The face of digits and Latin letters; ``None`` is the house style's Latin font.
    latin: str | None = None

    def fonts(self, style: HouseStyle) -> Font:
        """The East Asian and Latin fonts of this style."""
        return Font(self.font, self.latin or style.latin_font)


def paragraph_styles(style: HouseStyle) -> list[ParaStyle]:
    """Every paragraph style of the house style, ``Normal`` first."""
    body, size = style.body_font, style.body_pt
    levels = style.headings
    table = _table_styles(style)
    return [
        ParaStyle(BODY, "Normal", body, size, "both"),
        # Off the grid: LibreOffice gives a 2号 line two grid lines otherwise.
        ParaStyle(
            TITLE,
            "Title",
            style.title_font,
            style.title_pt,
            "center",
            0,
            keep_next=True,
            off_grid=True,
            # Digits in the title's own face (“成立105周年”), not a thin Latin serif.
            latin=style.title_font,
        ),
        ParaStyle(SUBTITLE, "Subtitle", style.subtitle_font, size, "center", 0),
        *(
            ParaStyle(
                HEADINGS[n], f"heading {n + 1}", lv.font, size, None, 2, 0, None, lv.bold, n, True
            )
            for n, lv in enumerate(levels)
        ),
        ParaStyle(FLUSH, "正文顶格", body, size, "both", 0),
        ParaStyle(CENTRED, "正文居中", body, size, "center", 0),
        ParaStyle(SALUTATION, "Salutation", body, size, "left", 0),
        # Right-aligned two characters from the margin (GB/T 9704 §7.3.5.2); each sign-off
        # paragraph carries the right indent its rule computes (docgen.style.signoff).
        ParaStyle(SIGNOFF, "落款单位", body, size, "right", 0, 2),
        ParaStyle(SIGNOFF_DATE, "成文日期", body, size, "right", 0, 2),
        ParaStyle(SIGN_LINE, "签字栏", body, size, "left", 0),
        # 3号黑体 digits included (“附件2”), kept with the attachment's title two lines down.
        ParaStyle(
            ATTACHMENT_LABEL,
            "附件标识",
            style.label_font,
            size,
            "left",
            0,
            keep_next=True,
            latin=style.label_font,
        ),
        # The indents (“附件：” two characters in, names under names) are each line's own
        # (docgen.style.attachments), since they depend on the width of the numbers; flush
        # left, so a first line is not spread and its name stands over its wrapped lines.
        ParaStyle(ATTACHMENT_NOTE, "附件说明", body, size, "left", 0, keep_next=True),
        *table,
        # GB/T 9704 §7.5: “4号半角宋体阿拉伯数字” — the digits themselves in 宋体.
        ParaStyle(
            FOOTER,
            "footer",
            style.page_number_font,
            style.page_number_pt,
            None,
            0,
            latin=style.page_number_font,
        ),
    ]


def _table_styles(style: HouseStyle) -> list[ParaStyle]:
    """Table paragraphs: 黑体 header, 仿宋 body, in 4号 or (``small``) 小四.

    They sit 1.5 lines apart, off the document grid, so rows stay compact, and
    are left-aligned, since justified lines before a line break get stretched.
    """
    head, body = style.table_header_font, style.body_font
    specs = [
        (TABLE_HEADER, "表格标题行", head, style.table_pt, "center"),
        (TABLE_TEXT, "表格正文", body, style.table_pt, "left"),
        (TABLE_TEXT_CENTRED, "表格正文居中", body, style.table_pt, "center"),
        (TABLE_HEADER_SMALL, "表格标题行小", head, style.table_small_pt, "center"),
        (TABLE_TEXT_SMALL, "表格正文小", body, style.table_small_pt, "left"),
        (TABLE_TEXT_SMALL_CENTRED, "表格正文小居中", body, style.table_small_pt, "center"),
    ]
    return [
        ParaStyle(sid, name, font, pt, align, 0, 0, round(pt * 30))
        for sid, name, font, pt, align in specs
    ]


def styles_xml(style: HouseStyle) -> str:
    """The complete ``word/styles.xml``."""
    parts = [
        XML_DECL,
        f'<w:styles xmlns:w="{W_NS}">',
        _doc_defaults(style),
        *(_paragraph_style(s, style) for s in paragraph_styles(style)),
        _char_style(LEAD1, "一级标题字符", Font(style.headings[0].font, style.latin_font), False),
        _char_style(
            LEAD2,
            "二级标题字符",
            Font(style.headings[1].font, style.latin_font),
            style.headings[1].bold,
        ),
        _table_style(),
        "</w:styles>",
    ]
    return "".join(parts)


def _doc_defaults(style: HouseStyle) -> str:
    sz = half_points(style.body_pt)
    font = Font(style.body_font, style.latin_font).xml()
    return (
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        # The character spacing sets 28 characters on a 156 mm line (GB/T 9704 §5.2.3).
        f'{font}<w:spacing w:val="{style.char_spacing_twentieths}"/><w:kern w:val="0"/>'
        f'<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/>{LANG}'
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        # Widow and orphan control off: GB/T 9704 fills every page with 22 lines, and
        # LibreOffice (which honours the setting in .docx) would end pages a line short.
        '<w:widowControl w:val="0"/>'
        # overflowPunct on, written out: Word's default (a full-width "，" may hang past the
        # right edge), and what keeps LibreOffice from losing it. LibreOffice's .docx import
        # reads the value inverted (writerfilter: IsHangingPunctuation = overflowPunct == 0),
        # and a line-end mark it hangs in a justified line is neither drawn nor in the PDF's
        # text. Written as 1 it does not hang there; it takes the previous character to the
        # next line instead (the usual Chinese line adjustment). Measured: issue 9 §1.
        '<w:overflowPunct w:val="1"/>'
        f'<w:spacing w:before="0" w:after="0" w:line="{style.line_twips}" w:lineRule="exact"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    )


def _paragraph_style(spec: ParaStyle, style: HouseStyle) -> str:
    is_normal = spec.id == BODY
    default = ' w:default="1"' if is_normal else ""
    head = (
        f'<w:style w:type="paragraph"{default} '
        f'w:styleId="{spec.id}"><w:name w:val="{esc(spec.name)}"/>'
    )
    based = "" if is_normal else f'<w:basedOn w:val="{BODY}"/>'
    follow = f'<w:next w:val="{BODY}"/>' if spec.id in (TITLE, *HEADINGS) else ""
    ppr = _style_ppr(spec, style)
    sz = half_points(spec.size_pt)
    bold = "<w:b/><w:bCs/>" if spec.bold else '<w:b w:val="0"/><w:bCs w:val="0"/>'
    rpr = (
        f"<w:rPr>{spec.fonts(style).xml()}{bold}"
        f'<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/>{LANG}</w:rPr>'
    )
    return f"{head}{based}{follow}<w:qFormat/>{ppr}{rpr}</w:style>"


def _style_ppr(spec: ParaStyle, style: HouseStyle) -> str:
    parts = ["<w:keepNext/>"] if spec.keep_next else []
    line = spec.line_twips
    if line is not None or spec.off_grid:
        parts.append('<w:snapToGrid w:val="0"/>')
    parts.append(
        f'<w:spacing w:before="0" w:after="0" w:line="{line or style.line_twips}" '
        'w:lineRule="exact"/>'
    )
    first = style.indent_twips(spec.size_pt, spec.first_line_chars)
    right = style.indent_twips(spec.size_pt, spec.right_chars)
    parts.append(
        f'<w:ind w:left="0" w:leftChars="0" w:right="{right}" '
        f'w:rightChars="{spec.right_chars * 100}" '
        f'w:firstLine="{first}" w:firstLineChars="{spec.first_line_chars * 100}"/>'
    )
    if spec.align:
        parts.append(f'<w:jc w:val="{spec.align}"/>')
    if spec.outline is not None:
        parts.append(f'<w:outlineLvl w:val="{spec.outline}"/>')
    return "<w:pPr>" + "".join(parts) + "</w:pPr>"


def _char_style(style_id: str, name: str, font: Font, bold: bool) -> str:
    b = "<w:b/><w:bCs/>" if bold else ""
    return (
        f'<w:style w:type="character" w:styleId="{style_id}"><w:name w:val="{name}"/>'
        f"<w:qFormat/><w:rPr>{font.xml()}{b}{LANG}</w:rPr></w:style>"
    )


def _table_style() -> str:
    border = '<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    borders = "".join(
        border.format(side=s) for s in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    return (
        f'<w:style w:type="table" w:styleId="{TABLE_STYLE}"><w:name w:val="Table Grid"/>'
        '<w:tblPr><w:jc w:val="center"/>'
        f"<w:tblBorders>{borders}</w:tblBorders>"
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
        "</w:tblPr></w:style>"
    )


__all__ = [
    "ATTACHMENT_LABEL",
    "ATTACHMENT_NOTE",
    "BODY",
    "CENTRED",
    "FLUSH",
    "FOOTER",
    "HEADINGS",
    "LEAD1",
    "LEAD2",
    "SALUTATION",
    "SIGNOFF",
    "SIGNOFF_DATE",
    "SIGN_LINE",
    "SUBTITLE",
    "TABLE_HEADER",
    "TABLE_HEADER_SMALL",
    "TABLE_STYLE",
    "TABLE_TEXT",
    "TABLE_TEXT_CENTRED",
    "TABLE_TEXT_SMALL",
    "TABLE_TEXT_SMALL_CENTRED",
    "TITLE",
    "ParaStyle",
    "paragraph_styles",
    "styles_xml",
]
