"""QR codes as picture values: ``{{ link|qrcode }}`` or ``QRCode(link, size=Mm(30))``.

The symbol is drawn by segno (pure Python, no imaging library, maintained, and
the encoder of record for ISO/IEC 18004 options such as error levels). It writes
the PNG itself, so a QR code costs no Pillow. One module is a whole number of
pixels, so the code stays sharp at any print size.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from markupsafe import Markup

from docgen.engine.images import InlineImage, Mm
from docgen.engine.rich.lines import unclip_pictures
from docgen.i18n import tr

if TYPE_CHECKING:
    from docgen.engine.values import RenderState

#: Error-correction levels segno knows: L 7 %, M 15 %, Q 25 %, H 30 % of the symbol may be lost.
LEVELS = ("L", "M", "Q", "H")
DEFAULT_SIZE_MM = 25.0
_PIXELS_PER_MODULE = 8


class QRCode(InlineImage):
    """A QR code of ``data`` (text or a link), ``size`` EMU wide and high (``Mm(25)``)."""

    docgen_kind = "custom"

    def __init__(
        self,
        data: object,
        size: int | None = None,
        error: str = "M",
        border: int = 2,
        descr: str = "",
    ) -> None:
        text = qr_text(data)
        png = qr_png(text, error, border)
        side = Mm(DEFAULT_SIZE_MM) if size is None else int(size)
        super().__init__(png, width=side, height=side, descr=descr or text)
        self.data = text

    def docgen_render(self, state: RenderState, index: int) -> Markup:
        """The picture's run at site ``index``; its paragraph's line grows to fit it."""
        state.finish(unclip_pictures)
        return state.fragment(index, state.picture(index, self), "run")


def qr_text(data: object) -> str:
    """The text to encode; nothing (``None``, empty) is an error, never an empty symbol."""
    text = data.decode("utf-8") if isinstance(data, bytes) else "" if data is None else str(data)
    if not text.strip():
        raise ValueError(
            tr(
                "二维码的内容为空：请给出要编码的文字或网址",
                "the QR code has nothing to encode: give the text or link",
            )
        )
    return text


def qr_png(text: str, error: str = "M", border: int = 2) -> bytes:
    """PNG bytes of the QR code of ``text``."""
    import segno  # imported on first use: most renders draw no QR code
    from segno import DataOverflowError

    level = str(error).upper()
    if level not in LEVELS:
        raise ValueError(
            tr(
                f"二维码纠错等级 {error} 无效：可选 L、M、Q、H",
                f"QR error level {error} is not valid: use L, M, Q or H",
            )
        )
    if not 0 <= int(border) <= 10:
        raise ValueError(tr("二维码留白应在 0 到 10 个模块之间", "QR border must be 0-10 modules"))
    try:
        code = segno.make(text, error=level.lower(), micro=False, boost_error=False)
    except DataOverflowError as err:
        raise ValueError(
            tr(
                f"二维码内容过长（{len(text)} 个字符），无法编码：请缩短内容或降低纠错等级",
                f"the QR code content is too long ({len(text)} characters): shorten it "
                "or lower the error level",
            )
        ) from err
    out = io.BytesIO()
    code.save(out, kind="png", scale=_PIXELS_PER_MODULE, border=int(border))
    return out.getvalue()


def qrcode_filter(value: object, size_mm: float = DEFAULT_SIZE_MM, error: str = "M") -> QRCode:
    """``{{ link|qrcode }}``, ``{{ link|qrcode(30) }}``: a QR code ``size_mm`` millimetres wide."""
    size = float(size_mm)
    if not 5 <= size <= 200:
        raise ValueError(
            tr(
                f"二维码尺寸 {size_mm} 毫米不合理：应在 5 到 200 毫米之间",
                f"QR size {size_mm} mm is out of range: use 5-200 mm",
            )
        )
    return QRCode(value, Mm(size), error)
