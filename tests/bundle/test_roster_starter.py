"""``docgen init roster`` (the school-wide list) and ``--bundle NAME`` (a batch's roster)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from click.testing import CliRunner

from docgen.batching import read_roster
from docgen.bundle import Bundle
from docgen.cli import main


def test_init_roster_writes_a_valid_starter(tmp_path: Path) -> None:
    """Once a KeyError: now a starter the roster kind validates."""
    target = tmp_path / "roster.yaml"
    result = CliRunner().invoke(main, ["init", "roster", "-o", str(target)])
    assert result.exit_code == 0, result.output
    check = CliRunner().invoke(main, ["validate", str(target)])
    assert check.exit_code == 0, check.output


def test_init_roster_for_a_bundle_has_its_columns(tmp_path: Path) -> None:
    """The header is exactly the columns the bundle reads, each with a note; no invented rows."""
    target = tmp_path / "花名册.xlsx"
    result = CliRunner().invoke(main, ["init", "roster", "--bundle", "niandu", "-o", str(target)])
    assert result.exit_code == 0, result.output
    roster = read_roster(target)
    assert roster.columns == Bundle.load("niandu").recipe.columns
    assert roster.rows == ()
    sheet = openpyxl.load_workbook(target)["花名册"]
    assert sheet["B1"].value == "支部"
    assert "不能空着" in sheet["B1"].comment.text
    assert "保留原值" in sheet["F1"].comment.text


def test_bundle_option_needs_the_roster_kind(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["init", "minutes", "--bundle", "niandu"])
    assert result.exit_code == 2
    assert "--bundle 只能与 roster 连用" in result.output
