"""A photo fitted into a box, its aspect kept: ``{{ p.image|photo(74, 55, p.caption) }}``.

A photo page lays its pictures out in a grid whose cells have a fixed room; a camera's
picture is any pixel size and either way up. :func:`photo_filter` scales it to the
largest size that fits ``width_mm`` × ``height_mm`` (never stretched, never cropped)
and gives it ``descr`` as its alternative text, which a screen reader and Word's 可选文字
read (the photo's caption, not a generic word).
"""

from __future__ import annotations

from typing import Any

from docgen.engine.images import InlineImage, Mm
from docgen.engine.rich.anchored import mm_or_none
from docgen.engine.rich.sources import image_bytes
from docgen.i18n import tr

DEFAULT_WIDTH_MM = 74.0
DEFAULT_HEIGHT_MM = 55.0


def fitted(image: InlineImage, width: int, height: int) -> InlineImage:
    """``image`` resized (in place) to the largest size inside ``width`` × ``height`` EMU."""
    px_w, px_h = max(image.info.px_width, 1), max(image.info.px_height, 1)
    scale = min(width / px_w, height / px_h)
    image.width, image.height = round(px_w * scale), round(px_h * scale)
    return image


def photo_filter(
    value: Any,
    width_mm: float = DEFAULT_WIDTH_MM,
    height_mm: float = DEFAULT_HEIGHT_MM,
    descr: str = "",
) -> InlineImage | str:
    """``{{ p.image|photo }}``, ``|photo(74, 55, '说明')``: the picture fitted into the box;
    nothing (empty) leaves the place blank."""
    width = mm_or_none(width_mm, tr("照片宽度", "photo width"), 10, 300) or Mm(DEFAULT_WIDTH_MM)
    height = mm_or_none(height_mm, tr("照片高度", "photo height"), 10, 300) or Mm(
        DEFAULT_HEIGHT_MM
    )
    if value is None or (isinstance(value, str) and not value.strip()):
        return ""
    picture = image_bytes(value, tr("照片", "photo"))
    image = picture if isinstance(picture, InlineImage) else InlineImage(picture)
    image.descr = str(descr or "") or image.descr or tr("照片", "photo")
    return fitted(image, width, height)


__all__ = ["DEFAULT_HEIGHT_MM", "DEFAULT_WIDTH_MM", "fitted", "photo_filter"]
