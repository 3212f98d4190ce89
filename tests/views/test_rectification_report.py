"""The 整改情况报告 wording: states, counts in words, per-problem lines, title breaks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import docgen
from docgen.data.models.rectification import Problem, Rectification
from docgen.library import find_template
from docgen.views.rectification import problem_view, rectification_context
from docgen.views.rectification_report import (
    DONE,
    LONG_TERM,
    NOT_STARTED,
    ONGOING,
    UNKNOWN,
    next_steps,
    problem_lines,
    report_title,
    state_of,
    status_text,
)
from tests.templates.reading import Docx

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "fixtures/school/xxgc-jg1/2026/rectification.yaml"
ORG = "中共星河大学信息工程学院教工第一党支部"


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    """The report part of the full fixture's context."""
    model = docgen.load_data(FIXTURE)
    assert isinstance(model, Rectification)
    context = rectification_context(model)
    assert context["problem_groups"], "the plan's keys stay"
    return dict(context["report"])


def _view(**fields: Any) -> dict[str, Any]:
    return problem_view(Problem(title="某问题", **fields), 1)


def test_states() -> None:
    """Status first; 长期坚持 as mode or deadline makes an open problem long-term."""
    assert state_of(_view(status="已完成", mode="长期坚持")) == DONE
    assert state_of(_view(status="未启动", deadline="长期坚持")) == NOT_STARTED
    assert state_of(_view(status="整改中", deadline="长期坚持")) == LONG_TERM
    assert state_of(_view(status="持续整改")) == LONG_TERM
    assert state_of(_view(status="整改中")) == ONGOING
    assert state_of(_view()) == UNKNOWN
    assert state_of(_view(mode="长期坚持")) == LONG_TERM


def test_status_sentences() -> None:
    """Deadlines as dates with 前; 长期坚持 never reads as a date; no status, no line."""
    ongoing = _view(status="整改中", deadline=dt.date(2027, 6, 30))
    assert status_text(ongoing, ONGOING) == "整改中，计划于2027年6月30日前完成。"
    due_text = _view(status="整改中", deadline="2027年3月底前")
    assert status_text(due_text, ONGOING) == "整改中，计划于2027年3月底前完成。"
    assert status_text(_view(status="未启动"), NOT_STARTED) == "尚未启动。"
    long_term = _view(status="持续整改", deadline="长期坚持")
    assert status_text(long_term, LONG_TERM) == "持续整改，属长期坚持事项。"
    assert status_text(_view(), UNKNOWN) == ""


def test_problem_lines() -> None:
    """Measures, progress, status, owners, evidence as finished lines; no evidence, no line
    (it used to print “佐证材料：无。”)."""
    view = _view(
        measures=["修订规则", "分开讨论"],
        progress="已审议通过",
        status="已完成",
        owner="邵嘉明",
    )
    assert problem_lines(view)["lines"] == [
        "整改措施：一是修订规则；二是分开讨论。",
        "完成情况：已审议通过。",
        "整改状态：已完成，予以销号。",
        "责任人：邵嘉明。",
    ]
    assert problem_lines(_view())["lines"] == []
    with_evidence = _view(status="已完成", evidence=["会议记录"])
    assert problem_lines(with_evidence)["lines"][-1] == "佐证材料：会议记录。"


def test_overview_counts_the_fixture(report: dict[str, Any]) -> None:
    """Twelve problems: three closed, five under way, two long-term, two not started."""
    first, second = report["overview"]
    assert first == (
        "截至2026年12月31日，12个问题中，已完成整改并销号的3个，正在整改的5个，"
        "需长期坚持、持续整改的2个，尚未启动的2个。"
    )
    assert "制度建设6个方面。" in second
    assert "按整改方式分，立行立改的3个，限期整改的7个，长期坚持的2个。" in second


def test_groups_and_next_steps(report: dict[str, Any]) -> None:
    """Problems keep their category groups; next steps name every open kind in words."""
    groups = report["groups"]
    assert [g["heading"] for g in groups][-1] == "制度建设方面"
    assert all(g["headed"] for g in groups)
    opening, tasks = report["next_steps"]
    assert opening.startswith("下一步")
    assert tasks.startswith("一是对正在整改的5个问题")
    assert tasks.endswith("防止问题反弹。")


def test_one_open_kind_is_a_sentence() -> None:
    """A single next step is one sentence ending with 。, not an enumeration."""
    counts = {DONE: 0, ONGOING: 0, LONG_TERM: 0, NOT_STARTED: 0, UNKNOWN: 2}
    steps = next_steps(counts)
    assert steps[1] == "对尚未报告整改状态的2个问题，请责任人及时报告进展，纳入台账管理。"


def test_titles() -> None:
    """The plan's title names the report (the title block breaks it, see tests/zh)."""
    plan = f"{ORG}关于2026年度组织生活会检视问题的整改方案"
    title = report_title(plan, ORG)
    assert title == f"{ORG}关于2026年度组织生活会检视问题整改情况的报告"
    assert report_title("某支部自查自纠整改方案", "") == "某支部自查自纠整改情况报告"
    assert report_title(None, "") == "整改情况报告"


def test_bare_problems_render_as_sentences() -> None:
    """Titles only: numbered sentences, counts still in words, nothing empty or None."""
    model = docgen.load_data(ROOT / "fixtures/library/plans/zhenggai-fangan.min.yaml")
    assert isinstance(model, Rectification)
    template = docgen.load(find_template("reports/zhenggai-qingkuang-baogao"))
    doc = Docx(template.render(rectification_context(model)))
    lines = [(p.style, p.text) for p in doc.paragraphs()]
    assert ("Normal", "1.支部学习计划执行不够严格。") in lines
    assert ("Normal", "支部共查摆出2个问题，各问题的整改状态尚未报告。") in lines
    assert [t for s, t in lines if s == "Heading1"] == [
        "一、整改工作总体情况",
        "二、逐项整改情况",
        "三、下一步工作打算",
    ]
    assert not any("None" in t or t.endswith("：") for _, t in lines)


def test_report_has_its_own_dates() -> None:
    """The report signs and counts with its own dates; without them it carries no date
    (the plan's would be wrong) and its figures stand 截至目前."""
    model = docgen.load_data(FIXTURE)
    assert isinstance(model, Rectification)
    ctx = rectification_context(model)
    assert ctx["signoff"]["date"] == "2026年12月30日"
    assert ctx["report"]["signoff"]["date"] == "2027年1月8日"
    assert ctx["report"]["overview"][0].startswith("截至2026年12月31日，")
    undated = rectification_context(model.model_copy(update={"progress_report": None}))
    assert undated["report"]["signoff"]["date"] == ""
    assert undated["report"]["signoff"]["org"] == ORG
    assert undated["report"]["overview"][0].startswith("截至目前，")
