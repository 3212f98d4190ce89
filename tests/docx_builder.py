"""Build small .docx packages from WordprocessingML snippets, and read their text back."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_W = f"{{{W_NS}}}"
_ROOT_NS = (
    f'xmlns:w="{W_NS}" xmlns:r="{R_NS}" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
)


def p(*runs: str, ppr: str = "") -> str:
    """A paragraph of plain runs (each string becomes one run)."""
    body = "".join(r if r.startswith("<") else run(r) for r in runs)
    return f"<w:p>{ppr}{body}</w:p>"


def run(text: str, rpr: str = "") -> str:
    """One run holding ``text``."""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def table(*rows: list[str]) -> str:
    """A table whose cells each hold one paragraph of the given text."""
    grid = "".join('<w:gridCol w:w="2000"/>' for _ in rows[0])
    body = "".join(
        "<w:tr>" + "".join(f"<w:tc><w:tcPr/>{p(c)}</w:tc>" for c in row) + "</w:tr>" for row in rows
    )
    return f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"


def make_docx(
    body: str, header: str | None = None, footer: str | None = None, title: str | None = None
) -> bytes:
    """A complete, minimal .docx with ``body`` (and optional header, footer, title)."""
    rels = []
    overrides = []
    sect_refs = ""
    parts: dict[str, str] = {}
    for kind, content in (("header", header), ("footer", footer)):
        if content is None:
            continue
        rid = f"rId{len(rels) + 1}"
        rels.append(f'<Relationship Id="{rid}" Type="{R_NS}/{kind}" Target="{kind}1.xml"/>')
        ct = f"application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml"
        overrides.append(f'<Override PartName="/word/{kind}1.xml" ContentType="{ct}"/>')
        tag = "hdr" if kind == "header" else "ftr"
        parts[f"word/{kind}1.xml"] = f"<w:{tag} {_ROOT_NS}>{content}</w:{tag}>"
        sect_refs += f'<w:{kind}Reference w:type="default" r:id="{rid}"/>'
    parts["word/document.xml"] = (
        f"<w:document {_ROOT_NS}><w:body>{body}"
        f"<w:sectPr>{sect_refs}</w:sectPr></w:body></w:document>"
    )
    parts["word/_rels/document.xml.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(rels)
        + "</Relationships>"
    )
    core_ct = ""
    root_rels = (
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/>'
    )
    if title is not None:
        parts["docProps/core.xml"] = (
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:title>{title}</dc:title></cp:coreProperties>"
        )
        core_ct = (
            '<Override PartName="/docProps/core.xml" ContentType="application/'
            'vnd.openxmlformats-package.core-properties+xml"/>'
        )
        root_rels += (
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/'
            '2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        )
    content_types = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.document.main+xml"/>'
        + "".join(overrides)
        + core_ct
        + "</Types>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", content_types)
        zf.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/'
            f'package/2006/relationships">{root_rels}</Relationships>',
        )
        for name, xml in parts.items():
            zf.writestr(name, xml)
    return buffer.getvalue()


def with_body(blob: bytes, xml: str) -> bytes:
    """``blob`` (any .docx) with ``xml`` added at the end of its body, before the section."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blob)) as src, zipfile.ZipFile(buffer, "w") as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                at = data.rindex(b"<w:sectPr")
                data = data[:at] + xml.encode() + data[at:]
            out.writestr(info, data)
    return buffer.getvalue()


def part_xml(blob: bytes, name: str = "word/document.xml") -> etree._Element:
    """The parsed XML of one part of a .docx."""
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        return etree.fromstring(zf.read(name))


def paragraph_texts(blob: bytes, name: str = "word/document.xml") -> list[str]:
    """Text of every paragraph of a part, breaks as ``\\n`` and tabs as ``\\t``."""
    root = part_xml(blob, name)
    texts = []
    for para in root.iter(f"{_W}p"):
        out = []
        for el in para.iter(f"{_W}t", f"{_W}br", f"{_W}tab"):
            if el.tag == f"{_W}t":
                out.append(el.text or "")
            elif el.tag == f"{_W}tab":
                out.append("\t")
            else:
                out.append("\f" if el.get(f"{_W}type") == "page" else "\n")
        texts.append("".join(out))
    return texts
