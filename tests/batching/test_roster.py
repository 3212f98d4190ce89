"""Reading rosters: XLSX and CSV (UTF-8 or GBK), row numbers as the sheet shows them."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from docgen.batching.roster import read_roster
from docgen.exceptions import DataError

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "school" / "roster.xlsx"


def test_school_roster_rows_by_chinese_header() -> None:
    """The school's roster: seven branches keyed by their Chinese headers, rows from 2."""
    roster = read_roster(FIXTURE)
    assert roster.sheet == "党支部一览"
    assert len(roster.rows) == 7
    first = roster.rows[0]
    assert first.number == 2
    assert first.values["编号"] == "xxgc-jg1"
    assert first.values["党员人数"] == 23
    assert roster.describe_row(5) == "roster.xlsx[党支部一览] 第 5 行"


def test_blank_rows_are_skipped_and_numbers_kept(tmp_path: Path) -> None:
    """A title row above the header and blank rows in between keep their sheet numbers."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([None, None])
    sheet.append(["姓名", "编号 "])
    sheet.append(["甲", 1.0])
    sheet.append([None, " "])
    sheet.append(["  乙 ", 2])
    path = tmp_path / "r.xlsx"
    book.save(path)
    roster = read_roster(path)
    assert roster.columns == ("姓名", "编号")
    assert [(r.number, r.values) for r in roster.rows] == [
        (3, {"姓名": "甲", "编号": 1}),
        (5, {"姓名": "乙", "编号": 2}),
    ]


def _hidden_first_sheet() -> openpyxl.Workbook:
    """A workbook whose first sheet, 旧表 (支部: 旧支部), is hidden."""
    book = openpyxl.Workbook()
    old = book.active
    old.title = "旧表"
    old.append(["支部"])
    old.append(["旧支部"])
    old.sheet_state = "hidden"
    return book


def test_hidden_first_sheet_is_skipped(tmp_path: Path) -> None:
    """The same rule as the data loaders: the first *visible* sheet, unless --sheet names one."""
    book = _hidden_first_sheet()
    shown = book.create_sheet("名单")
    shown.append(["支部"])
    shown.append(["新支部"])
    book.save(tmp_path / "r.xlsx")
    roster = read_roster(tmp_path / "r.xlsx")
    assert roster.sheet == "名单"
    assert roster.rows[0].values == {"支部": "新支部"}
    assert read_roster(tmp_path / "r.xlsx", "旧表").rows[0].values == {"支部": "旧支部"}


def test_merged_cells_fill_down_and_hidden_sheets_are_named(tmp_path: Path) -> None:
    """A 党总支 merged over its branches belongs to each row; the hidden first sheet is passed."""
    book = _hidden_first_sheet()
    sheet = book.create_sheet("名册")
    sheet.append(["党总支", "支部"])
    for branch in ("一支部", "二支部", "三支部"):
        sheet.append([None, branch])
    sheet["A2"] = "机关党总支"
    sheet.merge_cells("A2:A4")
    path = tmp_path / "r.xlsx"
    book.save(path)
    roster = read_roster(path)
    assert roster.sheet == "名册"
    assert [r.values["党总支"] for r in roster.rows] == ["机关党总支"] * 3


def test_gbk_csv_with_line_breaks_in_cells(tmp_path: Path) -> None:
    """A GBK CSV reads; a quoted cell with a line break keeps later row numbers right."""
    path = tmp_path / "r.csv"
    path.write_bytes('姓名,说明\r\n甲,"第一行\r\n第二行"\r\n乙,无\r\n'.encode("gbk"))
    rows = read_roster(path).rows
    assert [r.number for r in rows] == [2, 4]
    assert rows[0].values["说明"] == "第一行\r\n第二行"


def test_csv_quote_never_closed_is_refused_at_its_line(tmp_path: Path) -> None:
    """Rows 3 and 4 would vanish into one cell; the roster is refused naming line 3."""
    path = tmp_path / "r.csv"
    path.write_bytes('姓名,说明\n甲,无\n乙,"开头\n丙,无\n'.encode())
    with pytest.raises(DataError) as info:
        read_roster(path)
    assert info.value.problems[0].location.line == 3
    assert "引号" in info.value.problems[0].message_zh


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("r.txt", b"a", "只能是 .xlsx 或 .csv"),
        ("r.csv", b"", "花名册是空的"),
        ("r.csv", "姓名,姓名\n甲,乙\n".encode(), "列名“姓名”重复"),
        ("r.xlsx", b"not a zip", "不是有效的 Excel 工作簿"),
    ],
)
def test_bad_rosters(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    """Each unusable roster is a DataError that says what is wrong."""
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DataError) as info:
        read_roster(path)
    assert message in str(info.value)


def test_missing_file_and_sheet(tmp_path: Path) -> None:
    """A missing file and an unknown sheet name are reported as such."""
    with pytest.raises(DataError, match="找不到花名册文件"):
        read_roster(tmp_path / "none.xlsx")
    with pytest.raises(DataError, match="没有工作表“别的”"):
        read_roster(FIXTURE, sheet="别的")
