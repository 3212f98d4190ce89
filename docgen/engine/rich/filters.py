"""The template filters of the rich values, registered in every environment."""

from __future__ import annotations

from typing import Any

from docgen.engine.rich.anchored import floating_filter
from docgen.engine.rich.chart import chart_filter
from docgen.engine.rich.checkbox import checkbox_filter
from docgen.engine.rich.html import html_filter
from docgen.engine.rich.markdown import markdown_filter
from docgen.engine.rich.merge import hmerge_filter, vmerge_filter
from docgen.engine.rich.photo import photo_filter
from docgen.engine.rich.qr import qrcode_filter
from docgen.engine.rich.seal import seal_filter
from docgen.engine.rich.signature import signature_filter

FILTERS: dict[str, Any] = {
    "qrcode": qrcode_filter,
    "checkbox": checkbox_filter,
    "vmerge": vmerge_filter,
    "hmerge": hmerge_filter,
    "floating": floating_filter,
    "seal": seal_filter,
    "signature": signature_filter,
    "photo": photo_filter,
    "html": html_filter,
    "markdown": markdown_filter,
    "chart": chart_filter,
}
