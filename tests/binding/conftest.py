"""A copy of the sample school's records to break: its branch roster, and chosen minutes."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

SCHOOL = Path(__file__).parents[2] / "fixtures" / "school"
MINUTES = SCHOOL / "xxgc-jg1" / "2026" / "minutes"
BRANCH = "中共星河大学信息工程学院教工第一党支部"


def q3_files() -> list[Path]:
    """The sample branch's records of July to September 2026."""
    return sorted(p for p in MINUTES.glob("2026-0[789]-*.yaml"))


@pytest.fixture
def records_folder(tmp_path: Path) -> Callable[[Iterable[Path]], Path]:
    """A folder holding copies of the given records, with the branch roster in a
    ``branches/`` folder above it, as the sample school keeps it."""

    def make(files: Iterable[Path]) -> Path:
        (tmp_path / "branches").mkdir(exist_ok=True)
        shutil.copy(SCHOOL / "branches" / "xxgc-jg1.yaml", tmp_path / "branches")
        folder = tmp_path / "records"
        folder.mkdir(exist_ok=True)
        for path in files:
            shutil.copy(path, folder / path.name)
        return folder

    return make
