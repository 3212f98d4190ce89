"""What a batch conversion returns: the files written, the failures and the warnings.

Each written file is an :class:`~docgen.results.Output` (``source`` the file it came
from, ``path`` the one written), each failed one a :class:`~docgen.results.Failure`
(exit code 7): the records bundles and batches return too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from docgen.exceptions import ConversionFailed, ExitCode, Problem
from docgen.results import Failure, Output, exit_code_of

__all__ = ["ConversionResult", "converted"]


def converted(source: Path, target: Path, attempts: int = 1, seconds: float = 0.0) -> Output:
    """The record of ``source`` converted into ``target`` (already written)."""
    return Output.written(target, source=source, attempts=attempts, seconds=seconds)


@dataclass
class ConversionResult:
    """Outputs in input order, failures, warnings (glyph fallbacks…) and office restarts."""

    outputs: list[Output] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    restarts: int = 0

    @property
    def ok(self) -> bool:
        """True when every file converted."""
        return not self.failures

    @property
    def exit_code(self) -> ExitCode:
        """0 when every file converted, else 7 (``ExitCode.CONVERSION``)."""
        return exit_code_of(self.failures)

    @property
    def paths(self) -> list[Path]:
        """The written files, in input order."""
        return [c.path for c in self.outputs if c.path is not None]

    def raise_for_failures(self) -> ConversionResult:
        """Raise :class:`ConversionFailed` when any file failed; else return ``self``."""
        if self.failures:
            raise ConversionFailed(self.failures)
        return self
