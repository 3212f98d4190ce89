"""The recipe expression language: sandboxed, strict, typed single expressions, read-only data."""

from __future__ import annotations

import pytest

from docgen.bundle.expressions import compile_expr, compile_text, to_dict
from docgen.exceptions import BundleError, Location

HERE = Location(file="r.yaml", line=3, column=7)


def test_expression_with_or_without_braces() -> None:
    """``data: plan`` and ``data: "{{ plan }}"`` mean the same."""
    scope = {"plan": {"a": 1}}
    assert compile_expr("plan", HERE, "data").evaluate(scope) == {"a": 1}
    assert compile_expr("{{ plan }}", HERE, "data").evaluate(scope) == {"a": 1}


def test_single_text_keeps_its_type_and_patterns_make_text() -> None:
    """Exactly one ``{{ }}`` gives the value itself; anything more gives text."""
    scope = {"items": [1, 2], "name": "一支部"}
    assert compile_text("{{ items }}", HERE, "with.x").evaluate(scope) == [1, 2]
    assert compile_text("{{ name }}-{{ items|length }}", HERE, "o").evaluate(scope) == "一支部-2"
    assert compile_text("A&B <c>", HERE, "o").evaluate(scope) == "A&B <c>"


def test_chinese_filters_are_available() -> None:
    """docgen's Chinese filters work inside recipes."""
    assert compile_text("{{ 12|cn_num }}", HERE, "o").evaluate({}) == "十二"


def test_syntax_error_names_the_place() -> None:
    """A syntax error carries file:line:column and the field."""
    with pytest.raises(BundleError, match=r"r\.yaml:3:7: steps\[0\]\.foreach"):
        compile_expr("plan.problems[", HERE, "steps[0].foreach")


def test_undefined_name_is_an_error_not_empty() -> None:
    """A misspelt name fails with its place, never renders as nothing."""
    expr = compile_expr("plna.problems", HERE, "foreach")
    with pytest.raises(BundleError, match="不存在"):
        expr.evaluate({"plan": {}})
    text = compile_text("{{ brnch }}.docx", HERE, "output")
    with pytest.raises(BundleError, match="output"):
        text.evaluate({"branch": "x"})


@pytest.mark.parametrize("source", ["x.__class__", "x.append(3)", "d.update({'a': 2})"])
def test_sandbox_blocks_private_names_and_mutation(source: str) -> None:
    """Recipes cannot reach internals nor change the (cached, shared) input data."""
    scope = {"x": [1], "d": {"a": 1}}
    with pytest.raises(BundleError):
        compile_expr(source, HERE, "let.v").evaluate(scope)
    assert scope == {"x": [1], "d": {"a": 1}}


def test_to_dict_refuses_non_mappings() -> None:
    """``todict`` takes mappings and models only."""
    assert to_dict({"a": 1}) == {"a": 1}
    with pytest.raises(BundleError, match="list"):
        to_dict([1, 2])


NESTED = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}.docx"


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("{{ 'a' * 10**9 }}", "字符串过长"),
        ("x-{{ 'a'|center(10**9) }}", "center"),
        ("{{ 10**100000 }}", "整数"),
        (NESTED, "步"),
    ],
)
def test_recipe_texts_have_a_render_budget(source: str, reason: str) -> None:
    """A stranger's recipe cannot spend the machine: each evaluation has a render's limits."""
    with pytest.raises(BundleError, match=reason) as caught:
        compile_text(source, HERE, "output").evaluate({})
    assert "r.yaml:3:7: output" in str(caught.value)


def test_recipe_expressions_have_a_render_budget() -> None:
    """An expression field is bounded too, and each evaluation starts with a fresh budget."""
    expr = compile_expr("'a' * n", HERE, "let.big")
    assert expr.evaluate({"n": 3}) == "aaa"
    with pytest.raises(BundleError, match=r"let\.big.*字符串过长"):
        expr.evaluate({"n": 10**9})
    steps = compile_text("{% for i in range(100000) %}{% endfor %}ok", HERE, "output")
    assert [steps.evaluate({}) for _ in range(30)] == ["ok"] * 30  # 3,000,000 steps in all
