"""The catalogue of shipped templates: one module per template, each exporting ``SPEC``.

To add a template, write ``docgen/style/catalog/<name>.py`` with a
:class:`~docgen.style.spec.TemplateSpec` named ``SPEC``, list the module in
``_MODULES`` and run ``scripts/build_templates.py``.
"""

from __future__ import annotations

import importlib

from docgen.style.spec import TemplateSpec

_MODULES = (
    "zhenggai_fangan",
    "zhenggai_taizhang",
    "zhiweihui_jilu",
)


def catalog() -> list[TemplateSpec]:
    """Every template description, in a fixed order."""
    specs: list[TemplateSpec] = []
    for name in _MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        specs.append(module.SPEC)
    return specs


__all__ = ["catalog"]
