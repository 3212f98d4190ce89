"""One warm LibreOffice: started once, fed conversions through its pipe, restarted when it dies.

Each office has its own folder with its profile (``-env:UserInstallation``; two offices on one
profile would be one office), a log of what it printed, a staging folder for its output and a
tiny *keep-alive* document. The keep-alive document matters: after a ``--convert-to`` request
LibreOffice terminates when no document is open (``DispatchWatcher``), so without it every
conversion would cost a cold start again. The office runs in its own process group so that a
kill reaches ``oosplash`` and ``soffice.bin`` alike. It is started cut off from the network,
with a profile that loads no linked content and runs no macros (:mod:`docgen.convert.sandbox`).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path

from docgen.convert import ipc, sandbox
from docgen.fonts.runtime import fontconfig_paths
from docgen.processes import Reaper, pids_in_group

__all__ = ["Office"]

_KEEPALIVE_TEXT = "docgen：保持 LibreOffice 运行的占位文档。\n"

#: PDF export keeping the blank pages LibreOffice inserts so that a section starts on a
#: right-hand page (``w:type="oddPage"``, a bound volume printed on both sides): without
#: them a duplex print of the PDF would put the next document on the back of the last one.
PDF_FILTER = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}'


class Office:
    """A LibreOffice process bound to ``folder``; :meth:`convert` starts it when needed."""

    def __init__(
        self,
        soffice: str,
        folder: Path,
        env: dict[str, str],
        reaper: Reaper | None = None,
        *,
        isolated: bool = True,
    ) -> None:
        self.soffice = soffice
        self.folder = folder
        # LibreOffice leaves an ``lu*.tmp`` folder in $TMPDIR per run; keep it in ours.
        self.tmp = folder / "tmp"
        self.env = {**env, "TMPDIR": str(self.tmp)}
        self.reaper = reaper
        self.profile_url = (folder / "profile").resolve().as_uri()
        self.staging = folder / "out"
        # Off only for the test that proves an unguarded office does reach out.
        self.isolated = isolated
        # In a file system of its own the office's /tmp, where LibreOffice puts its pipe, is
        # a folder of ours (docgen.convert.sandbox).
        self.walled = isolated and sandbox.walled()
        name = ipc.pipe_path(self.profile_url).name
        self.pipe_dir = folder / "ipc" if self.walled else None
        self.pipe = self.pipe_dir / name if self.pipe_dir else ipc.pipe_path(self.profile_url)
        self.starts = 0
        self._proc: subprocess.Popen[bytes] | None = None
        # Start and close may race (Ctrl-C while a worker thread starts the office): the lock
        # makes "started and watched" one step, and a closed office never starts again.
        self._lock = threading.Lock()
        self._closed = False
        self._ready = False

    @property
    def restarts(self) -> int:
        """Starts after the first one: each follows a crash or a hang."""
        return max(0, self.starts - 1)

    @property
    def running(self) -> bool:
        """True while the started process has not exited."""
        return self._proc is not None and self._proc.poll() is None

    def start(self, timeout: float) -> None:
        """Start the office and wait until it takes requests (a fresh profile takes ~2 s)."""
        self.launch()
        self.wait_ready(timeout)

    def launch(self) -> None:
        """Start the office without waiting for it: the caller checks its file meanwhile."""
        with self._lock:
            if self._closed:  # checked before anything is created: the pool removes the folder
                raise ipc.OfficeGone("the pool is closing")
            self.staging.mkdir(parents=True, exist_ok=True)
            self.tmp.mkdir(parents=True, exist_ok=True)
            if self.pipe_dir is not None:
                self.pipe_dir.mkdir(parents=True, exist_ok=True)
            keepalive = self.folder / "keepalive.txt"
            keepalive.write_text(_KEEPALIVE_TEXT, encoding="utf-8")
            self.pipe.unlink(missing_ok=True)  # a socket left by a killed office
            if self.isolated:
                sandbox.seed_profile(self.folder / "profile")
            self._proc = self._spawn(keepalive)
            self._ready = False
            if self.reaper is not None:
                self.reaper.watch(self._proc.pid)  # the group id: the new session's leader
        self.starts += 1

    def wait_ready(self, timeout: float) -> None:
        """Return once the launched office takes requests (at once when it already did)."""
        if not self._ready:
            self._wait_ready(timeout)
            self._ready = True

    def _spawn(self, keepalive: Path) -> subprocess.Popen[bytes]:
        walls = self._walls() if self.isolated else []  # first: it may set self.env
        with (self.folder / "office.log").open("ab") as log:
            return subprocess.Popen(  # noqa: S603 - fixed argument list, no shell
                [
                    *walls,
                    self.soffice,
                    f"-env:UserInstallation={self.profile_url}",
                    "--headless",
                    "--norestore",
                    "--nologo",
                    "--nolockcheck",
                    str(keepalive),
                ],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=self.env,
                cwd=self.folder,
                start_new_session=True,
            )

    def _walls(self) -> list[str]:
        """The launcher words; a walled office gets a fontconfig file of its own, copied now,
        so the fonts it is shown are the ones its file names (another docgen installation
        may rewrite the shared file while this office runs)."""
        config = self.env.get("FONTCONFIG_FILE")
        read: list[Path] = [Path(self.soffice).resolve().parent]
        write: list[Path] = []
        if self.walled and config:
            own = self.folder / "fonts.conf"
            with contextlib.suppress(OSError):
                own.write_bytes(Path(config).read_bytes())
                self.env = {**self.env, "FONTCONFIG_FILE": str(own)}
                fonts_read, write = fontconfig_paths(own)
                read += fonts_read
                for cache in write:
                    cache.mkdir(parents=True, exist_ok=True)  # bwrap binds only what exists
        return sandbox.launcher(self.folder, self.pipe_dir or self.tmp, read, write)

    def convert(
        self,
        source: Path,
        target_format: str,
        timeout: float,
        on_sent: Callable[[], None] | None = None,
    ) -> Path:
        """Convert ``source`` into the staging folder and return the file LibreOffice wrote.

        Raises :class:`ipc.OfficeGone` or :class:`ipc.OfficeHung` when the office dies or does
        not answer in ``timeout`` seconds, and :class:`FileNotFoundError` when it answered but
        wrote nothing (LibreOffice could not read the file).
        """
        produced = self.staging / f"{source.stem}.{target_format}"
        produced.unlink(missing_ok=True)
        fmt = PDF_FILTER if target_format == "pdf" else target_format
        args = ["--headless", "--convert-to", fmt, "--outdir", str(self.staging)]
        seen = source.resolve()
        copied = self.walled and not seen.is_relative_to(self.folder.resolve())
        if copied:  # the office sees only its own folder: hand it a copy there
            seen = self.folder / "in" / source.name
            seen.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, seen)
        try:
            ipc.send_command_line(self.pipe, [*args, str(seen)], self.folder, timeout, on_sent)
        finally:
            if copied:
                seen.unlink(missing_ok=True)
        if not produced.is_file() or produced.stat().st_size == 0:
            raise FileNotFoundError(produced)
        return produced

    def close(self) -> None:
        """Stop the office for good: a later :meth:`start` refuses."""
        with self._lock:
            self._closed = True
        self.stop()

    def stop(self) -> None:
        """Kill the process group (a hung office does not answer politely) and reap it."""
        with self._lock:
            proc, self._proc = self._proc, None
            self._ready = False
        if proc is None:
            return
        with contextlib.suppress(ProcessLookupError):  # already gone
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        if self.reaper is not None:
            self.reaper.forget(proc.pid)
        self.pipe.unlink(missing_ok=True)
        shutil.rmtree(self.tmp, ignore_errors=True)
        if self.pipe_dir is not None:
            shutil.rmtree(self.pipe_dir, ignore_errors=True)

    def process_ids(self) -> list[int]:
        """Process ids in this office's group (``oosplash``, ``soffice.bin``), for monitoring."""
        if self._proc is None:
            return []
        return pids_in_group(self._proc.pid)

    def _wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while True:
            if not self.running:
                raise ipc.OfficeGone(f"LibreOffice exited during start-up (see {self.folder})")
            left = deadline - time.monotonic()
            if left <= 0:
                raise ipc.OfficeHung(f"LibreOffice did not start within {timeout:.0f} s")
            try:
                ipc.ping(self.pipe, left)
                return
            except ipc.OfficeGone:
                time.sleep(0.05)  # the pipe is not there yet
