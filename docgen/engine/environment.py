"""The one Jinja environment docgen renders with: sandboxed, strict, escaping.

Templates may come from anyone, so rendering happens in Jinja's sandbox: no
attribute starting with an underscore, no ``__class__``/``__globals__`` walks,
no unsafe callables. A missing field is an error, never an empty string.
"""

from __future__ import annotations

from typing import Any

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from docgen.engine.compiler import DELIMITERS
from docgen.engine.values import CONTROL, CURRENT


class DocgenSandbox(SandboxedEnvironment):
    """The sandbox, with dictionary keys looked up first.

    Data arrives as dictionaries; reading ``row.title`` from one is the hot path
    of a table loop, and trying the key before the attribute avoids raising and
    catching an ``AttributeError`` per cell. Keys are data, so this reaches
    nothing the sandbox would refuse.
    """

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute in obj:
            return obj[attribute]
        if attribute.startswith("_"):
            # Refuse every private or dunder name outright, whether or not the
            # object has it: probing is the first step of every injection.
            return self.unsafe_undefined(obj, attribute)
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        if isinstance(argument, str) and argument.startswith("__"):
            return self.unsafe_undefined(obj, argument)
        return super().getitem(obj, argument)


def _value(value: Any, index: int) -> Markup:
    state = CURRENT.get()
    # The hot path of every table cell, kept free of further calls: inline text
    # with no control characters only needs escaping.
    if type(value) is str and state.inline[index] and CONTROL.search(value) is None:
        return escape(value)
    if type(value) is int and state.inline[index]:
        return Markup(str(value))  # noqa: S704 -- digits need no escaping
    return state.value(index, value)


def _attr(value: Any) -> Markup:
    return CURRENT.get().attr(value)


def _new_id(_: Any) -> int:
    return CURRENT.get().new_id()


def _bookmark_start(_: Any, original: str) -> str:
    return CURRENT.get().bookmark_start(original)


def _bookmark_end(_: Any, original: str) -> str:
    return CURRENT.get().bookmark_end(original)


def _bookmark_name(_: Any, name: str) -> Markup:
    return CURRENT.get().bookmark_name(name)


INTERNAL_FILTERS = {
    "_dg_v": _value,
    "_dg_a": _attr,
    "_dg_newid": _new_id,
    "_dg_bm_start": _bookmark_start,
    "_dg_bm_end": _bookmark_end,
    "_dg_bm_name": _bookmark_name,
}


def make_environment(extra_filters: dict[str, Any] | None = None) -> DocgenSandbox:
    """A fresh environment with docgen's filters (Chinese helpers included)."""
    env = DocgenSandbox(
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        auto_reload=False,
        **DELIMITERS,
    )
    env.filters.update(_chinese_filters())
    if extra_filters:
        env.filters.update(extra_filters)
    env.filters.update(INTERNAL_FILTERS)
    return env


def _chinese_filters() -> dict[str, Any]:
    try:
        from docgen.zh import FILTERS
    except ImportError:  # pragma: no cover -- docgen.zh ships with docgen
        return {}
    return dict(FILTERS)
