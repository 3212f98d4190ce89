"""Running a bundle once per roster row: in parallel, resumable, every file written atomically.

Rows go to the workers in chunks. Local workers write each new output to a synced
temporary file beside its final name and report only its path, sha256 and size
(:func:`docgen.batching.worker.run_chunk`); the parent, which owns the names, renames
each file into place unless another row already claimed the name, appends the rows
to the manifest's journal (synced at most every :data:`SAVE_INTERVAL` seconds) and
writes ``manifest.json`` at the end. With ``--pdf`` each document goes to the office pool
as soon as it is in place (:mod:`docgen.batching.pdfs`). Workers of a Dask cluster may not share the
disk, so theirs send the bytes back and the parent writes them. A ``kill -9`` at any
moment leaves only complete files under their final names and a journal that
describes some of them; the next run renders the rest and writes only files whose
bytes differ.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Executor, Future
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from docgen.batching.executor import open_executor
from docgen.batching.fingerprint import row_fingerprint
from docgen.batching.fit import check_columns
from docgen.batching.keys import row_keys
from docgen.batching.lock import folder_lock
from docgen.batching.manifest import Manifest
from docgen.batching.memory import collision, roster_from_rows, run_in_memory
from docgen.batching.pdfs import PdfStream
from docgen.batching.report import REPORT_NAME, RowLine, write_report
from docgen.batching.result import BatchResult
from docgen.batching.roster import Roster, RosterRow, read_roster
from docgen.batching.worker import ChunkOutcome, RowJob, RowOutcome, run_chunk, same_file
from docgen.bundle.builtin import find_bundle
from docgen.bundle.bundle import pdf_needs_folder
from docgen.bundle.compiled import Recipe
from docgen.bundle.hashing import data_hash
from docgen.bundle.inputs import Given, InputData, given_input
from docgen.bundle.loader import load_recipe
from docgen.bundle.plan import check_input_names
from docgen.bundle.production import Artifact, Known, RenderOptions
from docgen.exceptions import BatchStoppedError, BundleError
from docgen.fileio import write_atomic
from docgen.i18n import current_language
from docgen.results import Failure
from docgen.stamp import fixed_time, render_time

#: Chunks in flight per worker: enough to keep workers busy, few enough to keep memory flat.
IN_FLIGHT_PER_WORKER = 2
#: The most rows in one chunk. Chunks are smaller for small batches (about eight per
#: worker), so that every worker gets work and the progress bar moves.
CHUNK_ROWS = 16
#: Seconds between journal syncs while rows stream in; after a crash the rows finished
#: since the last sync are rendered again, and files found identical are not rewritten.
SAVE_INTERVAL = 0.2


@dataclass(frozen=True)
class Progress:
    """One finished row, for progress displays."""

    done: int
    total: int
    row: int
    ok: bool
    skipped: bool


ProgressFn = Callable[[Progress], None]


def run(
    bundle: str | os.PathLike[str],
    roster: str | os.PathLike[str] | Iterable[Mapping[str, Any]],
    out_dir: str | os.PathLike[str] | None,
    *,
    workers: int | None = None,
    executor: Executor | str | None = None,
    force: bool = False,
    sheet: str | None = None,
    templates: Iterable[str | os.PathLike[str]] = (),
    strip_invalid: bool = False,
    check: bool = True,
    progress: ProgressFn | None = None,
    pdf: bool = False,
    pdf_workers: int | None = None,
    inputs: Mapping[str, InputData] | None = None,
    keep_web_links: bool = False,
    deterministic: bool = False,
) -> BatchResult:
    """Run the recipe ``bundle`` once per row of ``roster``, writing under ``out_dir``.

    ``inputs`` gives input files shared by every row (``--input plan=共用计划.yaml``,
    relative to the current folder), or their data in memory (a mapping, a model,
    :class:`~docgen.context.DataBytes`); each row's columns then override them as the
    recipe's ``set`` says. Paths in roster cells are relative to the roster's folder.
    ``roster`` may also be the rows themselves (mappings of column → value).
    With ``out_dir=None`` the batch runs in memory (:mod:`docgen.batching.memory`):
    the documents come back as bytes in ``result.documents`` and nothing is written.
    Rows are recognised across runs by their key (see :mod:`docgen.batching.keys`), so
    inserting a row redoes that row only. ``批量结果.xlsx`` is written beside the outputs.

    ``workers`` processes run rows at once (default: one per core), or
    ``executor`` (any :class:`~concurrent.futures.Executor`, or ``dask://HOST:PORT``).
    Rows whose outputs are complete and up to date are skipped unless ``force``.
    A bad row never stops the batch: the result lists each failure with its row.
    With ``pdf``, every .docx is converted to PDF beside it as its row finishes (``pdf_workers``
    offices, default one per CPU), skipping PDFs already made from the same bytes.
    ``keep_web_links`` (or the recipe's ``keep_web_links: true``) keeps the templates' web
    hyperlinks; by default each loses its link and keeps its text.
    Every document's created/modified dates are the moment the batch starts (one for all
    rows; a batch resumed after a crash keeps the moment its journal holds), or fixed with
    ``deterministic`` (:mod:`docgen.stamp`).
    Raises :class:`~docgen.exceptions.RecipeError` for an invalid recipe and
    :class:`DataError` for an unreadable roster (nothing is run then).
    """
    started = time.perf_counter()
    extra = tuple(str(Path(t).resolve()) for t in templates)
    recipe = load_recipe(find_bundle(bundle, extra).resolve(), extra)
    if isinstance(roster, str | os.PathLike):
        table = read_roster(Path(roster), sheet)
    else:
        table = roster_from_rows(roster)
    check_columns(recipe, table)
    given = {name: given_input(value) for name, value in (inputs or {}).items()}
    check_input_names(recipe, given)
    if out_dir is None:
        if pdf:
            raise pdf_needs_folder()
        options = RenderOptions(
            strip_invalid, check, keep_web_links, moment=render_time(deterministic)
        )
        result = run_in_memory(
            recipe, table, given, options, extra, workers=workers, executor=executor
        )
        result.seconds = time.perf_counter() - started
        return result
    target = Path(out_dir)
    target.mkdir(parents=True, exist_ok=True)
    with folder_lock(target):
        # Only the lock holder may call a .part file a leftover: another batch's are in flight.
        _remove_stale_temporaries(target)
        try:
            options = RenderOptions(
                strip_invalid, check, keep_web_links, pdf, fixed_time(deterministic)
            )
            batch = _Batch(recipe, table, target, force, options, progress, given)
            # Local workers share this disk and write their files; a cluster's may not.
            batch.shared_disk = executor is None
            if pdf:  # documents are converted as their rows are accepted, not after all rows
                batch.pdfs = PdfStream(
                    batch.result, batch.manifest, force=force, workers=pdf_workers
                )
            try:
                with open_executor(executor, workers) as (pool, slots):
                    batch.result.workers = slots
                    batch.drain(pool, slots, batch.plan_jobs(extra))
                if batch.pdfs is not None:
                    batch.pdfs.finish(batch.sync_journal)
            finally:
                if batch.pdfs is not None:
                    batch.pdfs.close()
            batch.result.report = batch.write_report()
        except BaseException:
            # An interrupt can land between a temporary file's creation and the
            # write's own clean-up; every .part here is ours while we hold the lock.
            _remove_stale_temporaries(target)
            raise
    batch.result.seconds = time.perf_counter() - started
    return batch.result


class _Batch:
    """The state of one batch run, owned by the parent process."""

    def __init__(
        self,
        recipe: Recipe,
        table: Roster,
        out_dir: Path,
        force: bool,
        options: RenderOptions,
        progress: ProgressFn | None,
        given: Mapping[str, Given] | None = None,
    ) -> None:
        self.recipe = recipe
        self.out_dir = out_dir
        self.table = table
        self.given = dict(given or {})
        self.keys = row_keys(recipe, table)
        self.lines: dict[int, RowLine] = {}
        self.progress = progress
        self.force = force
        self.manifest = Manifest(out_dir) if force else Manifest.load(out_dir)
        if force:
            self.manifest.journal.unlink(missing_ok=True)  # not to be replayed over a fresh start
        self.shared_disk = False
        self.pdfs: PdfStream | None = None
        self._synced = time.monotonic()
        self.manifest.bundle, self.manifest.recipe_sha256 = recipe.name, recipe.digest
        self.verified = {} if force else self.manifest.verified()
        # A killed run's rows rendered again must match the files it left: same moment.
        moment = options.moment or self.manifest.moment or render_time()
        self.manifest.note_moment(moment)
        self.options = replace(options, moment=moment)
        self.claimed: dict[str, int] = {}
        self.done = 0
        self.result = BatchResult(out_dir, self.manifest.path, rows=len(table.rows))

    def plan_jobs(self, templates: tuple[str, ...]) -> Iterator[tuple[RowJob, str | None]]:
        """A job per row that must run; rows already up to date are counted as skipped."""
        lang = current_language()
        version = data_hash(sorted(self.recipe.template_digests.items()), self.recipe.digest)
        for row in self.table.rows:
            if row.number in self.keys.repeats:
                self._accept(self._repeated(row), None)
                continue
            source = self.table.source(row)
            fingerprint = row_fingerprint(self.recipe, row.values, self.options, source, self.given)
            if fingerprint is not None and self._current(row, fingerprint):
                self._skip(row)
                continue
            job = RowJob(
                str(self.recipe.path),
                templates,
                row.number,
                row.values,
                self._known(row),
                self.options,
                lang,
                version,
                source,
                dict(self.given),
            )
            yield job, fingerprint

    def _key(self, number: int) -> str:
        return self.keys.keys[number]

    def _current(self, row: RosterRow, fingerprint: str) -> bool:
        record = self.manifest.rows.get(self._key(row.number))
        if record is None or record.status != "ok" or record.fingerprint != fingerprint:
            return False
        return all(relpath in self.verified for relpath in record.outputs)

    def _known(self, row: RosterRow) -> dict[str, Known]:
        record = self.manifest.rows.get(self._key(row.number))
        outputs = record.outputs if record is not None else []
        return {r: self.verified[r].known() for r in outputs if r in self.verified}

    def _repeated(self, row: RosterRow) -> RowOutcome:
        first = self.keys.repeats[row.number]
        shown = "、".join(self.keys.columns) or "全部列"
        failure = Failure(
            "duplicate_row",
            BundleError.exit_code,
            f"这一行的“{shown}”与第 {first} 行相同，会生成同样的文件；请删去重复的行或改正",
            f"this row's {', '.join(self.keys.columns) or 'cells'} repeat row {first}'s; it "
            "would write the same files. Remove the repeated row or correct it",
            row=row.number,
        )
        return RowOutcome(row.number, [], [failure], 0.0, 0)

    def _skip(self, row: RosterRow) -> None:
        record = self.manifest.rows[self._key(row.number)]
        record.row = row.number  # rows above it may have been inserted or removed
        for relpath in record.outputs:
            self.claimed[relpath] = row.number
            entry = self.manifest.outputs.get(relpath)
            if self.pdfs is not None and entry is not None:
                self.pdfs.offer(entry)
        self._line(row.number, "未变（已是最新）", [], record.outputs)
        self.result.unchanged.extend(record.outputs)
        self.result.succeeded += 1
        self.result.skipped += 1
        self._tick(row.number, ok=True, skipped=True)

    def drain(self, pool: Executor, slots: int, jobs: Iterable[tuple[RowJob, str | None]]) -> None:
        """Run ``jobs`` in chunks, at most ``slots × 2`` in flight; accept rows as they come."""
        chunks = _chunks(jobs, max(1, min(CHUNK_ROWS, self.result.rows // (slots * 8))))
        pending: dict[Future[ChunkOutcome], list[tuple[RowJob, str | None]]] = {}
        limit = max(slots * IN_FLIGHT_PER_WORKER, 1)
        stopped: OSError | None = None
        finished = False
        try:
            while True:
                self._fill(pool, chunks, pending, limit)
                if not pending:
                    break
                # The oldest chunk first, whichever finished first: which of two clashing
                # rows wins must not depend on which worker happened to be quicker.
                future = next(iter(pending))
                chunk = pending.pop(future)
                self._accept_chunk(_chunk_outcome(future, chunk), chunk)
                if self.pdfs is not None:
                    self.pdfs.collect()
                self.sync_journal()
            finished = True
        except OSError as err:  # the output folder cannot take more (disk full, read-only…)
            stopped = err
        finally:
            for future in pending:
                future.cancel()
            try:
                if finished:  # the report's save writes manifest.json; the journal holds till then
                    self.manifest.flush()
                else:
                    self.manifest.save()
            except OSError as err:
                stopped = stopped or err
        if stopped is not None:
            raise self._stopped(stopped) from stopped

    def sync_journal(self) -> None:
        """Append the rows recorded since the last sync to the journal, at most every
        :data:`SAVE_INTERVAL` seconds."""
        if time.monotonic() - self._synced >= SAVE_INTERVAL:
            self.manifest.flush()
            self._synced = time.monotonic()

    def _accept_chunk(self, outcome: ChunkOutcome, chunk: list[tuple[RowJob, str | None]]) -> None:
        fingerprints = {job.row: fingerprint for job, fingerprint in chunk}
        for row in outcome.outcomes:
            self._accept(row, fingerprints[row.row])
        if outcome.stopped is not None:
            raise outcome.stopped.error()

    def _line(self, number: int, status: str, reasons: list[str], files: list[str]) -> None:
        self.lines[number] = RowLine(
            number, self.keys.labels.get(number, ""), status, reasons, files
        )

    def write_report(self) -> Path:
        """Drop rows no longer in the roster from the manifest; write ``批量结果.xlsx``."""
        self.manifest.forget_missing(set(self.keys.keys.values()))
        self.manifest.save()
        return write_report(
            self.out_dir / REPORT_NAME, list(self.lines.values()), self.result.failures
        )

    def _stopped(self, err: OSError) -> BatchStoppedError:
        done, total = self.done, self.result.rows
        reason = err.strerror or str(err)
        where = f"{err.filename}" if err.filename else str(self.out_dir)
        return BatchStoppedError(
            f"批量任务中止：无法写入 {where}（{reason}）。已完成 {done} 行，"
            f"未完成 {total - done} 行（共 {total} 行）。请释放磁盘空间（或修正目录权限）后"
            "重新运行同一命令：已完成的行会跳过，只做未完成的部分。",
            f"batch stopped: cannot write {where} ({reason}). {done} rows done, "
            f"{total - done} left (of {total}). Free disk space (or fix the folder's permissions) "
            "and run the same command again: finished rows are skipped, only the rest is done.",
            done=done,
            left=total - done,
        )

    def _fill(
        self,
        pool: Executor,
        chunks: Iterator[list[tuple[RowJob, str | None]]],
        pending: dict[Future[ChunkOutcome], list[tuple[RowJob, str | None]]],
        limit: int,
    ) -> None:
        out_dir = str(self.result.out_dir) if self.shared_disk else None
        while len(pending) < limit:
            chunk = next(chunks, None)
            if chunk is None:
                return
            jobs = [job for job, _fingerprint in chunk]
            try:
                pending[pool.submit(run_chunk, jobs, out_dir, self.force)] = chunk
            except RuntimeError as err:  # a broken or shut-down pool refuses new work
                for job, _fingerprint in chunk:
                    self._accept(_lost(job, err), None)

    def _accept(self, outcome: RowOutcome, fingerprint: str | None) -> None:
        failures = list(outcome.failures)
        kept: list[Artifact] = []
        for artifact in outcome.artifacts:
            staged = outcome.staged.get(artifact.relpath)
            owner = self.claimed.get(artifact.relpath)
            if owner is not None and owner != outcome.row:
                failures.append(collision(artifact, owner, outcome.row))
                if staged is not None:
                    Path(staged).unlink(missing_ok=True)
                continue
            self.claimed[artifact.relpath] = outcome.row
            kept.append(artifact)
            self._write(artifact, staged)
        key = self._key(outcome.row) if outcome.row not in self.keys.repeats else None
        if key is not None:
            self.manifest.record(outcome.row, fingerprint or "", kept, failures, key)
            if self.pdfs is not None:  # its files are in place: convert them now
                for artifact in kept:
                    self.pdfs.offer(self.manifest.outputs[artifact.relpath])
        status = "失败" if failures else "成功"
        self._line(outcome.row, status, [f.message_zh for f in failures], [a.relpath for a in kept])
        if failures:
            self.result.failed_rows.append(outcome.row)
            self.result.failures.extend(failures)
        else:
            self.result.succeeded += 1
        self._tick(outcome.row, ok=not failures, skipped=False)

    def _write(self, artifact: Artifact, staged: str | None) -> None:
        path = self.out_dir.joinpath(*artifact.relpath.split("/"))
        if staged is not None:  # a worker wrote and synced it: put it in place
            os.replace(staged, path)
        elif artifact.blob is None or (
            not self.force and same_file(path, artifact.sha256, artifact.size)
        ):
            self.result.unchanged.append(artifact.relpath)
            return
        else:
            write_atomic(path, artifact.blob)
        self.result.written.append(artifact.relpath)

    def _tick(self, row: int, *, ok: bool, skipped: bool) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(Progress(self.done, self.result.rows, row, ok, skipped))


def _remove_stale_temporaries(out_dir: Path) -> None:
    """Delete temporary files a killed run left behind (``.name.XXXX.part``, never a final name)."""
    for stale in out_dir.rglob(".*.part"):
        stale.unlink(missing_ok=True)


def _chunks(
    jobs: Iterable[tuple[RowJob, str | None]], size: int
) -> Iterator[list[tuple[RowJob, str | None]]]:
    chunk: list[tuple[RowJob, str | None]] = []
    for item in jobs:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _chunk_outcome(
    future: Future[ChunkOutcome], chunk: list[tuple[RowJob, str | None]]
) -> ChunkOutcome:
    try:
        return future.result()
    except Exception as err:  # a worker that died or an executor error costs these rows only
        return ChunkOutcome([_lost(job, err) for job, _fingerprint in chunk])


def _lost(job: RowJob, err: BaseException) -> RowOutcome:
    detail = f"{type(err).__name__}: {err}"
    failure = Failure(
        "worker_failed",
        1,
        f"执行这一行的工作进程失败：{detail}",
        f"the worker running this row failed: {detail}",
        row=job.row,
    )
    return RowOutcome(job.row, [], [failure], 0.0, 0)


__all__ = ["CHUNK_ROWS", "IN_FLIGHT_PER_WORKER", "Progress", "run"]
