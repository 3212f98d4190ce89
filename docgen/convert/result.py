"""What a batch conversion returns: the files written, the failures and the warnings."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from docgen.convert.errors import Failure
from docgen.exceptions import ConversionFailed, Problem

__all__ = ["ConversionResult", "Converted"]


@dataclass(frozen=True)
class Converted:
    """One file converted: where from, where to, and after how many attempts."""

    source: Path
    output: Path
    attempts: int = 1
    seconds: float = 0.0


@dataclass
class ConversionResult:
    """Outputs in input order, failures, warnings (glyph fallbacks…) and office restarts."""

    outputs: list[Converted] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    restarts: int = 0

    @property
    def ok(self) -> bool:
        """True when every file converted."""
        return not self.failures

    @property
    def paths(self) -> list[Path]:
        """The written files, in input order."""
        return [c.output for c in self.outputs]

    def raise_for_failures(self) -> ConversionResult:
        """Raise :class:`ConversionFailed` when any file failed; else return ``self``."""
        if self.failures:
            raise ConversionFailed(self.failures)
        return self
