"""Batch jobs: a roster run through a bundle in the background, kept in the work folder.

``WORKDIR/jobs/<id>/job.json`` records each job (bundle, status, progress);
its outputs go to ``out/`` with the batch manifest that makes a run resumable.
A job that was running when the server stopped (or was killed) is started
again on the next start and skips the rows already finished. Cancelling stops
the run after the rows in flight; ``批量结果.xlsx`` lists every row's outcome.
"""

from __future__ import annotations

import json
import threading
import time
import zipfile
from pathlib import Path
from typing import Any

from docgen.batching import Progress, run
from docgen.batching.manifest import MANIFEST_NAME
from docgen.exceptions import DocgenError
from docgen.fileio import write_atomic
from docgen.serve import rosters
from docgen.serve.catalog import bundle as find_bundle
from docgen.serve.guard import busy
from docgen.serve.settings import ServeSettings
from docgen.serve.store import WorkStore, data_suffix, display_name

ACTIVE = ("queued", "running")
_SAVE_EVERY = 0.2


class _Stop(Exception):
    """Raised from the progress callback to end a run (cancel or shutdown)."""


class JobRunner:
    """Runs batch jobs in background threads, at most ``limits.jobs`` at once."""

    def __init__(self, store: WorkStore, settings: ServeSettings) -> None:
        self.store = store
        self.settings = settings
        self._lock = threading.Lock()
        self._threads: dict[str, threading.Thread] = {}
        self._stop: dict[str, threading.Event] = {}
        self._closing = threading.Event()
        for folder in store.jobs():
            if read_state(folder)["status"] in ACTIVE:
                self._launch(folder.name)

    def submit(
        self,
        bundle: str,
        roster: tuple[str, bytes],
        files: list[tuple[str, bytes]],
        *,
        pdf: bool = False,
        keep_web_links: bool = False,
    ) -> dict[str, Any]:
        """Start a job; 503 when ``limits.jobs`` jobs are already queued or running."""
        info = find_bundle(bundle)
        with self._lock:
            if sum(1 for t in self._threads.values() if t.is_alive()) >= self.settings.limits.jobs:
                raise busy()
        job_id, folder = self.store.new_job()
        inputs = folder / "inputs"
        inputs.mkdir()
        uploads: dict[str, Path] = {}
        for index, (name, content) in enumerate(files):
            shown = display_name(name, f"file{index}")
            path = inputs / f"{index}{data_suffix(name)}"
            path.write_bytes(content)
            uploads[shown] = path
        roster_name = display_name(roster[0], "roster.xlsx")
        uploaded = inputs / f"roster-upload{data_suffix(roster[0])}"
        uploaded.write_bytes(roster[1])
        try:
            rosters.rewrite(uploaded, folder / f"roster{uploaded.suffix}", uploads, roster_name)
        except DocgenError:
            _remove(folder)
            raise
        state = {
            "id": job_id,
            "bundle": info.name,
            "roster": roster_name,
            "roster_file": f"roster{uploaded.suffix}",
            "pdf": pdf,
            "keep_web_links": keep_web_links,
            "status": "queued",
            "done": 0,
            "total": 0,
            "failed_rows": [],
            "message_zh": None,
            "message_en": None,
            "created": time.time(),
        }
        save_state(folder, state)
        self._launch(job_id)
        return state

    def cancel(self, job_id: str) -> dict[str, Any]:
        """Ask a job to stop; a job that has finished is left as it is."""
        folder = self.store.job(job_id)
        event = self._stop.get(job_id)
        if event is not None:
            event.set()
            thread = self._threads.get(job_id)
            if thread is not None:
                thread.join(timeout=30)
        state = read_state(folder)
        if state["status"] in ACTIVE:
            state["status"] = "cancelled"
            save_state(folder, state)
        return state

    def close(self) -> None:
        """Stop every running job without marking it finished (it resumes on the next start)."""
        self._closing.set()
        for event in self._stop.values():
            event.set()
        for thread in self._threads.values():
            thread.join(timeout=60)

    def _launch(self, job_id: str) -> None:
        event = threading.Event()
        thread = threading.Thread(target=self._run, args=(job_id, event), daemon=True)
        with self._lock:
            self._stop[job_id] = event
            self._threads[job_id] = thread
        thread.start()

    def _run(self, job_id: str, stop: threading.Event) -> None:
        folder = self.store.root / "jobs" / job_id
        state = read_state(folder)
        state["status"] = "running"
        save_state(folder, state)
        saved = 0.0

        def progress(step: Progress) -> None:
            nonlocal saved
            state["done"], state["total"] = step.done, step.total
            outcome = "skipped" if step.skipped else "ok" if step.ok else "failed"
            state.setdefault("rows", {})[str(step.row)] = outcome
            if not step.ok:
                state["failed_rows"] = sorted({*state["failed_rows"], step.row})
            if time.monotonic() - saved >= _SAVE_EVERY or step.done == step.total:
                save_state(folder, state)
                saved = time.monotonic()
            if stop.is_set():
                raise _Stop

        try:
            result = run(
                find_bundle(state["bundle"]).path,
                folder / state["roster_file"],
                folder / "out",
                workers=self.settings.batch_workers,
                executor=self.settings.executor,
                progress=progress,
                pdf=bool(state.get("pdf")),
                keep_web_links=bool(state.get("keep_web_links")),
            )
        except _Stop:
            if not self._closing.is_set():
                state["status"] = "cancelled"
            save_state(folder, state)
            return
        except DocgenError as err:
            state["status"] = "failed"
            state["message_zh"], state["message_en"] = _both(err)
            save_state(folder, state)
            return
        state.update(done=result.rows, total=result.rows, failed_rows=sorted(result.failed_rows))
        state["status"] = "done"
        save_state(folder, state)


def read_state(folder: Path) -> dict[str, Any]:
    """The recorded state of the job in ``folder``."""
    data: dict[str, Any] = json.loads((folder / "job.json").read_text("utf-8"))
    return data


def save_state(folder: Path, state: dict[str, Any]) -> None:
    """Record ``state`` atomically (a crash never leaves half a job.json)."""
    write_atomic(folder / "job.json", json.dumps(state, ensure_ascii=False).encode())


def result_zip(folder: Path) -> Path:
    """A zip of the job's outputs and report (rebuilt when the outputs changed)."""
    out = folder / "out"
    target = folder / "result.zip"
    files = sorted(p for p in out.rglob("*") if p.is_file() and p.name != MANIFEST_NAME)
    newest = max((p.stat().st_mtime for p in files), default=0.0)
    if not target.is_file() or target.stat().st_mtime < newest:
        partial = folder / "result.zip.part"
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in files:
                archive.write(path, path.relative_to(out).as_posix())
        partial.replace(target)
    return target


def _both(err: DocgenError) -> tuple[str, str]:
    problems = getattr(err, "problems", ())
    zh = "\n".join([err.message_zh, *(p.message_zh for p in problems)])
    en = "\n".join([err.message_en, *(p.message_en for p in problems)])
    return zh, en


def _remove(folder: Path) -> None:
    import shutil

    shutil.rmtree(folder, ignore_errors=True)
