"""Measure a printed page (a PDF) and check it against the GB/T 9704 house style.

``inspect_pdf(path)`` reads the PDF, tells title, headings, body and page numbers apart, measures
the text block, fonts, body size and pitch, lines and characters, and the page numbers, and
returns an :class:`Inspection` holding the measurements and a list of pass/fail findings.
"""

from __future__ import annotations

from docgen.exceptions import InspectError as InspectError
from docgen.inspect.findings import Finding as Finding
from docgen.inspect.inspection import Inspection as Inspection
from docgen.inspect.inspection import inspect_pdf as inspect_pdf
from docgen.inspect.measurements import Measurements as Measurements
from docgen.inspect.measurements import measure_pdf as measure_pdf
from docgen.inspect.spec import GBT_9704 as GBT_9704
from docgen.inspect.spec import Band as Band
from docgen.inspect.spec import FontRoles as FontRoles
from docgen.inspect.spec import LayoutSpec as LayoutSpec

__all__ = [
    "GBT_9704",
    "Band",
    "Finding",
    "FontRoles",
    "InspectError",
    "Inspection",
    "LayoutSpec",
    "Measurements",
    "inspect_pdf",
    "measure_pdf",
]
