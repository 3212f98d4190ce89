"""Floating pictures: anchored at a tag, placed in mm from the paragraph, margin or page.

An inline picture is a big character in its line; an anchored one (``wp:anchor``) floats
over the page at a position of its own, in front of the text or behind it, and the
text does not move for it. That is what a seal over a date, a logo in a corner or an
image watermark needs. The tag that prints the value only says which paragraph the
picture belongs to (it moves with that paragraph from page to page).

``relative_to`` names what the offsets ``x`` and ``y`` are measured from:

- ``"paragraph"`` — across from the text column's left edge, down from the top of the
  paragraph holding the tag;
- ``"margin"`` — from the type area's top-left corner (the margins);
- ``"page"`` — from the sheet's top-left corner;
- ``"character"`` — across from the place of the tag in its line, down from the top of
  its paragraph.

Instead of an offset a side may be aligned (``align_x`` ``left``/``center``/``right``,
``align_y`` ``top``/``center``/``bottom``) within what it is relative to.
"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any

from markupsafe import Markup

from docgen.engine.images import InlineImage, Mm, picture_xml
from docgen.engine.rich.sources import image_bytes
from docgen.i18n import tr

if TYPE_CHECKING:
    from os import PathLike

    from docgen.engine.values import RenderState

#: (horizontal, vertical) ``relativeFrom`` of each ``relative_to``.
FRAMES = {
    "paragraph": ("column", "paragraph"),
    "margin": ("margin", "margin"),
    "page": ("page", "page"),
    # Not "line" down: LibreOffice 7.4 counts a line-relative offset upwards.
    "character": ("character", "paragraph"),
}
ALIGN_X = ("left", "center", "right")
ALIGN_Y = ("top", "center", "bottom")
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
#: Word stacks floating shapes by relativeHeight; start where Word's own shapes start.
_Z_BASE = 251658240


class FloatingImage(InlineImage):
    """A picture anchored at its tag, ``x``/``y`` EMU from what ``relative_to`` names.

    ``behind`` puts it behind the text (a watermark, a background); by default it is in
    front (a seal, whose transparent PNG lets the text show through). ``width`` and
    ``height`` work as for :class:`~docgen.engine.images.InlineImage`.
    """

    docgen_kind = "custom"
    #: The ``wp:docPr`` name, as Word's selection pane shows it.
    shape_name = "浮动图片"
    #: DrawingML colour effects on the picture (a watermark's washout); none by default.
    effects = ""

    def __init__(
        self,
        image: str | PathLike[str] | bytes | IO[bytes] | InlineImage,
        width: int | None = None,
        height: int | None = None,
        *,
        x: int = 0,
        y: int = 0,
        relative_to: str = "paragraph",
        align_x: str | None = None,
        align_y: str | None = None,
        behind: bool = False,
        descr: str = "",
    ) -> None:
        if isinstance(image, InlineImage):
            self.info = image.info
            self.width, self.height = _resized(image, width, height)
            self.descr = descr or image.descr
        else:
            super().__init__(image, width, height, descr)
        if relative_to not in FRAMES:
            raise ValueError(
                tr(
                    f"浮动图片的位置基准 {relative_to!r} 无效：可选 "
                    "paragraph（段落）、margin（版心）、page（页面）、character（字符）",
                    f"floating picture: relative_to {relative_to!r} is not valid; use "
                    "paragraph, margin, page or character",
                )
            )
        for value, allowed in ((align_x, ALIGN_X), (align_y, ALIGN_Y)):
            if value is not None and value not in allowed:
                raise ValueError(
                    tr(
                        f"浮动图片的对齐方式 {value!r} 无效：可选 {'、'.join(allowed)}",
                        f"floating picture: alignment {value!r} is not valid; use "
                        f"{', '.join(allowed)}",
                    )
                )
        self.x, self.y = int(x), int(y)
        self.relative_to = relative_to
        self.align_x, self.align_y = align_x, align_y
        self.behind = bool(behind)

    def docgen_render(self, state: RenderState, index: int) -> Markup:
        """The run holding the anchor at site ``index`` (media and relationship added)."""
        rid = state.add_media(self.info)
        shape_id = state.new_id()
        run = f"<w:r>{state.site(index).rpr}<w:drawing>{anchor_xml(rid, shape_id, self)}"
        return state.fragment(index, run + "</w:drawing></w:r>", "run")


def anchor_xml(rid: str, shape_id: int, image: FloatingImage) -> str:
    """The ``wp:anchor`` element of ``image`` (no wrapping: text neither moves nor wraps)."""
    across, down = FRAMES[image.relative_to]
    return (
        f'<wp:anchor xmlns:wp="{_WP}" distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        f'relativeHeight="{_Z_BASE + shape_id}" behindDoc="{int(image.behind)}" locked="0" '
        'layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="{across}">{_place(image.align_x, image.x)}</wp:positionH>'
        f'<wp:positionV relativeFrom="{down}">{_place(image.align_y, image.y)}</wp:positionV>'
        f'<wp:extent cx="{image.width}" cy="{image.height}"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        f"{picture_xml(rid, shape_id, image, image.shape_name, image.effects)}</wp:anchor>"
    )


def _place(align: str | None, offset: int) -> str:
    if align is not None:
        return f"<wp:align>{align}</wp:align>"
    return f"<wp:posOffset>{offset}</wp:posOffset>"


def _resized(image: InlineImage, width: int | None, height: int | None) -> tuple[int, int]:
    """``image``'s size, or the one asked for (the other side keeping the ratio)."""
    if width is None and height is None:
        return image.width, image.height
    if width is None:
        assert height is not None  # noqa: S101 -- narrowed by the branch above
        return round(image.width * height / max(image.height, 1)), int(height)
    if height is None:
        return int(width), round(image.height * width / max(image.width, 1))
    return int(width), int(height)


