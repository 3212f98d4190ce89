"""run_row: a row never raises; bugs and bad data become failures carrying the row."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.batching.worker import RowJob, run_row


def test_good_row(recipe: Path) -> None:
    """A good row returns its document bytes."""
    outcome = run_row(RowJob(str(recipe), (), 2, {"姓名": "甲", "编号": "1"}))
    assert outcome.failures == []
    assert [a.relpath for a in outcome.artifacts] == ["1-甲.docx"]
    assert outcome.artifacts[0].blob is not None


def test_bad_row_becomes_a_failure(recipe: Path) -> None:
    """Missing data is a failure with the row number, in both languages."""
    outcome = run_row(RowJob(str(recipe), (), 9, {"编号": "1"}))
    assert outcome.artifacts == []
    failure = outcome.failures[0]
    assert failure.row == 9
    assert "姓名" in failure.message_zh
    assert "name" in failure.message_en


def test_unexpected_error_costs_only_the_row(recipe: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug inside the bundle code is reported as an internal error, not raised."""
    from docgen.bundle.bundle import Bundle

    def explode(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(Bundle, "produce", explode)
    outcome = run_row(RowJob(str(recipe), (), 4, {"姓名": "甲"}, version="x"))
    assert outcome.failures[0].code == "internal_error"
    assert "ZeroDivisionError: boom" in outcome.failures[0].message_en
