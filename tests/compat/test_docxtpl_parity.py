"""docxtpl's programs, unchanged but for the import line, give the same documents on docgen.

Every script in ``scripts/`` is written against docxtpl (``from docxtpl import …``).
Each runs twice in its own folder: with the real docxtpl from PyPI, and with the
import line pointed at ``docgen.compat.docxtpl``. The documents must show the same
text in every part, the same number of pictures, the same document properties and
the same merged and shaded table cells, and docgen's must pass its package checks.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import docgen
from tests.compat import corpus
from tests.compat.visible import visible

SCRIPTS = Path(__file__).parent / "scripts"


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("compat-corpus")
    corpus.build(folder)
    return folder


def compat_source(code: str) -> str:
    """The one-line change a user makes (for the CLI: the module name)."""
    changed = code.replace("from docxtpl import", "from docgen.compat.docxtpl import")
    return changed.replace('"-m", "docxtpl"', '"-m", "docgen.compat.docxtpl"')


def run_script(name: str, impl: str, corpus_dir: Path) -> dict[str, bytes]:
    """Run one script as ``impl`` ("docxtpl"/"compat") in a fresh folder; its outputs."""
    work = corpus_dir / impl / name
    shutil.rmtree(work, ignore_errors=True)
    (work / "output").mkdir(parents=True)
    (work / "templates").symlink_to(corpus_dir / "templates")
    code = (SCRIPTS / f"{name}.py").read_text(encoding="utf-8")
    if impl == "compat":
        code = compat_source(code)
        assert "docxtpl import" not in code.replace("docgen.compat.docxtpl import", "")
    old = Path.cwd()
    os.chdir(work)
    try:
        exec(compile(code, str(SCRIPTS / f"{name}.py"), "exec"), {"__name__": "__main__"})  # noqa: S102 -- our own corpus scripts
    finally:
        os.chdir(old)
    return {p.name: p.read_bytes() for p in sorted((work / "output").glob("*.docx"))}


@pytest.fixture(autouse=True)
def _clean_modules() -> Iterator[None]:
    yield
    # The CLI script's child process is separate; nothing else to undo.
    sys.stdout.flush()


@pytest.mark.parametrize("name", corpus.script_names())
def test_script_gives_docxtpl_documents(name: str, corpus_dir: Path) -> None:
    """Same visible text, pictures, properties and cell merges as docxtpl; checks pass."""
    expected = run_script(name, "docxtpl", corpus_dir)
    got = run_script(name, "compat", corpus_dir)
    assert expected, f"{name} wrote no document with docxtpl"
    assert sorted(got) == sorted(expected)
    if name in ("table_merge", "dynamic_table"):
        # The cell comparison below must have something to compare.
        assert all(visible(blob).cells for blob in expected.values())
    for out_name, blob in expected.items():
        ours, theirs = visible(got[out_name]), visible(blob)
        assert ours.texts == theirs.texts, out_name
        assert ours.pictures == theirs.pictures, out_name
        assert ours.properties == theirs.properties, out_name
        assert ours.cells == theirs.cells, out_name
        assert docgen.verify_package(got[out_name]) == [], out_name
