"""The one Jinja environment docgen renders with: sandboxed, strict, escaping.

Templates may come from anyone, so rendering happens in Jinja's sandbox: no
attribute starting with an underscore, no ``__class__``/``__globals__`` walks,
no unsafe callables. A missing field is an error, never an empty string —
unless a render asks for lenient mode (docxtpl's habit, see :class:`DocgenUndefined`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NoReturn, cast

from jinja2 import Undefined, nodes
from jinja2.exceptions import UndefinedError
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment
from jinja2.visitor import NodeTransformer
from markupsafe import Markup, escape

from docgen.engine import limits
from docgen.engine.compiler import DELIMITERS
from docgen.engine.values import CONTROL, CURRENT

#: Built-in methods whose output grows with their arguments, checked before they run.
_GROWING_METHODS = frozenset(
    {"center", "ljust", "rjust", "zfill", "expandtabs", "replace", "format", "format_map", "join"}
)


class UndefinedTestError(UndefinedError):
    """A missing name used as a condition (``{% if x %}``), not printed."""


def _lenient() -> bool:
    state = CURRENT.get(None)
    return state is not None and state.lenient


class DocgenUndefined(Undefined):
    """Strict (like :class:`jinja2.StrictUndefined`) unless the current render is lenient.

    One environment serves both modes, so a compiled template is shared by
    strict and lenient renders; the switch is read from the render's state
    only when a name is missing, which costs nothing on the normal path.
    Lenient behaves as Jinja's default ``Undefined``: empty, false, no items.
    """

    __slots__ = ()

    def _soft(self) -> bool:
        # The sandbox answers a forbidden attribute with an Undefined that raises
        # SecurityError; that one stays an error in every mode.
        return self._undefined_exception is UndefinedError and _lenient()

    def _strict_fail(self) -> NoReturn:
        self._fail_with_undefined_error()

    def __str__(self) -> str:
        if not self._soft():
            self._strict_fail()
        return ""

    def __iter__(self) -> Iterator[Any]:
        if not self._soft():
            self._strict_fail()
        return iter(())

    def __len__(self) -> int:
        if not self._soft():
            self._strict_fail()
        return 0

    def __bool__(self) -> bool:
        if self._soft():
            return False
        if self._undefined_exception is not UndefinedError:
            self._strict_fail()
        # Tell the error apart from a printed name: the fix to suggest differs.
        raise UndefinedTestError(self._undefined_message)

    def __eq__(self, other: object) -> bool:
        if not self._soft():
            self._strict_fail()
        return type(self) is type(other)

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        if not self._soft():
            self._strict_fail()
        return id(type(self))

    def __contains__(self, item: object) -> bool:
        if not self._soft():
            self._strict_fail()
        return False


class DocgenSandbox(SandboxedEnvironment):
    """The sandbox, with dictionary keys looked up first and render limits.

    Data arrives as dictionaries; reading ``row.title`` from one is the hot path
    of a table loop, and trying the key before the attribute avoids raising and
    catching an ``AttributeError`` per cell. Keys are data, so this reaches
    nothing the sandbox would refuse.

    The limits of :mod:`docgen.engine.limits` are applied at the sandbox's own
    seams: intercepted operators (``*``, ``**``, ``+``, ``%``), every call, and
    the parsed template, where each ``for`` loop's iterable is counted and each
    ``~`` concatenation measured.
    """

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.globals["lipsum"] = limits.bounded_lipsum(cast(Any, self.globals["lipsum"]))

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        limits.check_binop(operator, left, right)
        return limits.check_size(super().call_binop(context, operator, left, right))

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        limits.budget().step()
        # The sandbox hands out str.format wrapped; the bound method is its __wrapped__.
        owner = getattr(getattr(__obj, "__wrapped__", __obj), "__self__", None)
        name = getattr(__obj, "__name__", "")
        if isinstance(owner, str) and name in _GROWING_METHODS:
            limits.check_arguments(name, (*args, *kwargs.values()))
            limits.check_expansion(name, owner, args)
            if name == "join" and args:
                limits.check_join(list(args[0]) if isinstance(args[0], (list, tuple)) else None)
        result = super().call(__context, __obj, *args, **kwargs)
        if isinstance(owner, (list, dict, set)):
            limits.check_size(owner)  # ``xs.extend(xs)`` in a loop doubles a list each step
        return limits.check_size(result)

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        return cast(nodes.Template, _Limited().visit(super()._parse(source, name, filename)))

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


class _Limited(NodeTransformer):
    """Counts every ``for`` loop's steps and measures every ``~`` concatenation."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        loop = cast(nodes.For, self.generic_visit(node))
        loop.iter = _filtered(cast(nodes.Expr, loop.iter), "_dg_loop")
        return loop

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        return _filtered(cast(nodes.Expr, self.generic_visit(node)), "_dg_size")


def _filtered(node: nodes.Expr, name: str) -> nodes.Filter:
    return nodes.Filter(node, name, [], [], None, None, lineno=node.lineno)


def _value(value: Any, index: int) -> Markup:
    state = CURRENT.get()
    # The hot path of every table cell, kept free of further calls: inline text
    # with no control characters only needs escaping.
    if (
        type(value) is str
        and state.inline[index]
        and CONTROL.search(value) is None
        and not (state.raw_xml and "<" in value)
    ):
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
    "_dg_loop": limits.counted,
    "_dg_size": limits.check_size,
    "_dg_v": _value,
    "_dg_a": _attr,
    "_dg_newid": _new_id,
    "_dg_bm_start": _bookmark_start,
    "_dg_bm_end": _bookmark_end,
    "_dg_bm_name": _bookmark_name,
}


def make_environment(
    extra_filters: dict[str, Any] | None = None, *, markup: bool = True
) -> DocgenSandbox:
    """A fresh environment with docgen's filters (Chinese helpers included).

    ``markup=False`` gives the same sandbox, limits and filters for plain text (the
    cells of a workbook, :mod:`docgen.xlsx`): Jinja's own delimiters, no escaping.
    """
    env = DocgenSandbox(
        autoescape=markup,
        undefined=DocgenUndefined,
        keep_trailing_newline=True,
        auto_reload=False,
        **(DELIMITERS if markup else {}),
    )
    env.filters.update(_chinese_filters())
    env.filters.update(_rich_filters())
    if extra_filters:
        env.filters.update(extra_filters)
    env.filters = {name: limits.guarded_filter(name, f) for name, f in env.filters.items()}
    env.filters.update(INTERNAL_FILTERS)
    return env


def _rich_filters() -> dict[str, Any]:
    from docgen.engine.rich.filters import FILTERS

    return dict(FILTERS)


def _chinese_filters() -> dict[str, Any]:
    try:
        from docgen.zh import FILTERS
    except ImportError:  # pragma: no cover -- docgen.zh ships with docgen
        return {}
    return dict(FILTERS)
