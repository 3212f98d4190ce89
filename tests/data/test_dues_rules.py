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
