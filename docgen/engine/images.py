"""Inline pictures (PNG, JPEG, GIF) and the length units to size them.

Sizes are EMU integers (914400 per inch), the unit Word uses, so python-docx's
``Mm``/``Cm``/``Pt`` values can be passed as they are.
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import IO

from docgen.exceptions import RenderError

EMU_PER_INCH = 914400
DEFAULT_DPI = 96


class Length(int):
    """A length in EMU."""


def Mm(value: float) -> Length:
    """``value`` millimetres."""
    return Length(round(value * EMU_PER_INCH / 25.4))


def Cm(value: float) -> Length:
    """``value`` centimetres."""
    return Length(round(value * EMU_PER_INCH / 2.54))


def Pt(value: float) -> Length:
    """``value`` points."""
    return Length(round(value * EMU_PER_INCH / 72))


def Inches(value: float) -> Length:
    """``value`` inches."""
    return Length(round(value * EMU_PER_INCH))


@dataclass(frozen=True)
class ImageInfo:
    """What the package needs to know about one image."""

    blob: bytes
    ext: str
    content_type: str
    px_width: int
    px_height: int
    dpi_x: int
    dpi_y: int

    @property
    def digest(self) -> str:
        """A short content hash, used to share one media part between uses."""
        return hashlib.sha1(self.blob, usedforsecurity=False).hexdigest()[:16]


class InlineImage:
    """A picture placed at a tag, sized by ``width`` and/or ``height`` (EMU).

    Give one dimension and the other follows the picture's aspect ratio; give
    neither and the picture keeps its own size at its recorded resolution.
    ``image`` is a path, raw bytes or a binary file object.
    """

    docgen_kind = "image"

    def __init__(
        self,
        image: str | PathLike[str] | bytes | IO[bytes],
        width: int | None = None,
        height: int | None = None,
        descr: str = "",
    ) -> None:
        self.info = read_image(_load(image))
        self.width, self.height = _size(self.info, width, height)
        self.descr = descr


def _load(image: str | PathLike[str] | bytes | IO[bytes]) -> bytes:
    if isinstance(image, bytes):
        return image
    if isinstance(image, str | PathLike):
        try:
            return Path(image).read_bytes()
        except OSError as err:
            raise RenderError(
                f"无法读取图片 {image}：{err}", f"cannot read image {image}: {err}"
            ) from err
    return image.read()


def _size(info: ImageInfo, width: int | None, height: int | None) -> tuple[int, int]:
    native_w = info.px_width * EMU_PER_INCH // max(info.dpi_x, 1)
    native_h = info.px_height * EMU_PER_INCH // max(info.dpi_y, 1)
    if width is None and height is None:
        return native_w, native_h
    if width is None:
        assert height is not None  # noqa: S101 -- narrowed by the branch above
        return int(native_w * height / max(native_h, 1)), int(height)
    if height is None:
        return int(width), int(native_h * width / max(native_w, 1))
    return int(width), int(height)


def read_image(blob: bytes) -> ImageInfo:
    """Sniff format, pixel size and resolution from an image's header."""
    if blob.startswith(b"\x89PNG\r\n\x1a\n"):
        return _png(blob)
    if blob.startswith(b"\xff\xd8"):
        return _jpeg(blob)
    if blob[:6] in (b"GIF87a", b"GIF89a"):
        w, h = struct.unpack_from("<HH", blob, 6)
        return ImageInfo(blob, "gif", "image/gif", w, h, DEFAULT_DPI, DEFAULT_DPI)
    raise RenderError(
        "图片格式不受支持（只支持 PNG、JPEG、GIF）",
        "unsupported image format (PNG, JPEG and GIF are supported)",
    )


def _png(blob: bytes) -> ImageInfo:
    width, height = struct.unpack_from(">II", blob, 16)
    dpi_x = dpi_y = DEFAULT_DPI
    pos = 8
    while pos + 8 <= len(blob):
        length, kind = struct.unpack_from(">I4s", blob, pos)
        if kind == b"pHYs" and length >= 9:
            per_x, per_y, unit = struct.unpack_from(">IIB", blob, pos + 8)
            if unit == 1 and per_x and per_y:  # pixels per metre
                dpi_x, dpi_y = round(per_x * 0.0254), round(per_y * 0.0254)
            break
        if kind == b"IDAT":
            break
        pos += 12 + length
    return ImageInfo(blob, "png", "image/png", width, height, dpi_x, dpi_y)


def _jpeg(blob: bytes) -> ImageInfo:
    dpi_x = dpi_y = DEFAULT_DPI
    pos = 2
    while pos + 4 <= len(blob):
        if blob[pos] != 0xFF:
            pos += 1
            continue
        marker = blob[pos + 1]
        length = struct.unpack_from(">H", blob, pos + 2)[0]
        if marker == 0xE0 and blob[pos + 4 : pos + 9] == b"JFIF\x00":
            unit, dx, dy = struct.unpack_from(">BHH", blob, pos + 11)
            if unit == 1 and dx and dy:
                dpi_x, dpi_y = dx, dy
        if marker in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF):
            height, width = struct.unpack_from(">HH", blob, pos + 5)
            return ImageInfo(blob, "jpeg", "image/jpeg", width, height, dpi_x, dpi_y)
        pos += 2 + length
    raise RenderError("JPEG 图片已损坏：找不到尺寸信息", "broken JPEG: no frame header found")


def drawing_xml(rid: str, shape_id: int, image: InlineImage, rpr: str, name: str = "图片") -> str:
    """The run that shows ``image`` through relationship ``rid``."""
    cx, cy = image.width, image.height
    return (
        f"<w:r>{rpr}<w:drawing>"
        '<wp:inline distT="0" distB="0" distL="0" distR="0" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f"{picture_xml(rid, shape_id, image, name)}</wp:inline></w:drawing></w:r>"
    )


def picture_xml(
    rid: str, shape_id: int, image: InlineImage, name: str = "图片", effects: str = ""
) -> str:
    """What an inline and an anchored picture share: ``wp:docPr`` through ``a:graphic``;
    ``effects`` are DrawingML colour effects inside the ``a:blip`` (a watermark's washout)."""
    cx, cy = image.width, image.height
    descr = image.descr.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    return (
        f'<wp:docPr id="{shape_id}" name="{name} {shape_id}" descr="{descr}"/>'
        "<wp:cNvGraphicFramePr><a:graphicFrameLocks "
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" noChangeAspect="1"/>'
        "</wp:cNvGraphicFramePr>"
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        f'<pic:nvPicPr><pic:cNvPr id="0" name="image{shape_id}.{image.info.ext}"/><pic:cNvPicPr/>'
        "</pic:nvPicPr><pic:blipFill>"
        f'<a:blip r:embed="{rid}" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f"{effects}</a:blip>"
        "<a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
        "</pic:pic></a:graphicData></a:graphic>"
    )
