"""Conversion errors: a missing tool says how to install it; failed files are listed by name."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from docgen.exceptions import ConversionError
from docgen.i18n import tr

__all__ = ["ConversionFailed", "Failure", "ToolNotFound"]


class ToolNotFound(ConversionError):
    """LibreOffice, pandoc or poppler is not installed; the message says how to install it."""

    code = "tool_not_found"

    def __init__(self, tool: str, purpose_zh: str, purpose_en: str, package: str) -> None:
        super().__init__(
            f"未找到 {tool}，无法{purpose_zh}。请先安装：sudo apt-get install {package}",
            f"{tool} was not found, so docgen cannot {purpose_en}. "
            f"Install it with: sudo apt-get install {package}",
        )
        self.tool = tool
        self.package = package


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


class ConversionFailed(ConversionError):
    """Some files did not convert; ``failures`` lists each with its reason."""

    code = "conversion_failed"

    def __init__(self, failures: Sequence[Failure]) -> None:
        count = len(failures)
        super().__init__(f"{count} 个文件转换失败", f"{count} file(s) failed to convert")
        self.failures = tuple(failures)

    def __str__(self) -> str:
        return "\n".join([self.message, *(f"  - {f.message}" for f in self.failures)])
