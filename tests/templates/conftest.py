"""Shared renders of every shipped template, and the ``--update-golden`` switch."""

from __future__ import annotations

from pathlib import Path

import pytest

import docgen
from docgen.context import read_data
from docgen.library import Manifest, list_templates
from tests.templates.reading import Docx

ROOT = Path(__file__).resolve().parents[2]


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--update-golden`` rewrites tests/templates/golden/ from the current output."""
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the template golden files instead of comparing with them",
    )


def built_templates() -> list[Manifest]:
    """The shipped .docx templates built from the catalogue (their manifests name fixtures)."""
    return [m for m in list_templates() if m.fixture and m.minimal and m.template.suffix == ".docx"]


def built_workbooks() -> list[Manifest]:
    """The shipped .xlsx templates built from the catalogue (tests/templates/test_workbooks.py)."""
    return [m for m in list_templates() if m.fixture and m.minimal and m.template.suffix == ".xlsx"]


def cases() -> list[tuple[str, str]]:
    """``(template name, variant)`` for every built template, full and minimal data."""
    return [(m.name, v) for m in built_templates() for v in ("full", "min")]


def case_id(case: tuple[str, str]) -> str:
    """A readable test id: ``plans/zhenggai-fangan-full``."""
    return f"{case[0]}-{case[1]}"


@pytest.fixture(scope="session")
def rendered() -> dict[tuple[str, str], Docx]:
    """Every built template rendered with its full and its minimal fixture, once per run."""
    out: dict[tuple[str, str], Docx] = {}
    for manifest in built_templates():
        template = docgen.load(manifest.template)
        for variant, data in (("full", manifest.fixture), ("min", manifest.minimal)):
            context = read_data(ROOT / data, manifest.kind, wanted_by=manifest.name).context
            out[(manifest.name, variant)] = Docx(template.render(context, check=True))
    return out
