"""Render limits: what one render of an untrusted template may spend.

Jinja's sandbox stops a template reaching Python internals, but not spending
the machine: ``{{ 'a' * 10**9 }}``, ``{{ 'a'|center(10**9) }}``, ``{{ 10**100000 }}``,
``lipsum(10**6)``, nested ``range(100000)`` loops or a macro that calls itself
twice per level. Each limit below closes one of those doors *before* the cost is
paid where it can (sizes are computed from the operands), and right after where
it cannot (results of filters and calls are measured). A render also has a
step budget (loop iterations plus calls) and a wall-clock budget, checked as it
goes, so nothing runs forever. Every limit is far above what a real document
needs: a 3,000-row table takes about 40,000 steps.
"""

from __future__ import annotations

import contextvars
import functools
import math
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from jinja2.exceptions import SecurityError

MAX_STRING = 5_000_000  # characters in any one string a template builds
MAX_ITEMS = 1_000_000  # items in any one list a template builds
MAX_ARGUMENT = 1_000_000  # a width or count handed to a filter or method (center, batch…)
MAX_INT_DIGITS = 4_000  # decimal digits of any integer a template computes
MAX_STEPS = 2_000_000  # loop iterations plus calls in one render
MAX_OUTPUT = 64_000_000  # characters one render may write (all parts together)
MAX_SECONDS = 8.0  # wall-clock time of one render
MAX_LIPSUM = 100  # paragraphs lipsum() may make

_INT_BITS = int(MAX_INT_DIGITS * math.log2(10))
#: A width or precision in a %-format or format spec: ``%*d``, ``{:{w}}``, ``%1000000s``.
_FORMAT_WIDTH = re.compile(r"%[-+ #0]*(\*|\d{7,})|\{[^{}]*:[^{}]*(\{|\d{7,})")


class LimitExceeded(SecurityError):
    """A render limit was reached; carries the bilingual reason."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en


@dataclass
class Budget:
    """What one render has spent so far."""

    steps: int = 0
    output: int = 0
    deadline: float = field(default_factory=lambda: time.monotonic() + MAX_SECONDS)

    def step(self, count: int = 1) -> None:
        """Spend ``count`` steps; past the step or time budget raises :class:`LimitExceeded`."""
        self.steps += count
        if self.steps > MAX_STEPS:
            raise LimitExceeded(
                f"模板的循环和调用超过 {MAX_STEPS:,} 步（嵌套循环过大或宏无限递归？）",
                f"the template ran more than {MAX_STEPS:,} loop steps and calls "
                "(nested loops too large, or a macro recursing without end?)",
            )
        if self.steps & 0xFF == 0 and time.monotonic() > self.deadline:
            raise LimitExceeded(
                f"渲染超过 {MAX_SECONDS:g} 秒，已停止",
                f"the render took longer than {MAX_SECONDS:g} s and was stopped",
            )

    def write(self, size: int) -> None:
        """Count ``size`` characters of output against :data:`MAX_OUTPUT`."""
        self.output += size
        if self.output > MAX_OUTPUT:
            raise LimitExceeded(
                f"渲染输出超过 {MAX_OUTPUT:,} 个字符",
                f"the render wrote more than {MAX_OUTPUT:,} characters",
            )


_BUDGET: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("budget", default=None)


def start() -> contextvars.Token[Budget | None]:
    """Give the current render a fresh budget; pass the token to :func:`finish`."""
    return _BUDGET.set(Budget())


def finish(token: contextvars.Token[Budget | None]) -> None:
    """End the budget :func:`start` began."""
    _BUDGET.reset(token)


def budget() -> Budget:
    """The current render's budget (outside a render, a fresh one that bounds nothing past it)."""
    current = _BUDGET.get()
    return current if current is not None else Budget()


# -- sizes ----------------------------------------------------------------------------


def check_size(value: Any) -> Any:
    """``value`` itself, once it is known to be within the string, list and integer limits."""
    if isinstance(value, str):
        if len(value) > MAX_STRING:
            raise _too_long(len(value))
    elif isinstance(value, (list, tuple, dict, set)):
        if len(value) > MAX_ITEMS:
            raise _too_many(len(value))
    elif type(value) is int and value.bit_length() > _INT_BITS:
        raise _too_big()
    return value


def _too_long(size: int) -> LimitExceeded:
    return LimitExceeded(
        f"模板生成的字符串过长（{size:,} 个字符，上限 {MAX_STRING:,}）",
        f"the template built a string of {size:,} characters (limit {MAX_STRING:,})",
    )


def _too_many(size: int) -> LimitExceeded:
    return LimitExceeded(
        f"模板生成的列表过长（{size:,} 项，上限 {MAX_ITEMS:,}）",
        f"the template built a list of {size:,} items (limit {MAX_ITEMS:,})",
    )


def _too_big() -> LimitExceeded:
    return LimitExceeded(
        f"模板算出的整数超过 {MAX_INT_DIGITS:,} 位",
        f"the template computed an integer of more than {MAX_INT_DIGITS:,} digits",
    )


def _sized(value: Any) -> int | None:
    return len(value) if isinstance(value, (str, list, tuple)) else None


