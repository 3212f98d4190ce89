"""A quarter's or a year's meeting records of a branch bound into one volume (合订本).

    from docgen.binding import bind_to_file, parse_quarter
    bind_to_file("记录/", parse_quarter("2026Q3"), "2026Q3.docx", pdf=True)

:mod:`~docgen.binding.period` the period; :mod:`~docgen.binding.records` which files are
records; :mod:`~docgen.binding.selection` which records of the period, in what order;
:mod:`~docgen.binding.bind` the volume. ``docgen bind`` is the command over it.
"""

from __future__ import annotations

from docgen.binding.bind import BoundFiles as BoundFiles
from docgen.binding.bind import BoundVolume as BoundVolume
from docgen.binding.bind import bind_records as bind_records
from docgen.binding.bind import bind_to_file as bind_to_file
from docgen.binding.period import Period as Period
from docgen.binding.period import parse_quarter as parse_quarter
from docgen.binding.period import parse_year as parse_year
from docgen.binding.records import RECORD_TEMPLATES as RECORD_TEMPLATES

__all__ = [
    "RECORD_TEMPLATES",
    "BoundFiles",
    "BoundVolume",
    "Period",
    "bind_records",
    "bind_to_file",
    "parse_quarter",
    "parse_year",
]
