"""The recipe's small expression language: sandboxed Jinja expressions and ``{{ }}`` text.

Two shapes appear in a recipe. An *expression* field (``data``, ``foreach``,
``when``, ``let`` values) holds one Jinja expression, with or without ``{{ }}``
around it. A *text* field (output names, input paths, ``with`` values) is text
in which ``{{ expr }}`` is replaced by its value; a text that is exactly one
``{{ expr }}`` keeps the value's type, so ``"{{ plan.problems }}"`` is a list.

Both run in docgen's sandbox (no ``_private`` attributes, no unsafe calls) with
strict undefined names, so a typo in a recipe is an error, never an empty string.
A recipe may come from a stranger too (``docgen serve``), so each evaluation has
the budget of one template render (:mod:`docgen.engine.limits`): sizes, steps,
output and time, so ``{% for %}`` loops nested in an output name end.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import jinja2
from jinja2 import StrictUndefined
from jinja2.sandbox import modifies_known_mutable
from pydantic import BaseModel

from docgen.engine import limits
from docgen.engine.environment import DocgenSandbox, make_environment
from docgen.exceptions import BundleError, Location
from docgen.views import context_for

_SINGLE = re.compile(r"^\s*\{\{(?P<expr>.*)\}\}\s*$", re.DOTALL)


class RecipeSandbox(DocgenSandbox):
    """docgen's sandbox, made read-only: a recipe may not change the data it is given.

    Inputs are cached per process and shared by every row a worker runs, so a
    ``plan.problems.append(...)`` in one row must not leak into the next.
    """

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if not super().is_safe_attribute(obj, attr, value):
            return False
        return not modifies_known_mutable(obj, attr)


@cache
def recipe_environment() -> RecipeSandbox:
    """The read-only sandbox with docgen's filters, the usual ``{{ }}`` and no HTML escaping."""
    env = RecipeSandbox(undefined=StrictUndefined, autoescape=False, auto_reload=False)
    env.filters.update(make_environment().filters)
    env.globals["todict"] = to_dict
    env.globals["minutes_form"] = minutes_form
    env.globals["development_file"] = development_file
    env.globals["development_at"] = development_at
    env.globals["development_plan"] = development_plan
    return env


# The 发展党员 helpers import the development views on first call, as minutes_form does.
def development_file(model: Any, name: str) -> Any:
    """:func:`docgen.views.development_documents.candidate_file`: one candidate's file."""
    from docgen.views.development_documents import candidate_file

    return candidate_file(model, name)


def development_at(model: Any, stage: int) -> Any:
    """:func:`docgen.views.development_documents.file_at_stage`: the file at ``stage``."""
    from docgen.views.development_documents import file_at_stage

    return file_at_stage(model, stage)


def development_plan(model: Any, scope: str) -> dict[str, Any]:
    """:func:`docgen.views.development_documents.documents_context`: which documents the
    file's candidate needs (``planned``, ``"<stage>:<template>"`` each), by the same
    rule as :func:`~docgen.views.development_documents.documents_for`."""
    from docgen.views.development_documents import documents_context

    return documents_context(model, scope)


def minutes_form(plan: Any, entry: Any) -> dict[str, Any]:
    """:func:`docgen.bundle.forms.minutes_form`, imported on first call: it imports the
    annual-plan and minutes models and view (and through them every kind's rules), and
    every batch, bundle or recipe check of other data loads this module."""
    from docgen.bundle.forms import minutes_form as form

    return form(plan, entry)


def to_dict(value: Any) -> dict[str, Any]:
    """A plain dict from a mapping, or a typed model's template context (``todict(plan)``).

    A model becomes what its view (:func:`docgen.views.context_for`) makes of it:
    the context the library's templates for its kind expect.
    """
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, BaseModel):
        return context_for(value)
    raise BundleError(
        f"无法把 {type(value).__name__} 当作字典使用",
        f"cannot use a {type(value).__name__} as a mapping",
    )


