"""The result of a batch: failures turn into one error listing each file."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.convert import ConversionFailed, ConversionResult, Failure
from docgen.results import Output


def test_failures_raise_with_every_file_named() -> None:
    """raise_for_failures names each failed file and its reason; exit code 7."""
    result = ConversionResult(
        outputs=[Output("a.pdf", "pdf", path=Path("a.pdf"), source=Path("a.docx"))],
        failures=[Failure.conversion(Path("b.docx"), "文件不存在", "file not found", 0)],
    )
    assert not result.ok
    with pytest.raises(ConversionFailed) as caught:
        result.raise_for_failures()
    assert "b.docx: 文件不存在" in str(caught.value)
    assert caught.value.exit_code == 7
    assert result.exit_code == 7


def test_success_returns_itself() -> None:
    """A clean result passes through raise_for_failures and lists its paths."""
    result = ConversionResult(
        outputs=[Output("a.pdf", "pdf", path=Path("a.pdf"), source=Path("a.docx"))]
    )
    assert result.raise_for_failures() is result
    assert result.exit_code == 0
    assert result.paths == [Path("a.pdf")]
