"""The template filters of the rich values, registered in every environment.

Each filter's module is imported the first time the filter is called or checked
(:class:`LazyFilter`): a template that draws no chart, QR code or HTML does not load
their code, and the chart, HTML and Markdown modules are most of the engine's imports.
"""

from __future__ import annotations

import importlib
import inspect
from typing import Any


class LazyFilter:
    """A rich filter that imports ``module`` and calls its ``attribute`` on first use.

    It answers :func:`inspect.signature` with the real filter's signature, so the
    template check binds and tries its arguments as before. No instance ``__dict__``
    (``__slots__``): the environment wraps filters with :func:`functools.wraps`, which
    would copy one onto the wrapper.
    """

    __slots__ = ("_target", "attribute", "module", "name")

    def __init__(self, name: str, module: str, attribute: str) -> None:
        self.name = name
        self.module = module
        self.attribute = attribute
        self._target: Any = None

    def target(self) -> Any:
        """The real filter function (its module imported the first time)."""
        if self._target is None:
            self._target = getattr(importlib.import_module(self.module), self.attribute)
        return self._target

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.target()(*args, **kwargs)

    @property
    def __signature__(self) -> inspect.Signature:
        return inspect.signature(self.target())

    def __repr__(self) -> str:
        return f"<rich filter {self.name} ({self.module}.{self.attribute})>"


_WHERE = {
    "qrcode": ("docgen.engine.rich.qr", "qrcode_filter"),
    "checkbox": ("docgen.engine.rich.checkbox", "checkbox_filter"),
    "vmerge": ("docgen.engine.rich.merge", "vmerge_filter"),
    "hmerge": ("docgen.engine.rich.merge", "hmerge_filter"),
    "floating": ("docgen.engine.rich.anchored", "floating_filter"),
    "seal": ("docgen.engine.rich.seal", "seal_filter"),
    "signature": ("docgen.engine.rich.signature", "signature_filter"),
    "photo": ("docgen.engine.rich.photo", "photo_filter"),
    "html": ("docgen.engine.rich.html", "html_filter"),
    "markdown": ("docgen.engine.rich.markdown", "markdown_filter"),
    "chart": ("docgen.engine.rich.chart", "chart_filter"),
}

FILTERS: dict[str, Any] = {
    name: LazyFilter(name, module, attribute) for name, (module, attribute) in _WHERE.items()
}

__all__ = ["FILTERS", "LazyFilter"]
