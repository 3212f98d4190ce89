"""Where rows run: local processes, this process, or a Dask cluster — all behind ``Executor``.

Anything with the :class:`concurrent.futures.Executor` interface works. By
default a batch uses one process per core; ``dask://HOST:PORT`` (or
``tcp://HOST:PORT``) sends the rows to a Dask distributed scheduler through
``distributed.Client(...).get_executor()`` (install ``docgen[dask]``).
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, ParamSpec, TypeVar

from docgen.exceptions import BundleError
from docgen.processes import set_parent_death_signal

P = ParamSpec("P")
T = TypeVar("T")

DASK_SCHEMES = ("dask://", "tcp://", "tls://")


class SerialExecutor(Executor):
    """Runs each call at once in this process (one worker: no pool, nothing to pickle)."""

    def submit(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        future: Future[T] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as err:  # handed to the caller through the future, as pools do
            future.set_exception(err)
        return future


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover -- not Linux
        return os.cpu_count() or 1


@contextmanager
def open_executor(
    spec: Executor | str | None = None, workers: int | None = None
) -> Iterator[tuple[Executor, int]]:
    """An executor for ``spec`` and how many rows it runs at once; shut down afterwards.

    ``spec`` is an :class:`Executor` (used as is, left open), a Dask address, or
    ``None`` for local processes (``workers``, default one per core; 1 runs the
    rows in this process). Raises :class:`BundleError` for an unknown address
    or when Dask is not installed or not reachable.
    """
    if isinstance(spec, Executor):
        yield spec, max(workers or default_workers(), 1)
        return
    if isinstance(spec, str):
        with _dask(spec) as pair:
            yield pair
        return
    count = max(workers or default_workers(), 1)
    if count == 1:
        yield SerialExecutor(), 1
        return
    with ProcessPoolExecutor(
        max_workers=count, initializer=tie_to_parent, initargs=(os.getpid(),)
    ) as pool:
        yield pool, count


def tie_to_parent(parent: int) -> None:
    """Make this worker process end with the batch that started it.

    ``kill -9`` of the parent runs no clean-up code, so the kernel must do it: the
    parent-death signal kills the worker when its parent goes. Ctrl-C reaches the whole
    foreground process group; workers ignore it and let the parent stop them in order
    (otherwise every worker printed its own ``KeyboardInterrupt`` traceback).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    set_parent_death_signal(signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)


@contextmanager
def _dask(address: str) -> Iterator[tuple[Executor, int]]:
    if not address.startswith(DASK_SCHEMES):
        raise BundleError(
            f"无法识别的执行器地址：{address}（应为 dask://主机:端口）",
            f"unknown executor address: {address} (expected dask://HOST:PORT)",
        )
    target = (
        "tcp://" + address.removeprefix("dask://") if address.startswith("dask://") else address
    )
    client = _client(target)
    try:
        threads: dict[str, Any] = client.nthreads()
        executor: Executor = client.get_executor(pure=False)
        yield executor, max(sum(int(n) for n in threads.values()), 1)
    finally:
        client.close()


def _client(address: str) -> Any:
    try:
        from distributed import Client

        make_client: Any = Client  # partly typed upstream; only the call is used
    except ImportError as err:
        raise BundleError(
            "使用 Dask 集群需要安装 docgen[dask]（pip install 'docgen[dask]'）",
            "a Dask cluster needs docgen[dask] (pip install 'docgen[dask]')",
        ) from err
    try:
        return make_client(address, timeout=10)
    except (OSError, TimeoutError) as err:
        raise BundleError(
            f"无法连接 Dask 调度器 {address}：{err}",
            f"cannot connect to the Dask scheduler at {address}: {err}",
        ) from err


__all__ = [
    "DASK_SCHEMES",
    "SerialExecutor",
    "default_workers",
    "open_executor",
    "tie_to_parent",
]
