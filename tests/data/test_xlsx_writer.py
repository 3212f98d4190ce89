"""``docgen init KIND --format xlsx`` for every kind, and workbooks that read back.

Round trip for every kind: the YAML fixtures of the sample school and of the
template library are written as workbooks (the starter workbook filled with the
fixture's data), loaded back, and compared with the YAML: same model, same
problems.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from docgen.cli import main
from docgen.data import load_result
from docgen.data.kinds import KINDS
from docgen.data.starters import STARTERS
from docgen.data.xlsx_writer import write_xlsx
from tests.data.conftest import REPO

SCHOOL = REPO / "fixtures" / "school"
MINUTES = SCHOOL / "xxgc-jg1" / "2026" / "minutes"
FIXTURES = sorted(
    [
        SCHOOL / "university.yaml",
        SCHOOL / "roster.xlsx",
        SCHOOL / "branches" / "xxgc-jg1.yaml",
        *sorted(MINUTES.glob("2026-1[12]-*.yaml")),
        *sorted(MINUTES.glob("2026-06-*.yaml")),
        *sorted((SCHOOL / "xxgc-jg1" / "2026").glob("*.yaml")),
        *sorted((REPO / "fixtures" / "library").rglob("*.min.yaml")),
    ]
)


def _summary(path: Path) -> tuple[object, list[tuple[str, str, str]]]:
    result = load_result(path)
    dump = result.model.model_dump() if result.model is not None else None
    return dump, [(p.severity, p.code, p.message_zh) for p in result.problems]


def test_every_kind_has_a_fixture_here() -> None:
    """The round trip below covers each kind that has a starter."""
    kinds = {load_result(p).kind for p in FIXTURES}
    assert set(STARTERS) <= kinds


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: str(p.relative_to(REPO)))
def test_fixture_survives_a_workbook(path: Path, tmp_path: Path) -> None:
    """YAML → model → workbook → model: equal, with the same problems."""
    copy = tmp_path / path.name
    shutil.copy(path, copy)  # both read from the same folder (no roster beside either)
    model = load_result(copy).model
    assert model is not None
    book = tmp_path / (path.stem + ".xlsx")
    write_xlsx(model, book)
    assert _summary(book) == _summary(copy)


@pytest.mark.parametrize("kind", sorted(STARTERS))
def test_init_xlsx_for_every_kind_reads_back(kind: str, tmp_path: Path) -> None:
    """``docgen init KIND --format xlsx`` writes a workbook that validates as the starter."""
    out = tmp_path / f"{kind}.xlsx"
    yaml_out = tmp_path / f"{kind}.yaml"
    runner = CliRunner()
    for args in (
        ["init", kind, "--format", "xlsx", "-o", str(out)],
        ["init", kind, "-o", str(yaml_out)],
    ):
        done = runner.invoke(main, args)
        assert done.exit_code == 0, done.output
    assert _summary(out) == _summary(yaml_out)
    assert _summary(out)[1] == []


def test_workbook_has_sheets_drop_downs_and_marked_headers(tmp_path: Path) -> None:
    """Minutes: nested parts as further sheets, bold frozen headers, required marked,
    drop-downs for enumerations."""
    model = KINDS["minutes"].model.model_validate(STARTERS["minutes"])
    path = tmp_path / "m.xlsx"
    write_xlsx(model, path)
    book = openpyxl.load_workbook(path)
    assert {"基本信息", "会议内容", "会议内容.发言", "出席情况.列席"} <= set(book.sheetnames)
    assert book["_lists"].sheet_state == "hidden"
    speeches = book["会议内容.发言"]
    headers = [c.value for c in speeches[1]]
    assert headers[:2] == ["序号", "上级序号"]
    assert speeches.freeze_panes == "A2"
    assert all(c.font.b for c in speeches[1])
    info = book["基本信息"]
    keys = [r[0] for r in info.iter_rows(values_only=True)]
    assert "会议类型*" in keys
    assert "主持人.姓名" in keys
    row = keys.index("会议类型*") + 1
    assert any(f"B{row}" in str(v.sqref) for v in info.data_validations.dataValidation)


def test_fixed_choices_get_a_drop_down_too(tmp_path: Path) -> None:
    """A field of fixed choices (少交/免交, the reduction's 待批准/已批准) offers them like a
    configurable list; the one-value ``kind`` does not."""
    model = KINDS["dues"].model.model_validate(STARTERS["dues"])
    path = tmp_path / "d.xlsx"
    write_xlsx(model, path)
    book = openpyxl.load_workbook(path)
    lists = {
        col[0]: [v for v in col[1:] if v] for col in book["_lists"].iter_cols(values_only=True)
    }
    assert lists["方式"] == ["少交", "免交"]
    assert lists["状态"] == ["待批准", "已批准"]
    assert "文种" not in lists
    sheet = book["少交免交"]
    headers = [c.value for c in sheet[1]]
    letter = openpyxl.utils.get_column_letter(headers.index("状态") + 1)
    (check,) = [v for v in sheet.data_validations.dataValidation if letter in str(v.sqref)]
    cells = book["_lists"][check.formula1.split("!")[1].replace("$", "")]
    assert [row[0].value for row in cells] == ["待批准", "已批准"]  # what the drop-down offers
    assert sheet[f"{letter}2"].value == "已批准"


def test_child_row_pointing_nowhere_is_named_at_its_cell(tmp_path: Path) -> None:
    """A 上级序号 that names no row is an error at its own cell, not a lost speech."""
    model = KINDS["minutes"].model.model_validate(STARTERS["minutes"])
    path = tmp_path / "m.xlsx"
    write_xlsx(model, path)
    book = openpyxl.load_workbook(path)
    book["会议内容.发言"]["B2"] = 99
    book.save(path)
    problems = load_result(path).errors
    assert [p.code for p in problems] == ["bad_parent_row"]
    assert problems[0].location.cell == "B2"
    assert problems[0].location.sheet == "会议内容.发言"
