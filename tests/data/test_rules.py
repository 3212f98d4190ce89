"""Domain rules at their boundaries: votes, quorums, counts, deadlines, yearly frequency."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from docgen.data import DEFAULT_CONFIG, AnnualPlan, Minutes
from docgen.data.fields import field_context
from docgen.data.kinds import KINDS
from docgen.data.models import Branch, Rectification
from docgen.data.rules import RuleContext, run_rules


def _minutes(
    meeting: str, attendance: dict[str, Any], votes: list[dict[str, Any]] | None = None
) -> Minutes:
    data = {
        "meeting_type": meeting,
        "time": "2026-05-20",
        "attendance": attendance,
        "votes": votes or [],
    }
    return Minutes.model_validate(data, context=RAW)


#: Validation context of the pipeline: models built with it skip the domain rules, which
#: these tests then run themselves (``model_validate`` alone would run them and raise).
RAW = field_context()


def _codes(model: Any, config: Any = DEFAULT_CONFIG, branch: Branch | None = None) -> list[str]:
    return [f.code for f in run_rules(model, RuleContext(config, branch))]


@pytest.mark.parametrize(
    ("due_voting", "yes", "passes"),
    [(10, 5, False), (10, 6, True), (9, 4, False), (9, 5, True), (1, 1, True), (2, 1, False)],
)
def test_vote_passes_only_above_half(due_voting: int, yes: int, passes: bool) -> None:
    """ "For" must exceed half of due_voting: exactly half fails, half + 1 passes."""
    att = {"due": due_voting, "due_voting": due_voting, "present_voting": due_voting}
    doc = _minutes("支部党员大会", att, [{"subject": "事项", "for": yes, "passed": True}])
    assert ("vote_not_passed" in _codes(doc)) is not passes


@pytest.mark.parametrize(("present", "held"), [(5, False), (6, True), (4, False)])
def test_vote_quorum_needs_more_than_half(present: int, held: bool) -> None:
    """A vote needs more than half of the voting members present (10 due: 5 no, 6 yes)."""
    att = {"due": 10, "due_voting": 10, "present_voting": present}
    doc = _minutes("支部党员大会", att, [{"subject": "事项", "for": present}])
    assert ("vote_quorum" in _codes(doc)) is not held


@pytest.mark.parametrize(
    ("due", "present", "ok"), [(4, 2, False), (4, 3, True), (5, 2, False), (5, 3, True)]
)
def test_committee_quorum(due: int, present: int, ok: bool) -> None:
    """A 支委会 needs more than half of its members: 2 of 4 is not enough, 3 of 5 is."""
    doc = _minutes("支委会", {"due": due, "present": present})
    assert ("committee_quorum" in _codes(doc)) is not ok


def test_auto_vote_result_is_decided_by_the_numbers() -> None:
    """A vote left to auto is not an error either way; the pipeline fills the result."""
    from docgen.data.branches import decide_votes

    doc = _minutes(
        "支部党员大会",
        {"due_voting": 10, "present_voting": 8},
        [{"subject": "甲", "for": 5}, {"subject": "乙", "for": 6, "passed": "auto"}],
    )
    assert _codes(doc) == []
    decide_votes(doc)
    assert [v.passed for v in doc.votes] == [False, True]


def test_stated_failure_that_passed_is_flagged() -> None:
    """Recording a majority vote as failed is inconsistent."""
    doc = _minutes(
        "支部党员大会",
        {"due_voting": 10, "present_voting": 8},
        [{"subject": "甲", "for": 6, "passed": "未通过"}],
    )
    assert _codes(doc) == ["vote_result_mismatch"]


def test_more_votes_than_voters() -> None:
    """Votes cast cannot exceed the voters present."""
    doc = _minutes(
        "支部党员大会",
        {"due_voting": 10, "present_voting": 6},
        [{"subject": "甲", "for": 6, "against": 1}],
    )
    assert _codes(doc) == ["vote_count_exceeds_present"]


@pytest.mark.parametrize(
    ("attendance", "codes"),
    [
        ({"due": 10, "present": 10}, []),
        ({"due": 10, "present": 11}, ["present_exceeds_due"]),
        ({"due": 10, "present": 8, "absent": ["甲", "乙"]}, []),
        ({"due": 10, "present": 8, "absent": ["甲"]}, ["absent_count_mismatch"]),
        ({"due": 10, "present": 10, "absent": []}, []),
        ({"due": 10, "due_voting": 11}, ["due_voting_exceeds_due"]),
    ],
)
def test_attendance_counts(attendance: dict[str, Any], codes: list[str]) -> None:
    """present ≤ due and absentees = due − present, exactly."""
    assert _codes(_minutes("主题党日", attendance)) == codes


def test_deadline_on_plan_date_is_fine_day_before_is_not() -> None:
    """A deadline equal to the plan date passes; one day earlier fails."""
    doc = Rectification.model_validate(
        {
            "problems": [
                {"title": "甲", "deadline": "2026-04-01"},
                {"title": "乙", "deadline": "2026-03-31"},
                {"title": "丙", "deadline": "长期坚持"},
            ],
            "signoff": {"date": "2026-04-01"},
        },
        context=RAW,
    )
    found = run_rules(doc, RuleContext(DEFAULT_CONFIG))
    assert [(f.code, f.path) for f in found] == [
        ("deadline_too_early", ("problems", 1, "deadline"))
    ]


def _plan(months_with_lecture: list[int]) -> AnnualPlan:
    rows = []
    for month in range(1, 13):
        others = ["支委会", "党小组会"] + (["支部党员大会"] if month % 3 == 0 else [])
        others += ["组织生活会"] if month == 12 else []
        kind = "党课" if month in months_with_lecture else "主题党日"
        if kind == "党课":
            others.append("主题党日")
        rows.append(
            {
                "month": month,
                "meeting_type": kind,
                "other_meetings": others,
                "owner": "支部书记",
                "theme": "民主评议党员" if month == 12 else "学习",
            }
        )
    return AnnualPlan.model_validate({"year": 2026, "schedule": rows}, context=RAW)


def test_complete_plan_has_no_warnings() -> None:
    """A plan meeting every national minimum passes the self-check."""
    assert _codes(_plan([6])) == []


def test_local_quarter_rule_is_off_by_default_and_switchable() -> None:
    """党课 every quarter is a local rule: silent by default, a warning when switched on."""
    config = DEFAULT_CONFIG.merged({"local_rules": {"dangke_every_quarter": True}})
    found = run_rules(_plan([6]), RuleContext(config))
    assert [(f.code, f.severity) for f in found] == [("local_lecture_quarter", "warning")]
    assert _codes(_plan([3, 6, 9, 12]), config) == []


def test_group_meetings_counted_per_group() -> None:
    """Each party group needs its own 12 党小组会; rows naming one group count for it only."""
    branch = Branch.model_validate(
        {"name": "支部", "party_groups": [{"name": "一组"}, {"name": "二组"}]}
    )
    plan = _plan([6])
    for row in plan.schedule[:2]:
        row.party_group = "一组"
    found = [
        f
        for f in run_rules(plan, RuleContext(DEFAULT_CONFIG, branch))
        if f.code == "frequency_party_group"
    ]
    assert len(found) == 1
    assert "二组" in found[0].zh


@pytest.mark.parametrize(
    ("dates", "codes"),
    [
        ({"date": "2027-01-08", "as_of": "2026-12-31"}, []),
        ({"date": "2026-12-01"}, ["report_before_plan"]),
        ({"date": "2027-01-08", "as_of": "2027-01-09"}, ["as_of_after_report"]),
        ({"as_of": "2026-11-30"}, ["report_before_plan"]),
    ],
)
def test_progress_report_dates(dates: dict[str, str], codes: list[str]) -> None:
    """The 整改情况报告 is dated after the plan; its 截至 date is not after its own date."""
    doc = Rectification.model_validate(
        {
            "signoff": {"date": "2026-12-30"},
            "problems": [{"title": "甲"}],
            "progress_report": dates,
        },
        context=RAW,
    )
    assert _codes(doc) == codes


def test_secret_ballot_without_officers_warns() -> None:
    """A 党员大会's 无记名投票 without 监票人/计票人 warns for each; a show of hands does not."""
    attendance = {"due": 9, "present": 9, "due_voting": 9, "present_voting": 9}
    ballot = {"subject": "甲", "method": "无记名投票", "for": 9, "scrutineers": ["乙"]}
    doc = _minutes("支部党员大会", attendance, [ballot, {**ballot, "method": "举手"}])
    found = run_rules(doc, RuleContext(DEFAULT_CONFIG))
    assert [(f.code, f.path, f.severity) for f in found] == [
        ("ballot_officer_missing", ("votes", 0, "tellers"), "warning")
    ]


