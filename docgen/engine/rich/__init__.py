"""Rich values beyond text and inline pictures: QR codes, checkboxes, floating pictures,
seals, signatures, watermarks, HTML, Markdown, charts, and more.

Each concept has its own module; :data:`~docgen.engine.rich.filters.FILTERS`
are the template filters that make them from plain data (``{{ link|qrcode }}``,
``{{ done|checkbox }}``), so a data file can use them without code.
"""

from __future__ import annotations

from docgen.engine.rich.anchored import FloatingImage
from docgen.engine.rich.chart import Chart
from docgen.engine.rich.checkbox import Checkbox
from docgen.engine.rich.html import Html
from docgen.engine.rich.markdown import Markdown
from docgen.engine.rich.qr import QRCode
from docgen.engine.rich.seal import Seal
from docgen.engine.rich.signature import Signature
from docgen.engine.rich.watermark import Watermark, add_watermark

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
