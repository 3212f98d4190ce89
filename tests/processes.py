"""Helpers for the fault tests: run docgen as a child, find what it left behind."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

#: Every hostile case must end within this many seconds (issue 11).
HOSTILE_LIMIT = 20.0


def docgen_child(args: list[str], tmpdir: Path, cwd: Path | None = None) -> subprocess.Popen[str]:
    """``docgen ARGS`` in a child whose $TMPDIR is ``tmpdir``, in its own process group.

    Its own group lets a test send a terminal's Ctrl-C (SIGINT to the whole group).
    """
    env = {**os.environ, "TMPDIR": str(tmpdir), "DOCGEN_LANG": "zh"}
    return subprocess.Popen(
        [sys.executable, "-m", "docgen", *args],
        env=env,
        cwd=cwd or tmpdir.parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def processes_mentioning(marker: str) -> list[int]:
    """Live processes whose command line or environment mentions ``marker``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if _is_zombie(entry):
                continue
            text = (entry / "cmdline").read_bytes() + (entry / "environ").read_bytes()
        except OSError:
            continue
        if marker.encode() in text:
            found.append(int(entry.name))
    return found


def children_of(pid: int) -> list[int]:
    """Live processes whose parent is ``pid``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[-1].split()
        if len(fields) > 1 and fields[1] == str(pid) and fields[0] != "Z":
            found.append(int(entry.name))
    return found


def wait_for(condition: Callable[[], object], timeout: float, what: str) -> object:
    """Poll ``condition`` until it is truthy; fail naming ``what`` after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def _is_zombie(entry: Path) -> bool:
    stat = (entry / "stat").read_text()
    fields = stat.rsplit(")", 1)[-1].split()
    return bool(fields) and fields[0] == "Z"


__all__ = ["HOSTILE_LIMIT", "children_of", "docgen_child", "processes_mentioning", "wait_for"]
