"""Hostile and damaged .docx packages, built byte by byte, for the security and corruption tests."""

from __future__ import annotations

import dataclasses
import io
import zipfile
import zlib

from docgen.engine import zipout
from tests.docx_builder import make_docx, p

GOOD = make_docx(p("{{ a }}"))
MB = 1024 * 1024


def _entries(blob: bytes) -> list[zipout.Entry]:
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        return [
            zipout.deflated_entry(info.filename, zf.read(info.filename)) for info in zf.infolist()
        ]


def with_entries(blob: bytes, *extra: zipout.Entry) -> bytes:
    """``blob`` rewritten with ``extra`` entries appended (names may repeat)."""
    return zipout.write_zip([*_entries(blob), *extra])


def replaced(blob: bytes, name: str, data: bytes) -> bytes:
    """``blob`` with member ``name`` holding ``data`` instead (honest headers)."""
    entries = [
        zipout.deflated_entry(name, data) if e.name.decode() == name else e for e in _entries(blob)
    ]
    return zipout.write_zip(entries)


def zeros_stream(total: int) -> bytes:
    """A raw deflate stream of ``total`` zero bytes, built without ever holding them.

    After a full flush the compressor starts afresh, so every 1 MB block of
    zeros compresses to the same bytes; repeating them makes gigabytes cheaply.
    """
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(bytes(MB)) + packer.flush(zlib.Z_FULL_FLUSH)
    again = packer.compress(bytes(MB)) + packer.flush(zlib.Z_FULL_FLUSH)
    assert block == again
    return block * (total // MB) + packer.flush()


def lying_member(name: str, declared: int, actual: int) -> zipout.Entry:
    """A member whose directory entry says ``declared`` bytes but inflates to ``actual``."""
    honest = zipout.deflated_entry(name, bytes(declared))
    return dataclasses.replace(honest, compressed=zeros_stream(actual))


def bad_crc(blob: bytes, *names: str) -> bytes:
    """``blob`` with the CRC of each member in ``names`` off by one."""
    entries = [
        dataclasses.replace(e, crc=e.crc ^ 1) if e.name.decode() in names else e
        for e in _entries(blob)
    ]
    return zipout.write_zip(entries)


DTD_DOCUMENT = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>\n'
)


R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PIC_NS = (
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
)


def linked_picture(rid: str, number: int) -> str:
    """A paragraph with a picture whose bytes are *linked* (``r:link``), not embedded."""
    return (
        f'<w:p><w:r><w:drawing><wp:inline><wp:extent cx="952500" cy="952500"/>'
        f'<wp:docPr id="{number}" name="Picture {number}"/>'
        f'<a:graphic {_PIC_NS}><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/'
        f'2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="{number}" name="p{number}.png"/>'
        f'<pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:link="{rid}"/><a:stretch>'
        f'<a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/>'
        f'<a:ext cx="952500" cy="952500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
        f"</a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline>"
        f"</w:drawing></w:r></w:p>"
    )


def field(instruction: str) -> str:
    """A paragraph holding one complex field with ``instruction``, split across two runs."""
    half = len(instruction) // 2
    return (
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{instruction[:half]}</w:instrText></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{instruction[half:]}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>旧结果</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )


def hyperlink(rid: str, text: str) -> str:
    """A paragraph with a hyperlink through relationship ``rid``."""
    return f'<w:p><w:hyperlink r:id="{rid}"><w:r><w:t>{text}</w:t></w:r></w:hyperlink></w:p>'


def external_rels(*rels: tuple[str, str, str]) -> bytes:
    """A relationships part of external relationships ``(id, type, target)``."""
    body = "".join(
        f'<Relationship Id="{rid}" Type="{R_NS}/{kind}" Target="{target}" TargetMode="External"/>'
        for rid, kind, target in rels
    )
    ns = "http://schemas.openxmlformats.org/package/2006/relationships"
    return f'<Relationships xmlns="{ns}">{body}</Relationships>'.encode()


def with_references(body: str, *rels: tuple[str, str, str]) -> bytes:
    """A document with ``body`` whose own relationships are the external ``rels``."""
    return replaced(make_docx(body), "word/_rels/document.xml.rels", external_rels(*rels))


def with_attached_template(blob: bytes, target: str) -> bytes:
    """``blob`` with a settings part attached to an outside Word template at ``target``."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    settings = (
        f'<w:settings xmlns:w="{w}" xmlns:r="{R_NS}"><w:attachedTemplate r:id="rIdT"/>'
        '<w:defaultTabStop w:val="420"/></w:settings>'
    ).encode()
    doc_rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rIdS" Type="{R_NS}/settings" Target="settings.xml"/></Relationships>'
    ).encode()
    blob = replaced(blob, "word/_rels/document.xml.rels", doc_rels)
    return with_entries(
        blob,
        zipout.deflated_entry("word/settings.xml", settings),
        zipout.deflated_entry(
            "word/_rels/settings.xml.rels", external_rels(("rIdT", "attachedTemplate", target))
        ),
    )


def with_footnotes(blob: bytes, body: str) -> bytes:
    """``blob`` with a footnotes part whose footnote 1 holds ``body`` (paragraph XML)."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    notes = (
        f'<w:footnotes xmlns:w="{w}" xmlns:r="{R_NS}"><w:footnote w:id="1">{body}</w:footnote>'
        "</w:footnotes>"
    ).encode()
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        types = zf.read("[Content_Types].xml")
        rels = zf.read("word/_rels/document.xml.rels")
    ct = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
    types = types.replace(
        b"</Types>",
        f'<Override PartName="/word/footnotes.xml" ContentType="{ct}"/></Types>'.encode(),
    )
    rels = rels.replace(
        b"</Relationships>",
        f'<Relationship Id="rIdFn" Type="{R_NS}/footnotes" Target="footnotes.xml"/>'
        "</Relationships>".encode(),
    )
    blob = replaced(
        replaced(blob, "[Content_Types].xml", types), "word/_rels/document.xml.rels", rels
    )
    return with_entries(blob, zipout.deflated_entry("word/footnotes.xml", notes))
