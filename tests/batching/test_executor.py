"""Executors: in-process for one worker, bad addresses refused, and a real local Dask cluster."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from docgen.batching import SerialExecutor, run
from docgen.batching.executor import open_executor
from docgen.exceptions import BundleError
from tests.batching.conftest import RosterWriter, expected_names


def test_one_worker_runs_in_this_process() -> None:
    """workers=1 gives the serial executor; results and errors come through futures."""
    with open_executor(None, 1) as (pool, slots):
        assert isinstance(pool, SerialExecutor)
        assert slots == 1
        assert pool.submit(pow, 2, 5).result() == 32
        assert isinstance(pool.submit(int, "x").exception(), ValueError)


def test_several_workers_use_processes() -> None:
    """workers=2 gives a process pool of two."""
    with open_executor(None, 2) as (pool, slots):
        assert isinstance(pool, ProcessPoolExecutor)
        assert slots == 2


def test_unknown_address_is_refused() -> None:
    """An address that is not dask:// or tcp:// is a clear error."""
    with pytest.raises(BundleError, match="dask://"), open_executor("http://x:1"):
        pass


@pytest.fixture(scope="module")
def dask_address() -> Iterator[str]:
    """A real two-process Dask cluster on loopback, for this module."""
    from distributed import LocalCluster

    cluster = LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        # Port 0: the scheduler always runs an HTTP server, on 8787 unless told otherwise,
        # and a taken port is a warning (an error under filterwarnings=error).
        dashboard_address="127.0.0.1:0",
    )
    try:
        yield "dask://" + cluster.scheduler_address.removeprefix("tcp://")
    finally:
        cluster.close()


@pytest.mark.real
def test_batch_on_a_local_dask_cluster(
    dask_address: str, recipe: Path, roster: RosterWriter, tmp_path: Path
) -> None:
    """The rows run on the Dask workers; the parent writes every file and the manifest."""
    out = tmp_path / "out"
    result = run(recipe, roster(24, bad=5), out, executor=dask_address)
    assert {f.name for f in out.glob("*.docx")} == expected_names(24, bad=5)
    assert result.failed_rows == [7]
    assert result.workers == 2
    again = run(recipe, roster(24, bad=5), out, executor=dask_address)
    assert again.written == []
