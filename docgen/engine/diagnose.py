"""Check every tag on its own, so one pass reports all syntax and filter problems.

Jinja stops at the first error in a template. Parsing each tag by itself (a
block statement with a dummy end) finds every bad tag, unknown filter and
unknown test, each with its own Word-visible place.
"""

from __future__ import annotations

from jinja2 import Environment, nodes
from jinja2.exceptions import TemplateSyntaxError as JinjaSyntaxError

from docgen.engine.compiler import Marker
from docgen.engine.rich.check import NOT_FILTERS, rich_problems
from docgen.exceptions import Location, Problem
from docgen.suggest import closest

_CLOSERS = {
    "for": "endfor",
    "if": "endif",
    "with": "endwith",
    "macro": "endmacro",
    "call": "endcall",
    "filter": "endfilter",
    "block": "endblock",
}


def diagnose(env: Environment, markers: list[Marker]) -> list[Problem]:
    """Problems with single tags: bad syntax, unknown filters and tests, misused rich filters."""
    problems: list[Problem] = []
    for marker in markers:
        source = _standalone(marker)
        if source is None:
            continue
        try:
            tree = env.parse(source)
        except JinjaSyntaxError as err:
            problems.append(_syntax(marker.location, err.message or str(err)))
            continue
        except RecursionError:
            problems.append(too_deep(marker.location))
            continue
        problems.extend(_unknown_names(env, tree, marker.location))
        problems.extend(rich_problems(env, tree, marker.location, marker.site))
    return problems


def _standalone(marker: Marker) -> str | None:
    code = marker.code
    if code is None:
        return None
    if marker.kind == "var":
        return "\x02{ " + code + " }\x03"
    keyword = code.split(None, 1)[0] if code else ""
    if keyword in _CLOSERS:
        return "\x02% " + code + " %\x03\x02% " + _CLOSERS[keyword] + " %\x03"
    if keyword in ("elif", "else"):
        return "\x02% if true %\x03\x02% " + code + " %\x03\x02% endif %\x03"
    if keyword == "set" and "=" in code:
        return "\x02% " + code + " %\x03"
    return None


def too_deep(location: Location) -> Problem:
    """The problem of a tag nested too deep for the parser (``{{ ((((…)))) }}``)."""
    return Problem(
        "too_deeply_nested",
        "模板标签嵌套过深（括号或块过多），无法编译；请拆分表达式",
        "a template tag nests too deep (too many parentheses or blocks) to compile; split it up",
        location,
    )


def _syntax(location: Location, message: str) -> Problem:
    return Problem(
        "bad_syntax",
        f"标记语法错误：{message}",
        f"tag syntax error: {message}",
        location,
    )


def _unknown_names(env: Environment, tree: nodes.Template, location: Location) -> list[Problem]:
    found: list[Problem] = []
    for node in tree.find_all(nodes.Filter):
        if node.name not in env.filters:
            guess = closest(node.name, [*env.filters, *NOT_FILTERS])
            zh, en = (
                ("", "") if guess is None else (f"，是否应为 {guess}？", f"; did you mean {guess}?")
            )
            if guess in NOT_FILTERS:
                zh, en = NOT_FILTERS[guess]  # asked for by a filter, given another way
            found.append(
                Problem(
                    "unknown_filter",
                    f"未知的过滤器 {node.name}{zh}",
                    f"unknown filter {node.name}{en}",
                    location,
                )
            )
    for test in tree.find_all(nodes.Test):
        if test.name not in env.tests:
            found.append(
                Problem(
                    "unknown_test",
                    f"未知的测试 {test.name}",
                    f"unknown test {test.name}",
                    location,
                )
            )
    return found
