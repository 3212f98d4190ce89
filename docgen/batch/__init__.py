"""Batch: one bundle run per roster row, in parallel, resumable, with a summary of failures.

Public API::

    run(bundle, roster, out_dir, workers=None, executor=None, force=False) -> BatchResult
    read_roster(path, sheet=None) -> Roster
"""

from __future__ import annotations

from docgen.batch.executor import SerialExecutor as SerialExecutor
from docgen.batch.manifest import MANIFEST_NAME as MANIFEST_NAME
from docgen.batch.manifest import Manifest as Manifest
from docgen.batch.result import ROWS_FAILED_EXIT as ROWS_FAILED_EXIT
from docgen.batch.result import BatchResult as BatchResult
from docgen.batch.roster import Roster as Roster
from docgen.batch.roster import RosterRow as RosterRow
from docgen.batch.roster import read_roster as read_roster
from docgen.batch.runner import Progress as Progress
from docgen.batch.runner import run as run

__all__ = [
    "MANIFEST_NAME",
    "ROWS_FAILED_EXIT",
    "BatchResult",
    "Manifest",
    "Progress",
    "Roster",
    "RosterRow",
    "SerialExecutor",
    "read_roster",
    "run",
]
