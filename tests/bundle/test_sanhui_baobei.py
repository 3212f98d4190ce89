"""The built-in ``sanhui-baobei`` bundle: the quarterly 三会一课 报备表 from an annual plan, with
its 报备季度 and 报备日期 given per run (``--set``) or per roster row, never the plan's date
on a quarter's 报备表."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import docgen
from docgen.bundle import Bundle
from docgen.bundle.bundle import BuildResult
from docgen.cli import main
from tests.templates.reading import Docx

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "fixtures" / "school" / "xxgc-jg1" / "2026" / "annual_plan.yaml"
BRANCH = "中共星河大学信息工程学院教工第一党支部"


def _only(result: BuildResult) -> tuple[Path, list[str]]:
    """The one document built, and its paragraphs' texts."""
    assert not result.failures, [f.describe() for f in result.failures]
    (doc,) = [o for o in result.outputs if o.kind == "document"]
    assert doc.path is not None
    return doc.path, [p.text for p in Docx(doc.path.read_bytes()).paragraphs()]


@pytest.mark.parametrize(
    ("values", "name", "title", "date"),
    [
        # The sample plan names no quarter: the whole year, signed with the plan's date.
        ({}, f"{BRANCH}2026年三会一课计划报备表.docx", "2026年“三会一课”", "2026年1月16日"),
        (
            {"quarter": "2", "report_date": "2026-03-27"},
            f"{BRANCH}2026年第二季度三会一课计划报备表.docx",
            "2026年第二季度",
            "2026年3月27日",
        ),
        # A quarter without a 报备日期: a date line to fill in, not the plan's 1月16日.
        ({"quarter": "第三季度"}, None, "2026年第三季度", "2026年　　月　　日"),
    ],
)
def test_quarter_and_date_per_run(
    values: dict[str, str], name: str | None, title: str, date: str, tmp_path: Path
) -> None:
    path, texts = _only(Bundle.load("sanhui-baobei").build(tmp_path, values, sample=True))
    if name is not None:
        assert path.name == name
    assert path.parent.name == BRANCH
    assert title in texts[0].replace("\n", "")
    assert texts[-2:] == [BRANCH, date]  # the 落款: 报送单位, then the 报备表's own date


def test_quarter_counts_only_its_months(tmp_path: Path) -> None:
    """Q2's table: the plan's typed rows of April to June, and nothing else."""
    path, _ = _only(Bundle.load("sanhui-baobei").build(tmp_path, {"quarter": "2"}, sample=True))
    months = [row.split(" | ")[3] for row in Docx(path.read_bytes()).outline() if " | " in row]
    assert set(months[1:]) == {"4月", "5月", "6月"}


def test_batch_one_row_per_branch_with_its_quarter_and_date(tmp_path: Path) -> None:
    """A roster of two rows (the same plan under two names, different quarters and dates):
    each folder holds its 报备表 with that row's quarter and date."""
    roster = tmp_path / "花名册.csv"
    rows = [
        "支部,年度计划,报备季度,报备日期",
        f"示例第一党支部,{PLAN},第一季度,2025-12-26",
        f"示例第二党支部,{PLAN},4,2026-09-25",
    ]
    roster.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = docgen.batch("sanhui-baobei", roster, out, workers=1)
    assert not result.failures, [f.describe() for f in result.failures]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    for branch, quarter, date in (
        ("示例第一党支部", "第一季度", "2025年12月26日"),
        ("示例第二党支部", "第四季度", "2026年9月25日"),
    ):
        (rel,) = manifest["rows"][branch]["outputs"]
        assert rel == f"{branch}/{branch}2026年{quarter}三会一课计划报备表.docx"
        text = "\n".join(Docx((out / rel).read_bytes()).outline())
        assert f"{branch}2026年{quarter}" in text
        assert date in text
        assert "None" not in text


def test_bundle_show_lists_the_quarter_and_date_columns() -> None:
    text = CliRunner().invoke(main, ["bundle", "show", "sanhui-baobei"]).output
    assert "花名册的列：年度计划、支部、报备季度、报备日期、水印" in text


def test_without_a_plan_it_fails_and_says_how(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["bundle", "sanhui-baobei", "-o", str(tmp_path / "out")])
    assert result.exit_code == 8, result.output
    assert "没有数据文件：请用 --input" in result.output
    assert not list(tmp_path.rglob("*.docx"))


def test_recipe_steps_name_shipped_templates() -> None:
    (step,) = Bundle.load("sanhui-baobei").recipe.steps
    assert step.template == "reports/sanhui-yike-baobei"
    assert step.template_path.is_file()
