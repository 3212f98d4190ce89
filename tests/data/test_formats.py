"""The same rectification list as YAML, XLSX with Chinese headers and GBK CSV loads equal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from docgen.data import Rectification, load_data

HEADERS = [
    "序号",
    "问题类别",
    "存在问题",
    "具体表现",
    "整改措施",
    "责任人",
    "整改时限",
    "整改状态",
    "佐证材料",
]
ROWS = [
    [
        1,
        "组织建设",
        "党小组活动不够经常",
        "个别月份未开会",
        "按月召开党小组会\n支委会每季度检查",
        "陈一鸣",
        dt.datetime(2026, 12, 31),
        "整改中",
        "会议记录、签到表",
    ],
    [
        2,
        "思想建设",
        "理论学习不够深入",
        "研讨发言准备不足",
        "每月确定研讨主题",
        "周若溪",
        "长期坚持",
        "持续整改",
        "学习笔记",
    ],
    [
        3,
        "作风建设",
        "联系学生不够经常",
        "走访次数偏少",
        "每名党员联系一间宿舍",
        "林书远",
        "2026年6月底前",
        "未启动",
        "走访记录",
    ],
]

YAML = """\
kind: rectification
problems:
  - {category: 组织建设, title: 党小组活动不够经常, manifestation: 个别月份未开会,
     measures: [按月召开党小组会, 支委会每季度检查], owner: 陈一鸣, deadline: 2026-12-31,
     status: 整改中, evidence: [会议记录, 签到表]}
  - {category: 思想建设, title: 理论学习不够深入, manifestation: 研讨发言准备不足,
     measures: [每月确定研讨主题], owner: 周若溪, deadline: 长期坚持, status: 持续整改,
     evidence: [学习笔记]}
  - {category: 作风建设, title: 联系学生不够经常, manifestation: 走访次数偏少,
     measures: [每名党员联系一间宿舍], owner: 林书远, deadline: 2026年6月底前, status: 未启动,
     evidence: [走访记录]}
"""


def _csv_text() -> str:
    lines = [",".join(HEADERS)]
    for row in ROWS:
        cells = [c.strftime("%Y/%m/%d") if isinstance(c, dt.datetime) else str(c) for c in row]
        lines.append(",".join(f'"{c}"' if "\n" in c else c for c in cells))
    return "\r\n".join(lines) + "\r\n"


@pytest.fixture
def as_yaml(tmp_path: Path) -> Path:
    """The list as YAML."""
    path = tmp_path / "list.yaml"
    path.write_text(YAML, encoding="utf-8")
    return path


@pytest.fixture
def as_xlsx(tmp_path: Path) -> Path:
    """The list as a workbook with a 问题清单 sheet, Chinese headers and an Excel date cell."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "问题清单"
    sheet.append(HEADERS)
    for row in ROWS:
        sheet.append(row)
    sheet["G2"].number_format = "yyyy-mm-dd"
    path = tmp_path / "list.xlsx"
    book.save(path)
    return path


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8", "utf-8-sig"])
def test_yaml_xlsx_csv_load_equal(
    as_yaml: Path, as_xlsx: Path, tmp_path: Path, encoding: str
) -> None:
    """All three sources give the same model, whatever the CSV encoding."""
    csv_path = tmp_path / "list.csv"
    csv_path.write_bytes(_csv_text().encode(encoding))
    from_yaml = load_data(as_yaml)
    assert isinstance(from_yaml, Rectification)
    assert from_yaml == load_data(as_xlsx)
    assert from_yaml == load_data(csv_path)
    assert from_yaml.problems[0].deadline == dt.date(2026, 12, 31)
    assert from_yaml.problems[0].measures == ["按月召开党小组会", "支委会每季度检查"]


def test_gbk_csv_really_is_not_utf8(tmp_path: Path) -> None:
    """The GBK bytes of the test cannot be read as UTF-8, so detection is exercised."""
    raw = _csv_text().encode("gbk")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
