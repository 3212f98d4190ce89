"""The catalogue of shipped templates: one module per template, each exporting ``SPEC``.

To add a template, write ``docgen/style/catalog/<name>.py`` with a
:class:`~docgen.style.spec.TemplateSpec` named ``SPEC`` and run
``scripts/build_templates.py``; every module of this package is picked up, in
name order, so adding a template edits no shared list.
"""

from __future__ import annotations

import importlib
import pkgutil

from docgen.style.spec import TemplateSpec


def catalog() -> list[TemplateSpec]:
    """Every template description, in module-name order."""
    names = sorted(info.name for info in pkgutil.iter_modules(__path__) if not info.ispkg)
    return [importlib.import_module(f"{__name__}.{name}").SPEC for name in names]


__all__ = ["catalog"]
