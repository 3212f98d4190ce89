"""``docgen bundle`` and ``docgen batch``: exit codes, JSON, and a batch killed with -9 mid-run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from docgen.batching import MANIFEST_NAME, Manifest, run
from docgen.cli import main
from docgen.exceptions import ExitCode
from tests.batching.conftest import RECIPE, expected_names, write_roster
from tests.docx_builder import make_docx, p

EXAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "bundles" / "zhenggai.yaml"


@pytest.fixture
def recipe(tmp_path: Path) -> Path:
    """The card recipe of the batch tests, next to its tiny template."""
    (tmp_path / "tiny.docx").write_bytes(make_docx(p("{{ name }}") + p("编号 {{ code }}")))
    path = tmp_path / "recipe.yaml"
    path.write_text(RECIPE, encoding="utf-8")
    return path


def test_help_of_both_commands() -> None:
    """Both commands are registered and document their options."""
    runner = CliRunner()
    assert "--roster" in runner.invoke(main, ["batch", "--help"]).output
    assert "--set" in runner.invoke(main, ["bundle", "--help"]).output


def test_bundle_command_builds_the_example(tmp_path: Path) -> None:
    """``docgen bundle`` prints every written path and exits 0."""
    result = CliRunner().invoke(main, ["bundle", str(EXAMPLE), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == 10
    assert all(Path(line).is_file() for line in lines)


def test_bundle_command_reports_a_bad_recipe(tmp_path: Path) -> None:
    """A broken recipe exits 8 with the line of each problem."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nsteps:\n  - id: a\n    templat: t\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["bundle", str(bad)])
    assert result.exit_code == 8
    assert f"{bad}:4:5: steps[0].templat: 配方不认识这个键" in result.output


def test_bundle_command_rejects_bad_set(tmp_path: Path) -> None:
    """``--set`` without ``=`` is a usage error."""
    result = CliRunner().invoke(main, ["bundle", str(EXAMPLE), "--set", "novalue"])
    assert result.exit_code == 2


def test_batch_exit_code_and_json(recipe: Path, tmp_path: Path) -> None:
    """A failed row gives exit code 9 and a JSON summary naming the row."""
    roster = write_roster(tmp_path / "roster.xlsx", 12, bad=4)
    args = ["batch", str(recipe), "--roster", str(roster), "-o", str(tmp_path / "out")]
    result = CliRunner().invoke(main, [*args, "--json", "--quiet", "--workers", "1"])
    assert result.exit_code == ExitCode.ROWS_FAILED
    summary = json.loads(result.stdout)
    assert summary["failed_rows"] == [6]
    assert summary["failures"][0]["row"] == 6
    assert len(summary["written"]) == 11


def test_batch_english_summary(recipe: Path, tmp_path: Path) -> None:
    """``--lang en`` gives the summary and reasons in English on stderr."""
    roster = write_roster(tmp_path / "roster.xlsx", 3, bad=0)
    args = ["--lang", "en", "batch", str(recipe), "--roster", str(roster), "-o", str(tmp_path)]
    result = CliRunner().invoke(main, [*args, "--workers", "1"])
    assert result.exit_code == ExitCode.ROWS_FAILED
    assert "row 2" in result.stderr
    assert "roster.xlsx[名单]!B2 (column '姓名') is empty" in result.stderr


@pytest.mark.slow
def test_kill_minus_nine_then_resume(recipe: Path, tmp_path: Path) -> None:
    """kill -9 mid-batch: no partial file ever under a final name; a rerun does only the rest."""
    rows = 400
    roster = write_roster(tmp_path / "roster.xlsx", rows)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "docgen", "batch", str(recipe), "--roster", str(roster)]
    proc = subprocess.Popen([*command, "-o", str(out), "--workers", "1", "--quiet"])
    checked = 0
    try:
        while proc.poll() is None:
            present = list(out.glob("*.docx")) if out.is_dir() else []
            for docx in present:
                with zipfile.ZipFile(docx) as archive:  # a partial file would not open
                    assert archive.testzip() is None
                checked += 1
            if len(present) >= 60:
                os.kill(proc.pid, signal.SIGKILL)
                break
            time.sleep(0.005)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, "the batch ended before it could be killed"
    on_disk = {f.name for f in out.glob("*.docx")}
    assert 60 <= len(on_disk) < rows
    recorded = set(Manifest.load(out).outputs)
    assert recorded <= on_disk
    assert checked > 0
    result = run(recipe, roster, out, workers=2)
    assert result.ok
    assert set(result.written) == expected_names(rows) - on_disk
    assert recorded | set(result.written) <= expected_names(rows)
    assert {f.name for f in out.glob("*.docx")} == expected_names(rows)
    assert (out / MANIFEST_NAME).is_file()


def test_bundle_list_shows_the_library_bundles() -> None:
    """``docgen bundle --list`` prints name, title and description of each shipped bundle."""
    result = CliRunner().invoke(main, ["bundle", "--list"])
    assert result.exit_code == 0, result.output
    names = [line.split("\t")[0] for line in result.output.splitlines()]
    assert {"niandu", "zhenggai", "zuzhi-shenghuohui"} <= set(names)
    as_json = json.loads(CliRunner().invoke(main, ["bundle", "--list", "--json"]).stdout)
    assert any(b["title"] == "年度工作材料" for b in as_json)


def test_bundle_without_recipe_is_a_usage_error() -> None:
    """Neither a recipe nor --list: exit 2."""
    assert CliRunner().invoke(main, ["bundle"]).exit_code == 2


def test_bundle_by_name_with_input_relative_to_cwd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A library bundle runs by name; ``--input`` reads a file from the current folder."""
    source = Path(__file__).resolve().parents[1] / "fixtures" / "school" / "rectification.xlsx"
    (tmp_path / "rect.xlsx").write_bytes(source.read_bytes())
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["bundle", "zhenggai", "--input", "rect=rect.xlsx", "-o", "out"])
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "out").rglob("*.docx"))) == 4
    bad = runner.invoke(main, ["bundle", "zhenggai", "--input", "nothing"])
    assert bad.exit_code == 2


def test_bundle_pdf_failure_exits_7_naming_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A document that does not convert is reported by name; the exit code is 7."""
    from docgen.bundle.pdf import PdfResult
    from docgen.results import Failure

    def fail_all(jobs: list[Any], *, workers: int | None = None, pool: Any = None) -> PdfResult:
        return PdfResult(
            failures=[
                Failure("conversion_failed", 7, "坏了", "broken", j.step, j.relpath) for j in jobs
            ]
        )

    monkeypatch.setattr("docgen.bundle.bundle.convert_documents", fail_all)
    args = ["--lang", "zh", "bundle", str(EXAMPLE), "--pdf", "-o", str(tmp_path)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 7
    assert "整改方案.docx]: 坏了" in result.stderr
