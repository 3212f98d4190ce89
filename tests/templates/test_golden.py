"""Golden outlines: each rendered template's text and structure against tests/templates/golden/."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.templates.conftest import case_id, cases
from tests.templates.reading import Docx

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("case", cases(), ids=case_id)
def test_outline_matches_golden(
    rendered: dict[tuple[str, str], Docx], case: tuple[str, str], request: pytest.FixtureRequest
) -> None:
    """Paragraph styles, texts and table shapes equal the committed expectation."""
    name, variant = case
    path = GOLDEN / f"{name.replace('/', '__')}.{variant}.txt"
    actual = "\n".join(rendered[case].outline()) + "\n"
    if request.config.getoption("--update-golden"):
        path.write_text(actual, encoding="utf-8")
    assert path.is_file(), f"no golden file {path.name}; run pytest --update-golden"
    assert actual == path.read_text(encoding="utf-8")
