"""民主评议党员 (kind: appraisal): rule boundaries, the results' arithmetic, and reading back
a tally workbook filled in with openpyxl the way tellers fill it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml

from docgen.data import load_result
from docgen.data.appraisal_results import build_results, share
from docgen.data.models.appraisal import DemocraticAppraisal

ROOT = Path(__file__).resolve().parents[2]
SCHOOL = ROOT / "fixtures" / "school" / "xxgc-jg1" / "2026" / "appraisal.yaml"


def _load(tmp_path: Path, data: dict[str, Any], name: str = "appraisal.yaml") -> Any:
    path = tmp_path / name
    path.write_text(
        yaml.safe_dump({"kind": "appraisal", "year": 2026, **data}, allow_unicode=True),
        encoding="utf-8",
    )
    return load_result(path)


def _codes(result: Any) -> list[str]:
    return [p.code for p in result.problems]


def _graded(n: int, excellent: int) -> list[dict[str, str]]:
    return [
        {"name": f"党员{i:02d}", "grade": "优秀" if i < excellent else "合格"} for i in range(n)
    ]


@pytest.mark.parametrize(
    ("members", "excellent", "warned"), [(9, 3, False), (9, 4, True), (23, 7, False), (23, 8, True)]
)
def test_excellent_share_is_at_most_one_third_at_the_edge(
    tmp_path: Path, members: int, excellent: int, warned: bool
) -> None:
    """Exactly a third 优秀 passes; one more is a warning naming the most allowed."""
    result = _load(tmp_path, {"members": _graded(members, excellent)})
    assert ("appraisal_excellent_share" in _codes(result)) is warned
    if warned:
        found = next(p for p in result.problems if p.code == "appraisal_excellent_share")
        assert found.severity == "warning"
        assert f"最多{members // 3}人" in found.message_zh


def test_excellent_share_is_configurable_and_can_be_off(tmp_path: Path) -> None:
    """A locality without a ratio sets 0; one with a quarter warns earlier."""
    off = _load(
        tmp_path,
        {"members": _graded(9, 6), "config": {"local_rules": {"appraisal_excellent_share": "0"}}},
    )
    assert "appraisal_excellent_share" not in _codes(off)
    quarter = _load(
        tmp_path,
        {"members": _graded(8, 3), "config": {"local_rules": {"appraisal_excellent_share": "1/4"}}},
    )
    assert "appraisal_excellent_share" in _codes(quarter)


@pytest.mark.parametrize(("returned", "error"), [(22, False), (23, True)])
def test_ballots_at_most_present(tmp_path: Path, returned: int, error: bool) -> None:
    """As many ballots as people present is fine; one more is an error."""
    rows = [{"name": "林书远", "votes": {"合格": returned}}]
    result = _load(
        tmp_path,
        {
            "members": [{"name": "林书远"}],
            "present": 22,
            "tally": {"returned": returned, "rows": rows},
        },
    )
    assert ("appraisal_ballots_over_present" in _codes(result)) is error


@pytest.mark.parametrize(("votes", "error"), [(10, False), (9, True), (11, True)])
def test_one_grade_per_row(tmp_path: Path, votes: int, error: bool) -> None:
    """A row's votes equal the valid ballots exactly (returned less spoiled)."""
    rows = [{"name": "林书远", "votes": {"优秀": 3, "合格": votes - 3}}]
    result = _load(
        tmp_path,
        {"members": [{"name": "林书远"}], "tally": {"returned": 11, "spoiled": 1, "rows": rows}},
    )
    assert ("appraisal_one_grade" in _codes(result)) is error


def test_unqualified_needs_problems_and_follow_up(tmp_path: Path) -> None:
    """A 不合格 proposed by the tally (not typed) still needs both texts."""
    rows = [{"name": "林书远", "votes": {"合格": 1, "不合格": 4}}]
    result = _load(
        tmp_path, {"members": [{"name": "林书远"}], "tally": {"returned": 5, "rows": rows}}
    )
    got = [p.field_path for p in result.problems if p.code == "appraisal_unqualified_incomplete"]
    assert got == ["members[0].problems", "members[0].follow_up"]
    done = _load(
        tmp_path,
        {
            "members": [
                {
                    "name": "林书远",
                    "problems": "长期不参加组织生活",
                    "follow_up": "限期改正，三个月后复评",
                }
            ],
            "tally": {"returned": 5, "rows": rows},
        },
    )
    assert "appraisal_unqualified_incomplete" not in _codes(done)


