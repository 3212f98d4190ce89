"""The sample school under fixtures/school validates, and its documents are wired together."""

from __future__ import annotations

from pathlib import Path

from docgen.data import Minutes, Rectification, load_data, validate_files
from docgen.data.loaders import SUFFIXES
from docgen.data.pipeline import Session
from tests.data.conftest import REPO

SCHOOL = REPO / "fixtures" / "school"


def test_every_school_fixture_validates() -> None:
    """No errors in any data file of the sample school (warnings are allowed)."""
    # Sign-in exports (签到文件) are read through the minutes that name them.
    files = [
        p for p in sorted(SCHOOL.rglob("*")) if p.suffix in SUFFIXES and p.parent.name != "signin"
    ]
    assert len(files) > 10
    errors = [p.describe() for p in validate_files(files) if p.severity == "error"]
    assert errors == []


def test_minutes_find_their_branch_roster() -> None:
    """``branch: xxgc-jg1`` is resolved from branches/ in a folder above the minutes."""
    folder = SCHOOL / "xxgc-jg1" / "2026" / "minutes"
    path = next(iter(sorted(folder.glob("*dangyuan-dahui*.yaml"))), None)
    assert path is not None
    model = load_data(path)
    assert isinstance(model, Minutes)
    assert model.roster is not None
    assert model.roster.id == "xxgc-jg1"
    assert all(v.passed is not None for v in model.votes)


def test_a_session_for_strangers_finds_no_branch_file_by_id() -> None:
    """With ``find_branch_files=False`` (the web service) an id opens no file on disk."""
    folder = SCHOOL / "xxgc-jg1" / "2026" / "minutes"
    path = next(iter(sorted(folder.glob("*dangyuan-dahui*.yaml"))))
    result = Session(find_branch_files=False).load(path)
    assert isinstance(result.model, Minutes)
    assert result.model.roster is None
    assert "branch_not_found" in {p.code for p in result.problems}


def test_rectification_projections(tmp_path: Path) -> None:
    """The four lists are projections of one problem list, numbered from 1."""
    path = tmp_path / "r.yaml"
    path.write_text(
        "kind: rectification\nproblems:\n"
        "  - {title: 甲, category: 组织建设, measures: [m1], owner: 张,\n"
        "     deadline: 2026-12-31, status: 已完成}\n"
        "  - {title: 乙, measures: [m2, m3], leader: 李, deadline: 长期坚持, status: 整改中}\n",
        "utf-8",
    )
    model = load_data(path)
    assert isinstance(model, Rectification)
    assert [r["seq"] for r in model.problem_list()] == [1, 2]
    assert model.task_list()[1]["measures"] == ["m2", "m3"]
    assert model.responsibility_list()[1]["leader"] == "李"
    assert [r["closed"] for r in model.ledger()] == [True, False]
