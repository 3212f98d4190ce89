"""A batch run serially in this process, then one on worker processes: the second finishes.

The serial run leaves this process's sync thread pool made and cached; a forked worker
inherits the cache but not the threads, so it must make its own pool (it waited forever).
"""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

from docgen.batching import worker


def _sync_in_child(paths: list[str], done: multiprocessing.queues.SimpleQueue[str]) -> None:
    worker._sync_all([Path(p) for p in paths])
    done.put("ok")


def test_forked_worker_makes_its_own_sync_threads(tmp_path: Path) -> None:
    files = [tmp_path / f"f{n}.txt" for n in range(3)]
    for f in files:
        f.write_text("x", encoding="utf-8")
    worker._sync_all(files)  # the pool is made and cached here, as a serial batch does
    assert worker._syncer.cache_info().currsize == 1
    ctx = multiprocessing.get_context("fork")
    done = ctx.SimpleQueue()
    child = ctx.Process(target=_sync_in_child, args=([str(f) for f in files], done))
    child.start()
    child.join(timeout=20)
    alive = child.is_alive()
    if alive:
        os.kill(child.pid or 0, 9)
    assert not alive, "the forked worker hung on the inherited sync pool"
    assert child.exitcode == 0
    assert done.get() == "ok"
