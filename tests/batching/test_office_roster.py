"""200 annual plans from one roster: one common plan, per-branch columns, a report to open.

The office's job from issue 10 §4: a common plan shared by every branch, a roster with one
row per branch (支部, 书记, 落款日期), and the built-in ``niandu`` bundle's own inputs and
overrides (only its plan step, to keep the test lean). Three rows are broken; the other 197
give plans whose title, 落款 and file name follow the row.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
import yaml

from docgen.batching import run
from docgen.batching.report import HEADERS, REPORT_NAME
from docgen.bundle.builtin import find_bundle
from tests.docx_builder import paragraph_texts

ROOT = Path(__file__).resolve().parents[2]
ROWS = 200
BROKEN = {51: "A51", 101: "C101", 151: "B151"}  # spreadsheet row → the cell that is wrong
# Branches 50, 100 and 150 (rows 51, 101, 151 of the first roster): no branch name, no such
# date, no secretary though the common plan says {书记}.


def _branch(n: int) -> str:
    return f"中共示例大学示例学院第{n}党支部"


def _common_plan(folder: Path) -> Path:
    """The sample plan made common: no branch, title or 落款 of its own; {书记} placeholders."""
    raw = (ROOT / "fixtures/school/xxgc-jg1/2026/annual_plan.yaml").read_text("utf-8")
    plan = yaml.safe_load(raw)
    for key in ("branch_file", "title"):
        plan.pop(key)
    plan["branch"] = "共用计划"
    plan["signoff"] = {"date": "2026-01-16"}
    plan["safeguards"][0] = "加强组织领导。支部书记{书记}履行第一责任人职责。"
    path = folder / "共用计划.yaml"
    path.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def _plan_only_recipe(folder: Path) -> Path:
    """The built-in niandu recipe (vars, key, inputs with set/follow), plan step only."""
    recipe = yaml.safe_load(find_bundle("niandu").read_text("utf-8"))
    recipe["steps"] = recipe["steps"][:1]
    recipe.pop("package")
    path = folder / "jihua.yaml"
    path.write_text(yaml.safe_dump(recipe, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def _day(n: int) -> object:
    """落款日期 as typed text, or (every other row) as a real Excel date cell."""
    if n % 2:
        return f"2026-02-{n % 28 + 1:02d}"
    return dt.datetime(2026, 2, n % 28 + 1)


def _roster(path: Path, numbers: list[int]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "花名册"
    sheet.append(["支部", "书记", "落款日期"])
    for n in numbers:
        sheet.append(
            [
                None if n == 50 else _branch(n),
                None if n == 150 else f"书记{n}号",
                "2026-13-45" if n == 100 else _day(n),
            ]
        )
    book.save(path)
    return path


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("office")
    roster = _roster(folder / "花名册.xlsx", list(range(1, ROWS + 1)))
    common = _common_plan(folder)
    recipe = _plan_only_recipe(folder)
    out = folder / "out"
    result = run(recipe, roster, out, workers=2, inputs={"plan": common})
    return {"folder": folder, "out": out, "result": result, "recipe": recipe, "common": common}


def test_197_plans_follow_their_row(office: dict[str, object]) -> None:
    """Title, 落款 (unit and date), the {书记} text and the file name come from the row."""
    out = office["out"]
    assert isinstance(out, Path)
    plans = sorted(out.rglob("*.docx"))
    assert len(plans) == ROWS - len(BROKEN)
    for spreadsheet_row in range(2, ROWS + 2):
        n = spreadsheet_row - 1
        if spreadsheet_row in BROKEN:
            continue
        path = out / f"{_branch(n)}2026年度工作材料" / f"{_branch(n)}2026年工作计划.docx"
        texts = paragraph_texts(path.read_bytes())
        # The title block breaks a long title by sense; the words are the row's.
        assert texts[0].replace("\n", "") == f"{_branch(n)}2026年工作计划"
        assert texts[-2].strip() == _branch(n)
        assert texts[-1].strip() == f"2026年2月{n % 28 + 1}日"
        assert any(f"支部书记书记{n}号履行" in t for t in texts)
        joined = "\n".join(texts)
        assert "None" not in joined
        assert "共用计划" not in joined
        assert "{书记}" not in joined
    assert not [p for p in out.rglob("*") if "None" in p.name]


def test_three_broken_rows_fail_naming_their_cell(office: dict[str, object]) -> None:
    result = office["result"]
    assert result.succeeded == ROWS - len(BROKEN)  # type: ignore[attr-defined]
    assert sorted(result.failed_rows) == sorted(BROKEN)  # type: ignore[attr-defined]
    for failure in result.failures:  # type: ignore[attr-defined]
        assert f"花名册.xlsx[花名册]!{BROKEN[failure.row]}" in failure.message_zh
    assert result.exit_code == 9  # type: ignore[attr-defined]


def test_report_opens_with_openpyxl(office: dict[str, object]) -> None:
    """批量结果.xlsx: one line per row (行号, 支部, 状态, 原因, 文件); reasons on a sheet."""
    out = office["out"]
    assert isinstance(out, Path)
    book = openpyxl.load_workbook(out / REPORT_NAME)
    lines = list(book["结果"].iter_rows(values_only=True))
    assert lines[0] == HEADERS
    by_row = {line[0]: line for line in lines[1:]}
    assert sorted(by_row) == list(range(2, ROWS + 2))
    assert by_row[3][1:3] == (_branch(2), "成功")
    assert by_row[3][4] == f"{_branch(2)}2026年度工作材料/{_branch(2)}2026年工作计划.docx"
    for row, cell in BROKEN.items():
        assert by_row[row][2] == "失败"
        assert cell in by_row[row][3]
    reasons = list(book["失败原因"].iter_rows(values_only=True))
    assert reasons[0] == ("原因", "行数", "行号")
    assert sorted(r[2] for r in reasons[1:]) == sorted(str(r) for r in BROKEN)


def test_inserting_a_row_redoes_that_row_only(office: dict[str, object]) -> None:
    """A branch inserted at row 11: one new plan; the 197 others are skipped as up to date."""
    folder, out = office["folder"], office["out"]
    assert isinstance(folder, Path)
    assert isinstance(out, Path)
    numbers = [*range(1, 10), 999, *range(10, ROWS + 1)]
    roster = _roster(folder / "花名册2.xlsx", numbers)
    recipe, common = office["recipe"], office["common"]
    assert isinstance(recipe, Path)
    assert isinstance(common, Path)
    again = run(recipe, roster, out, workers=2, inputs={"plan": common})
    assert again.rows == ROWS + 1
    assert again.skipped == ROWS - len(BROKEN)
    assert again.succeeded == ROWS - len(BROKEN) + 1
    assert again.written == [f"{_branch(999)}2026年度工作材料/{_branch(999)}2026年工作计划.docx"]
    assert len(again.failed_rows) == len(BROKEN)  # still broken: tried again, failed again
    lines = list(openpyxl.load_workbook(out / REPORT_NAME)["结果"].iter_rows(values_only=True))
    assert lines[10][1:3] == (_branch(999), "成功")  # spreadsheet row 11
    assert lines[11][1:3] == (_branch(10), "未变（已是最新）")


def test_summary_groups_a_reason_many_rows_share(tmp_path: Path) -> None:
    """Ten rows with an empty 支部: one summary line naming the ten rows, not ten lines."""
    from docgen.batching.result import GROUP_FROM

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "花名册"
    sheet.append(["支部", "书记"])
    for n in range(1, 13):
        sheet.append([_branch(n) if n > 10 else None, f"书记{n}号"])
    book.save(tmp_path / "r.xlsx")
    recipe = _plan_only_recipe(tmp_path)
    result = run(
        recipe,
        tmp_path / "r.xlsx",
        tmp_path / "out",
        workers=1,
        inputs={"plan": _common_plan(tmp_path)},
    )
    assert len(result.failed_rows) == 10 >= GROUP_FROM
    summary = result.summary()
    assert "10 行同一原因（第 2、3、4、5、6、7、8、9、10、11 行）" in summary
    assert summary.count("为空") == 1
