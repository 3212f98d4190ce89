"""A file that did not convert: which, why and after how many attempts.

The conversion errors themselves (``ToolNotFound``, ``ConversionFailed``) live in
:mod:`docgen.exceptions` with the rest of the tree.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docgen.i18n import tr

__all__ = ["Failure"]


@dataclass(frozen=True)
class Failure:
    """One file that did not convert, why, and how many times it was tried."""

    source: Path
    reason_zh: str
    reason_en: str
    attempts: int = 1

    @property
    def message(self) -> str:
        """``file: reason`` in the current language."""
        return f"{self.source}: {tr(self.reason_zh, self.reason_en)}"
