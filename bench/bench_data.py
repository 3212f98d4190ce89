"""Time loading + validating a 5,000-row XLSX problem list on one core (target ≤ 2 s).

Run: ``.venv/bin/python bench/bench_data.py [ROWS]``. Prints the best of three runs.
Not a test: the figure depends on the machine.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

import openpyxl

from docgen.data import Rectification, load_data

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


def main(rows: int = 5000) -> None:
    """Build the workbook, then time three load+validate runs and print the best."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "problems.xlsx"
        make_workbook(path, rows)
        timings = []
        for _ in range(3):
            start = time.perf_counter()
            model = load_data(path)
            timings.append(time.perf_counter() - start)
        assert isinstance(model, Rectification)
        assert len(model.problems) == rows
    best = min(timings)
    verdict = "OK" if best <= 2.0 else "SLOWER THAN TARGET"
    runs = ", ".join(f"{t:.2f}" for t in timings)
    print(
        f"{rows} rows: load + validate best {best:.2f} s (runs: {runs}) — target 2.00 s: {verdict}"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
