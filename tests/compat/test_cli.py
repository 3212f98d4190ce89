"""``python -m docgen.compat.docxtpl TEMPLATE JSON OUTPUT [-o] [-q]``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.compat import corpus
from tests.compat.visible import visible


@pytest.fixture(scope="module")
def tpl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return corpus.build(tmp_path_factory.mktemp("compat-cli"))["cli"]


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DOCGEN_LANG": "en"}
    cmd = [sys.executable, "-m", "docgen.compat.docxtpl", *map(str, args)]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL)


def test_renders_json_and_refuses_to_overwrite_without_o(tpl: Path, tmp_path: Path) -> None:
    """One run writes the document; a second one without -o stops with exit 2."""
    out = tmp_path / "会议.docx"
    first = _run(tpl, tpl.parent / "cli.json", out)
    assert first.returncode == 0, first.stderr
    assert "Document generated" in first.stdout
    assert visible(out.read_bytes()).texts["document1"] == ["教工第一党支部党员大会", "甲、乙、"]
    before = out.read_bytes()
    second = _run(tpl, tpl.parent / "cli.json", out, "-q")
    assert second.returncode == 2
    assert "-o" in second.stderr
    assert out.read_bytes() == before
    third = _run(tpl, tpl.parent / "cli.json", out, "-o", "-q")
    assert third.returncode == 0
    assert third.stdout == ""


def test_bad_json_is_a_data_error_with_its_place(tpl: Path, tmp_path: Path) -> None:
    """Broken JSON: exit 4, the file, line and column named; nothing written."""
    data = tmp_path / "bad.json"
    data.write_text(json.dumps({"branch": "x"})[:-1] + ",\n", encoding="utf-8")
    result = _run(tpl, data, tmp_path / "out.docx")
    assert result.returncode == 4
    assert f"{data}:2:1" in result.stderr
    assert not (tmp_path / "out.docx").exists()


@pytest.mark.parametrize(("depth", "wrap"), [(100_000, ("[", "]")), (5_000, ('{"a":', "}"))])
def test_deep_json_is_a_data_error_not_a_crash(
    tpl: Path, tmp_path: Path, depth: int, wrap: tuple[str, str]
) -> None:
    """Nesting that makes json.loads raise RecursionError: exit 4, the file and the reason."""
    data = tmp_path / "deep.json"
    opener, closer = wrap
    data.write_text('{"branch": ' + opener * depth + "1" + closer * depth + "}", "utf-8")
    result = _run(tpl, data, tmp_path / "out.docx")
    assert result.returncode == 4, result.stderr
    assert str(data) in result.stderr
    assert "too deep" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out.docx").exists()
