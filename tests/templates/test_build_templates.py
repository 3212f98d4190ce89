"""scripts/build_templates.py: the committed templates are what the script builds, every time."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from docgen.style.catalog import catalog
from tests.templates.conftest import ROOT

SCRIPT = ROOT / "scripts" / "build_templates.py"


def test_committed_templates_are_up_to_date() -> None:
    """--check exits 0: every template, manifest and example matches a fresh build."""
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_build_is_deterministic() -> None:
    """Two builds of every spec give the same bytes."""
    for spec in catalog():
        assert spec.build() == spec.build(), spec.key


def test_check_reports_a_changed_template(tmp_path: Path) -> None:
    """--check exits 1 and names the file when a template differs; a build repairs it, and
    a second build writes nothing."""
    for sub in ("templates", "fixtures/library"):
        shutil.copytree(ROOT / sub, tmp_path / sub)
    target = tmp_path / "templates/plans/zhenggai-fangan/manifest.toml"
    target.write_text(target.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    command = [sys.executable, str(SCRIPT), "--root", str(tmp_path)]
    checked = subprocess.run([*command, "--check"], capture_output=True, text=True, check=False)
    assert checked.returncode == 1
    assert "zhenggai-fangan/manifest.toml" in checked.stdout
    built = subprocess.run(command, capture_output=True, text=True, check=True)
    assert "zhenggai-fangan/manifest.toml" in built.stdout
    again = subprocess.run(command, capture_output=True, text=True, check=True)
    assert again.stdout == ""
