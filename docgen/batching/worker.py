"""What runs in a worker process (local or on a Dask worker): a chunk of roster rows.

Jobs and outcomes are plain, picklable data. A worker keeps the compiled recipe
(and, through :func:`docgen.load`, the compiled templates) between rows.

When the worker shares the output folder's disk (local processes), it writes each
new output itself, to a temporary file beside the final name, and syncs the chunk's
files together; only the description (path, sha256, size) and the temporary name go
back to the parent, which renames the file into place once it has checked that no
other row claims the name. Shipping every document's bytes to one parent that wrote
and synced them one by one kept the workers waiting most of the time.
"""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from docgen.bundle.bundle import Bundle
from docgen.bundle.hashing import file_hash
from docgen.bundle.inputs import Given
from docgen.bundle.production import Artifact, Known, RenderOptions
from docgen.bundle.rows import RowSource
from docgen.exceptions import DocgenError
from docgen.fileio import current_umask, sync_file, write_part
from docgen.i18n import set_language
from docgen.results import Failure


@dataclass(frozen=True)
class RowJob:
    """Run the recipe at ``recipe`` for roster row ``row`` with cell ``values``.

    ``version`` identifies the recipe and template files the parent saw; a
    worker reloads its cached recipe when it changes (a template edited between
    two batches must not be judged by the old template's hash).
    """

    recipe: str
    templates: tuple[str, ...]
    row: int
    values: dict[str, Any]
    known: dict[str, Known] = field(default_factory=dict)
    options: RenderOptions = field(default_factory=RenderOptions)
    lang: str = "zh"
    version: str = ""
    source: RowSource | None = None
    inputs: dict[str, Given] = field(default_factory=dict)


@dataclass(frozen=True)
class RowOutcome:
    """What a row produced and what failed.

    An artifact carries its bytes when the parent must write it; ``staged`` maps the
    relpath of each output the worker wrote (synced) to its temporary file beside the
    final name. An artifact with neither is up to date on disk.
    """

    row: int
    artifacts: list[Artifact]
    failures: list[Failure]
    seconds: float
    pid: int
    staged: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Stopped:
    """The output folder refused a write (disk full, read-only…): the batch must stop."""

    errno: int | None
    strerror: str | None
    filename: str | None

    @classmethod
    def of(cls, err: OSError) -> Stopped:
        filename = err.filename if isinstance(err.filename, str) else None
        return cls(err.errno, err.strerror, filename)

    def error(self) -> OSError:
        """The error again, as the parent raises it."""
        return OSError(self.errno, self.strerror or "", self.filename)


@dataclass(frozen=True)
class ChunkOutcome:
    """The rows of a chunk that finished, in order, and why the rest did not, if they did not."""

    outcomes: list[RowOutcome]
    stopped: Stopped | None = None


def run_chunk(jobs: list[RowJob], out_dir: str | None = None, force: bool = False) -> ChunkOutcome:
    """Run ``jobs`` in order; with ``out_dir``, write their new outputs there (see the module).

    An output whose file already holds exactly its bytes is not written again unless
    ``force``. A write that fails (disk full) ends the chunk: the rows before it are
    returned with their files synced, the failing row's files are removed.
    """
    outcomes: list[RowOutcome] = []
    stopped: Stopped | None = None
    umask = current_umask()
    for job in jobs:
        outcome = run_row(job)
        if out_dir is not None:
            try:
                outcome = _stage(outcome, Path(out_dir), force, umask)
            except OSError as err:
                stopped = Stopped.of(err)
                break
        outcomes.append(outcome)
    try:
        _sync_all([Path(t) for outcome in outcomes for t in outcome.staged.values()])
    except OSError as err:
        for outcome in outcomes:
            _discard(outcome.staged)
        return ChunkOutcome([], Stopped.of(err))
    return ChunkOutcome(outcomes, stopped)


#: Threads syncing a chunk's files at once: the file system commits the syncs issued
#: together in one journal transaction, where one after another each waited for its own.
SYNC_THREADS = 8


@lru_cache(maxsize=1)
def _syncer() -> ThreadPoolExecutor:
    """This worker process's sync threads (made on first use, after the fork)."""
    return ThreadPoolExecutor(SYNC_THREADS, thread_name_prefix="docgen-sync")


# A forked worker inherits the cached pool but none of its threads: work sent to it would
# wait forever (a batch run serially in this process, then one on worker processes, hung).
os.register_at_fork(after_in_child=_syncer.cache_clear)


def _sync_all(paths: list[Path]) -> None:
    """Sync every file in ``paths`` to the disk; raises the first failure's ``OSError``."""
    if len(paths) <= 1:
        for path in paths:
            sync_file(path)
        return
    for _done in _syncer().map(sync_file, paths):
        pass


def _stage(outcome: RowOutcome, out_dir: Path, force: bool, umask: int) -> RowOutcome:
    """Write ``outcome``'s new outputs to temporary files beside their final names."""
    staged: dict[str, str] = {}
    kept: list[Artifact] = []
    try:
        for artifact in outcome.artifacts:
            if artifact.blob is not None:
                path = out_dir.joinpath(*artifact.relpath.split("/"))
                if force or not same_file(path, artifact.sha256, artifact.size):
                    staged[artifact.relpath] = str(write_part(path, artifact.blob, umask))
                artifact = replace(artifact, blob=None)
            kept.append(artifact)
    except OSError:
        _discard(staged)
        raise
    return replace(outcome, artifacts=kept, staged=staged)


def _discard(staged: dict[str, str]) -> None:
    for temporary in staged.values():
        Path(temporary).unlink(missing_ok=True)


def same_file(path: Path, sha256: str, size: int) -> bool:
    """True when ``path`` already holds exactly these bytes (rendering is deterministic)."""
    try:
        if path.stat().st_size != size:
            return False
    except OSError:
        return False
    return file_hash(path) == sha256


def run_row(job: RowJob) -> RowOutcome:
    """Run one row; never raises for a bad row — every problem becomes a :class:`Failure`."""
    started = time.perf_counter()
    set_language(job.lang)
    try:
        bundle = _bundle(job.recipe, job.templates, job.version)
        production = bundle.produce(
            row=job.values,
            known=job.known,
            options=job.options,
            inputs=job.inputs,
            source=job.source,
        )
        artifacts, failures = production.artifacts, production.failures
    except DocgenError as err:
        artifacts, failures = [], [Failure.from_error(err)]
    except Exception as err:  # a bug must cost one row, not the whole batch
        failures = [_internal(err)]
        artifacts = []
    failures = [replace(f, row=job.row) for f in failures]
    return RowOutcome(job.row, artifacts, failures, time.perf_counter() - started, os.getpid())


@lru_cache(maxsize=8)
def _bundle(recipe: str, templates: tuple[str, ...], version: str) -> Bundle:
    del version  # cache key only: edited recipe or template files are loaded again
    return Bundle.load(recipe, templates=templates)


def _internal(err: Exception) -> Failure:
    detail = f"{type(err).__name__}: {err}"
    return Failure(
        "internal_error",
        1,
        f"内部错误（程序缺陷，请报告）：{detail}",
        f"internal error (a bug, please report it): {detail}",
    )


__all__ = ["ChunkOutcome", "RowJob", "RowOutcome", "Stopped", "run_chunk", "run_row", "same_file"]
