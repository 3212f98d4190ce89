"""Every file in fixtures/invalid fails with exactly the problems its .expected file lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.data import validate_files
from tests.data.conftest import INVALID

CASES = sorted(p for p in INVALID.glob("*.*") if p.suffix != ".expected")


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_invalid_fixture_gives_expected_problems(path: Path, in_repo: Path) -> None:
    """The problems (severity, place, field, message, code) match the sidecar exactly."""
    relative = path.relative_to(in_repo)
    expected = path.with_name(path.name + ".expected").read_text(encoding="utf-8").splitlines()
    got = [f"{p.severity} {p.describe()}" for p in validate_files([relative])]
    assert got == expected


def test_every_invalid_fixture_has_an_expectation() -> None:
    """No invalid fixture lacks its .expected file, and each expects at least one problem."""
    for path in CASES:
        sidecar = path.with_name(path.name + ".expected")
        assert sidecar.is_file(), path.name
        assert sidecar.read_text(encoding="utf-8").strip(), path.name


def test_english_messages_when_asked(in_repo: Path) -> None:
    """With English chosen, the same problem reads in English."""
    from docgen.i18n import set_language

    set_language("en")
    problems = validate_files([Path("fixtures/invalid/vote_not_passed.yaml")])
    assert "cannot be recorded as passed" in problems[0].describe()
