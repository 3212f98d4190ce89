"""Shared batch fixtures: a tiny template, a one-step recipe and rosters of any size."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from tests.docx_builder import make_docx, p

RECIPE = """\
name: 党员卡片
vars:
  name: {column: 姓名, required: true}
  code: {column: 编号}
steps:
  - id: card
    template: tiny.docx
    output: "{{ code }}-{{ name }}"
"""

RosterWriter = Callable[..., Path]


def write_roster(path: Path, rows: int, bad: int | None = None) -> Path:
    """An XLSX roster with ``rows`` rows (编号, 姓名); row index ``bad`` has no name."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "名单"
    sheet.append(["编号", "姓名"])
    for i in range(rows):
        sheet.append([f"{i:04d}", None if i == bad else f"党员{i}"])
    book.save(path)
    return path


@pytest.fixture
def recipe(tmp_path: Path) -> Path:
    """The card recipe next to its tiny template."""
    (tmp_path / "tiny.docx").write_bytes(make_docx(p("{{ name }}") + p("编号 {{ code }}")))
    path = tmp_path / "recipe.yaml"
    path.write_text(RECIPE, encoding="utf-8")
    return path


@pytest.fixture
def roster(tmp_path: Path) -> RosterWriter:
    """Write a roster of ``rows`` rows (``bad``: the index of a row without a name)."""

    def write(rows: int, bad: int | None = None) -> Path:
        return write_roster(tmp_path / "roster.xlsx", rows, bad)

    return write


def expected_names(rows: int, bad: int | None = None) -> set[str]:
    """The file names the card recipe makes for a roster from :func:`write_roster`."""
    return {f"{i:04d}-党员{i}.docx" for i in range(rows) if i != bad}
