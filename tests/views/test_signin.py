"""The 签到表 rows: the roster's names for the meeting's members, 预备党员 without a vote."""

from __future__ import annotations

from pathlib import Path

import yaml

from docgen.data import load_data
from docgen.data.models.minutes import Minutes
from docgen.views import context_for
from docgen.views.signin import BLANK_ROWS

ROOT = Path(__file__).resolve().parents[2]
SCHOOL = ROOT / "fixtures/school"
MINUTES = SCHOOL / "xxgc-jg1/2026/minutes"


def _roster() -> dict[str, object]:
    data = yaml.safe_load((SCHOOL / "branches/xxgc-jg1.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _signin(path: Path) -> dict[str, object]:
    model = load_data(path)
    assert isinstance(model, Minutes)
    signin = context_for(model)["signin"]
    assert isinstance(signin, dict)
    return signin


def test_general_meeting_lists_every_member_and_marks_probationary() -> None:
    roster = _roster()
    members = roster["members"]
    assert isinstance(members, list)
    signin = _signin(MINUTES / "2026-11-dangyuan-dahui.yaml")
    rows = signin["rows"]
    assert isinstance(rows, list)
    assert [r["name"] for r in rows] == [m["name"] for m in members]
    probationary = {m["name"] for m in members if m.get("status") == "预备"}
    assert probationary, "the sample branch has a 预备党员"
    for row in rows:
        assert row["vote"] == ("无" if row["name"] in probationary else "有")
        assert row["status"] == ("预备" if row["name"] in probationary else "正式")
    formal = len(members) - len(probationary)
    assert signin["counts_text"] == (
        f"应到{len(members)}人，其中有表决权的正式党员{formal}人、"
        f"预备党员{len(probationary)}人（无表决权）。"
    )
    assert signin["title"] == "中共星河大学信息工程学院教工第一党支部2026年11月支部党员大会签到表"


def test_absence_reason_in_note_without_nested_brackets() -> None:
    rows = _signin(MINUTES / "2026-11-dangyuan-dahui.yaml")["rows"]
    assert isinstance(rows, list)
    notes = {r["name"]: r["note"] for r in rows if r["note"]}
    assert notes == {"钟秀芸": "缺席：出差（参加行业学术年会）", "骆启航": "缺席：病假"}


def test_party_group_meeting_lists_only_the_group() -> None:
    members = _roster()["members"]
    assert isinstance(members, list)
    data = yaml.safe_load((MINUTES / "2026-11-dangxiaozu-1.yaml").read_text(encoding="utf-8"))
    group = data["party_group"]
    rows = _signin(MINUTES / "2026-11-dangxiaozu-1.yaml")["rows"]
    assert isinstance(rows, list)
    assert [r["name"] for r in rows] == [m["name"] for m in members if m.get("group") == group]


def test_committee_meeting_lists_the_committee() -> None:
    committee = _roster()["committee"]
    assert isinstance(committee, list)
    signin = _signin(MINUTES / "2026-11-zhiweihui.yaml")
    rows = signin["rows"]
    assert isinstance(rows, list)
    assert [r["name"] for r in rows] == [c["name"] for c in committee]
    assert signin["counts_text"] == f"应到{len(committee)}人。"


def test_without_roster_blank_rows_to_write_names(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("kind: minutes\nmeeting_type: 党课\ntime: 2026-03-05\n", encoding="utf-8")
    signin = _signin(path)
    rows = signin["rows"]
    assert isinstance(rows, list)
    assert len(rows) == BLANK_ROWS
    assert all(r["name"] == "" and r["vote"] == "" for r in rows)
    assert signin["counts_text"] == ""
    path.write_text(
        "kind: minutes\nmeeting_type: 党课\ntime: 2026-03-05\nattendance: {due: 7}\n",
        encoding="utf-8",
    )
    again = _signin(path)
    assert isinstance(again["rows"], list)
    assert len(again["rows"]) == 7
    assert again["counts_text"] == "应到7人。"
