"""Small complete .docx packages for the merge tests: styles, lists, sections, headers, images."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass, field

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS = (
    f'xmlns:w="{W_NS}" xmlns:r="{R_NS}" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
)
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."


def para(text: str, style: str | None = None, num: bool = False, extra: str = "") -> str:
    """A paragraph of one run; ``num`` puts it in list 1 (numId 1)."""
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num:
        ppr += '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
    return (
        f'<w:p><w:pPr>{ppr}</w:pPr>{extra}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
    )


def page_break() -> str:
    """A paragraph holding only a page break."""
    return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


def bookmark(name: str, text: str) -> str:
    """A paragraph with a bookmark (id 0, as every document numbers its first) around ``text``."""
    return (
        f'<w:p><w:bookmarkStart w:id="0" w:name="{name}"/><w:r><w:t>{text}</w:t></w:r>'
        '<w:bookmarkEnd w:id="0"/></w:p>'
    )


def picture(rid: str = "rIdImg") -> str:
    """A paragraph with an inline picture whose ``wp:docPr`` id is 1."""
    return (
        '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="360000" cy="360000"/>'
        '<wp:docPr id="1" name="Picture 1"/><a:graphic><a:graphicData '
        'uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
        '<pic:nvPicPr><pic:cNvPr id="0" name="dot.png"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch>'
        '</pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="360000" cy="360000"/>'
        '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
        "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    )


def page_field(prefix: str = "PG") -> str:
    """A footer paragraph: ``prefix`` then a PAGE field."""
    return (
        f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>{prefix}</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
        ' PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )


@dataclass
class Doc:
    """What goes into one test package."""

    body: str
    font: str = "Noto Sans CJK SC"  # the East Asian font of the document defaults
    landscape: bool = False
    header: str | None = None  # header text
    footer: str | None = None  # footer paragraph XML
    image: bool = False
    heading_size: str = "36"  # Heading1's w:sz, to make two documents' styles differ
    sect_extra: str = ""  # e.g. '<w:pgNumType w:start="5"/>' or '<w:titlePg/>'
    extra_styles: list[str] = field(default_factory=list)

    def build(self) -> bytes:
        """The package's bytes."""
        return make(self)


def _sect(doc: Doc, refs: str) -> str:
    w, h = ("16838", "11906") if doc.landscape else ("11906", "16838")
    orient = ' w:orient="landscape"' if doc.landscape else ""
    return (
        f'<w:sectPr>{refs}<w:pgSz w:w="{w}" w:h="{h}"{orient}/>'
        '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" '
        f'w:footer="720" w:gutter="0"/>{doc.sect_extra}<w:cols w:space="720"/></w:sectPr>'
    )


def _styles(doc: Doc) -> str:
    fonts = (
        f'<w:rFonts w:ascii="Liberation Serif" w:hAnsi="Liberation Serif" w:eastAsia="{doc.font}"/>'
    )
    return (
        f'<w:styles xmlns:w="{W_NS}"><w:docDefaults><w:rPrDefault><w:rPr>{fonts}'
        '<w:sz w:val="24"/><w:lang w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults>'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        '</w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/>'
        f'<w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="{doc.heading_size}"/>'
        '</w:rPr></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal">'
        '<w:name w:val="Normal Table"/></w:style>' + "".join(doc.extra_styles) + "</w:styles>"
    )


_NUMBERING = (
    f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0"><w:nsid w:val="1A2B3C4D"/>'
    '<w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>'
    '<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
)


def make(doc: Doc) -> bytes:
    """A complete package for ``doc``."""
    parts: dict[str, str | bytes] = {
        "word/styles.xml": _styles(doc),
        "word/numbering.xml": _NUMBERING,
    }
    rels = [
        ("rIdStyles", "styles", "styles.xml"),
        ("rIdNumbering", "numbering", "numbering.xml"),
    ]
    overrides = {"/word/styles.xml": "styles", "/word/numbering.xml": "numbering"}
    refs = ""
    if doc.header is not None:
        parts["word/header1.xml"] = f"<w:hdr {_NS}>{para(doc.header)}</w:hdr>"
        rels.append(("rIdHdr", "header", "header1.xml"))
        overrides["/word/header1.xml"] = "header"
        refs += '<w:headerReference w:type="default" r:id="rIdHdr"/>'
    if doc.footer is not None:
        parts["word/footer1.xml"] = f"<w:ftr {_NS}>{doc.footer}</w:ftr>"
        rels.append(("rIdFtr", "footer", "footer1.xml"))
        overrides["/word/footer1.xml"] = "footer"
        refs += '<w:footerReference w:type="default" r:id="rIdFtr"/>'
    body = doc.body
    if doc.image:
        parts["word/media/image1.png"] = tiny_png()
        rels.append(("rIdImg", "image", "media/image1.png"))
        body = picture() + body
    parts["word/document.xml"] = (
        f"<w:document {_NS}><w:body>{body}{_sect(doc, refs)}</w:body></w:document>"
    )
    parts["word/_rels/document.xml.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(f'<Relationship Id="{i}" Type="{R_NS}/{k}" Target="{t}"/>' for i, k, t in rels)
        + "</Relationships>"
    )
    types = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="png" ContentType="image/png"/>'
        f'<Override PartName="/word/document.xml" ContentType="{_CT}document.main+xml"/>'
        + "".join(
            f'<Override PartName="{n}" ContentType="{_CT}{k}+xml"/>' for n, k in overrides.items()
        )
        + "</Types>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", types)
        zf.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{R_NS}/officeDocument" Target="word/document.xml"/>'
            "</Relationships>",
        )
        for name, data in parts.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def tiny_png() -> bytes:
    """A valid 1×1 red PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )
