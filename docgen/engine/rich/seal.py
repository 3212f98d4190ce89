"""A seal over the 署名 and 成文日期, as GB/T 9704-2012 §7.3.5.1 places it.

§7.3.5.1 puts the seal centred on the issuing body's name, pressing down on the name
and the date (“印章…居中下压发文机关署名和成文日期”), its top within a line of the body
text. :class:`Seal` prints the 署名 text it is given and anchors the seal picture in
the middle of that text: across, the seal's centre is the text's centre (measured
in the template's own character pitch, Latin letters at half width); down, its centre
sits on the foot of the 署名's line, so its lower half presses the 成文日期 beneath.
The picture floats in front of the text: a PNG with transparency lets both show
through, as ink on paper does. With no picture the text prints alone, leaving the
sealed layout's room for a seal stamped by hand.
"""

from __future__ import annotations

import unicodedata
from typing import IO, TYPE_CHECKING, Any

from markupsafe import Markup

from docgen.engine.images import EMU_PER_INCH, InlineImage, Mm
from docgen.engine.rich.anchored import FloatingImage, mm_or_none
from docgen.engine.rich.metrics import metrics_at
from docgen.engine.rich.sources import image_bytes
from docgen.i18n import tr

if TYPE_CHECKING:
    from os import PathLike

    from docgen.engine.values import RenderState

#: Our default seal diameter; round seals of Party organisations are commonly 38-42 mm.
DEFAULT_SEAL_MM = 40.0
_EMU_PER_PT = EMU_PER_INCH // 72
#: The automatic space between a Chinese character and a Latin letter or digit, in em
#: (3.47 pt measured at 16 pt in LibreOffice's PDF).
AUTO_SPACE = 0.22
#: Leading space the sign-off views use to place a line (ideographic, en and plain).
_BLANKS = "\u3000\u2002 "


class Seal:
    """``text`` (the 署名, padding included) with ``image`` pressed over it, ``size`` wide."""

    docgen_kind = "custom"

    def __init__(
        self,
        image: str | PathLike[str] | bytes | IO[bytes] | InlineImage | None,
        text: object = "",
        size: int | None = None,
    ) -> None:
        self.text = "" if text is None else str(text)
        self.size = Mm(DEFAULT_SEAL_MM) if size is None else int(size)
        self.picture = (
            None if image is None else FloatingImage(image, self.size, descr=tr("印章", "seal"))
        )

    def docgen_render(self, state: RenderState, index: int) -> Markup:
        """The text with the seal anchored at its middle, at site ``index``."""
        if self.picture is None:
            return state.text(index, self.text)
        metrics = metrics_at(state, index)
        body = self.text.lstrip(_BLANKS)
        lead = self.text[: len(self.text) - len(body)]
        widths = _advances(body, metrics.size_pt, metrics.pitch_pt)
        half, split, done = sum(widths) / 2, 0, 0.0
        while split < len(body) and done + widths[split] <= half:
            done += widths[split]
            split += 1
        # Across from the anchor's character; down from the top of the 署名's paragraph.
        placed = FloatingImage(
            self.picture,
            x=round((half - done) * _EMU_PER_PT) - self.picture.width // 2,
            y=round(metrics.line_pt * _EMU_PER_PT) - self.picture.height // 2,
            relative_to="character",
        )
        placed.shape_name = tr("印章", "seal")
        return (
            state.text(index, lead + body[:split])
            + placed.docgen_render(state, index)
            + state.text(index, body[split:])
        )


def _advances(text: str, size_pt: float, pitch_pt: float) -> list[float]:
    """How far each character moves the pen: a full pitch for CJK, half the size for
    Latin letters and digits, and the automatic space LibreOffice and Word put between
    the two kinds (:data:`AUTO_SPACE`) before the first character of a change."""
    wide = [unicodedata.east_asian_width(char) in "WF" for char in text]
    return [
        (pitch_pt if wide[i] else size_pt / 2 + pitch_pt - size_pt)
        + (AUTO_SPACE * size_pt if i and wide[i] != wide[i - 1] else 0)
        for i in range(len(text))
    ]


def seal_filter(text: Any, image: Any = None, size_mm: float = DEFAULT_SEAL_MM) -> Seal:
    """``{{ signoff.org_text|seal(stamp) }}``, ``|seal(stamp, 42)``: the 署名 with the seal
    ``size_mm`` wide over it; ``stamp`` is a name in the image folder, bytes or a picture,
    and nothing (empty) prints the 署名 alone."""
    size = mm_or_none(size_mm, tr("印章直径", "seal diameter"), 10, 80)
    if image is None or (isinstance(image, str) and not image.strip()):
        return Seal(None, text, size)
    return Seal(image_bytes(image, tr("印章图片", "seal image")), text, size)
