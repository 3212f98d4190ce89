"""Shared helpers for bundle tests: a tiny template and recipe files written on the fly."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.docx_builder import make_docx, p

RecipeWriter = Callable[[str], Path]


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """A one-paragraph template that prints ``name`` and ``code``."""
    path = tmp_path / "tiny.docx"
    path.write_bytes(make_docx(p("{{ name }}") + p("编号 {{ code }}")))
    return path


@pytest.fixture
def write_recipe(tmp_path: Path, tiny: Path) -> RecipeWriter:
    """Write a recipe (dedented YAML) next to the tiny template and return its path."""

    def write(text: str) -> Path:
        path = tmp_path / "recipe.yaml"
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write
