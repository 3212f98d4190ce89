"""What runs in a worker process (local or on a Dask worker): one roster row, start to end.

Jobs and outcomes are plain, picklable data. A worker keeps the compiled recipe
(and, through :func:`docgen.load`, the compiled templates) between rows.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from docgen.bundle.bundle import Bundle
from docgen.bundle.inputs import Given
from docgen.bundle.production import Artifact, Known, RenderOptions
from docgen.bundle.rows import RowSource
from docgen.exceptions import DocgenError
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
    """What a row produced (with bytes to write) and what failed."""

    row: int
    artifacts: list[Artifact]
    failures: list[Failure]
    seconds: float
    pid: int


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


__all__ = ["RowJob", "RowOutcome", "run_row"]
