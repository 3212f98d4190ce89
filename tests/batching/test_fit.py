"""docgen.batching.fit: a roster that does not fit the recipe is refused before any row runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.batching import read_roster, run
from docgen.batching.fit import check_columns
from docgen.bundle import Bundle
from docgen.exceptions import DataError


def _csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_renamed_column_is_refused_with_the_right_name(tmp_path: Path) -> None:
    """``支部名称`` where niandu reads ``支部``: ignored, it would give 200 plans of one branch."""
    roster = read_roster(_csv(tmp_path / "r.csv", "支部名称,书记\n甲,王\n"))
    with pytest.raises(DataError) as caught:
        check_columns(Bundle.load("niandu").recipe, roster)
    codes = [p.code for p in caught.value.problems]
    assert "missing_key_column" in codes
    renamed = next(p for p in caught.value.problems if p.code == "renamed_column")
    assert "“支部名称”配方不读取，是不是“支部”" in renamed.message_zh


def test_unrelated_extra_columns_are_fine(tmp_path: Path) -> None:
    roster = read_roster(_csv(tmp_path / "r.csv", "支部,备注,联系电话\n甲,无,1\n"))
    check_columns(Bundle.load("niandu").recipe, roster)


def test_batch_refuses_before_writing(tmp_path: Path) -> None:
    roster = _csv(tmp_path / "r.csv", "支部名称\n甲\n")
    with pytest.raises(DataError):
        run("niandu", roster, tmp_path / "out", workers=1)
    assert not (tmp_path / "out").exists()
