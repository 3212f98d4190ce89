"""Inline images: size sniffing, units, and the package parts a rendered image needs."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

import docgen
from docgen.engine.images import EMU_PER_INCH, read_image
from tests.docx_builder import make_docx, p, part_xml, table

WP_DOCPR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
WP_EXTENT = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent"
A_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
R_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
CT_DEFAULT = "{http://schemas.openxmlformats.org/package/2006/content-types}Default"
RT_IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"


def make_png(width: int, height: int, ppm: int | None = None) -> bytes:
    """A valid RGB PNG of the given size (optionally with a pHYs chunk in pixels per metre)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    phys = chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1)) if ppm else b""
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + phys
        + chunk(b"IDAT", zlib.compress(pixels))
        + chunk(b"IEND", b"")
    )


def make_jpeg(width: int, height: int, dpi: int = 72) -> bytes:
    """A minimal baseline JPEG header (SOI, JFIF APP0, SOF0, EOI): enough for size sniffing."""
    app0 = b"\xff\xe0" + struct.pack(">H5sBBBHHBB", 16, b"JFIF\x00", 1, 1, 1, dpi, dpi, 0, 0)
    sof0 = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof0 + b"\xff\xd9"


PNG = make_png(40, 20)
JPEG = make_jpeg(30, 60)


def members(blob: bytes) -> dict[str, bytes]:
    """Every member of a zip by name."""
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


# -- sniffing and sizes -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("blob", "ext", "ctype", "size", "dpi"),
    [
        (PNG, "png", "image/png", (40, 20), (96, 96)),
        (make_png(10, 10, ppm=11811), "png", "image/png", (10, 10), (300, 300)),
        (JPEG, "jpeg", "image/jpeg", (30, 60), (72, 72)),
        (make_jpeg(8, 4, dpi=150), "jpeg", "image/jpeg", (8, 4), (150, 150)),
        (b"GIF89a" + struct.pack("<HH", 7, 9) + b"\x00" * 8, "gif", "image/gif", (7, 9), (96, 96)),
    ],
)
def test_read_image(
    blob: bytes, ext: str, ctype: str, size: tuple[int, int], dpi: tuple[int, int]
) -> None:
    """Format, pixel size and resolution are read from the image header."""
    info = read_image(blob)
    assert (info.ext, info.content_type) == (ext, ctype)
    assert (info.px_width, info.px_height) == size
    assert (info.dpi_x, info.dpi_y) == dpi


@pytest.mark.parametrize("blob", [b"not an image", b"\xff\xd8\xff\xd9", b""])
def test_unreadable_image_is_render_error(blob: bytes) -> None:
    """Unknown formats and JPEGs without a frame header raise RenderError."""
    with pytest.raises(docgen.RenderError):
        read_image(blob)


@pytest.mark.parametrize(
    ("unit", "value", "emu"),
    [
        (docgen.Mm, 25.4, EMU_PER_INCH),
        (docgen.Cm, 2.54, EMU_PER_INCH),
        (docgen.Pt, 72, EMU_PER_INCH),
        (docgen.Inches, 1, EMU_PER_INCH),
        (docgen.Mm, 10, 360000),
    ],
)
def test_units(unit: object, value: float, emu: int) -> None:
    """Length helpers convert to EMU."""
    assert unit(value) == emu  # type: ignore[operator]