@dataclass(frozen=True)
class Expr:
    """One compiled expression and the recipe place it came from."""

    source: str
    where: Location
    field: str
    _compiled: Any

    def evaluate(self, scope: Mapping[str, Any]) -> Any:
        """The expression's value in ``scope``; raises :class:`BundleError` naming the place."""
        token = limits.start()
        try:
            value = self._compiled(**scope)
            if isinstance(value, jinja2.Undefined):
                str(value)  # a StrictUndefined raises here, with the name that is missing
        except BundleError:
            raise
        except Exception as err:  # any failure of user code is reported with its place
            raise _runtime_error(self.source, self.where, self.field, err) from err
        finally:
            limits.finish(token)
        return value


@dataclass(frozen=True)
class Text:
    """A text pattern with ``{{ }}`` parts, or one expression kept with its type."""

    source: str
    where: Location
    field: str
    _single: Expr | None
    _template: jinja2.Template | None

    @property
    def is_literal(self) -> bool:
        """True when the text has no ``{{ }}`` at all."""
        return self._single is None and self._template is None

    def evaluate(self, scope: Mapping[str, Any]) -> Any:
        """The text with its parts filled in (or the single expression's own value)."""
        if self._single is not None:
            return self._single.evaluate(scope)
        if self._template is None:
            return self.source
        token = limits.start()
        try:
            return limits.render_bounded(self._template, scope)
        except Exception as err:  # reported with the recipe place
            raise _runtime_error(self.source, self.where, self.field, err) from err
        finally:
            limits.finish(token)


def compile_expr(source: str, where: Location, field: str) -> Expr:
    """Compile an expression field; ``{{ }}`` around it is optional.

    Raises :class:`BundleError` with ``where`` on a syntax error.
    """
    match = _SINGLE.match(source)
    body = match.group("expr") if match else source
    try:
        compiled = recipe_environment().compile_expression(body, undefined_to_none=False)
    except jinja2.TemplateSyntaxError as err:
        raise _syntax_error(source, where, field, err) from err
    return Expr(source, where, field, compiled)


def compile_text(source: str, where: Location, field: str) -> Text:
    """Compile a text field: literal, one ``{{ expr }}`` (typed), or a pattern."""
    if "{{" not in source and "{%" not in source:
        return Text(source, where, field, None, None)
    match = _SINGLE.match(source)
    if match and "{{" not in match.group("expr") and "}}" not in match.group("expr"):
        return Text(source, where, field, compile_expr(source, where, field), None)
    try:
        template = recipe_environment().from_string(source)
    except jinja2.TemplateSyntaxError as err:
        raise _syntax_error(source, where, field, err) from err
    return Text(source, where, field, None, template)


def _syntax_error(
    source: str, where: Location, field: str, err: jinja2.TemplateSyntaxError
) -> BundleError:
    place = where.describe()
    return BundleError(
        f"{place}: {field}: 表达式有语法错误（{err.message}）：{source}",
        f"{place}: {field}: expression syntax error ({err.message}): {source}",
    )


def _runtime_error(source: str, where: Location, field: str, err: Exception) -> BundleError:
    place = where.describe()
    detail = getattr(err, "message", None) or str(err) or type(err).__name__
    if isinstance(err, jinja2.UndefinedError):
        return BundleError(
            f"{place}: {field}: 表达式用到了不存在的名称或字段（{detail}）：{source}",
            f"{place}: {field}: the expression uses a name or field that does not exist "
            f"({detail}): {source}",
        )
    if isinstance(err, limits.LimitExceeded):
        return BundleError(
            f"{place}: {field}: 表达式超出限制（{err.zh}）：{source}",
            f"{place}: {field}: the expression passed a limit ({err.en}): {source}",
        )
    if isinstance(err, jinja2.exceptions.SecurityError):
        return BundleError(
            f"{place}: {field}: 沙箱禁止这一操作（{detail}）：{source}",
            f"{place}: {field}: the sandbox forbids this ({detail}): {source}",
        )
    return BundleError(
        f"{place}: {field}: 表达式求值失败（{type(err).__name__}: {detail}）：{source}",
        f"{place}: {field}: the expression failed ({type(err).__name__}: {detail}): {source}",
    )


__all__ = ["Expr", "Text", "compile_expr", "compile_text", "recipe_environment", "to_dict"]
