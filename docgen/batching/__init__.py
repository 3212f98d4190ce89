"""Batch: one bundle run per roster row, in parallel, resumable, with a summary of failures.

Public API::

    run(bundle, roster, out_dir, workers=None, executor=None, force=False) -> BatchResult
    read_roster(path, sheet=None) -> Roster
"""

from __future__ import annotations

from docgen.batching.executor import SerialExecutor as SerialExecutor
from docgen.batching.manifest import MANIFEST_NAME as MANIFEST_NAME
from docgen.batching.manifest import Manifest as Manifest
from docgen.batching.result import BatchResult as BatchResult
from docgen.batching.roster import Roster as Roster
from docgen.batching.roster import RosterRow as RosterRow
from docgen.batching.roster import read_roster as read_roster
from docgen.batching.runner import Progress as Progress
from docgen.batching.runner import run as run

__all__ = [
    "MANIFEST_NAME",
    "BatchResult",
    "Manifest",
    "Progress",
    "Roster",
    "RosterRow",
    "SerialExecutor",
    "read_roster",
    "run",
]
