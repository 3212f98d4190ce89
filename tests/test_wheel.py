"""A wheel built from the repo installs into a fresh venv and renders outside the source tree."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.real
@pytest.mark.slow
def test_wheel_installs_and_renders_a_library_template(tmp_path: Path) -> None:
    """Non-editable install: the shipped library is found by name and a document renders."""
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
        check=True,
    )
    wheel = next(dist.glob("docgen-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
    assert "docgen/_templates/plans/zhenggai-fangan/template.docx" in names
    assert "docgen/py.typed" in names

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = venv / "bin" / "pip"
    subprocess.run([str(pip), "install", "-q", str(wheel)], check=True)

    work = tmp_path / "elsewhere"
    work.mkdir()
    data = work / "data.yaml"
    example = ROOT / "templates/plans/zhenggai-fangan/example.yaml"
    data.write_text(example.read_text("utf-8"), "utf-8")
    result = subprocess.run(
        [
            str(venv / "bin" / "docgen"),
            "render",
            "plans/zhenggai-fangan",
            "data.yaml",
            "-o",
            "out.docx",
        ],
        cwd=work,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = work / "out.docx"
    check = subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-c",
            "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]);"
            "x = z.read('word/document.xml').decode(); print('整改方案' in x)",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=work,
    )
    assert check.stdout.strip() == "True"
    imported = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import docgen, sys; print(docgen.__file__)"],
        capture_output=True,
        text=True,
        check=True,
        cwd=work,
    )
    assert str(ROOT) not in imported.stdout
