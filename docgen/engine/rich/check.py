"""``docgen check`` for the rich filters: what a tag asks of them, judged before any data.

A rich filter's arguments are nearly always literals in the tag (``|chart('pie')``,
``|qrcode(30)``, ``|floating(30, relative='margin')``), so a wrong one can be found
when the template is checked rather than when the first document is rendered. Each
call is bound to the filter's own signature (an unknown keyword, too many arguments)
and, when that fits, the filter is run once on a small sample value of the shape it
takes, its literal arguments as written and its other arguments at their defaults:
whatever the filter would refuse at render (a chart kind, a size, a position, a QR
error level) is reported now, in the filter's own words, with the tag's place. The
filters stay the one place that knows their rules.

Where the tag stands matters too: pictures, seals and charts cannot go where only
text can (document properties, an attribute), and ``|vmerge``/``|hmerge`` only do
their work inside a table cell.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any

from jinja2 import nodes
from jinja2.environment import Environment

from docgen.engine.rich.filters import FILTERS
from docgen.engine.sites import Site
from docgen.exceptions import DocgenError, Location, Problem
from docgen.i18n import language
from docgen.suggest import closest

#: Filters whose value is XML that a text-only place cannot hold.
PICTURES = frozenset({"qrcode", "floating", "seal", "signature", "photo", "chart"})
#: Filters that only work inside a table cell (elsewhere they print plain text).
CELL_ONLY = frozenset({"vmerge", "hmerge"})
#: Rich content asked for by a filter that does not exist: what to write instead.
NOT_FILTERS = {
    "watermark": (
        "：水印不写在模板标签里，而是渲染时给出（docgen render --watermark 草稿，"
        "或 render(..., watermark='草稿')），它会出现在每一页",
        ": a watermark is not a tag; give it when rendering (docgen render --watermark 草稿, "
        "or render(..., watermark='草稿')) and it goes on every page",
    ),
}


def rich_problems(
    env: Environment, tree: nodes.Template, location: Location, site: Site | None
) -> list[Problem]:
    """Problems of the rich filters called in one parsed tag (``site``: the tag's, if a value)."""
    found: list[Problem] = []
    calls = [f for f in tree.find_all(nodes.Filter) if _is_rich(env, f.name)]
    for call in calls:
        found.extend(_arguments(call, location))
    outer = _outermost(tree)
    if site is not None and outer is not None and _is_rich(env, outer.name):
        found.extend(_placement(outer.name, site))
    return found


def _is_rich(env: Environment, name: str) -> bool:
    """``name`` is docgen's rich filter here (a caller's own filter of that name is not)."""
    ours = FILTERS.get(name)
    used = env.filters.get(name)
    return ours is not None and getattr(used, "__wrapped__", used) is ours


def _outermost(tree: nodes.Template) -> nodes.Filter | None:
    """The filter whose result the tag prints (``{{ x|chart('pie') }}``), if any."""
    body = tree.body[0] if len(tree.body) == 1 else None
    if isinstance(body, nodes.Output) and len(body.nodes) == 1:
        node = body.nodes[0]
        return node if isinstance(node, nodes.Filter) else None
    return None


def _arguments(call: nodes.Filter, location: Location) -> list[Problem]:
    func = FILTERS[call.name]
    params = inspect.signature(func)
    if call.dyn_args is not None or call.dyn_kwargs is not None:
        return []  # ``*args``/``**kwargs`` in a tag: nothing to bind before the data
    given = [_literal(arg) for arg in call.args]
    named = {str(kw.key): _literal(kw.value) for kw in call.kwargs}
    try:
        bound = params.bind(_NOT_LITERAL, *given, **named)
    except TypeError:
        return [_bad_call(call, params, len(given), named, location)]
    args: dict[str, Any] = {}
    for name, value in list(bound.arguments.items())[1:]:
        if name in _PICTURE_ARGUMENTS:
            value = _png()
        elif value is _NOT_LITERAL:
            default = params.parameters[name].default
            if default is inspect.Parameter.empty:
                return []  # a required argument known only at render
            value = default
        args[name] = value
    refusal = _refusal(call.name, func, args)
    return [] if refusal is None else [_refused(call.name, refusal, location)]


class _NotLiteral:
    """An argument whose value the data decides."""


_NOT_LITERAL = _NotLiteral()


def _literal(node: nodes.Expr) -> Any:
    try:
        return node.as_const()
    except nodes.Impossible:
        return _NOT_LITERAL


def _refusal(name: str, func: Callable[..., Any], args: dict[str, Any]) -> tuple[str, str] | None:
    """The filter's own message (Chinese, English) when it refuses ``args`` on a sample value."""
    messages = []
    for lang in ("zh", "en"):
        with language(lang):
            try:
                func(_sample(name), **args)
            except DocgenError as err:
                messages.append(err.message)
            except (ValueError, TypeError, OverflowError) as err:
                messages.append(str(err))
            else:
                return None
    return messages[0], messages[1]


def _sample(name: str) -> Any:
    """A value the filter ``name`` takes with its default arguments."""
    return _png() if name in ("floating", "signature", "photo") else _SAMPLES.get(name, "文本")


_SAMPLES: dict[str, Any] = {
    "qrcode": "docgen",
    "checkbox": True,
    "seal": "某某党支部",
    "chart": {"甲": 1, "乙": 2},
}
#: Arguments that name a picture: read from the image folder at render, so a sample here.
_PICTURE_ARGUMENTS = frozenset({"image"})


@functools.cache
def _png() -> bytes:
    """A real PNG for the picture filters (a QR code is the smallest we can already draw)."""
    from docgen.engine.rich.qr import qr_png  # only a tag with a picture filter asks

    return qr_png("docgen")


def _bad_call(
    call: nodes.Filter,
    params: inspect.Signature,
    positional: int,
    named: dict[str, Any],
    location: Location,
) -> Problem:
    names = list(params.parameters)[1:]
    unknown = [key for key in named if key not in names]
    if unknown:
        guess = closest(unknown[0], names)
        zh_hint = f"，是否应为 {guess}？" if guess else f"；可用的参数：{'、'.join(names)}"
        en_hint = f"; did you mean {guess}?" if guess else f"; it takes {', '.join(names)}"
        return Problem(
            "bad_filter_argument",
            f"过滤器 {call.name} 没有参数 {unknown[0]}{zh_hint}",
            f"filter {call.name} has no argument {unknown[0]}{en_hint}",
            location,
        )
    twice = [key for key in named if key in names[:positional]]
    if twice:
        return Problem(
            "bad_filter_argument",
            f"过滤器 {call.name} 的参数 {twice[0]} 给了两次（按位置一次，按名称一次）",
            f"filter {call.name} gets argument {twice[0]} twice (by position and by name)",
            location,
        )
    takes_zh = f"最多接受 {len(names)} 个参数（{'、'.join(names)}）" if names else "不接受参数"
    takes_en = f"takes at most {len(names)} ({', '.join(names)})" if names else "takes none"
    return Problem(
        "bad_filter_argument",
        f"过滤器 {call.name} {takes_zh}，这里给了 {positional} 个",
        f"filter {call.name} is given {positional} arguments but {takes_en}",
        location,
    )


def _refused(name: str, message: tuple[str, str], location: Location) -> Problem:
    return Problem(
        "bad_filter_argument",
        f"过滤器 {name} 的参数无效：{message[0]}",
        f"filter {name}: bad argument: {message[1]}",
        location,
    )


def _placement(name: str, site: Site) -> list[Problem]:
    if name in PICTURES and site.level in ("attr", "plain"):
        return [
            Problem(
                "rich_value_misplaced",
                f"过滤器 {name} 生成图片或图表，不能放在只能容纳文字的位置（文档属性、属性值）",
                f"filter {name} makes a picture or chart, which cannot stand where only text "
                "goes (document properties, an attribute)",
                site.location,
            )
        ]
    if name in CELL_ONLY and site.location.table_cell is None:
        return [
            Problem(
                "rich_value_outside_cell",
                f"过滤器 {name} 只合并表格中的单元格；这里不在表格中，只打印文字",
                f"filter {name} merges table cells only; this tag is not in a table, so it "
                "just prints the text",
                site.location,
                severity="warning",
            )
        ]
    return []
