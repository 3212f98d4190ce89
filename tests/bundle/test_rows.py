"""docgen.bundle.rows: a row laid over a common input — set, follow, {列} placeholders, cells."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.batching import run
from docgen.exceptions import BundleError
from tests.bundle.conftest import RecipeWriter
from tests.docx_builder import paragraph_texts

COMMON = """\
kind: annual_plan
year: 2026
branch: 共用
title: 共用标题
safeguards: ["支部书记{书记}负责，{不是列}照写"]
signoff: {org: 共用单位, date: 2026-01-16}
"""

RECIPE = """\
name: 计划
vars:
  plan_file: {column: 计划文件, empty: keep}
  branch: {column: 支部}
  secretary: {column: 书记, empty: keep}
  day: {column: 日期, empty: keep}
inputs:
  plan:
    path: "{{ plan_file }}"
    kind: annual_plan
    set: {branch: "{{ branch }}", signoff.date: "{{ day }}"}
    follow: {branch: [title, signoff.org]}
steps:
  - id: jihua
    template: plans/niandu-gongzuo-jihua
    data: plan
    output: "{{ plan.branch }}计划"
"""


def _csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_row_overrides_follow_and_placeholders(write_recipe: RecipeWriter, tmp_path: Path) -> None:
    """Title and 落款 follow the new branch; {书记} is filled; {不是列} is left as text."""
    recipe = write_recipe(RECIPE)
    common = _csv(tmp_path / "common.yaml", COMMON)
    roster = _csv(tmp_path / "r.csv", "支部,书记,日期\n甲支部,王一,2026-03-01\n乙支部,李二,\n")
    result = run(recipe, roster, tmp_path / "out", workers=1, inputs={"plan": common})
    assert result.ok, result.summary()
    assert sorted(result.written) == ["乙支部计划.docx", "甲支部计划.docx"]
    first = paragraph_texts((tmp_path / "out" / "甲支部计划.docx").read_bytes())
    assert first[0] == "甲支部2026年工作计划"
    assert first[-2].strip() == "甲支部"
    assert first[-1].strip() == "2026年3月1日"
    assert any("支部书记王一负责，{不是列}照写" in t for t in first)
    second = paragraph_texts((tmp_path / "out" / "乙支部计划.docx").read_bytes())
    assert second[-1].strip() == "2026年1月16日"  # an empty 日期 keeps the common date


def test_roster_paths_are_relative_to_the_roster(
    write_recipe: RecipeWriter, tmp_path: Path
) -> None:
    """A 计划文件 cell is found beside the roster, not beside the recipe or the current folder."""
    recipe = write_recipe(RECIPE)
    office = tmp_path / "office"
    office.mkdir()
    _csv(office / "甲.yaml", COMMON)
    cells = "计划文件,支部,书记\n甲.yaml,甲支部,王一\n乙.yaml,乙支部,李二\n"
    roster = _csv(office / "r.csv", cells)
    result = run(recipe, roster, tmp_path / "out", workers=1)
    assert result.succeeded == 1
    assert result.failed_rows == [3]
    message = result.failures[0].message_zh
    assert "r.csv 第 3 行“计划文件”列" in message
    assert str(office / "乙.yaml") in message
    assert "相对花名册所在的文件夹" in message


def test_bad_cell_and_empty_cell_name_the_cell(write_recipe: RecipeWriter, tmp_path: Path) -> None:
    recipe = write_recipe(RECIPE)
    common = _csv(tmp_path / "common.yaml", COMMON)
    roster = _csv(tmp_path / "r.csv", "支部,书记,日期\n,王一,\n丙支部,李二,2026-02-30\n丁支部,,\n")
    result = run(recipe, roster, tmp_path / "out", workers=1, inputs={"plan": common})
    messages = {f.row: f.message_zh for f in result.failures}
    assert "“支部”列为空" in messages[2]
    assert "“日期”列" in messages[3]
    assert "2026-02-30" in messages[3]
    assert "“书记”列为空，而共用数据中的 {书记} 要用它" in messages[4]
    assert not list((tmp_path / "out").glob("*.docx"))


def test_a_placeholder_outside_a_batch_fails(write_recipe: RecipeWriter, tmp_path: Path) -> None:
    """``{书记}`` in the data of a single run: an error, never the braces in the document."""
    from docgen.bundle import Bundle

    common = _csv(tmp_path / "common.yaml", COMMON)
    with pytest.raises(BundleError, match="只能在批量中使用"):
        Bundle.load(write_recipe(RECIPE)).plan(inputs={"plan": common})


def test_a_name_that_would_print_none_fails(write_recipe: RecipeWriter, tmp_path: Path) -> None:
    """``{{ plan.title }}`` of a plan without a title: an error, never a "None计划.docx"."""
    from docgen.bundle import Bundle

    text = COMMON.replace("title: 共用标题\n", "").replace("{书记}", "")
    common = _csv(tmp_path / "common.yaml", text)
    recipe = write_recipe(RECIPE.replace("{{ plan.branch }}计划", "{{ plan.title }}计划"))
    with pytest.raises(BundleError, match="None"):
        Bundle.load(recipe).plan(inputs={"plan": common})


MINUTES = """\
kind: minutes
meeting_type: 支委会
time: 2026-03-12 14:30
attendance: {due: 5, present: 5}
"""

MINUTES_RECIPE = """\
name: 记录
vars:
  branch: {column: 支部}
  present: {column: 实到, empty: keep}
  due: {column: 应到, empty: keep}
