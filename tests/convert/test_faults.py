"""``docgen convert`` stopped by SIGTERM, Ctrl-C or ``kill -9``: no office, no folder left.

Each case runs docgen as a child with its own $TMPDIR, signals it once LibreOffice is up, and
then looks for any process or file that mentions that folder. Real LibreOffice.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.convert.chinese_docs import house_document
from tests.processes import HOSTILE_LIMIT, docgen_child, processes_mentioning, wait_for

pytestmark = [pytest.mark.real, pytest.mark.slow]


def _office_started(tmpdir: Path) -> bool:
    """True once a soffice process runs with a profile under ``tmpdir``."""
    for pid in processes_mentioning(str(tmpdir)):
        try:
            if b"soffice" in Path(f"/proc/{pid}/cmdline").read_bytes():
                return True
        except OSError:
            continue
    return False


def _convert_child(tmp_path: Path) -> tuple[subprocess.Popen[str], Path]:
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    sources = [house_document(tmp_path / f"文件{n}.docx") for n in range(6)]
    child = docgen_child(["convert", *map(str, sources), "--to", "pdf", "-j", "1"], tmpdir)
    return child, tmpdir


def _left_behind(tmpdir: Path) -> tuple[list[int], list[str]]:
    return processes_mentioning(str(tmpdir)), sorted(p.name for p in tmpdir.iterdir())


@pytest.mark.parametrize(
    ("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)], ids=["SIGTERM", "SIGINT"]
)
def test_signal_stops_offices_and_removes_their_folder(
    tmp_path: Path, signum: int, code: int
) -> None:
    """SIGTERM or Ctrl-C (SIGINT to the whole group): own exit code, Chinese message, clean."""
    child, tmpdir = _convert_child(tmp_path)
    began = time.monotonic()
    try:
        wait_for(lambda: _office_started(tmpdir), 15, "LibreOffice to start")
        os.killpg(child.pid, signum)
        _out, err = child.communicate(timeout=HOSTILE_LIMIT)
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
    assert time.monotonic() - began < HOSTILE_LIMIT
    assert child.returncode == code, err
    assert "已中断" in err
    assert "Aborted" not in err
    assert "Traceback" not in err
    wait_for(lambda: _left_behind(tmpdir) == ([], []), 5, "offices and folders to go")


def test_kill_9_of_docgen_still_stops_offices_and_removes_their_folder(tmp_path: Path) -> None:
    """``kill -9`` runs no docgen code: the reaper watching the pipe must do the clean-up."""
    child, tmpdir = _convert_child(tmp_path)
    try:
        wait_for(lambda: _office_started(tmpdir), 15, "LibreOffice to start")
        os.kill(child.pid, signal.SIGKILL)
        child.communicate(timeout=5)
        wait_for(lambda: _left_behind(tmpdir) == ([], []), 10, "offices and folders to go")
    finally:
        for pid in processes_mentioning(str(tmpdir)):
            os.kill(pid, signal.SIGKILL)


def test_finished_convert_leaves_no_lu_tmp_or_profile(tmp_path: Path) -> None:
    """A normal run leaves nothing in $TMPDIR: no ``lu*.tmp``, no profile, no office."""
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    source = house_document(tmp_path / "文件.docx")
    child = docgen_child(["convert", str(source), "--to", "pdf"], tmpdir)
    _out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err
    assert (tmp_path / "文件.pdf").is_file()
    assert _left_behind(tmpdir) == ([], [])