def mm_or_none(value: Any, what: str, low: float = 1, high: float = 1000) -> int | None:
    """``value`` millimetres as EMU (``None`` stays ``None``), refused outside ``low``–``high``."""
    if value is None:
        return None
    number = float(value)
    if not low <= number <= high:
        raise ValueError(
            tr(
                f"{what} {value} 毫米不合理：应在 {low:g} 到 {high:g} 毫米之间",
                f"{what} {value} mm is out of range: use {low:g}-{high:g} mm",
            )
        )
    return Mm(number)


def floating_filter(
    value: Any,
    width: float | None = None,
    height: float | None = None,
    x: float = 0,
    y: float = 0,
    relative: str = "paragraph",
    behind: bool = False,
    align_x: str | None = None,
    align_y: str | None = None,
) -> FloatingImage:
    """``{{ logo|floating(30, x=150, y=-5, relative='margin', behind=true) }}``: sizes and
    offsets in millimetres; the picture is a name in the image folder, bytes or a picture."""
    source = image_bytes(value, tr("浮动图片", "floating picture"))
    return FloatingImage(
        source,
        mm_or_none(width, tr("浮动图片宽度", "floating picture width")),
        mm_or_none(height, tr("浮动图片高度", "floating picture height")),
        x=Mm(_offset(x, tr("水平位置", "across offset"))),
        y=Mm(_offset(y, tr("垂直位置", "down offset"))),
        relative_to=str(relative),
        align_x=align_x,
        align_y=align_y,
        behind=bool(behind),
    )


def _offset(value: Any, what: str) -> float:
    number = float(value)
    if not -600 <= number <= 600:
        raise ValueError(
            tr(
                f"浮动图片的{what} {value} 毫米超出页面：应在 -600 到 600 毫米之间",
                f"the floating picture's {what} {value} mm is off the page: use -600 to 600 mm",
            )
        )
    return number
