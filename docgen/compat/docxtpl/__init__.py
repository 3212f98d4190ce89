"""docxtpl's public names on docgen's engine: change one import line, keep your code.

::

    from docgen.compat.docxtpl import DocxTemplate, InlineImage, RichText

Templates are compiled once and cached, rendered in docgen's sandbox, and
every output passes docgen's package checks. Rendering follows docxtpl where
its defaults differ from docgen's: missing names print empty, and
``autoescape=False`` pastes WordprocessingML strings as XML. The README's
migration section lists the differences that remain.
"""

from __future__ import annotations

from docgen.compat.docxtpl.images import InlineImage as InlineImage
from docgen.compat.docxtpl.subdoc import Subdoc as Subdoc
from docgen.compat.docxtpl.template import DocxTemplate as DocxTemplate
from docgen.engine.images import Cm as Cm
from docgen.engine.images import Inches as Inches
from docgen.engine.images import Mm as Mm
from docgen.engine.images import Pt as Pt
from docgen.engine.richtext import RP as RP
from docgen.engine.richtext import Listing as Listing
from docgen.engine.richtext import R as R
from docgen.engine.richtext import RichText as RichText
from docgen.engine.richtext import RichTextParagraph as RichTextParagraph

__all__ = [
    "RP",
    "Cm",
    "DocxTemplate",
    "Inches",
    "InlineImage",
    "Listing",
    "Mm",
    "Pt",
    "R",
    "RichText",
    "RichTextParagraph",
    "Subdoc",
]
