"""Rich values beyond text and inline pictures: QR codes, checkboxes, floating pictures,
seals, signatures, watermarks, HTML, Markdown, charts, and more.

Each concept has its own module; :data:`~docgen.engine.rich.filters.FILTERS`
are the template filters that make them from plain data (``{{ link|qrcode }}``,
``{{ done|checkbox }}``), so a data file can use them without code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docgen.lazy import lazy_attributes

if TYPE_CHECKING:
    from docgen.engine.rich.anchored import FloatingImage as FloatingImage
    from docgen.engine.rich.chart import Chart as Chart
    from docgen.engine.rich.checkbox import Checkbox as Checkbox
    from docgen.engine.rich.html import Html as Html
    from docgen.engine.rich.markdown import Markdown as Markdown
    from docgen.engine.rich.qr import QRCode as QRCode
    from docgen.engine.rich.seal import Seal as Seal
    from docgen.engine.rich.signature import Signature as Signature
    from docgen.engine.rich.watermark import Watermark as Watermark
    from docgen.engine.rich.watermark import add_watermark as add_watermark

#: Public name -> its module, imported on first use: the filters need none of them.
_LAZY = {
    "Chart": "docgen.engine.rich.chart",
    "Checkbox": "docgen.engine.rich.checkbox",
    "FloatingImage": "docgen.engine.rich.anchored",
    "Html": "docgen.engine.rich.html",
    "Markdown": "docgen.engine.rich.markdown",
    "QRCode": "docgen.engine.rich.qr",
    "Seal": "docgen.engine.rich.seal",
    "Signature": "docgen.engine.rich.signature",
    "Watermark": "docgen.engine.rich.watermark",
    "add_watermark": "docgen.engine.rich.watermark",
}

__getattr__, __dir__ = lazy_attributes(__name__, _LAZY)

__all__ = [
    "Chart",
    "Checkbox",
    "FloatingImage",
    "Html",
    "Markdown",
    "QRCode",
    "Seal",
    "Signature",
    "Watermark",
    "add_watermark",
]
