"""Shared fixtures for the data tests: Chinese messages, the repository as working folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from docgen.i18n import set_language

REPO = Path(__file__).resolve().parents[2]
INVALID = REPO / "fixtures" / "invalid"


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    """Messages in Chinese (the default) whatever DOCGEN_LANG says."""
    set_language("zh")
    yield
    set_language(None)


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the repository root, so fixture paths read as in the expected files."""
    monkeypatch.chdir(REPO)
    return REPO
