"""A batch in memory: every row's documents come back as bytes; nothing touches the disk.

``docgen.batch(recipe, rows, None)`` runs the rows like a batch into a folder (same
workers, same row checks, same failures), but there is no folder: no lock, no
``manifest.json``, no ``批量结果.xlsx``, nothing skipped as up to date. Each output is
a :class:`~docgen.results.Output` holding its ``data`` and its ``row``
(``result.documents``, ``result.contents``). Rows may be a roster file or mappings.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from concurrent.futures import Executor
from pathlib import Path
from typing import Any

from docgen.batching.executor import open_executor
from docgen.batching.result import BatchResult
from docgen.batching.roster import Roster, RosterRow
from docgen.batching.worker import RowJob, RowOutcome, run_row
from docgen.bundle.bundle import artifact_output
from docgen.bundle.compiled import Recipe
from docgen.bundle.hashing import data_hash
from docgen.bundle.inputs import Given
from docgen.bundle.production import Artifact, RenderOptions
from docgen.exceptions import BundleError
from docgen.i18n import current_language
from docgen.results import Failure

#: How rows given as mappings are named in messages (``花名册 第 3 行“实到”列``).
ROWS_NAME = "花名册"


def roster_from_rows(rows: Iterable[Mapping[str, Any]]) -> Roster:
    """Rows given in memory as a roster: numbered from 1, columns in order of appearance.

    Paths in their cells are relative to the current folder (there is no roster file).
    """
    listed = [dict(r) for r in rows]
    columns = tuple(dict.fromkeys(str(c) for r in listed for c in r))
    numbered = tuple(RosterRow(i, r) for i, r in enumerate(listed, start=1))
    return Roster(Path(ROWS_NAME), None, columns, numbered)


def run_in_memory(
    recipe: Recipe,
    table: Roster,
    given: Mapping[str, Given],
    options: RenderOptions,
    templates: tuple[str, ...],
    *,
    workers: int | None = None,
    executor: Executor | str | None = None,
) -> BatchResult:
    """Run every row of ``table``; the documents stay in memory (see the module)."""
    result = BatchResult(None, None, rows=len(table.rows))
    lang = current_language()
    version = data_hash(sorted(recipe.template_digests.items()), recipe.digest)
    jobs = [
        RowJob(
            str(recipe.path),
            templates,
            row.number,
            row.values,
            options=options,
            lang=lang,
            version=version,
            source=table.source(row),
            inputs=dict(given),
        )
        for row in table.rows
    ]
    claimed: dict[str, int] = {}
    with open_executor(executor, workers) as (pool, slots):
        result.workers = slots
        for outcome in pool.map(run_row, jobs):  # in row order: the first row keeps a name
            _accept(result, outcome, claimed)
    return result


def _accept(result: BatchResult, outcome: RowOutcome, claimed: dict[str, int]) -> None:
    failures = list(outcome.failures)
    for artifact in outcome.artifacts:
        owner = claimed.setdefault(artifact.relpath, outcome.row)
        if owner != outcome.row:
            failures.append(collision(artifact, owner, outcome.row))
            continue
        result.documents.append(artifact_output(artifact, outcome.row))
        result.written.append(artifact.relpath)
    if failures:
        result.failed_rows.append(outcome.row)
        result.failures.extend(failures)
    else:
        result.succeeded += 1


def collision(artifact: Artifact, owner: int, row: int) -> Failure:
    """The failure of an output named like one of an earlier row's (it is not kept)."""
    return Failure(
        "output_collision",
        BundleError.exit_code,
        f"输出文件 {artifact.relpath} 与第 {owner} 行的输出同名，未写出；"
        "请在配方的 folder 或 output 中加入区分各行的列",
        f"output {artifact.relpath} has the same name as an output of row {owner}; not written. "
        "Put a column that tells rows apart into the recipe's folder or output",
        step=artifact.step,
        output=artifact.relpath,
        row=row,
    )


__all__ = ["ROWS_NAME", "collision", "roster_from_rows", "run_in_memory"]
