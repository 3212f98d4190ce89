"""Spreadsheets as people fill them: every file in fixtures/excel loads as its
``.expected.yaml`` twin and/or gives exactly the problems of its ``.expected`` file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from docgen.data import load_result, validate_files
from docgen.data.loaders.workbook import csv_rows, read_sheets
from docgen.exceptions import DataError
from tests.data.conftest import REPO

EXCEL = REPO / "fixtures" / "excel"
CASES = sorted(p for p in EXCEL.iterdir() if p.suffix in (".xlsx", ".csv"))


def test_every_case_has_an_expectation() -> None:
    """Each spreadsheet has an expected model, an expected message, or both."""
    assert len(CASES) >= 9
    for path in CASES:
        twin = path.with_name(path.stem + ".expected.yaml")
        sidecar = path.with_name(path.name + ".expected")
        assert twin.is_file() or sidecar.is_file(), path.name


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_spreadsheet_loads_as_expected(path: Path, in_repo: Path) -> None:
    """The model equals the YAML twin; the problems equal the sidecar (none if absent)."""
    relative = path.relative_to(in_repo)
    sidecar = path.with_name(path.name + ".expected")
    expected = sidecar.read_text(encoding="utf-8").splitlines() if sidecar.is_file() else []
    assert [f"{p.severity} {p.describe()}" for p in validate_files([relative])] == expected
    twin = path.with_name(path.stem + ".expected.yaml")
    if twin.is_file():
        got, want = load_result(relative), load_result(twin)
        assert want.problems == []
        assert got.model is not None
        assert want.model is not None
        assert got.model.model_dump() == want.model.model_dump()


def test_generated_files_are_up_to_date() -> None:
    """The committed spreadsheets are what make_excel.py writes."""
    script = EXCEL / "make_excel.py"
    done = subprocess.run([sys.executable, script, "--check"], capture_output=True, check=False)
    assert done.returncode == 0, done.stdout.decode()


def test_merged_cells_fill_down_only(tmp_path: Path) -> None:
    """A range merged across columns keeps its value in its first column only."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["a", "b", "c"])
    sheet.append(["x", None, None])
    sheet.append([None, None, "z"])
    sheet.merge_cells("A2:B3")
    book.save(tmp_path / "m.xlsx")
    (read,), skipped = read_sheets(tmp_path / "m.xlsx", "m.xlsx")
    assert skipped == []
    assert read.rows[1:] == [("x", None, None), ("x", None, "z")]


def test_csv_quote_never_closed_names_its_line() -> None:
    """The reader would swallow the rest of the file into one cell; docgen refuses."""
    with pytest.raises(DataError) as caught:
        csv_rows('a,b\n1,2\n3,"four\n5,6\n', "t.csv")
    assert caught.value.problems[0].location.line == 3
    rows, starts = csv_rows('a,b\n1,"two\nlines"\n3,4\n', "t.csv")
    assert rows[1] == ["1", "two\nlines"]
    assert starts == [1, 2, 4]
