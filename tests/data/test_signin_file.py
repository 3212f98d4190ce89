"""A sign-in export read back into the minutes: 实到, 实到有表决权 and 缺席 from the sheet,
errors at the sheet's own cell (file[sheet]!A5, file:line:column) or at the record's field."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
import yaml

from docgen.data.models.minutes import Minutes
from docgen.data.pipeline import LoadResult, Session
from tests.data.conftest import REPO

SCHOOL = REPO / "fixtures" / "school"
BRANCH = SCHOOL / "branches" / "xxgc-jg1.yaml"


def _members() -> list[dict[str, str]]:
    data = yaml.safe_load(BRANCH.read_text(encoding="utf-8"))
    members = data["members"]
    assert isinstance(members, list)
    return members


def _meeting(folder: Path, sheet: str, extra: str = "") -> Path:
    """A 支部党员大会 record in ``folder`` naming the roster and the sign-in file ``sheet``."""
    shutil.copy(BRANCH, folder / "branch.yaml")
    path = folder / "m.yaml"
    path.write_text(
        "kind: minutes\nmeeting_type: 支部党员大会\ntime: 2026-11-25 14:30\n"
        f"branch_file: branch.yaml\nsign_in_file: {sheet}\n{extra}",
        encoding="utf-8",
    )
    return path


def _workbook(path: Path, rows: list[list[object]], title: str = "签到") -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    sheet.append(["2026年11月支部党员大会签到"])  # a title row above the header
    sheet.append(["序号", "姓名", "签到状态", "请假原因"])
    for n, row in enumerate(rows, 1):
        sheet.append([n, *row])
    book.save(path)


def _load(path: Path) -> LoadResult:
    return Session().load(path)


def _errors(result: LoadResult) -> list[str]:
    return [p.describe() for p in result.errors]


def test_workbook_sets_present_voting_and_absent(tmp_path: Path) -> None:
    members = _members()
    away = {members[3]["name"]: "病假", members[7]["name"]: ""}
    probationary = [m["name"] for m in members if m.get("status") == "预备"]
    assert probationary
    rows: list[list[object]] = [
        [m["name"], "未签到" if m["name"] in away else "已签到", away.get(m["name"])]
        for m in members
    ]
    _workbook(tmp_path / "qd.xlsx", rows)
    result = _load(_meeting(tmp_path, "qd.xlsx"))
    assert _errors(result) == []
    model = result.model
    assert isinstance(model, Minutes)
    att = model.attendance
    assert att.due == len(members)
    assert att.present == len(members) - len(away)
    voting_away = sum(1 for m in members if m["name"] in away and m.get("status") != "预备")
    formal = sum(1 for m in members if m.get("status") != "预备")
    assert att.present_voting == formal - voting_away
    assert att.absent is not None
    assert {a.name: a.reason for a in att.absent} == {
        members[3]["name"]: "病假",
        members[7]["name"]: None,
    }


def test_unknown_name_is_an_error_at_its_cell(tmp_path: Path) -> None:
    rows: list[list[object]] = [[m["name"], "14:20", None] for m in _members()]
    rows.insert(2, ["孟庆兰", "14:21", None])  # a misspelt name in the third data row
    _workbook(tmp_path / "qd.xlsx", rows)
    result = _load(_meeting(tmp_path, "qd.xlsx"))
    assert len(result.errors) == 1
    problem = result.errors[0]
    assert problem.code == "sign_in_unknown"
    assert problem.location.describe() == "qd.xlsx[签到]!B5"
    assert "孟庆兰" in problem.message_zh
    assert "不在本次会议的应到人员" in problem.message_zh


def test_name_signed_twice_names_both_places(tmp_path: Path) -> None:
    members = _members()
    rows: list[list[object]] = [[m["name"], "√", None] for m in members]
    rows.append([members[0]["name"], "√", None])
    _workbook(tmp_path / "qd.xlsx", rows)
    problems = _load(_meeting(tmp_path, "qd.xlsx")).errors
    assert [p.code for p in problems] == ["sign_in_twice"]
    assert problems[0].location.cell == f"B{len(members) + 3}"
    assert "qd.xlsx[签到]!B3" in problems[0].message_zh


def test_csv_export_places_are_line_and_column(tmp_path: Path) -> None:
    members = _members()
    lines = ["姓名,部门,签到时间"] + [
        f"{m['name']},信息工程学院,2026-11-25 14:2{n % 10}" for n, m in enumerate(members)
    ]
    lines[5] = "路人甲,信息工程学院,14:25"
    (tmp_path / "qd.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _load(_meeting(tmp_path, "qd.csv"))
    assert [p.location.describe() for p in result.errors] == ["qd.csv:6:1"]
    missing = [p for p in result.problems if p.code == "sign_in_missing"]
    assert [p.severity for p in missing] == ["warning"]
    assert members[4]["name"] in missing[0].message_zh


def test_stated_count_that_differs_is_an_error_at_the_record(tmp_path: Path) -> None:
    members = _members()
    rows: list[list[object]] = [[m["name"], "已签到", None] for m in members]
    rows[0][1] = "请假"
    _workbook(tmp_path / "qd.xlsx", rows)
    path = _meeting(tmp_path, "qd.xlsx", f"attendance:\n  present: {len(members)}\n")
    errors = _load(path).errors
    # The existing count rule also sees 实到 + 缺席 ≠ 应到 once the sheet sets 缺席.
    assert sorted(p.code for p in errors) == ["absent_count_mismatch", "sign_in_count"]
    problems = [p for p in errors if p.code == "sign_in_count"]
    where = problems[0].location
    assert (Path(where.file or "").name, where.line, where.column) == ("m.yaml", 7, 12)
    assert f"实到写的是{len(members)}人" in problems[0].message_zh
    assert f"签到的是{len(members) - 1}人" in problems[0].message_zh


def test_missing_file_and_missing_columns(tmp_path: Path) -> None:
    result = _load(_meeting(tmp_path, "nowhere.xlsx"))
    assert [p.code for p in result.errors] == ["sign_in_file_missing"]
    assert result.errors[0].location.line == 5
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "手机"])
    sheet.append(["孟庆岚", "1"])
    book.save(tmp_path / "bare.xlsx")
    result = _load(_meeting(tmp_path, "bare.xlsx"))
    assert [p.code for p in result.errors] == ["sign_in_no_status"]
    (tmp_path / "none.csv").write_text("部门,时间\n信息,14:00\n", encoding="utf-8")
    result = _load(_meeting(tmp_path, "none.csv"))
    assert [p.code for p in result.errors] == ["sign_in_no_names"]


def test_a_session_for_strangers_reads_no_sign_in_file(tmp_path: Path) -> None:
    _workbook(tmp_path / "qd.xlsx", [[m["name"], "√", None] for m in _members()])
    result = Session(find_branch_files=False).load(_meeting(tmp_path, "qd.xlsx"))
    assert [p.code for p in result.problems if p.code.startswith("sign_in")] == ["sign_in_not_read"]
    assert isinstance(result.model, Minutes)
    assert result.model.attendance.present is None


@pytest.mark.parametrize("word", ["未签到", "缺席", "请假", "否", "×", ""])
def test_words_of_absence(tmp_path: Path, word: str) -> None:
    members = _members()
    rows: list[list[object]] = [[m["name"], "14:00", None] for m in members]
    rows[1][1] = word or None
    _workbook(tmp_path / "qd.xlsx", rows)
    model = _load(_meeting(tmp_path, "qd.xlsx")).model
    assert isinstance(model, Minutes)
    assert model.attendance.absent is not None
    assert [a.name for a in model.attendance.absent] == [members[1]["name"]]


def test_sample_school_record_agrees_with_its_export() -> None:
    path = SCHOOL / "xxgc-jg1/2026/minutes/2026-11-dangyuan-dahui.yaml"
    result = _load(path)
    assert result.errors == []
    assert not [p for p in result.problems if p.code.startswith("sign_in")]
    sheet = (SCHOOL / "xxgc-jg1/2026/signin/2026-11-dangyuan-dahui.csv").read_text("utf-8-sig")
    unsigned = [line.split(",")[0] for line in sheet.splitlines()[1:] if line.split(",")[2] == ""]
    model = result.model
    assert isinstance(model, Minutes)
    assert model.attendance.absent is not None
    assert sorted(a.name for a in model.attendance.absent) == sorted(unsigned)


def test_validating_a_folder_checks_the_export_through_its_record(tmp_path: Path) -> None:
    """The export beside its record is the record's input: its cells' errors come once,
    from the record's reading, and it is not also read as a roster of its own."""
    from docgen.data.api import validate_files

    names = [m["name"] for m in _members()]
    lines = ["姓名,签到时间", "路人甲,14:25", *(f"{n},14:20" for n in names)]
    (tmp_path / "qd.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    record = _meeting(tmp_path, "qd.csv")
    problems = validate_files([record, tmp_path / "branch.yaml", tmp_path / "qd.csv"])
    errors = [(p.code, p.location.describe()) for p in problems if p.severity == "error"]
    assert errors == [("sign_in_unknown", "qd.csv:2:1")]
