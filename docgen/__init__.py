"""docgen: structured data to finished Chinese party-branch documents.

Everything public is listed in ``__all__`` (pinned by a test). The exception tree is
imported at once; the rest is imported on first use (PEP 562 ``__getattr__`` over a
fixed table, not attribute forwarding), so ``import docgen`` and every command start
without loading the bundles, batches, conversion or inspection they do not use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docgen.exceptions import BatchStoppedError as BatchStoppedError
from docgen.exceptions import BundleError as BundleError
from docgen.exceptions import ConversionError as ConversionError
from docgen.exceptions import ConversionFailed as ConversionFailed
from docgen.exceptions import CorruptPackageError as CorruptPackageError
from docgen.exceptions import DataError as DataError
from docgen.exceptions import DocgenError as DocgenError
from docgen.exceptions import ExitCode as ExitCode
from docgen.exceptions import InputTooLargeError as InputTooLargeError
from docgen.exceptions import InspectError as InspectError
from docgen.exceptions import Interrupted as Interrupted
from docgen.exceptions import InvalidCharacterError as InvalidCharacterError
from docgen.exceptions import Location as Location
from docgen.exceptions import ManifestError as ManifestError
from docgen.exceptions import MissingFieldError as MissingFieldError
from docgen.exceptions import NoHolidaySchedule as NoHolidaySchedule
from docgen.exceptions import OutputBusyError as OutputBusyError
from docgen.exceptions import PackageCheckError as PackageCheckError
from docgen.exceptions import Problem as Problem
from docgen.exceptions import RecipeError as RecipeError
from docgen.exceptions import RenderError as RenderError
from docgen.exceptions import RenderLimitError as RenderLimitError
from docgen.exceptions import ReplacementError as ReplacementError
from docgen.exceptions import SandboxError as SandboxError
from docgen.exceptions import TemplateError as TemplateError
from docgen.exceptions import TemplateNotFound as TemplateNotFound
from docgen.exceptions import TemplateSyntaxError as TemplateSyntaxError
from docgen.exceptions import ToolNotFound as ToolNotFound
from docgen.lazy import lazy_attributes

if TYPE_CHECKING:
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
    from docgen.context import DataBytes as DataBytes
    from docgen.context import Loaded as Loaded
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
    from docgen.i18n import language as language
    from docgen.results import Failure as Failure
    from docgen.results import Output as Output

__version__ = "0.1.0"

#: Public name -> "module" or "module:attribute", imported on first use.
_LAZY = {
    "BatchResult": "docgen.batching",
    "BuildResult": "docgen.bundle",
    "Bundle": "docgen.bundle",
    "Cm": "docgen.engine.images",
    "DataBytes": "docgen.context",
    "Failure": "docgen.results",
    "Inches": "docgen.engine.images",
    "InlineImage": "docgen.engine.images",
    "Listing": "docgen.engine.richtext",
    "Loaded": "docgen.context",
    "Mm": "docgen.engine.images",
    "Output": "docgen.results",
    "Pt": "docgen.engine.images",
    "RichText": "docgen.engine.richtext",
    "RichTextParagraph": "docgen.engine.richtext",
    "Subdoc": "docgen.engine.include",
    "Template": "docgen.engine.template",
    "batch": "docgen.batching:run",
    "check_template": "docgen.api",
    "language": "docgen.i18n",
    "load": "docgen.api",
    "load_data": "docgen.data.api",
    "render": "docgen.api",
    "render_to_file": "docgen.api",
    "validate": "docgen.api",
    "validate_files": "docgen.data.api",
    "verify_package": "docgen.api",
}


__getattr__, __dir__ = lazy_attributes(__name__, _LAZY)


__all__ = [
    "BatchResult",
    "BatchStoppedError",
    "BuildResult",
    "Bundle",
    "BundleError",
    "Cm",
    "ConversionError",
    "ConversionFailed",
    "CorruptPackageError",
    "DataBytes",
    "DataError",
    "DocgenError",
    "ExitCode",
    "Failure",
    "Inches",
    "InlineImage",
    "InputTooLargeError",
    "InspectError",
    "Interrupted",
    "InvalidCharacterError",
    "Listing",
    "Loaded",
    "Location",
    "ManifestError",
    "MissingFieldError",
    "Mm",
    "NoHolidaySchedule",
    "Output",
    "OutputBusyError",
    "PackageCheckError",
    "Problem",
    "Pt",
    "RecipeError",
    "RenderError",
    "RenderLimitError",
    "ReplacementError",
    "RichText",
    "RichTextParagraph",
    "SandboxError",
    "Subdoc",
    "Template",
    "TemplateError",
    "TemplateNotFound",
    "TemplateSyntaxError",
    "ToolNotFound",
    "batch",
    "check_template",
    "language",
    "load",
    "load_data",
    "render",
    "render_to_file",
    "validate",
    "validate_files",
    "verify_package",
]
