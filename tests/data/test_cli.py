"""The validate, init and schema commands through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import click
import openpyxl
import pytest
from click.testing import CliRunner

from docgen.cli.data_commands import COMMANDS, run_guarded
from tests.data.conftest import INVALID, REPO


class _Guarded(click.Group):
    """A stand-in for the main group: DocgenError → message + exit code."""

    def invoke(self, ctx: click.Context) -> object:
        return run_guarded(ctx, lambda: super(_Guarded, self).invoke(ctx))


@click.group(cls=_Guarded)
def cli() -> None:
    """Test group."""


for command in COMMANDS:
    cli.add_command(command)


@pytest.fixture
def runner() -> CliRunner:
    """A runner that keeps stderr apart."""
    return CliRunner()


def test_validate_valid_fixtures_exit_zero(runner: CliRunner) -> None:
    """The sample school validates: exit 0 and a summary line."""
    result = runner.invoke(cli, ["validate", str(REPO / "fixtures" / "school")])
    assert result.exit_code == 0, result.output
    assert "校验通过" in result.stdout


def test_validate_invalid_exit_four_with_every_problem(runner: CliRunner) -> None:
    """Invalid data exits 4 and lists all problems on stderr."""
    result = runner.invoke(cli, ["validate", str(INVALID / "ten_errors.yaml")])
    assert result.exit_code == 4
    assert result.stderr.count("\n  - ") == 10
    assert "ten_errors.yaml:18:72" in result.stderr


def test_validate_strict_fails_on_warnings(runner: CliRunner) -> None:
    """Warnings pass normally and fail with --strict."""
    path = str(INVALID / "frequency_warnings.yaml")
    assert runner.invoke(cli, ["validate", path]).exit_code == 0
    assert runner.invoke(cli, ["validate", "--strict", path]).exit_code == 4


def test_init_yaml_to_stdout(runner: CliRunner) -> None:
    """init prints a commented starter for a kind named in Chinese."""
    result = runner.invoke(cli, ["init", "整改方案"])
    assert result.exit_code == 0
    assert result.stdout.startswith("# 整改方案起始文件")
    assert "measures:  # 整改措施" in result.stdout


def test_init_xlsx_has_dropdowns_and_validates(runner: CliRunner, tmp_path: Path) -> None:
    """The workbook starter has drop-down lists and passes validate."""
    out = tmp_path / "plan.xlsx"
    result = runner.invoke(cli, ["init", "rectification", "-o", str(out)])
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(out)["问题清单"]
    assert sheet.data_validations.dataValidation
    assert runner.invoke(cli, ["validate", str(out)]).exit_code == 0


def test_init_refuses_to_overwrite(runner: CliRunner, tmp_path: Path) -> None:
    """An existing file is kept unless --force is given."""
    out = tmp_path / "a.yaml"
    out.write_text("keep", "utf-8")
    assert runner.invoke(cli, ["init", "speech", "-o", str(out)]).exit_code == 1
    assert out.read_text("utf-8") == "keep"
    assert runner.invoke(cli, ["init", "speech", "-o", str(out), "--force"]).exit_code == 0


def test_unknown_kind_is_a_usage_error(runner: CliRunner) -> None:
    """An unknown kind exits 2 and lists the known kinds."""
    result = runner.invoke(cli, ["schema", "memo"])
    assert result.exit_code == 2
    assert "minutes" in result.stderr


def test_schema_offers_english_and_chinese_keys(runner: CliRunner) -> None:
    """The schema lists both names of a field, and ``for`` rather than ``for_``."""
    result = runner.invoke(cli, ["schema", "minutes"])
    schema = json.loads(result.stdout)
    vote = schema["$defs"]["Vote"]["properties"]
    assert {"for", "赞成", "subject", "表决事项"} <= set(vote)
    assert "for_" not in vote
