"""PDF through LibreOffice kept warm: a pool of offices, one per worker, fed over their pipe.

How it is kept warm, and why this way (measured on the 2-core Debian 12 build machine,
LibreOffice 7.4, the 30-row 整改措施 benchmark document; ``bench/bench_convert.py``):

* one ``soffice --convert-to`` per file: 1.1-2.0 s/doc, almost all of it start-up;
* many files in one ``soffice --convert-to`` call: ~0.23 s/doc for 20 files on one core, two such
  calls at once ~0.14 s/doc, but one bad file or a crash loses the whole call;
* Python-UNO against ``soffice --accept`` (Debian's python3-uno, as unoserver does it):
  load + PDF export measured 0.19 s/doc on one office against ~0.21 s through the pipe, within
  the noise of this shared machine; it would tie docgen to the system Python's ``uno`` module
  (built for Debian's interpreter, loaded by another one only by luck of the ABI), so not
  taken. The office's time is its own work: importing the styles (about a third of it for a
  file saved by Word, hence :mod:`docgen.convert.styles`), laying out and exporting the pages;
* **a started office fed through its own single-instance pipe** (chosen): the office is started
  once per worker with its own profile and a keep-alive document (:mod:`docgen.convert.office`);
  each file is handed to it exactly as a second ``soffice --convert-to`` would hand it, but by
  :mod:`docgen.convert.ipc` in-process, so a file costs only the conversion: ~0.17 s/doc on one
  worker. A second ``soffice`` process per file on the same profile also works (~0.16-0.28 s)
  but adds a process start per file and gives no clean signal when the office has died.

Failure handling: every file has a timeout; when the office dies (the pipe closes) or hangs
(no answer in time), its process group is killed, it is started again and the file is tried
once more. Other files are not affected: each worker holds one file at a time.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import tempfile
import threading
import time
import weakref
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from docgen.convert import ipc
from docgen.convert.office import Office
from docgen.convert.preflight import prepare
from docgen.convert.punctuation import for_office
from docgen.convert.result import ConversionResult, converted
from docgen.convert.tools import find_soffice
from docgen.convert.warnings import font_warnings
from docgen.exceptions import ConversionError, Problem
from docgen.fileio import write_atomic
from docgen.fonts.glyphs import check_fonts_installed
from docgen.fonts.runtime import fontconfig_env
from docgen.processes import Reaper
from docgen.results import Failure, Output

__all__ = ["DEFAULT_TIMEOUT", "Conversion", "OfficePool", "default_workers", "to_pdf"]

#: Seconds one file may take before its office counts as hung.
DEFAULT_TIMEOUT = 120.0
#: Seconds an office may take to start (a fresh profile is created on first start).
START_TIMEOUT = 90.0
_MAX_WORKERS = 4

#: Called as ``observer(source, office)`` once an office holds a file (monitoring and tests).
Observer = Callable[[Path, Office], None]


def default_workers() -> int:
    """One office per CPU, at most four (each holds a few hundred MB)."""
    return max(1, min(os.cpu_count() or 1, _MAX_WORKERS))


def to_pdf(
    paths: Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str] | None = None,
    *,
    workers: int | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    check_fonts: bool = True,
) -> ConversionResult:
    """Convert documents to PDF in parallel; each ``name.docx`` becomes ``out_dir/name.pdf``.

    Without ``out_dir`` each PDF is written next to its source. Files are written atomically.
    Failed files are listed in the result (``result.raise_for_failures()`` turns them into an
    error); warnings name characters that will fall back to another font.
    """
    sources = [Path(p) for p in paths]
    count = min(workers or default_workers(), max(1, len(sources)))
    with OfficePool(count, timeout=timeout) as pool:
        return pool.convert(sources, out_dir, check_fonts=check_fonts)


@dataclass(frozen=True)
class Conversion:
    """One file's outcome: the PDF written or why not, and the file's own warnings."""

    item: Output | Failure
    warnings: list[Problem]


@dataclass
class _Job:
    index: int
    source: Path
    target: Path
    # The file as the caller named it; ``source`` may be preflight's copy of it.
    original: Path | None = None

    @property
    def named(self) -> Path:
        return self.original or self.source


class OfficePool:
    """Warm offices, reused across :meth:`convert` calls until :meth:`close`."""

    def __init__(
        self,
        workers: int | None = None,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        start_timeout: float = START_TIMEOUT,
        workdir: str | os.PathLike[str] | None = None,
        observer: Observer | None = None,
    ) -> None:
        soffice = find_soffice()
        self.timeout = timeout
        self.start_timeout = start_timeout
        self.observer = observer
        owned = workdir is None
        self.root = Path(workdir or tempfile.mkdtemp(prefix="docgen-office-"))
        env = fontconfig_env()
        # Watches the offices from outside: after a ``kill -9`` of docgen it still stops them
        # and removes the pool's folder (``docgen.processes``).
        reaper = Reaper(self.root if owned else None)
        self.offices = []
        for number in range(workers or default_workers()):
            folder = self.root / f"worker{number}"
            folder.mkdir(parents=True, exist_ok=True)
            self.offices.append(Office(soffice, folder, env, reaper))
        # Files waiting for an office, and the offices no thread is feeding (see _submit).
        self._queue: deque[tuple[_Job, bool, Future[Conversion]]] = deque()
        self._idle = list(self.offices)
        self._lock = threading.Lock()
        self._numbers = itertools.count()
        self._finalizer = weakref.finalize(
            self, _shut_down, list(self.offices), self.root, owned, reaper, self._queue, self._lock
        )

    def __enter__(self) -> OfficePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop every office and remove the pool's own folder."""
        self._finalizer()

    def convert(
        self,
        paths: Iterable[str | os.PathLike[str]],
        out_dir: str | os.PathLike[str] | None = None,
        *,
        check_fonts: bool = True,
    ) -> ConversionResult:
        """Convert ``paths`` to PDF (see :func:`to_pdf`)."""
        jobs = _plan(paths, out_dir)
        result = ConversionResult()
        restarts_before = sum(o.restarts for o in self.offices)
        if check_fonts:
            result.warnings.extend(check_fonts_installed())
        futures = [self._submit(job, check_fonts) for job in jobs]
        for future in futures:
            done = future.result()
            result.warnings.extend(done.warnings)
            if isinstance(done.item, Output):
                result.outputs.append(done.item)
            else:
                result.failures.append(done.item)
        result.restarts = sum(o.restarts for o in self.offices) - restarts_before
        return result

    def submit(
        self,
        source: str | os.PathLike[str],
        target: str | os.PathLike[str] | None = None,
        *,
        check_fonts: bool = True,
    ) -> Future[Conversion]:
        """Queue one file (PDF beside it, or at ``target``); its :class:`Conversion` comes later.

        Files are converted in the order they are submitted, by the first free office, while
        the caller goes on (a batch hands each document over as its row finishes). The
        glyph check covers this file only: :func:`check_fonts_installed` is the caller's.
        """
        path = Path(source)
        named = Path(target) if target is not None else path.with_suffix(".pdf")
        return self._submit(_Job(next(self._numbers), path, named.resolve()), check_fonts)

    def _submit(self, job: _Job, check_fonts: bool) -> Future[Conversion]:
        future: Future[Conversion] = Future()
        with self._lock:
            self._queue.append((job, check_fonts, future))
            if self._idle:  # an office with no thread: give it one (it drains the queue)
                office = self._idle.pop(0)
                threading.Thread(target=self._drain, args=(office,), daemon=True).start()
        return future

    def _drain(self, office: Office) -> None:
        while True:
            with self._lock:
                if not self._queue:
                    # Decided under the lock: a submit after this finds the office idle.
                    self._idle.append(office)
                    return
                job, check_fonts, future = self._queue.popleft()
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(self._convert_one(office, job, check_fonts))
            except BaseException as err:  # handed to whoever waits, never lost in a thread
                future.set_exception(err)

    def _convert_one(self, office: Office, job: _Job, check_fonts: bool) -> Conversion:
        """Check one file (preflight, glyphs), then convert it; done in an office's thread, so
        the next file is checked while the office lays out the current one."""
        if not job.source.is_file():
            failure = Failure.conversion(job.source, "文件不存在", "file not found", 0)
            return Conversion(failure, [])
        scratch = self.root / "preflight" / str(next(self._numbers))
        if not office.running:
            # The office boots while its file is checked (a start costs ~1 s, the checks
            # ~0.05-0.2 s); a launch that fails here is tried again, and reported, by _run.
            with contextlib.suppress(ipc.OfficeGone, OSError):
                office.launch()
        try:
            # Checked by docgen first, and LibreOffice never follows links out of the
            # document (docgen.convert.preflight).
            ready = prepare(job.source, scratch)
            warnings = list(ready.warnings)
            if ready.refusal is not None:
                return Conversion(Failure.conversion(job.source, *ready.refusal, 0), warnings)
            if check_fonts:
                warnings.extend(font_warnings([ready.path], installed=False))
            item = self._run(office, _Job(job.index, ready.path, job.target, job.source))
            return Conversion(item, warnings)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)

    def _run(self, office: Office, job: _Job) -> Output | Failure:
        """Convert one file; on a crash or hang restart the office and try once more."""
        began = time.monotonic()
        reason = ("", "")
        for attempt in (1, 2):
            try:
                if not office.running:
                    office.launch()
                office.wait_ready(self.start_timeout)
                notify = None if self.observer is None else _bind(self.observer, job, office)
                # LibreOffice reads a copy that keeps line-end marks in the line (issue 9 §1).
                readable = for_office(job.source, office.folder / "in")
                try:
                    produced = office.convert(readable, "pdf", self.timeout, notify)
                finally:
                    if readable != job.source:
                        readable.unlink(missing_ok=True)
                write_atomic(job.target, produced.read_bytes())
                produced.unlink()
                return converted(job.named, job.target, attempt, time.monotonic() - began)
            except ipc.OfficeHung:
                reason = (f"LibreOffice 超过 {self.timeout:g} 秒未完成", "LibreOffice timed out")
                office.stop()
            except (ipc.OfficeGone, ipc.OfficeProtocolError) as err:
                reason = (f"LibreOffice 异常退出（{err}）", f"LibreOffice exited ({err})")
                office.stop()
            except FileNotFoundError:
                reason = (
                    "LibreOffice 未能生成 PDF（文件损坏或格式不支持）",
                    "LibreOffice wrote no PDF (damaged or unsupported file)",
                )
            except OSError as err:
                reason = (f"无法写出 {job.target}：{err}", f"cannot write {job.target}: {err}")
                break
        return Failure.conversion(job.named, *reason, attempts=attempt)


