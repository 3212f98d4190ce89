"""The .docx package around a built body: settings, footers, properties, and a deterministic zip.

Determinism matters because the shipped templates are committed and CI compares
them with a fresh build: members are written in a fixed order with a fixed
timestamp and fixed attributes, and ``docProps/core.xml`` is written here rather
than by python-docx (whose core-properties namespace changes once docxtpl or
docxcompose is imported in the same process).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from docgen.stamp import FIXED, w3cdtf
from docgen.style.fonttable import font_table_xml
from docgen.style.house import HouseStyle, Margins, mm
from docgen.style.styles import FOOTER, styles_xml
from docgen.style.wml import LANG, R_NS, W_NS, XML_DECL, Font, esc

#: The fixed timestamp of every zip member (the earliest zip allows is 1980).
ZIP_TIME = (2026, 1, 1, 0, 0, 0)
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_RELS_TYPE = "application/vnd.openxmlformats-package.relationships+xml"
_CORE_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
FOOTER_ODD = "rIdFooterOdd"
FOOTER_EVEN = "rIdFooterEven"


@dataclass(frozen=True)
class Properties:
    """Document properties written to ``docProps/core.xml``."""

    title: str
    subject: str = ""
    creator: str = "docgen"


def section_xml(style: HouseStyle, landscape: bool = False) -> str:
    """A ``w:sectPr``: A4 (turned when ``landscape``), margins, footers, line grid."""
    refs = f'<w:footerReference w:type="default" r:id="{FOOTER_ODD}"/>'
    if not style.centred_page_numbers:
        refs += f'<w:footerReference w:type="even" r:id="{FOOTER_EVEN}"/>'
    w, h = mm(style.page_width_mm), mm(style.page_height_mm)
    margins: Margins = style.landscape_margins() if landscape else style.margins
    size = (
        f'<w:pgSz w:w="{h}" w:h="{w}" w:orient="landscape"/>'
        if landscape
        else (f'<w:pgSz w:w="{w}" w:h="{h}"/>')
    )
    footer, grid = style.footer_mm, f'w:type="lines" w:linePitch="{style.line_twips}"'
    if landscape:
        # The page number stays as far below the (turned) block as on a portrait page: the
        # footer moves down by what the bottom margin lost. And no line grid: the turned block
        # is 15.3 rows high, and LibreOffice would centre a 15-row grid in it, 1.4 mm low.
        footer -= style.margins.bottom - style.margins.right
        grid = f'w:linePitch="{style.line_twips}"'
    return (
        f"<w:sectPr>{refs}{size}"
        f'<w:pgMar w:top="{mm(margins.top)}" w:right="{mm(margins.right)}" '
        f'w:bottom="{mm(margins.bottom)}" w:left="{mm(margins.left)}" w:header="851" '
        f'w:footer="{mm(footer)}" w:gutter="0"/>'
        '<w:cols w:space="425"/>'
        f"<w:docGrid {grid}/></w:sectPr>"
    )


def document_xml(body: str) -> str:
    """``word/document.xml`` around ``body`` (which ends with the last ``w:sectPr``)."""
    root = f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
    return f"{XML_DECL}{root}<w:body>{body}</w:body></w:document>"


def footer_xml(style: HouseStyle, side: str) -> str:
    """A footer with ``— PAGE —``: ``side`` is ``odd`` (right), ``even`` (left) or ``centre``."""
    font = Font(style.page_number_font, style.page_number_font)
    props = f"<w:rPr>{font.xml()}{LANG}</w:rPr>"
    one_char = style.indent_twips(style.page_number_pt, 1)
    if side == "odd":
        ind = (
            f'<w:ind w:right="{one_char}" w:rightChars="100" w:firstLine="0" w:firstLineChars="0"/>'
        )
        place = f'{ind}<w:jc w:val="right"/>'
    elif side == "even":
        ind = f'<w:ind w:left="{one_char}" w:leftChars="100" w:firstLine="0" w:firstLineChars="0"/>'
        place = f'{ind}<w:jc w:val="left"/>'
    else:
        place = '<w:jc w:val="center"/>'

    def text(t: str) -> str:
        return f'<w:r>{props}<w:t xml:space="preserve">{t}</w:t></w:r>'

    def field(kind: str) -> str:
        return f'<w:r>{props}<w:fldChar w:fldCharType="{kind}"/></w:r>'

    instr = f'<w:r>{props}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
    runs = (
        text("\u2014 ")
        + field("begin")
        + instr
        + field("separate")
        + text("1")
        + field("end")
        + text(" \u2014")
    )
    return (
        f'{XML_DECL}<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:p><w:pPr>'
        f'<w:pStyle w:val="{FOOTER}"/>{place}</w:pPr>{runs}</w:p></w:ftr>'
    )


def settings_xml(style: HouseStyle) -> str:
    """``word/settings.xml``: odd/even footers unless centred, Chinese punctuation handling."""
    even_odd = "" if style.centred_page_numbers else "<w:evenAndOddHeaders/>"
    return (
        f'{XML_DECL}<w:settings xmlns:w="{W_NS}">'
        f'<w:zoom w:percent="100"/>{even_odd}<w:defaultTabStop w:val="420"/>'
        '<w:characterSpacingControl w:val="compressPunctuation"/>'
        '<w:compat><w:compatSetting w:name="compatibilityMode" '
        'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
        '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
        "</w:settings>"
    )


def _content_types() -> str:
    over = [
        ("/word/document.xml", f"{_WML}.document.main+xml"),
        ("/word/styles.xml", f"{_WML}.styles+xml"),
        ("/word/settings.xml", f"{_WML}.settings+xml"),
        ("/word/fontTable.xml", f"{_WML}.fontTable+xml"),
        ("/word/footer1.xml", f"{_WML}.footer+xml"),
        ("/word/footer2.xml", f"{_WML}.footer+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        (
            "/docProps/app.xml",
            "application/vnd.openxmlformats-officedocument.extended-properties+xml",
        ),
    ]
    overrides = "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in over)
    return (
        f'{XML_DECL}<Types xmlns="{_CT}">'
        f'<Default Extension="rels" ContentType="{_RELS_TYPE}"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f"{overrides}</Types>"
    )


def _relationships(items: list[tuple[str, str, str]]) -> str:
    rels = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{g}"/>' for i, t, g in items)
    return f'{XML_DECL}<Relationships xmlns="{_PKG_REL}">{rels}</Relationships>'


def _core(props: Properties) -> str:
    # A template is a committed source: its own dates are the fixed documented moment
    # whatever the environment says; each render stamps its document anew (docgen.stamp).
    stamp = w3cdtf(FIXED)
    return (
        f"{XML_DECL}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{esc(props.title)}</dc:title><dc:subject>{esc(props.subject)}</dc:subject>"
        f"<dc:creator>{esc(props.creator)}</dc:creator><dc:language>zh-CN</dc:language>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    )


def _app() -> str:
    return (
        f'{XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties"><Application>docgen</Application></Properties>'
    )


def package_parts(style: HouseStyle, body: str, props: Properties) -> list[tuple[str, str]]:
    """Every part of the package as ``(name, xml)``, in the order they are zipped."""
    doc_rels = _relationships(
        [
            ("rIdStyles", f"{_REL}/styles", "styles.xml"),
            ("rIdSettings", f"{_REL}/settings", "settings.xml"),
            ("rIdFontTable", f"{_REL}/fontTable", "fontTable.xml"),
            (FOOTER_ODD, f"{_REL}/footer", "footer1.xml"),
            (FOOTER_EVEN, f"{_REL}/footer", "footer2.xml"),
        ]
    )
    root_rels = _relationships(
        [
            ("rId1", f"{_REL}/officeDocument", "word/document.xml"),
            (
                "rId2",
                _CORE_REL,
                "docProps/core.xml",
            ),
            ("rId3", f"{_REL}/extended-properties", "docProps/app.xml"),
        ]
    )
    return [
        ("[Content_Types].xml", _content_types()),
        ("_rels/.rels", root_rels),
        ("docProps/core.xml", _core(props)),
        ("docProps/app.xml", _app()),
        ("word/document.xml", document_xml(body)),
        ("word/_rels/document.xml.rels", doc_rels),
        ("word/styles.xml", styles_xml(style)),
        ("word/settings.xml", settings_xml(style)),
        ("word/fontTable.xml", font_table_xml(style)),
        ("word/footer1.xml", footer_xml(style, "centre" if style.centred_page_numbers else "odd")),
        ("word/footer2.xml", footer_xml(style, "even")),
    ]


def zip_parts(parts: list[tuple[str, str]]) -> bytes:
    """Zip ``parts`` deterministically: same parts, same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, xml in parts:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0o644 << 16
            archive.writestr(info, xml.encode("utf-8"), compresslevel=9)
    return buffer.getvalue()


__all__ = [
    "ZIP_TIME",
    "Properties",
    "document_xml",
    "footer_xml",
    "package_parts",
    "section_xml",
    "settings_xml",
    "zip_parts",
]
