"""Writing output files atomically: a file appears under its name complete, or not at all."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_atomic(path: str | os.PathLike[str], data: bytes | Iterable[bytes]) -> Path:
    """Write ``data`` (bytes, or chunks of them) to ``path`` through a temporary file in the
    same folder.

    The temporary file is flushed and synced, then renamed over ``path``; a
    crash at any moment leaves either the old file or the new one, never half.
    The file gets the permissions a plain ``open()`` would give (0666 less the
    umask), not ``mkstemp``'s private 0600: outputs are meant for a web server,
    a shared folder or a colleague.
    """
    target = Path(path)
    tmp = write_part(target, data)
    try:
        sync_file(tmp)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def write_part(target: Path, data: bytes | Iterable[bytes], umask: int | None = None) -> Path:
    """Write ``data`` (bytes, or chunks of them: a large file need not be built whole in
    memory first) to a new temporary file beside ``target`` (``.NAME.XXXX.part``).

    The first half of :func:`write_atomic`, for callers that write many files and
    sync them together: :func:`sync_file` each, then ``os.replace`` each over its
    target. ``umask`` saves reading the process umask again for every file.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        os.fchmod(fd, 0o666 & ~(current_umask() if umask is None else umask))
        with os.fdopen(fd, "wb") as handle:
            if isinstance(data, bytes | bytearray | memoryview):
                handle.write(data)
            else:
                handle.writelines(data)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def sync_file(path: Path) -> None:
    """Flush ``path``'s data to the disk (``fsync``)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def current_umask() -> int:
    """The process umask, read without changing it (Linux ``/proc``), else by setting it back.

    ``os.umask`` can only be read by setting it, which races with threads creating
    files; ``/proc/self/status`` reports it without touching it.
    """
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
