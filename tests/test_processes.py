"""docgen.processes: the reaper, the parent-death signal and interrupts as exceptions."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from docgen.exceptions import Interrupted
from docgen.processes import Reaper, interrupts_raise, pids_in_group
from tests.processes import wait_for


def _sleeper() -> subprocess.Popen[bytes]:
    return subprocess.Popen(["sleep", "60"], start_new_session=True)


def test_reaper_kills_watched_groups_and_removes_its_folder(tmp_path: Path) -> None:
    """Closing the pipe (as docgen's death does) kills what is watched and removes the folder."""
    folder = tmp_path / "pool"
    folder.mkdir()
    (folder / "profile").mkdir()
    watched, forgotten = _sleeper(), _sleeper()
    reaper = Reaper(folder)
    reaper.watch(watched.pid)
    reaper.watch(forgotten.pid)
    reaper.forget(forgotten.pid)
    reaper.close()
    assert watched.wait(timeout=5) == -signal.SIGKILL
    assert not folder.exists()
    assert forgotten.poll() is None  # a forgotten group (its id may be reused) is left alone
    forgotten.kill()
    forgotten.wait()


def test_reaper_acts_when_its_owner_is_killed(tmp_path: Path) -> None:
    """A child that owns a reaper is killed with -9: the reaper still cleans up."""
    folder = tmp_path / "pool"
    folder.mkdir()
    code = (
        "import subprocess, sys, time\n"
        "from pathlib import Path\n"
        "from docgen.processes import Reaper\n"
        "r = Reaper(Path(sys.argv[1]))\n"
        "p = subprocess.Popen(['sleep', '60'], start_new_session=True)\n"
        "r.watch(p.pid)\n"
        "print(p.pid, flush=True)\n"
        "time.sleep(60)\n"
    )
    owner = subprocess.Popen([sys.executable, "-c", code, str(folder)], stdout=subprocess.PIPE)
    assert owner.stdout is not None
    sleeper = int(owner.stdout.readline())
    owner.kill()
    owner.wait()
    owner.stdout.close()
    wait_for(lambda: not pids_in_group(sleeper) and not folder.exists(), 5, "the reaper")


def _signal_self(signum: int) -> None:
    os.kill(os.getpid(), signum)
    signal.sigtimedwait([], 0.5)  # the handler runs before this returns


def test_sigterm_raises_interrupted_and_handlers_come_back() -> None:
    """Inside the block SIGTERM is an ``Interrupted`` with exit code 143; outside, as before."""
    before = signal.getsignal(signal.SIGTERM)
    with interrupts_raise(), pytest.raises(Interrupted) as caught:
        _signal_self(signal.SIGTERM)
    assert caught.value.exit_code == 143
    assert "已中断" in caught.value.message or "interrupted" in caught.value.message
    assert signal.getsignal(signal.SIGTERM) == before
