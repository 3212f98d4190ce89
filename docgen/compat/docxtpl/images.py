"""docxtpl's ``InlineImage(tpl, image_descriptor, width, height)`` over docgen's picture."""

from __future__ import annotations

from os import PathLike
from typing import IO, Any

from docgen.engine import images
from docgen.exceptions import RenderError


class InlineImage(images.InlineImage):
    """A picture for ``{{ image }}``; ``tpl`` is accepted and not needed.

    docgen places the picture in whichever part the tag stands (body, header,
    footer), so the template object docxtpl asks for plays no role here.
    ``width``/``height`` take python-docx's ``Mm``/``Cm``/``Inches``/``Pt``.
    """

    def __init__(
        self,
        tpl: Any,
        image_descriptor: str | PathLike[str] | bytes | IO[bytes],
        width: int | None = None,
        height: int | None = None,
        anchor: str | None = None,
    ) -> None:
        if anchor is not None:
            # Refused rather than dropped: the link would silently be missing.
            raise RenderError(
                "InlineImage 的 anchor（图片超链接）暂不支持；请去掉 anchor 参数",
                "InlineImage(anchor=…) (a link on the picture) is not supported; leave anchor out",
            )
        super().__init__(image_descriptor, width, height)
        self.tpl = tpl
        self.image_descriptor = image_descriptor