inputs:
  rec:
    path: common.yaml
    kind: minutes
    set: {attendance.present: "{{ present }}", attendance.due: "{{ due }}"}
steps:
  - id: jilu
    template: reports/zhiweihui-jilu
    data: rec
    output: "{{ branch }}记录"
"""


def test_overrides_rerun_the_domain_rules(write_recipe: RecipeWriter, tmp_path: Path) -> None:
    """An override making 实到 > 应到 fails its row at the cell; other rows are built."""
    recipe = write_recipe(MINUTES_RECIPE)
    common = _csv(tmp_path / "common.yaml", MINUTES)
    roster = _csv(tmp_path / "r.csv", "支部,实到,应到\n甲,4,\n乙,6,\n丙,,3\n")
    result = run(recipe, roster, tmp_path / "out", workers=1, inputs={"rec": common})
    assert result.written == ["甲记录.docx"]
    assert result.failed_rows == [3, 4]
    messages = {f.row: f.message_zh for f in result.failures}
    assert "r.csv 第 3 行“实到”列：实到人数 6 多于应到人数 5" in messages[3]
    # 应到 3 < the common 实到 5: the rule names 实到, which the row did not set,
    # so the message points at the cells the row changed.
    assert "r.csv 第 4 行“应到”列：实到人数 5 多于应到人数 3" in messages[4]
    assert not (tmp_path / "out" / "乙记录.docx").exists()


def test_overrides_are_checked_under_the_documents_own_config(
    write_recipe: RecipeWriter, tmp_path: Path
) -> None:
    """A meeting type the document's own ``config:`` allows stays allowed when a row overrides
    another field (the row was once re-checked under the national defaults and failed)."""
    recipe = write_recipe(MINUTES_RECIPE)
    own = MINUTES.replace("meeting_type: 支委会", "meeting_type: 支部书记碰头会") + (
        "config:\n  meeting_types: [支委会, 支部书记碰头会]\n"
    )
    common = _csv(tmp_path / "common.yaml", own)
    roster = _csv(tmp_path / "r.csv", "支部,实到,应到\n甲,4,\n乙,6,\n")
    result = run(recipe, roster, tmp_path / "out", workers=1, inputs={"rec": common})
    assert result.written == ["甲记录.docx"]
    assert result.failed_rows == [3]
    assert "实到人数 6 多于应到人数 5" in result.failures[0].message_zh
