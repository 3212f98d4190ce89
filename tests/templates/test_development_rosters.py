"""The three 发展党员 名册 workbooks: each lists exactly the people at its stage of the sample
roster, worked out here from the fixture's own keys, with the columns the notices ask for."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import openpyxl
import pytest
import yaml

import docgen
from docgen.context import read_data
from tests.templates.conftest import ROOT

FIXTURE = ROOT / "fixtures/school/xxgc-jg1/2026/development.yaml"
BRANCH = "中共星河大学信息工程学院教工第一党支部"


def _day(value: Any) -> str:
    return "" if value is None else f"{value.year}年{value.month}月{value.day}日"


def _people() -> list[dict[str, Any]]:
    return list(yaml.safe_load(FIXTURE.read_text("utf-8"))["candidates"])


def _is_probationer(p: dict[str, Any]) -> bool:
    """Admitted, and neither approved as full member nor struck off."""
    done = p.get("转正结果") == "按期转正" and p.get("转正审批日期")
    return bool(p.get("支部大会接收日期")) and not done and p.get("转正结果") != "取消预备党员资格"


def _probation_end(p: dict[str, Any]) -> str:
    admitted: dt.date = p["支部大会接收日期"]
    months = 12 + (p.get("延长月数") or 0 if p.get("转正结果") == "延长预备期" else 0)
    month = admitted.month - 1 + months
    return _day(admitted.replace(year=admitted.year + month // 12, month=month % 12 + 1))


TITLES = {
    "reports/fazhan-jijifenzi-mingce-xlsx": "入党积极分子名册",
    "reports/fazhan-duixiang-mingce-xlsx": "发展对象名册",
    "reports/fazhan-yubei-mingce-xlsx": "预备党员名册",
}
#: Per template: who is on it (from the fixture's keys) and what its extra columns hold.
CASES = {
    "reports/fazhan-jijifenzi-mingce-xlsx": (
        lambda p: bool(p.get("确定为入党积极分子日期")) and not p.get("确定为发展对象日期"),
        {
            "确定为积极分子时间": lambda p: _day(p["确定为入党积极分子日期"]),
            "培养联系人": lambda p: p.get("培养联系人", ""),
        },
    ),
    "reports/fazhan-duixiang-mingce-xlsx": (
        lambda p: bool(p.get("确定为发展对象日期")) and not p.get("支部大会接收日期"),
        {
            "确定为发展对象时间": lambda p: _day(p["确定为发展对象日期"]),
            "入党介绍人": lambda p: p.get("入党介绍人", ""),
            "政审情况": lambda p: p.get("政审结论", ""),
        },
    ),
    "reports/fazhan-yubei-mingce-xlsx": (
        _is_probationer,
        {
            "接收为预备党员时间": lambda p: _day(p["支部大会接收日期"]),
            "入党介绍人": lambda p: p.get("入党介绍人", ""),
            "预备期满时间": _probation_end,
        },
    ),
}


def _sheet(name: str, data: Any = FIXTURE) -> Any:
    context = read_data(data, "development", wanted_by=name).context
    blob = docgen.load(name).render(context, check=True)
    book = openpyxl.load_workbook(io.BytesIO(blob))
    assert book.properties.title == book.active["A1"].value
    return book.active


def _table(ws: Any) -> tuple[list[str], list[dict[str, str]]]:
    header = int(ws.freeze_panes[1:]) - 1
    names = [c.value for c in ws[header]]
    rows = []
    for cells in ws.iter_rows(min_row=header + 1, values_only=True):
        if not isinstance(cells[0], int):
            break
        rows.append({h: "" if v is None else str(v) for h, v in zip(names, cells, strict=True)})
    return names, rows


@pytest.mark.parametrize("name", CASES)
def test_each_roster_lists_the_people_at_its_stage(name: str) -> None:
    on_it, extra = CASES[name]
    ws = _sheet(name)
    assert ws["A1"].value == BRANCH + TITLES[name]
    assert "填报日期：2026年12月1日" in ws["A2"].value
    headers, rows = _table(ws)
    assert headers[:8] == [
        "序号",
        "姓名",
        "性别",
        "民族",
        "出生年月",
        "学历",
        "单位及职务",
        "申请入党时间",
    ]
    expected = [p for p in _people() if on_it(p)]
    assert expected, name
    assert [r["姓名"] for r in rows] == [p["姓名"] for p in expected]
    assert [r["序号"] for r in rows] == [str(i) for i in range(1, len(rows) + 1)]
    for row, person in zip(rows, expected, strict=True):
        birth = person["出生日期"]
        assert row["出生年月"] == f"{birth.year}年{birth.month}月"
        assert row["单位及职务"] == person["单位及职务"]
        assert row["申请入党时间"] == _day(person["申请入党日期"])
        for header, value in extra.items():
            assert row[header] == value(person), (person["姓名"], header)


@pytest.mark.parametrize("name", CASES)
def test_blank_where_the_data_has_none(name: str) -> None:
    """The minimal roster: one person a stage, only names and dates; the rest stays empty."""
    ws = _sheet(name, ROOT / "fixtures/library/reports/fazhan-mingce-xlsx.min.yaml")
    headers, rows = _table(ws)
    assert len(rows) == 1
    (row,) = rows
    assert row["姓名"]
    assert row["性别"] == row["民族"] == row["出生年月"] == ""
    assert "填报日期：　　年　　月　　日" in ws["A2"].value
    texts = [str(c.value) for line in ws.iter_rows() for c in line if c.value is not None]
    assert not any("None" in t for t in texts)
    if "预备期满时间" in headers:
        assert row["预备期满时间"] == "2027年6月18日"