def test_a_tie_proposes_no_grade(tmp_path: Path) -> None:
    """Equal votes for two grades: no grade is invented; a warning asks the 支委会."""
    rows = [{"name": "林书远", "votes": {"优秀": 2, "合格": 2}}]
    result = _load(
        tmp_path, {"members": [{"name": "林书远"}], "tally": {"returned": 4, "rows": rows}}
    )
    assert "appraisal_tie" in _codes(result)
    results = build_results(result.model, result.model.checked_config)
    assert results.members[0].grade is None


def test_school_results_count_from_the_roster() -> None:
    """The sample branch: 23 members from the roster, 21 valid ballots, 5 优秀 by the tally."""
    result = load_result(SCHOOL)
    assert not result.errors, result.problems
    model = result.model
    assert isinstance(model, DemocraticAppraisal)
    results = build_results(model, model.checked_config)
    assert len(results.members) == 23
    assert results.valid == 21
    assert {m.member.name for m in results.graded("优秀")} == {
        "俞方舟",
        "杭卫东",
        "贺知秋",
        "岑立新",
        "祁峰",
    }
    assert results.counts() == {"优秀": 5, "合格": 18, "基本合格": 0, "不合格": 0}
    assert share(17, 21) == "81.0%"
    assert share(1, 8) == "12.5%"
    assert share(1, 0) == ""


def _tellers_book(path: Path, names: list[str], votes: dict[str, list[int]]) -> None:
    """A workbook as tellers fill it: a title, then 序号 | 姓名 | grades | 存在问题; a
    second sheet 项目 | 票数. Counts typed as numbers, one as text, as Excel users do."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "测评统计"
    ws.append(["某党支部2026年度民主评议党员测评统计表"])
    ws.append(["序号", "姓名", "优秀", "合格", "基本合格", "不合格", "合计", "存在问题"])
    for i, name in enumerate(names, 1):
        a, b, c, d = votes[name]
        ws.append([i, name, a, str(b), c, d, f"=SUM(C{i + 2}:F{i + 2})", None])
    ws.append(["合计"])
    ballots = book.create_sheet("票数统计")
    ballots.append(["项目", "票数"])
    for label, n in (("发出测评表", 6), ("收回测评表", 5), ("无效测评表", 0)):
        ballots.append([label, n])
    book.save(path)


def test_tally_workbook_is_read_back(tmp_path: Path) -> None:
    """The data names the filled workbook; its counts become the tally the checks use."""
    votes = {"林书远": [3, 2, 0, 0], "周若溪": [0, 4, 1, 0]}
    _tellers_book(tmp_path / "统计表.xlsx", list(votes), votes)
    result = _load(
        tmp_path,
        {
            "members": [{"name": n} for n in votes],
            "present": 5,
            "due": 6,
            "tally_file": "统计表.xlsx",
        },
    )
    assert not result.errors, result.problems
    tally = result.model.tally
    assert (tally.issued, tally.returned, tally.spoiled, tally.counted) == (6, 5, 0, 5)
    assert [r.votes for r in tally.rows] == [
        {"优秀": 3, "合格": 2, "基本合格": 0, "不合格": 0},
        {"优秀": 0, "合格": 4, "基本合格": 1, "不合格": 0},
    ]


def test_tally_workbook_errors_name_sheet_and_cell(tmp_path: Path) -> None:
    """A count that is no whole number is refused at its cell; a sum off by one is found."""
    votes = {"林书远": [3, 2, 0, 0], "周若溪": [0, 4, 1, 1]}
    book = tmp_path / "统计表.xlsx"
    _tellers_book(book, list(votes), votes)
    wb = openpyxl.load_workbook(book)
    wb["测评统计"]["E3"] = "两"
    wb.save(book)
    result = _load(tmp_path, {"members": [{"name": n} for n in votes], "tally_file": "统计表.xlsx"})
    bad = next(p for p in result.problems if p.code == "tally_not_a_count")
    assert bad.location.sheet == "测评统计"
    assert bad.location.cell == "E3"
    assert "林书远" in bad.message_zh
    assert "两" in bad.message_zh
    wb["测评统计"]["E3"] = 0
    wb.save(book)
    again = _load(tmp_path, {"members": [{"name": n} for n in votes], "tally_file": "统计表.xlsx"})
    assert [p.code for p in again.errors] == ["appraisal_one_grade"]
    assert "周若溪的得票合计6票" in again.errors[0].message_zh


def test_tally_file_missing_or_outside_is_refused(tmp_path: Path) -> None:
    """A missing file, or one outside the data's folder, is an error, not an empty tally."""
    for name in ("不存在.xlsx", "../统计表.xlsx"):
        result = _load(tmp_path, {"members": [{"name": "林书远"}], "tally_file": name})
        assert "tally_file_missing" in _codes(result)
