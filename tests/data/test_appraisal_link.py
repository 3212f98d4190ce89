"""A 组织生活会's 民主评议 filled from the 民主评议's own data file (docgen.data.appraisal_link)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import docgen
from docgen.exceptions import DataError
from docgen.views import context_for

ROOT = Path(__file__).resolve().parents[2]
YEAR = ROOT / "fixtures" / "school" / "xxgc-jg1" / "2026"
ROSTER = ROOT / "fixtures" / "school" / "branches" / "xxgc-jg1.yaml"


def _files(tmp_path: Path, appraisal: dict[str, object]) -> Path:
    """The sample 组织生活会 and 民主评议 side by side in ``tmp_path``; the record's
    民主评议 is ``appraisal``."""
    judged = yaml.safe_load((YEAR / "appraisal.yaml").read_text(encoding="utf-8"))
    judged["branch_file"] = str(ROSTER)
    (tmp_path / "民主评议.yaml").write_text(yaml.safe_dump(judged, allow_unicode=True), "utf-8")
    record = yaml.safe_load((YEAR / "org_life_meeting.yaml").read_text(encoding="utf-8"))
    record["branch_file"] = str(ROSTER)
    record["democratic_appraisal"] = appraisal
    path = tmp_path / "组织生活会.yaml"
    path.write_text(yaml.safe_dump(record, allow_unicode=True), "utf-8")
    return path


def test_counts_come_from_the_appraisal_file(tmp_path: Path) -> None:
    """Only the method and the file: 23 rated, 5 优秀 and 18 合格 as the tally gives them,
    the 优秀 named in roster order; the report prints them."""
    given = {"method": "个人自评、党员互评、民主测评", "评议数据文件": "民主评议.yaml"}
    path = _files(tmp_path, given)
    model = docgen.load_data(path)
    appraisal = model.democratic_appraisal  # type: ignore[attr-defined]
    assert appraisal.participants == 23
    assert appraisal.results == {"优秀": 5, "合格": 18, "基本合格": 0, "不合格": 0}
    assert appraisal.excellent == ["俞方舟", "贺知秋", "杭卫东", "岑立新", "祁峰"]
    context = context_for(model)
    assert "优秀5名、合格18名" in context["results_text"]


def test_a_stated_count_the_file_contradicts_is_an_error(tmp_path: Path) -> None:
    path = _files(
        tmp_path,
        {"评议数据文件": "民主评议.yaml", "results": {"优秀": 6, "合格": 17}},
    )
    with pytest.raises(DataError) as caught:
        docgen.load_data(path)
    (problem,) = [p for p in caught.value.problems if p.code == "appraisal_file_contradicts"]
    assert "文件中为优秀5名、合格18名、基本合格0名、不合格0名" in problem.message_zh
    assert problem.location.file == str(tmp_path / "民主评议.yaml")


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    path = _files(tmp_path, {"评议数据文件": "../别处.yaml"})
    with pytest.raises(DataError) as caught:
        docgen.load_data(path)
    assert any(
        p.code == "appraisal_file_missing" and "别处.yaml" in p.message_zh
        for p in caught.value.problems
    )
