"""The calamine reader gives what openpyxl gives, and openpyxl takes over where it must."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from docgen.data.loaders.calamine import calamine_sheets
from docgen.data.loaders.workbook import SheetRows, _openpyxl_sheets, read_sheets
from tests.data.conftest import REPO

EXCEL = sorted((REPO / "fixtures" / "excel").glob("*.xlsx"))


def _every(title: str, visible: bool) -> bool:
    return visible and not title.startswith("_")


def _trimmed(sheets: list[SheetRows]) -> list[tuple[str, list[tuple[object, ...]]]]:
    """Sheets without trailing empty cells and rows (openpyxl counts styled empty cells)."""
    out = []
    for sheet in sheets:
        rows = [list(r) for r in sheet.rows]
        for row in rows:
            while row and row[-1] is None:
                row.pop()
        while rows and not rows[-1]:
            rows.pop()
        out.append((sheet.title, [tuple(r) for r in rows]))
    return out


def _both(path: Path) -> tuple[list[SheetRows], list[SheetRows], list[str], list[str]]:
    fast = calamine_sheets(path, _every)
    assert fast is not None, "calamine should read this workbook itself"
    slow, slow_skipped = _openpyxl_sheets(path, path.name, None)
    sheets, skipped = read_sheets(path, path.name)
    return sheets, slow, skipped, slow_skipped


def _odd_book(path: Path) -> None:
    """Data from C3, every cell type, a merge reaching past the data, hidden and _ sheets."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "问题清单"
    sheet.append([])
    sheet.append([])
    sheet.append([None, None, "序号", "问题", "整改时限", "完成于", "比例", "是否", "时刻"])
    sheet.append([None, None, 1, "学习不够", dt.datetime(2026, 3, 1), dt.date(2026, 3, 2)])
    sheet.append([None, None, 2026, "  ", dt.datetime(2026, 3, 1, 9, 30), None, 1.5, True])
    sheet.append([None, None, 3, "", None, None, 0.0, False, dt.time(9, 30)])
    sheet["C8"] = "合并值"
    sheet.merge_cells("C8:C10")
    hidden = book.create_sheet("隐藏")
    hidden.sheet_state = "hidden"
    hidden["A1"] = "不读"
    book.create_sheet("_下拉")["A1"] = "选项"
    book.save(path)


def test_same_rows_as_openpyxl_for_every_cell_type(tmp_path: Path) -> None:
    path = tmp_path / "odd.xlsx"
    _odd_book(path)
    sheets, slow, skipped, slow_skipped = _both(path)
    assert _trimmed(sheets) == _trimmed(slow)
    assert skipped == slow_skipped == ["隐藏", "_下拉"]
    rows = sheets[0].rows
    assert rows[2][2] == "序号"  # positions count from A1, not from the first used cell
    assert rows[4][2] == 2026
    assert type(rows[4][2]) is int  # 2026, never "2026.0" as text
    assert rows[3][5] == dt.datetime(2026, 3, 2)
    # Filled down the merged range, to its last row although no cell past C8 holds data.
    assert [r[2] for r in rows[7:]] == ["合并值"] * 3


@pytest.mark.parametrize("path", EXCEL, ids=lambda p: p.name)
def test_same_rows_as_openpyxl_for_the_fixtures(path: Path) -> None:
    sheets, slow, skipped, slow_skipped = _both(path)
    assert _trimmed(sheets) == _trimmed(slow)
    assert skipped == slow_skipped


def test_a_named_hidden_sheet_is_read(tmp_path: Path) -> None:
    path = tmp_path / "odd.xlsx"
    _odd_book(path)
    sheets, skipped = read_sheets(path, "odd.xlsx", wanted="隐藏")
    assert [s.title for s in sheets] == ["问题清单", "隐藏"]
    assert sheets[1].rows == [("不读",)]
    assert skipped == ["_下拉"]


def test_bytes_in_memory_read_alike(tmp_path: Path) -> None:
    path = tmp_path / "odd.xlsx"
    _odd_book(path)
    from_memory, _ = read_sheets(io.BytesIO(path.read_bytes()), "odd.xlsx")
    assert _trimmed(from_memory) == _trimmed(read_sheets(path, "odd.xlsx")[0])


def test_formula_error_cells_are_kept_by_openpyxl(tmp_path: Path) -> None:
    """calamine reads #DIV/0! as empty; the error must reach the message instead."""
    plain, broken = tmp_path / "plain.xlsx", tmp_path / "broken.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["应交", "实交"])
    book.active.append([10, 5])
    book.save(plain)
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(
                    b'<c r="B2" t="n"><v>5</v></c>',
                    b'<c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c>',
                )
                assert b"#DIV/0!" in data
            dst.writestr(item, data)
    assert calamine_sheets(broken, _every) is None
    sheets, _ = read_sheets(broken, "broken.xlsx")
    assert sheets[0].rows[1] == (10, "#DIV/0!")


def test_not_a_workbook_keeps_openpyxl_message(tmp_path: Path) -> None:
    from docgen.exceptions import DataError

    path = tmp_path / "fake.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    assert calamine_sheets(path, _every) is None
    with pytest.raises(DataError) as caught:
        read_sheets(path, "fake.xlsx")
    assert caught.value.problems[0].code == "not_a_workbook"
