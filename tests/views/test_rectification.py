"""The rectification view: derived wording for plans and ledgers."""

from __future__ import annotations

from pathlib import Path

import pytest

import docgen
from docgen.data.models.rectification import Problem, Rectification
from docgen.views.rectification import problem_view, rectification_context, safeguard_view

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "fixtures/school/xxgc-jg1/2026/rectification.yaml"


@pytest.fixture(scope="module")
def context() -> dict[str, object]:
    """The full fixture's context."""
    model = docgen.load_data(FIXTURE)
    assert isinstance(model, Rectification)
    return rectification_context(model)


def test_titles_and_branch(context: dict[str, object]) -> None:
    """The branch name comes from the roster; the ledger title follows the plan's."""
    assert context["branch"] == "中共星河大学信息工程学院教工第一党支部"
    assert str(context["ledger_title"]).endswith("检视问题的整改台账")


def test_groups_follow_categories(context: dict[str, object]) -> None:
    """Problems are grouped by category, in order of first appearance."""
    groups = context["problem_groups"]
    assert isinstance(groups, list)
    assert [g["heading"] for g in groups][:2] == ["政治建设方面", "思想建设方面"]
    assert sum(len(g["problems"]) for g in groups) == 12


def test_problem_wording() -> None:
    """Measures enumerated, duties in one sentence, 长期坚持 kept, nothing None."""
    problem = Problem(
        title="发展党员梯队薄弱", measures=["甲。", "乙。"], owner="邵嘉明", deadline="长期坚持"
    )
    view = problem_view(problem, 3)
    assert view["measures_text"] == "一是甲；二是乙。"
    assert view["duty_text"] == "责任人：邵嘉明；整改时限：长期坚持。"
    assert view["measures_lines"] == "1.甲。\n2.乙。"
    assert view["evidence_text"] == "无"
    assert view["has_details"] is True
    assert None not in (view["category"], view["goal"], view["progress"])


def test_bare_problem() -> None:
    """A problem with only a title has no details and reads as a sentence."""
    view = problem_view(Problem(title="记录不规范"), 1)
    assert view["has_details"] is False
    assert view["title_sentence"] == "记录不规范。"
    assert view["duty_text"] == ""


def test_minimal_context() -> None:
    """Without title, branch or sign-off: a generic title and no sign-off."""
    model = Rectification(problems=[Problem(title="甲")])
    ctx = rectification_context(model)
    assert ctx["title"] == "整改方案"
    assert ctx["ledger_title"] == "整改台账"
    assert ctx["signoff"]["show"] is False
    assert ctx["ledger"][0]["measures"] == "无"


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("加强组织领导。支部书记负总责。", "加强组织领导。"),
        ("每月对账一次", ""),
        ("这是一个很长很长很长很长的第一句话没有早早结束。后文", ""),
    ],
)
def test_safeguard_leads(text: str, lead: str) -> None:
    """A short first sentence becomes the run-in lead."""
    assert safeguard_view(text)["lead"] == lead


def test_one_signoff_for_the_plan_and_the_landscape_ledger(context: dict[str, object]) -> None:
    """The portrait 方案 and the landscape 台账 share one sign-off, placed by indent."""
    assert "signoff_wide" not in context
    sign = context["signoff"]
    assert isinstance(sign, dict)
    assert sign["lines"].org == sign["org"]


def test_progress_report_names_its_addressee(context: dict[str, object]) -> None:
    """The 整改情况报告 goes to the 学院党委: its own 主送机关, from ``progress_report``."""
    report = context["report"]
    assert isinstance(report, dict)
    assert report["addressee"] == "中共星河大学信息工程学院委员会："