def _bind(observer: Observer, job: _Job, office: Office) -> Callable[[], None]:
    return lambda: observer(job.named, office)


def _plan(
    paths: Iterable[str | os.PathLike[str]], out_dir: str | os.PathLike[str] | None
) -> list[_Job]:
    jobs: list[_Job] = []
    seen: dict[Path, Path] = {}
    for index, raw in enumerate(paths):
        source = Path(raw)
        folder = Path(out_dir) if out_dir is not None else source.parent
        target = (folder / f"{source.stem}.pdf").resolve()
        if target in seen:
            raise ConversionError(
                f"{seen[target]} 和 {source} 会写到同一个文件 {target}，请分开转换或改名",
                f"{seen[target]} and {source} would both be written to {target}; "
                "convert them separately or rename one",
            )
        seen[target] = source
        jobs.append(_Job(index, source, target))
    return jobs


def _shut_down(
    offices: list[Office],
    root: Path,
    owned: bool,
    reaper: Reaper,
    waiting: deque[tuple[_Job, bool, Future[Conversion]]],
    lock: threading.Lock,
) -> None:
    with lock:  # files not yet begun are not begun: their futures are cancelled
        for _job, _check, future in waiting:
            future.cancel()
        waiting.clear()
    for office in offices:
        office.close()
    if owned:
        shutil.rmtree(root, ignore_errors=True)
    reaper.close()
