"""Errors of bundle recipes: every problem of a recipe at once, each with its line."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from docgen.exceptions import BundleError, Problem


class RecipeError(BundleError):
    """A recipe file is unreadable or invalid; ``problems`` lists every problem with its place."""

    code = "recipe_error"

    def __init__(self, message_zh: str, message_en: str, problems: Iterable[Problem] = ()) -> None:
        super().__init__(message_zh, message_en)
        self.problems: Sequence[Problem] = tuple(problems)

    def __str__(self) -> str:
        lines = [self.message, *(f"  - {p.describe()}" for p in self.problems)]
        return "\n".join(lines)


__all__ = ["RecipeError"]
