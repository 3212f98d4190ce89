"""One batch per output folder: an advisory lock on ``<folder>/.docgen-batch.lock``.

Without it a second batch into the same folder deleted the first one's in-flight
``.part`` files (they look like a killed run's leftovers) and the first died. The
lock is ``flock`` on a file that stays in the folder: the kernel drops it when the
holder exits in any way (``kill -9`` included), so a stale lock never blocks a rerun.
The holder writes its process id into the file, only to name it in the message.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from docgen.exceptions import OutputBusyError

LOCK_NAME = ".docgen-batch.lock"


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[Path]:
    """Hold ``folder``'s batch lock for the ``with`` block.

    Raises :class:`OutputBusyError` at once (it does not wait) when another
    process holds it, naming that process.
    """
    path = folder / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise _busy(folder, _holder(fd)) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        yield path
    finally:
        os.close(fd)  # closing drops the lock; the file stays, empty locks are harmless


def _holder(fd: int) -> str:
    with contextlib.suppress(OSError, ValueError):
        text = os.pread(fd, 32, 0).decode("ascii").strip()
        if text.isdigit():
            return text
    return "?"


def _busy(folder: Path, pid: str) -> OutputBusyError:
    return OutputBusyError(
        f"输出目录 {folder} 正被另一个批量任务（进程 {pid}）使用；"
        "请等它结束后再运行，或换一个输出目录（-o）",
        f"the output folder {folder} is in use by another batch (process {pid}); "
        "wait until it ends, or choose another output folder (-o)",
    )


__all__ = ["LOCK_NAME", "folder_lock"]
