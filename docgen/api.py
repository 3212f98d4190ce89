"""The library's front door: short functions over the engine, used by the CLI too."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from docgen.engine.template import Template, load, read_template
from docgen.engine.verify import verify_package
from docgen.exceptions import Problem

__all__ = ["check_template", "load", "render", "render_to_file", "verify_package"]


def render(
    template: str | os.PathLike[str] | Template,
    context: Mapping[str, Any] | Any,
    *,
    strip_invalid: bool = False,
    check: bool = False,
) -> bytes:
    """Render ``template`` (a path or a compiled :class:`Template`) with ``context``.

    Returns the .docx bytes. See :meth:`Template.render` for the options and errors.
    """
    compiled = template if isinstance(template, Template) else load(template)
    return compiled.render(context, strip_invalid=strip_invalid, check=check)


def render_to_file(
    template: str | os.PathLike[str] | Template,
    context: Mapping[str, Any] | Any,
    output: str | os.PathLike[str],
    **options: Any,
) -> Path:
    """Render and write the result atomically to ``output``."""
    compiled = template if isinstance(template, Template) else load(template)
    return compiled.render_to(output, context, **options)


def check_template(template: str | os.PathLike[str] | bytes) -> list[Problem]:
    """Every problem in a template, found in one pass (errors and warnings).

    Unlike :func:`load`, a broken template does not raise: its problems are
    returned. A file that is not a .docx at all still raises
    :class:`~docgen.exceptions.TemplateError`.
    """
    if isinstance(template, bytes):
        return list(Template(template).problems)
    path = Path(template)
    return list(Template(read_template(path), str(path)).problems)
