"""Views: typed data models turned into plain template contexts, one module per kind.

A view adds the wording a template should not compute in Jinja (a vote phrased
from its numbers, “无” for an empty list, deadlines, ordinals of groups, the
sign-off's placement) to the model's own fields. Templates receive plain
dictionaries of text, lists and numbers.

::

    model = docgen.load_data("minutes/2026-11-zhiweihui.yaml")
    context = context_for(model)          # {"title": "…2026年11月支委会记录", …}
    docgen.load("reports/zhiweihui-jilu").render(context)

(:func:`docgen.context.read_data` does both steps for any data source.)

Kinds without a view of their own get the model's fields and the branch name.
A view module declares ``KIND`` (the data kind it serves) and ``context(model)``;
every such module of this package is found automatically.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from functools import cache
from typing import Any

from pydantic import BaseModel

from docgen.views.common import branch_name

View = Callable[[Any], dict[str, Any]]


@cache
def views() -> dict[str, View]:
    """The view of each kind that has one, found from the modules' ``KIND``.

    Found on first use, not at import: importing every view imports every kind's
    model, and a batch or bundle of plain data needs none of them —
    only small helpers of :mod:`docgen.views.common`.
    """
    found: dict[str, View] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        kind = getattr(module, "KIND", None)
        if isinstance(kind, str):
            found[kind] = module.context
    return found


def __getattr__(name: str) -> Any:
    if name == "VIEWS":  # the mapping's old name, kept for callers that read it
        return views()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def context_for(model: BaseModel) -> dict[str, Any]:
    """The template context of a loaded data model (see :func:`docgen.load_data`)."""
    kind = getattr(model, "kind", None)
    view = views().get(kind) if isinstance(kind, str) else None
    if view is not None:
        return view(model)
    return {**model.model_dump(mode="python"), "branch": branch_name(model)}


__all__ = ["VIEWS", "View", "context_for", "views"]
