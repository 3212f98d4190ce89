"""Merge rendered documents into one .docx: breaks, sections, lists, styles, ids, cover, TOC.

``merge([Part(blob1), Part(blob2, start="page")], toc=True)`` returns the
merged .docx bytes. What the merge guarantees is listed in the README
("Merging documents") and in the docstrings of the modules below.
"""

from __future__ import annotations

from docgen.merge.compose import merge as merge
from docgen.merge.part import CoverPage as CoverPage
from docgen.merge.part import Part as Part
from docgen.merge.part import Start as Start

__all__ = ["CoverPage", "Part", "Start", "merge"]
