"""``docgen batch --pdf``: each row's .docx also as PDF, converted while the other rows run.

Each document goes to one warm LibreOffice pool (one office per CPU, started by the
first document) as soon as its row is accepted and its file is in place, so the
conversions overlap the rendering: a batch with ``--pdf`` takes about as long as its
PDFs alone, not rows first and PDFs after. The parent records each finished PDF in
the manifest (journal) like any output, with the sha256 of its source document as
its data hash, so a rerun converts only documents whose PDF is missing, damaged or
older than the document; a batch killed half-way keeps the PDFs recorded so far.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import Future, wait
from dataclasses import dataclass
from typing import Any, Protocol

from docgen.batching.manifest import Entry, Manifest
from docgen.batching.result import BatchResult
from docgen.bundle.hashing import file_hash
from docgen.bundle.pdf import PdfJob, for_job, pdf_relpath
from docgen.exceptions import Problem
from docgen.results import Failure, Output

#: Manifest kinds of outputs that are .docx documents.
_DOCUMENT_KINDS = frozenset({"document", "merged"})


class Converter(Protocol):
    """What the stream needs of a pool (:class:`docgen.convert.OfficePool`)."""

    def submit(self, source: str | os.PathLike[str]) -> Future[Any]: ...

    def close(self) -> None: ...


def open_pool(workers: int | None) -> Converter:
    """The office pool of a batch (a seam for tests)."""
    # Imported here: a batch without --pdf must not load the conversion machinery.
    from docgen.convert import OfficePool

    return OfficePool(workers)


def require_office() -> None:
    """Raise :class:`~docgen.exceptions.ToolNotFound` now, before any row runs, when
    LibreOffice is not installed (the offices themselves start with the first document)."""
    from docgen.convert.tools import find_soffice

    find_soffice()


def fonts_installed() -> list[Problem]:
    """A warning when the house fonts are missing, once per batch."""
    from docgen.fonts.glyphs import check_fonts_installed

    return check_fonts_installed()


@dataclass(frozen=True)
class _Waiting:
    job: PdfJob
    source: Entry


class PdfStream:
    """The PDFs of one batch: :meth:`offer` each document as it is placed, :meth:`collect`
    what has finished (in the parent's thread, which owns the manifest), :meth:`finish`."""

    def __init__(
        self,
        result: BatchResult,
        manifest: Manifest,
        *,
        force: bool = False,
        workers: int | None = None,
        opener: Callable[[int | None], Converter] | None = None,
    ) -> None:
        self.result = result
        self.manifest = manifest
        self.force = force
        self.workers = workers
        self.opener = opener or open_pool
        if opener is None:
            require_office()
        self._pool: Converter | None = None
        self._waiting: dict[Future[Any], _Waiting] = {}

    def offer(self, entry: Entry) -> None:
        """Convert ``entry``'s document unless it is no .docx or its PDF is up to date."""
        if entry.kind not in _DOCUMENT_KINDS or not entry.relpath.lower().endswith(".docx"):
            return
        target = pdf_relpath(entry.relpath)
        if not self.force and _up_to_date(self.manifest, entry, target):
            self.result.unchanged.append(target)
            self.result.pdfs.append(target)
            return
        if self._pool is None:
            self._pool = self.opener(self.workers)
            self.result.conversion_warnings.extend(w.describe() for w in fonts_installed())
        path = self.manifest.out_dir.joinpath(*entry.relpath.split("/"))
        job = PdfJob(path, entry.relpath, entry.step, entry.row)
        self._waiting[self._pool.submit(path)] = _Waiting(job, entry)

    def collect(self, timeout: float = 0.0) -> None:
        """Record the conversions finished so far, oldest first, waiting at most ``timeout``
        seconds for the oldest one.

        Files are converted in the order they were offered, so only the oldest few are
        looked at (looking at every waiting file after every chunk made a long batch
        quadratic); one that overtook an older one is recorded on a later call.
        """
        if not self._waiting:
            return
        if timeout > 0:
            wait([next(iter(self._waiting))], timeout=timeout)
        while self._waiting:
            future = next(iter(self._waiting))
            if not future.done():
                return
            self._record(self._waiting.pop(future), future)

    def finish(self, tick: Callable[[], None]) -> None:
        """Wait for every conversion; ``tick`` between them (the journal's periodic sync)."""
        while self._waiting:
            self.collect(timeout=0.2)
            tick()

    def close(self) -> None:
        """Stop the offices (after :meth:`finish`, or on the way out of an interrupted batch)."""
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    def _record(self, waiting: _Waiting, future: Future[Any]) -> None:
        try:
            done = future.result()
            item: Output | Failure = done.item
            warnings: list[Problem] = list(done.warnings)
        except Exception as err:  # a bug in one conversion must not lose the others
            detail = f"{type(err).__name__}: {err}"
            item = Failure.conversion(waiting.job.path, detail, detail, 0)
            warnings = []
        self.result.conversion_warnings.extend(w.describe() for w in warnings)
        placed = for_job(waiting.job, item)
        if isinstance(placed, Failure):
            self.result.failures.append(placed)
            return
        source = waiting.source
        self.manifest.add_output(
            Entry(
                placed.relpath,
                source.row,
                "pdf",
                source.step,
                source.template,
                source.template_sha256,
                source.sha256,
                placed.sha256,
                placed.size,
                source.key,
            )
        )
        self.result.written.append(placed.relpath)
        self.result.pdfs.append(placed.relpath)


def _up_to_date(manifest: Manifest, source: Entry, target: str) -> bool:
    """The PDF was made from exactly this document and is on disk intact."""
    entry = manifest.outputs.get(target)
    if entry is None or entry.data_hash != source.sha256:
        return False
    return file_hash(manifest.out_dir.joinpath(*target.split("/"))) == entry.sha256


__all__ = ["Converter", "PdfStream", "open_pool"]
