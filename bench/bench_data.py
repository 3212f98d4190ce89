"""Loading + validating a 5,000-row XLSX problem list against the readers' own floors.

Run: ``.venv/bin/python bench/bench_data.py [ROWS]``. Side by side, interleaved, three rounds:
``docgen.data.load_data`` (read, normalise, validate; calamine reader), the same with the
openpyxl reader docgen falls back to, a plain openpyxl read-only iteration of
the same file (goal: docgen within 2x of it) and, when installed, python-calamine reading it.
Prints min / median / max and the ratios of the medians. Not a test.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
import tempfile
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.runs import Case, interleaved, ratio_line  # noqa: E402
from docgen.data import Rectification, load_data  # noqa: E402
from docgen.data.loaders import workbook  # noqa: E402

HEADERS = [
    "序号",
    "问题类别",
    "存在问题",
    "具体表现",
    "原因分析",
    "整改措施",
    "整改目标",
    "责任领导",
    "责任人",
    "整改时限",
    "整改方式",
    "整改状态",
    "完成情况",
    "佐证材料",
]
CATEGORIES = ["政治建设", "思想建设", "组织建设", "作风建设", "纪律建设"]
STATUSES = ["未启动", "整改中", "已完成", "持续整改"]


def make_workbook(path: Path, rows: int) -> None:
    """Write a 问题清单 sheet of ``rows`` invented problems."""
    book = openpyxl.Workbook()  # shared strings, as Excel itself writes them
    sheet = book.active
    sheet.title = "问题清单"
    sheet.append(HEADERS)
    for n in range(1, rows + 1):
        deadline: object = dt.datetime(2026, 1 + n % 12, 1 + n % 28) if n % 5 else "长期坚持"
        sheet.append(
            [
                n,
                CATEGORIES[n % 5],
                f"第{n}项问题：学习制度执行不够严格",
                "个别党员学习笔记记录简略，研讨发言准备不足。",
                "对理论学习重视不够\n督促检查不到位",
                "制定学习计划\n每月专题研讨\n支委会每季度检查",
                "学习制度落实到位",
                "林书远",
                f"责任人{n % 40}",
                deadline,
                "限期整改",
                STATUSES[n % 4],
                "已按计划推进",
                "会议记录、学习笔记",
            ]
        )
    book.save(path)


def openpyxl_floor(path: Path) -> int:
    """Every cell value of the sheet, the plainest way openpyxl reads it (read-only)."""
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return sum(len(row) for row in book.active.iter_rows(values_only=True))
    finally:
        book.close()


def calamine_floor(path: Path) -> int:
    """Every cell value through python-calamine (a Rust reader), when it is installed."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    return sum(len(row) for row in book.get_sheet_by_index(0).to_python())


def _untimed(cells: int) -> None:
    assert cells > 0  # the reader read something; the case is timed from outside


def main(rows: int = 5000, rounds: int = 3) -> None:
    """Build the workbook, then time load+validate beside the readers' floors, interleaved."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "problems.xlsx"
        make_workbook(path, rows)

        def docgen_load() -> None:
            model = load_data(path)
            assert isinstance(model, Rectification)
            assert len(model.problems) == rows

        def docgen_openpyxl() -> None:
            # The same load with calamine out of the way: what the openpyxl reader costs.
            fast = workbook.calamine_sheets
            workbook.calamine_sheets = lambda *_args: None  # type: ignore[assignment]
            try:
                docgen_load()
            finally:
                workbook.calamine_sheets = fast

        cases: dict[str, Case] = {
            "docgen load + validate": docgen_load,
            "docgen with openpyxl reader": docgen_openpyxl,
            "openpyxl read-only iteration": lambda: _untimed(openpyxl_floor(path)),
        }
        if importlib.util.find_spec("python_calamine") is not None:
            cases["python-calamine read"] = lambda: _untimed(calamine_floor(path))
        found = interleaved(cases, rounds)
    print(f"{rows} rows, min / median / max of {rounds} interleaved rounds:")
    for name, spread in found.items():
        print(f"  {name:<30} {spread.text()}")
    ours = found["docgen load + validate"]
    print(
        "  "
        + ratio_line(
            "docgen / openpyxl floor", ours, found["openpyxl read-only iteration"], "<= 2x"
        )
    )
    print(
        "  "
        + ratio_line(
            "openpyxl reader / calamine reader", found["docgen with openpyxl reader"], ours
        )
    )
    if "python-calamine read" in found:
        print("  " + ratio_line("docgen / calamine floor", ours, found["python-calamine read"]))
    else:
        print("  (python-calamine is not installed: no calamine figure)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