def test_proceeding_past_the_agenda_is_an_error() -> None:
    """Item 3 of a two-item agenda has no heading to stand under; a topic of its own does."""
    data = {
        "meeting_type": "支委会",
        "time": "2026-05-20",
        "agenda": ["甲", "乙"],
        "proceedings": [{"item": 2}, {"item": 3}, {"item": 4, "topic": "临时动议"}],
    }
    doc = Minutes.model_validate(data, context=RAW)
    assert [(f.code, f.path) for f in run_rules(doc, RuleContext(DEFAULT_CONFIG))] == [
        ("proceeding_item_unknown", ("proceedings", 1, "item"))
    ]


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        ("report", {"title": "甲", "sections": [{"heading": "  ", "paras": ["乙"]}]}),
        ("speech", {"title": "甲", "points": [{"heading": ""}]}),
        (
            "minutes",
            {"meeting_type": "支委会", "time": "2026-05-20", "proceedings": [{"topic": "　"}]},
        ),
    ],
)
def test_empty_heading_is_an_error(kind: str, data: dict[str, Any]) -> None:
    """A heading typed empty is refused, naming the field, instead of printing a bare 一、."""
    with pytest.raises(ValidationError) as caught:
        KINDS[kind].model.model_validate({"kind": kind, **data}, context=RAW)
    assert [e["type"] for e in caught.value.errors()] == ["empty_heading"]


@pytest.mark.parametrize(
    ("basis", "codes"),
    [
        ("查摆出2个方面3个问题。", []),
        ("查摆出两个方面三个问题。", []),
        ("查摆出5个方面3个问题。", ["typed_count_differs"]),
        ("查摆出二个方面十二个问题。", ["typed_count_differs"]),
        ("没有写数字。", []),
    ],
)
def test_typed_counts_match_the_problem_list(basis: str, codes: list[str]) -> None:
    """“N个方面/N个问题” typed in the 制定依据 agree with the categories and problems."""
    problems = [
        {"title": "甲", "category": "政治建设"},
        {"title": "乙", "category": "政治建设"},
        {"title": "丙", "category": "作风建设"},
    ]
    doc = Rectification.model_validate({"basis": basis, "problems": problems}, context=RAW)
    found = run_rules(doc, RuleContext(DEFAULT_CONFIG))
    assert [f.code for f in found] == codes
    assert all(f.severity == "warning" and f.path == ("basis",) for f in found)