@pytest.mark.parametrize(
    ("blob", "width", "height", "expected"),
    [
        (PNG, docgen.Mm(40), None, (docgen.Mm(40), docgen.Mm(20))),
        (PNG, None, docgen.Mm(10), (docgen.Mm(20), docgen.Mm(10))),
        (PNG, docgen.Cm(3), docgen.Cm(3), (docgen.Cm(3), docgen.Cm(3))),
        (JPEG, docgen.Mm(10), None, (docgen.Mm(10), docgen.Mm(20))),
        (JPEG, None, None, (30 * EMU_PER_INCH // 72, 60 * EMU_PER_INCH // 72)),
        (PNG, None, None, (40 * EMU_PER_INCH // 96, 20 * EMU_PER_INCH // 96)),
    ],
)
def test_inline_image_size(
    blob: bytes, width: int | None, height: int | None, expected: tuple[int, int]
) -> None:
    """One dimension given: the other follows the aspect ratio; none: native size at its DPI."""
    image = docgen.InlineImage(blob, width=width, height=height)
    assert (image.width, image.height) == pytest.approx(expected, abs=1)


def test_inline_image_from_path_and_file(tmp_path: Path) -> None:
    """An image may be given as a path (str or Path) or a binary file object."""
    path = tmp_path / "logo.png"
    path.write_bytes(PNG)
    for source in (str(path), path, io.BytesIO(PNG)):
        assert docgen.InlineImage(source).info.blob == PNG  # type: ignore[arg-type]


def test_missing_image_file_is_render_error(tmp_path: Path) -> None:
    """A path that does not exist raises RenderError, not OSError."""
    with pytest.raises(docgen.RenderError):
        docgen.InlineImage(tmp_path / "nope.png")


# -- rendered packages --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("blob", "ext", "ctype"), [(PNG, "png", "image/png"), (JPEG, "jpeg", "image/jpeg")]
)
def test_rendered_image_package_parts(blob: bytes, ext: str, ctype: str) -> None:
    """The output holds the media part, an image relationship to it and a content-type Default."""
    image = docgen.InlineImage(blob, width=docgen.Mm(30), descr='logo "A" & <B>')
    out = docgen.Template(make_docx(p("图：{{ img }}"))).render({"img": image})
    parts = members(out)
    media = [n for n in parts if n.startswith("word/media/")]
    assert len(media) == 1
    assert media[0].endswith(f".{ext}")
    assert parts[media[0]] == blob
    rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    image_rels = [r for r in rels.iter(RELS) if r.get("Type") == RT_IMAGE]
    assert [r.get("Target") for r in image_rels] == [media[0].removeprefix("word/")]
    types = etree.fromstring(parts["[Content_Types].xml"])
    assert {d.get("Extension"): d.get("ContentType") for d in types.iter(CT_DEFAULT)}[ext] == ctype
    doc = part_xml(out)
    blips = [b.get(R_EMBED) for b in doc.iter(A_BLIP)]
    assert blips == [image_rels[0].get("Id")]
    extent = next(doc.iter(WP_EXTENT))
    assert int(extent.get("cx") or 0) == docgen.Mm(30)
    assert next(doc.iter(WP_DOCPR)).get("descr") == 'logo "A" & <B>'
    assert docgen.verify_package(out) == []


def test_same_image_twice_shares_one_media_part() -> None:
    """One picture used twice is stored once and referenced through one relationship."""
    image = docgen.InlineImage(PNG)
    out = docgen.Template(make_docx(p("{{ a }}") + p("{{ b }}"))).render({"a": image, "b": image})
    parts = members(out)
    assert len([n for n in parts if n.startswith("word/media/")]) == 1
    assert len({b.get(R_EMBED) for b in part_xml(out).iter(A_BLIP)}) == 1


def test_images_in_tr_loop_get_unique_docpr_ids() -> None:
    """Images rendered in a `{%tr for %}` loop get distinct docPr ids; the package verifies."""
    body = table(["{%tr for x in xs %}"], ["{{ x }}"], ["{%tr endfor %}"]) + p("{{ logo }}")
    png, jpeg = docgen.InlineImage(PNG), docgen.InlineImage(JPEG)
    out = docgen.Template(make_docx(body)).render({"xs": [png, jpeg, png, png], "logo": jpeg})
    ids = Counter(d.get("id") for d in part_xml(out).iter(WP_DOCPR))
    assert sum(ids.values()) == 5
    assert max(ids.values()) == 1
    assert docgen.verify_package(out) == []
    assert len([n for n in members(out) if n.startswith("word/media/")]) == 2


def test_image_in_header_gets_header_relationship() -> None:
    """An image in a header is linked from the header's own relationship part."""
    tpl = docgen.Template(make_docx(p("body"), header=p("{{ logo }}")))
    out = tpl.render({"logo": docgen.InlineImage(PNG)})
    parts = members(out)
    rels = etree.fromstring(parts["word/_rels/header1.xml.rels"])
    assert [r.get("Type") for r in rels.iter(RELS)] == [RT_IMAGE]
    assert docgen.verify_package(out) == []


def test_rendered_image_opens_in_python_docx() -> None:
    """python-docx sees the inline shape with the requested width."""
    from docx import Document

    image = docgen.InlineImage(JPEG, width=docgen.Mm(12))
    out = docgen.Template(make_docx(p("{{ img }}"))).render({"img": image})
    shapes = Document(io.BytesIO(out)).inline_shapes
    assert len(shapes) == 1
    assert shapes[0].width == docgen.Mm(12)


def test_rerendering_output_with_image_keeps_package_sound() -> None:
    """A rendered document with a docgen image, used as a template again, stays a sound package."""
    image = docgen.InlineImage(PNG)
    first = docgen.Template(make_docx(p("{{ img }}") + p("{{ tag }}"))).render(
        {"img": image, "tag": "{{ img }}"}
    )
    out = docgen.Template(first).render({"img": image})
    with zipfile.ZipFile(io.BytesIO(out)) as zf:
        names = zf.namelist()
    assert len(names) == len(set(names))
    rels = etree.fromstring(members(out)["word/_rels/document.xml.rels"])
    rel_ids = [r.get("Id") for r in rels.iter(RELS)]
    assert len(rel_ids) == len(set(rel_ids))
    assert docgen.verify_package(out) == []
