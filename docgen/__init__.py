"""docgen: structured data to finished Chinese party-branch documents."""

from __future__ import annotations

from docgen.api import check_template as check_template
from docgen.api import load as load
from docgen.api import render as render
from docgen.api import render_to_file as render_to_file
from docgen.api import validate as validate
from docgen.api import verify_package as verify_package
from docgen.batching import BatchResult as BatchResult
from docgen.batching import run as batch
from docgen.bundle import BuildResult as BuildResult
from docgen.bundle import Bundle as Bundle
from docgen.data.api import load_data as load_data
from docgen.data.api import validate_files as validate_files
from docgen.engine.images import Cm as Cm
from docgen.engine.images import Inches as Inches
from docgen.engine.images import InlineImage as InlineImage
from docgen.engine.images import Mm as Mm
from docgen.engine.images import Pt as Pt
from docgen.engine.include import Subdoc as Subdoc
from docgen.engine.richtext import Listing as Listing
from docgen.engine.richtext import RichText as RichText
from docgen.engine.richtext import RichTextParagraph as RichTextParagraph
from docgen.engine.template import Template as Template
from docgen.exceptions import DataError as DataError
from docgen.exceptions import DocgenError as DocgenError
from docgen.exceptions import InvalidCharacterError as InvalidCharacterError
from docgen.exceptions import MissingFieldError as MissingFieldError
from docgen.exceptions import Problem as Problem
from docgen.exceptions import RenderError as RenderError
from docgen.exceptions import SandboxError as SandboxError
from docgen.exceptions import TemplateError as TemplateError
from docgen.exceptions import TemplateNotFound as TemplateNotFound
from docgen.exceptions import TemplateSyntaxError as TemplateSyntaxError

__version__ = "0.1.0"

__all__ = [
    "BatchResult",
    "BuildResult",
    "Bundle",
    "Cm",
    "DataError",
    "DocgenError",
    "Inches",
    "InlineImage",
    "InvalidCharacterError",
    "Listing",
    "MissingFieldError",
    "Mm",
    "Problem",
    "Pt",
    "RenderError",
    "RichText",
    "RichTextParagraph",
    "SandboxError",
    "Subdoc",
    "Template",
    "TemplateError",
    "TemplateNotFound",
    "TemplateSyntaxError",
    "batch",
    "check_template",
    "load",
    "load_data",
    "render",
    "render_to_file",
    "validate",
    "validate_files",
    "verify_package",
]
