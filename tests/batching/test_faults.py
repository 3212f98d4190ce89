"""Batch faults: two batches into one folder, a full disk, Ctrl-C, SIGTERM and ``kill -9``."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import docgen.batching.worker as worker
from docgen.batching import Manifest, run
from docgen.batching.lock import LOCK_NAME, folder_lock
from docgen.batching.manifest import JOURNAL_NAME
from docgen.exceptions import BatchStoppedError, OutputBusyError
from tests.batching.conftest import RosterWriter, expected_names
from tests.processes import HOSTILE_LIMIT, children_of, docgen_child, wait_for

#: Rows enough that the batch is still running when the signal comes, however fast the machine.
LONG_BATCH = 10000


def test_second_batch_into_a_held_folder_is_refused(
    recipe: Path, roster: RosterWriter, tmp_path: Path
) -> None:
    """While a batch holds the folder, another is refused at once, naming the holder."""
    out = tmp_path / "out"
    out.mkdir()
    in_flight = out / ".0001-党员1.docx.abcd.part"  # the holder's file being written
    in_flight.write_bytes(b"half")
    with folder_lock(out):
        began = time.monotonic()
        with pytest.raises(OutputBusyError) as caught:
            run(recipe, roster(3), out, workers=1)
        assert time.monotonic() - began < HOSTILE_LIMIT
    assert f"进程 {os.getpid()}" in caught.value.message_zh
    assert caught.value.exit_code == 10
    assert in_flight.exists()  # the refused batch touched nothing
    assert not list(out.glob("*.docx"))
    result = run(recipe, roster(3), out, workers=1)  # the lock went with its holder
    assert result.ok
    assert not in_flight.exists()


def _disk_full_after(count: int) -> Iterator[None]:
    real = worker.write_part
    calls = {"n": 0}

    def write(path: Path, data: bytes, umask: int | None = None) -> Path:
        calls["n"] += 1
        if calls["n"] > count:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        return real(path, data, umask)

    worker.write_part = write  # type: ignore[assignment]
    try:
        yield
    finally:
        worker.write_part = real


def test_disk_full_mid_batch_stops_with_rows_done_and_left(
    recipe: Path, roster: RosterWriter, tmp_path: Path
) -> None:
    """ENOSPC on the 6th file (a seam test): a batch failure saying done/left and how to resume."""
    out = tmp_path / "out"
    path = roster(12)
    with contextlib.contextmanager(_disk_full_after)(5), pytest.raises(BatchStoppedError) as caught:
        run(recipe, path, out, workers=1)
    err = caught.value
    assert (err.done, err.left) == (5, 7)
    assert err.exit_code == 11
    assert "已完成 5 行，未完成 7 行" in err.message_zh
    assert "重新运行同一命令" in err.message_zh
    assert len(list(out.glob("*.docx"))) == 5
    assert not list(out.glob(".*.part"))
    resumed = run(recipe, path, out, workers=1)
    assert (resumed.skipped, resumed.succeeded) == (5, 12)
    assert {p.name for p in out.glob("*.docx")} == expected_names(12)


@pytest.mark.real
def test_real_full_disk_is_a_batch_failure(
    recipe: Path, roster: RosterWriter, tmp_path: Path
) -> None:
    """A real 256 KiB tmpfs as the output folder (needs root, which the build machine is)."""
    out = tmp_path / "small"
    out.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(out)])
    assert mounted.returncode == 0, "mounting a small tmpfs needs root"
    try:
        path = roster(200)
        child = docgen_child(
            ["batch", str(recipe), "--roster", str(path), "-o", str(out), "--workers", "1"],
            tmp_path,
        )
        _out, err = child.communicate(timeout=HOSTILE_LIMIT)
        assert child.returncode == 11, err
        assert "批量任务中止" in err
        assert "未完成" in err
        assert "重新运行同一命令" in err
        assert "Traceback" not in err
        assert "内部错误" not in err
        assert not list(out.glob(".*.part"))
    finally:
        subprocess.run(["umount", str(out)], check=True)


def _batch_child(recipe: Path, roster: Path, out: Path, tmp_path: Path) -> subprocess.Popen[str]:
    args = ["batch", str(recipe), "--roster", str(roster), "-o", str(out), "--workers", "2"]
    return docgen_child([*args, "--quiet"], tmp_path / "tmp")


@pytest.mark.real
@pytest.mark.slow
@pytest.mark.parametrize(
    ("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)], ids=["SIGTERM", "SIGINT"]
)
def test_signal_stops_batch_and_its_workers(
    recipe: Path, roster: RosterWriter, tmp_path: Path, signum: int, code: int
) -> None:
    """SIGTERM, or Ctrl-C to the whole group: exit code, Chinese message, no worker, resumable."""
    (tmp_path / "tmp").mkdir()
    out = tmp_path / "out"
    path = roster(LONG_BATCH)
    child = _batch_child(recipe, path, out, tmp_path)
    try:
        wait_for(lambda: len(children_of(child.pid)) >= 2, 15, "two workers")
        wait_for(lambda: list(out.glob("*.docx")), 15, "the first document")
        workers = children_of(child.pid)
        began = time.monotonic()
        os.killpg(child.pid, signum)
        _out, err = child.communicate(timeout=HOSTILE_LIMIT)
        assert time.monotonic() - began < HOSTILE_LIMIT
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, signal.SIGKILL)
    assert child.returncode == code, err
    assert "已中断" in err
    assert "Aborted" not in err
    assert "Traceback" not in err
    wait_for(lambda: not any(Path(f"/proc/{w}").exists() for w in workers), 5, "workers to end")
    assert not list(out.glob(".*.part"))
    assert not list((tmp_path / "tmp").iterdir())
    manifest = Manifest.load(out)
    assert manifest.rows  # what was finished is recorded, so a rerun resumes
    json.loads((out / "manifest.json").read_text(encoding="utf-8"))


@pytest.mark.real
@pytest.mark.slow
def test_kill_9_of_batch_parent_ends_its_workers(
    recipe: Path, roster: RosterWriter, tmp_path: Path
) -> None:
    """No clean-up code runs after ``kill -9``: the workers' parent-death signal ends them,
    and the rows journaled so far load back as the next run's manifest."""
    (tmp_path / "tmp").mkdir()
    out = tmp_path / "out"
    child = _batch_child(recipe, roster(LONG_BATCH), out, tmp_path)
    try:
        workers = wait_for(lambda: list(children_of(child.pid))[:2], 15, "workers")
        assert isinstance(workers, list)
        wait_for(lambda: (out / JOURNAL_NAME).exists(), 15, "the journal")
        os.kill(child.pid, signal.SIGKILL)
        child.communicate(timeout=5)
        wait_for(lambda: not any(Path(f"/proc/{w}").exists() for w in workers), 5, "workers")
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, signal.SIGKILL)
    assert (out / LOCK_NAME).exists()  # the lock file stays, but its lock went with the process
    with folder_lock(out):
        pass
    assert not (out / "manifest.json").exists()  # the parent never reached its end
    manifest = Manifest.load(out)
    assert manifest.rows
    assert set(manifest.verified()) == set(manifest.outputs)  # every recorded file is whole
