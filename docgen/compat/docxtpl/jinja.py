"""What docgen takes from a docxtpl user's ``jinja_env``: their filters, tests and globals.

The user's environment is never used to render. Its custom filters, tests and
globals (the user's own code and values) are copied into a fresh docgen
sandbox, so template code still cannot reach Python internals; its
``undefined`` and ``autoescape`` settings choose docgen's matching modes.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from typing import Any

import jinja2
from jinja2 import meta
from jinja2.defaults import DEFAULT_NAMESPACE
from jinja2.filters import FILTERS
from jinja2.tests import TESTS

from docgen.engine.template import Template


@dataclass(frozen=True)
class EnvChoice:
    """The parts of a user's environment docgen honours."""

    filters: dict[str, Any]
    tests: dict[str, Any]
    globals: dict[str, Any]
    lenient: bool
    escape: bool

    def key(self) -> tuple[Any, ...]:
        """Identity of the code involved, for the compile cache."""
        filters = tuple(sorted(self.filters.items(), key=lambda kv: kv[0]))
        tests = tuple(sorted(self.tests.items(), key=lambda kv: kv[0]))
        return (filters, tests, tuple(sorted((k, id(v)) for k, v in self.globals.items())))


def choose(env: jinja2.Environment | None, autoescape: bool) -> EnvChoice:
    """docxtpl's reading of ``render(context, jinja_env, autoescape)``."""
    if env is None:
        # docxtpl renders with a plain jinja2.Environment(): undefined prints empty.
        return EnvChoice({}, {}, {}, lenient=True, escape=autoescape)
    wanted = env.autoescape(None) if callable(env.autoescape) else env.autoescape
    return EnvChoice(
        _custom(env.filters, FILTERS),
        _custom(env.tests, TESTS),
        _custom(env.globals, DEFAULT_NAMESPACE),
        lenient=not issubclass(env.undefined, jinja2.StrictUndefined),
        escape=autoescape or bool(wanted),
    )


def _custom(table: dict[str, Any], builtin: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in table.items() if builtin.get(k) is not v}


_CACHE: dict[tuple[Any, ...], Template] = {}
_LOCK = threading.Lock()
_SIZE = 32


def compiled(blob: bytes, name: str, choice: EnvChoice) -> Template:
    """The template for ``blob`` compiled with the user's code, shared between instances.

    docxtpl code often builds a new ``DocxTemplate`` per document; the content
    hash lets every one of them reuse one compile.
    """
    key = (hashlib.sha1(blob, usedforsecurity=False).digest(), name, *choice.key())
    with _LOCK:
        found = _CACHE.get(key)
    if found is not None:
        return found
    template = Template(
        blob, name, choice.filters or None, tests=choice.tests, globals=choice.globals
    )
    with _LOCK:
        if len(_CACHE) >= _SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = template
    return template


def undeclared(template: Template) -> set[str]:
    """Names the body, headers and footers use without defining (docxtpl's set)."""
    names: set[str] = set()
    for part_name, kind in template.package.story_parts():
        part = template.parts.get(part_name)
        if part is None or kind not in ("document", "header", "footer"):
            continue
        names |= meta.find_undeclared_variables(template.env.parse(part.source))
    return names
