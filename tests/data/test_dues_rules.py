"""党费 rules at their edges: the order of a reduction's steps (申请, 支委会, 批准)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from docgen.data import validate_files


def _codes(cut: dict[str, Any], tmp_path: Path) -> list[str]:
    reduction = {"name": "林书远", "mode": "免交", "from_month": 3, "reason": "家人住院治疗"}
    reduction |= {"approved_by": "中共示例学院委员会", **cut}
    data = {
        "kind": "dues",
        "year": 2026,
        "members": [{"name": "林书远", "base": 4200}],
        "reductions": [reduction],
    }
    path = tmp_path / "dues.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return [p.code for p in validate_files([path])]


@pytest.mark.parametrize(
    ("applied", "committee", "approved", "warned"),
    [
        ("2026-02-24", "2026-02-24", "2026-02-24", False),  # one day for all three: in order
        ("2026-02-20", "2026-02-24", "2026-02-28", False),
        ("2026-02-25", "2026-02-24", "2026-02-28", True),  # applied a day after the 支委会
        ("2026-02-20", "2026-02-24", "2026-02-23", True),  # approved a day before it
        (None, "2026-02-24", "2026-02-23", True),  # without 申请日期 the others still compare
        ("2026-02-25", None, "2026-02-24", True),
    ],
)
def test_reduction_steps_in_order(
    applied: str | None, committee: str | None, approved: str, warned: bool, tmp_path: Path
) -> None:
    cut = {"applied_on": applied, "committee_date": committee, "approved_on": approved}
    assert ("dues_reduction_order" in _codes(cut, tmp_path)) is warned


def _problems(cut: dict[str, Any], tmp_path: Path) -> dict[str, str]:
    """The problems of a year with one reduction for 林书远 (4200.00 元: 42.00 a month), as
    code → Chinese message."""
    reduction = {"name": "林书远", "mode": "少交", "monthly": 20, "from_month": 3,
                 "reason": "家人住院治疗", **cut}  # fmt: skip
    data = {"kind": "dues", "year": 2026, "members": [{"name": "林书远", "base": 4200}],
            "reductions": [reduction]}  # fmt: skip
    path = tmp_path / "dues.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return {p.code: p.message for p in validate_files([path])}


_APPROVAL = {"approved_by": "中共示例学院委员会", "approved_on": "2026-02-28"}


@pytest.mark.parametrize(
    ("cut", "codes"),
    [
        ({}, {"dues_reduction_unapproved"}),  # no status: 已批准, so the approval is owed
        ({"status": "已批准"}, {"dues_reduction_unapproved"}),
        ({"status": "已批准", "approved_by": "中共示例学院委员会"}, {"dues_reduction_unapproved"}),
        ({"status": "已批准", "approved_on": "2026-02-28"}, {"dues_reduction_unapproved"}),
        ({"status": "已批准", **_APPROVAL}, set()),
        (_APPROVAL, set()),
        ({"status": "待批准"}, {"dues_reduction_pending"}),
        ({"status": "待批准", "approved_on": "2026-02-28"}, {"dues_reduction_status"}),
        ({"status": "待批准", "approved_by": "中共示例学院委员会"}, {"dues_reduction_status"}),
    ],
)
def test_reduction_status_and_approval(
    cut: dict[str, Any], codes: set[str], tmp_path: Path
) -> None:
    """已批准 (the default) needs both 批准党委 and 批准日期 — one of them is not enough;
    待批准 needs neither and is a warning; 待批准 with either filled asks which is true."""
    assert set(_problems(cut, tmp_path)) == codes


def test_pending_warning_names_the_member_the_months_and_what_to_do(tmp_path: Path) -> None:
    message = _problems({"status": "待批准", "to_month": 8}, tmp_path)["dues_reduction_pending"]
    assert message == (
        "林书远的少交申请（3月至8月）尚待上级党委批准，台账、公示和上交汇总单仍按标准"
        "每月42.00元计算；批准后请将状态改为“已批准”，并填写批准党委和批准日期"
    )


@pytest.mark.parametrize(
    ("typed", "status"),
    [("拟申请", "待批准"), ("申请中", "待批准"), (" 待审批 ", "待批准"), ("Pending", "待批准"),
     ("批准", "已批准"), ("approved", "已批准"), ("", "已批准"), (None, "已批准")],
)  # fmt: skip
def test_status_words(typed: str | None, status: str) -> None:
    from docgen.data.models.dues import Reduction

    cut = Reduction.model_validate(
        {"姓名": "林书远", "方式": "免交", "起始月份": 3, "申请理由": "病", "状态": typed}
    )
    assert cut.status == status


def test_unknown_status_is_refused_with_the_choices(tmp_path: Path) -> None:
    problems = _problems({"status": "已上报"}, tmp_path)
    assert "已上报" in problems["literal_error"]
    assert "待批准" in problems["literal_error"]
