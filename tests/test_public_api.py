"""The public surface of ``docgen``: names, order and the exception tree."""

from __future__ import annotations

import re

import pytest

import docgen
from docgen import exceptions


def test_all_is_sorted_and_unique() -> None:
    """``docgen.__all__`` is sorted (case-sensitive, as ruff sorts it) and has no repeats."""
    assert list(docgen.__all__) == sorted(docgen.__all__)
    assert len(set(docgen.__all__)) == len(docgen.__all__)


@pytest.mark.parametrize("name", docgen.__all__)
def test_every_public_name_exists(name: str) -> None:
    """Every name in ``__all__`` is an attribute of the package."""
    assert getattr(docgen, name, None) is not None


def test_star_import_gives_exactly_all() -> None:
    """``from docgen import *`` binds exactly the names in ``__all__``."""
    namespace: dict[str, object] = {}
    exec("from docgen import *", namespace)  # noqa: S102 -- a fixed import statement
    assert sorted(k for k in namespace if k != "__builtins__") == sorted(docgen.__all__)


def test_exceptions_all_sorted_and_present() -> None:
    """``docgen.exceptions.__all__`` is sorted and every name exists."""
    assert list(exceptions.__all__) == sorted(exceptions.__all__)
    for name in exceptions.__all__:
        assert hasattr(exceptions, name), name


@pytest.mark.parametrize(
    ("cls", "parent", "exit_code"),
    [
        (docgen.TemplateError, docgen.DocgenError, 3),
        (docgen.TemplateNotFound, docgen.TemplateError, 6),
        (docgen.TemplateSyntaxError, docgen.TemplateError, 3),
        (docgen.DataError, docgen.DocgenError, 4),
        (docgen.RenderError, docgen.DocgenError, 5),
        (docgen.MissingFieldError, docgen.RenderError, 5),
        (docgen.InvalidCharacterError, docgen.RenderError, 5),
        (docgen.SandboxError, docgen.RenderError, 5),
        (exceptions.PackageCheckError, docgen.RenderError, 5),
    ],
)
def test_exception_tree_and_exit_codes(cls: type, parent: type, exit_code: int) -> None:
    """Each public error sits under its parent and carries the documented exit code."""
    assert issubclass(cls, parent)
    assert issubclass(cls, docgen.DocgenError)
    assert cls.exit_code == exit_code  # type: ignore[attr-defined]


def test_version_matches_metadata() -> None:
    """``docgen.__version__`` equals the installed distribution's version."""
    from importlib.metadata import version

    assert docgen.__version__ == version("docgen")


def test_api_functions_are_the_engine_ones() -> None:
    """The front-door functions are the ones the CLI uses."""
    from docgen import api

    assert docgen.load is api.load
    assert docgen.check_template is api.check_template
    assert docgen.render is api.render
    assert docgen.render_to_file is api.render_to_file
    assert docgen.verify_package is api.verify_package


#: The public names, written out: adding or removing one is a decision made here.
PUBLIC = [
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


def test_all_is_pinned() -> None:
    """``docgen.__all__`` is exactly the explicit list above."""
    assert list(docgen.__all__) == PUBLIC


def _all_docgen_errors() -> set[type]:
    import importlib
    import pkgutil

    for info in pkgutil.walk_packages(docgen.__path__, "docgen."):
        if not info.name.endswith("__main__"):  # those run a command when imported
            importlib.import_module(info.name)
    found: set[type] = set()
    todo: list[type] = [docgen.DocgenError]
    while todo:
        cls = todo.pop()
        found.add(cls)
        todo.extend(cls.__subclasses__())
    return found


def test_exception_tree_is_whole() -> None:
    """Every DocgenError subclass lives in docgen.exceptions, is exported and drawn in the tree.

    ``docgen.compat.docxtpl`` is the one exception: it mirrors docxtpl's own error names.
    """
    tree = exceptions.__doc__ or ""
    for cls in _all_docgen_errors():
        if cls.__module__.startswith("docgen.compat"):
            continue
        name = cls.__name__
        if name.startswith("_"):
            continue
        assert cls.__module__ == "docgen.exceptions", f"{name} is defined in {cls.__module__}"
        assert name in docgen.__all__, name
        assert re.search(rf"(── |^    ){name}\s", tree, re.M), f"{name} is not drawn in the tree"


def test_exit_codes_come_from_the_enum() -> None:
    """Each error's exit code is an ExitCode member (one definition of each number)."""
    for cls in _all_docgen_errors():
        assert isinstance(cls.exit_code, docgen.ExitCode), cls  # type: ignore[attr-defined]
