"""Every process docgen starts ends with it, and its temporary folders go with it.

Three ways a run ends, three mechanisms:

* **Normal end, exception, Ctrl-C, SIGTERM**: :func:`interrupts_raise` turns SIGINT and
  SIGTERM into :class:`~docgen.exceptions.Interrupted` in the main thread, so ``with`` blocks
  and ``finally`` clauses stop offices and worker pools and remove temporary folders.
* **``kill -9`` of docgen** runs no code at all, so cleaning up must not depend on docgen:
  batch workers get a parent-death signal (:func:`set_parent_death_signal`), and each group of
  offices is watched by a :class:`Reaper`, a tiny process that blocks reading a pipe only
  docgen holds open. When docgen is gone, however it went, the pipe ends; the reaper kills the
  offices' process groups and removes their folder.
"""

from __future__ import annotations

import contextlib
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

from docgen.exceptions import Interrupted

_PR_SET_PDEATHSIG = 1

# Run by ``python -I -S -c``: nothing of docgen is imported, so it starts in milliseconds.
# It reads process-group ids, one per line, until the pipe ends (docgen exited or closed it),
# then kills those groups and removes the folder.
_REAPER = r"""
import os, shutil, signal, sys
signal.signal(signal.SIGINT, signal.SIG_IGN)
signal.signal(signal.SIGTERM, signal.SIG_IGN)
groups = set()
for line in sys.stdin:
    line = line.strip()
    if line.startswith("-"):
        groups.discard(int(line[1:]))
    elif line:
        groups.add(int(line))
for group in groups:
    try:
        os.killpg(group, signal.SIGKILL)
    except OSError:
        pass
if sys.argv[1]:
    shutil.rmtree(sys.argv[1], ignore_errors=True)
"""


def set_parent_death_signal(signum: int = signal.SIGKILL) -> None:
    """Ask Linux to send ``signum`` to this process when its parent dies (no-op elsewhere)."""
    if not sys.platform.startswith("linux"):  # pragma: no cover -- Linux only
        return
    import ctypes  # deferred: only processes that arm the signal pay for it

    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signum, 0, 0, 0)


class Reaper:
    """Kills the watched process groups and removes ``folder`` once docgen lets go or dies.

    ``folder`` ``None`` removes nothing (a folder the caller owns).
    """

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = subprocess.Popen(  # noqa: S603 - fixed args
            [sys.executable, "-I", "-S", "-c", _REAPER, str(folder or "")],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # Ctrl-C in the terminal must not stop it before the offices
        )

    def watch(self, group: int) -> None:
        """Add process group ``group`` to the ones killed when docgen goes."""
        self._send(f"{group}\n")

    def forget(self, group: int) -> None:
        """Drop ``group`` (docgen stopped it itself; its id may be reused)."""
        self._send(f"-{group}\n")

    def close(self) -> None:
        """Let go: the reaper kills what is still watched, removes the folder and exits."""
        with self._lock:
            proc, self._proc = self._proc, None
        if proc is None:
            return
        with contextlib.suppress(OSError):
            assert proc.stdin is not None  # noqa: S101 -- opened with stdin=PIPE
            proc.stdin.close()
        proc.wait()

    def _send(self, line: str) -> None:
        with self._lock:
            if self._proc is None or self._proc.stdin is None:
                return
            with contextlib.suppress(OSError):
                self._proc.stdin.write(line.encode("ascii"))
                self._proc.stdin.flush()


@contextlib.contextmanager
def interrupts_raise() -> Iterator[None]:
    """Within the block, SIGINT and SIGTERM raise :class:`Interrupted` in the main thread.

    Outside the main thread (signal handlers cannot be set there) the block runs unchanged.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}

    def handler(signum: int, frame: FrameType | None) -> None:
        del frame
        # Once is enough: a second Ctrl-C during clean-up must not cut the clean-up short.
        for s in previous:
            signal.signal(s, signal.SIG_IGN)
        raise Interrupted(signum)

    for s in previous:
        signal.signal(s, handler)
    try:
        yield
    finally:
        for s, old in previous.items():
            signal.signal(s, old)


def pids_in_group(group: int) -> list[int]:
    """Process ids whose process group is ``group`` (read from ``/proc``)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and _process_group(entry) == group:
            found.append(int(entry.name))
    return sorted(found)


def _process_group(proc_dir: Path) -> int | None:
    try:
        stat = (proc_dir / "stat").read_text()
    except OSError:
        return None
    # Fields after the parenthesised command: state, ppid, pgrp, ...
    fields = stat.rsplit(")", 1)[-1].split()
    return int(fields[2]) if len(fields) > 2 else None


__all__ = ["Reaper", "interrupts_raise", "pids_in_group", "set_parent_death_signal"]
