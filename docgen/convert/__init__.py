"""Conversion of finished documents: PDF through a warm LibreOffice, HTML and Markdown through
pandoc, PNG page previews through poppler.

    from docgen.convert import to_pdf
    result = to_pdf(["a.docx", "b.docx"], "out/")      # parallel, warm, retried
    result.raise_for_failures()
    for w in result.warnings: print(w.describe())       # characters that will fall back
"""

from __future__ import annotations

from docgen.convert.pandoc import to_html as to_html
from docgen.convert.pandoc import to_markdown as to_markdown
from docgen.convert.pdf import DEFAULT_TIMEOUT as DEFAULT_TIMEOUT
from docgen.convert.pdf import OfficePool as OfficePool
from docgen.convert.pdf import default_workers as default_workers
from docgen.convert.pdf import to_pdf as to_pdf
from docgen.convert.preview import preview as preview
from docgen.convert.result import ConversionResult as ConversionResult
from docgen.exceptions import ConversionFailed as ConversionFailed
from docgen.exceptions import ToolNotFound as ToolNotFound
from docgen.results import Failure as Failure

__all__ = [
    "DEFAULT_TIMEOUT",
    "ConversionFailed",
    "ConversionResult",
    "Failure",
    "OfficePool",
    "ToolNotFound",
    "default_workers",
    "preview",
    "to_html",
    "to_markdown",
    "to_pdf",
]
