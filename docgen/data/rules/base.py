"""What a domain rule is: a function from a validated model to findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from docgen.data.config import DataConfig
from docgen.data.models import Branch
from docgen.data.positions import Path as DataPath
from docgen.exceptions import Severity


@dataclass(frozen=True)
class Finding:
    """One broken rule: a stable ``code``, both wordings, the field ``path``, a severity."""

    code: str
    zh: str
    en: str
    path: DataPath
    severity: Severity = "error"


@dataclass(frozen=True)
class RuleContext:
    """What rules may consult besides the model: the active config, the branch roster,
    the folder of the file (for files it names) and a way to load a branch file."""

    config: DataConfig
    branch: Branch | None = None
    folder: Path | None = None
    load_branch: Callable[[Path], Branch | None] | None = None


M = TypeVar("M", bound=BaseModel)
#: A rule over models of one class, yielding its findings.
Rule = Callable[[M, RuleContext], Iterable[Finding]]

_RULES: list[Callable[[BaseModel, RuleContext], Iterable[Finding]]] = []


def rule(model: type[M]) -> Callable[[Rule[M]], Rule[M]]:
    """Register a rule for instances of ``model`` (subclasses included)."""

    def register(func: Rule[M]) -> Rule[M]:
        def call(instance: BaseModel, context: RuleContext) -> Iterable[Finding]:
            return func(instance, context) if isinstance(instance, model) else ()

        _RULES.append(call)
        return func

    return register


def run_rules(model: BaseModel, context: RuleContext) -> list[Finding]:
    """Every finding of every rule registered for ``model``'s class."""
    found: list[Finding] = []
    for call in _RULES:
        found.extend(call(model, context))
    return found


__all__ = ["Finding", "Rule", "RuleContext", "rule", "run_rules"]