def check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse ``left <operator> right`` when its result would pass a limit, before computing it."""
    if operator == "*":
        for seq, times in ((left, right), (right, left)):
            size = _sized(seq)
            if size is not None and type(times) is int and size * times > MAX_STRING:
                raise _too_long(size * times) if isinstance(seq, str) else _too_many(size * times)
        ints = type(left) is int and type(right) is int
        if ints and left.bit_length() + right.bit_length() > _INT_BITS:
            raise _too_big()
    elif operator == "**":
        ints = type(left) is int and type(right) is int
        if ints and right > 0 and abs(left) > 1 and right * math.log2(abs(left)) > _INT_BITS:
            raise _too_big()
    elif operator == "+":
        a, b = _sized(left), _sized(right)
        if a is not None and b is not None and a + b > MAX_STRING:
            raise _too_long(a + b)
    elif operator == "%" and isinstance(left, str):
        check_format(left)


def check_format(spec: str) -> None:
    """Refuse a format string whose field widths could be anything (``%*d``, ``{:{w}}``) or huge."""
    if _FORMAT_WIDTH.search(spec):
        raise LimitExceeded(
            "格式字符串中的宽度过大或由参数给出，已拒绝",
            "a width in the format string is huge or taken from an argument; refused",
        )


# -- calls ----------------------------------------------------------------------------


#: Filters and string methods whose output grows with a width or count argument.
_WIDTH_NAMES = frozenset(
    {"center", "ljust", "rjust", "zfill", "expandtabs", "indent", "batch", "slice", "wordwrap"}
)


def check_arguments(name: str, args: Iterable[Any]) -> None:
    """Refuse a width or count argument above :data:`MAX_ARGUMENT` (``center(10**9)``)."""
    if name not in _WIDTH_NAMES:
        return
    for arg in args:
        if type(arg) is int and arg > MAX_ARGUMENT:
            raise LimitExceeded(
                f"{name} 的参数 {arg:,} 超过上限 {MAX_ARGUMENT:,}",
                f"argument {arg:,} of {name} is above the limit of {MAX_ARGUMENT:,}",
            )


def check_expansion(name: str, target: Any, args: tuple[Any, ...]) -> None:
    """Refuse the string methods and filters whose output grows with their arguments."""
    if not isinstance(target, str):
        return
    if name == "replace" and len(args) >= 2 and isinstance(args[0], str):
        hits = target.count(args[0]) if args[0] else len(target) + 1
        grown = len(target) + hits * (len(str(args[1])) - len(args[0]))
        if grown > MAX_STRING:
            raise _too_long(grown)
    elif name == "expandtabs" and args and type(args[0]) is int:
        if target.count("\t") * args[0] > MAX_STRING:
            raise _too_long(target.count("\t") * args[0])
    elif name in ("format", "format_map"):
        check_format(target)


def check_join(items: Any) -> None:
    """Refuse joining strings whose total passes :data:`MAX_STRING` (before joining them)."""
    if isinstance(items, (list, tuple)):
        total = sum(len(i) for i in items if isinstance(i, str))
        if total > MAX_STRING:
            raise _too_long(total)


def guarded_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """``func`` (a Jinja filter) with its arguments checked first and its result measured after."""

    # Filters marked pass_context / pass_eval_context / pass_environment get that first.
    skip = 1 if getattr(func, "jinja_pass_arg", None) is not None else 0

    @functools.wraps(func)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        budget().step()
        values = args[skip:]
        check_arguments(name, (*values[1:], *kwargs.values()))
        if values:
            check_expansion(name, values[0], values[1:])
            if name == "join":
                check_join(values[0])
        return check_size(func(*args, **kwargs))

    return guarded


def bounded_lipsum(func: Callable[..., Any]) -> Callable[..., Any]:
    """Jinja's ``lipsum`` with at most :data:`MAX_LIPSUM` paragraphs."""

    @functools.wraps(func)
    def lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> Any:
        if (type(n) is int and n > MAX_LIPSUM) or (type(max) is int and max > MAX_ARGUMENT):
            raise LimitExceeded(
                f"lipsum 最多生成 {MAX_LIPSUM} 段", f"lipsum makes at most {MAX_LIPSUM} paragraphs"
            )
        return func(n, html, min, max)

    return lipsum


def render_bounded(template: Any, data: Any) -> str:
    """``template.render(data)`` (a Jinja template), its output counted against the limit."""
    spent = budget()
    pieces: list[str] = []
    for piece in template.generate(data):
        spent.write(len(piece))
        pieces.append(piece)
    return "".join(pieces)


def counted(iterable: Any) -> Iterator[Any]:
    """``iterable`` with every step counted against the render's step budget."""
    spend = budget().step
    for item in iterable:
        spend()
        yield item


__all__ = [
    "MAX_ARGUMENT",
    "MAX_INT_DIGITS",
    "MAX_ITEMS",
    "MAX_OUTPUT",
    "MAX_SECONDS",
    "MAX_STEPS",
    "MAX_STRING",
    "Budget",
    "LimitExceeded",
    "bounded_lipsum",
    "budget",
    "check_binop",
    "check_size",
    "counted",
    "finish",
    "guarded_filter",
    "render_bounded",
    "start",
]
