"""发展党员 rules at their edges: exactly a month, exactly a year, exactly half, 公示 days."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from docgen.data import DEFAULT_CONFIG, load_data
from docgen.data.config import DataConfig
from docgen.data.fields import field_context
from docgen.data.models import Development
from docgen.data.rules import RuleContext, run_rules

RAW = field_context()
ROOT = Path(__file__).resolve().parents[2]
ROSTER = ROOT / "fixtures" / "school" / "xxgc-jg1" / "2026" / "development.yaml"

#: A candidate ready for the 支部大会 in every respect, to vary one field at a time.
READY: dict[str, Any] = {
    "name": "纪明月",
    "introducers": "骆启航、钟秀芸",
    "review_conclusion": "政治审查合格",
    "training_days": 3,
    "pre_review": "2026-09-22",
    "form_date": "2026-09-25",
    "admitted": "2026-10-15",
    "vote_entitled": 22,
    "vote_present": 20,
    "votes_for": 20,
}


def _codes(person: dict[str, Any], config: DataConfig = DEFAULT_CONFIG) -> list[str]:
    doc = Development.model_validate({"candidates": [person]}, context=RAW)
    return [f.code for f in run_rules(doc, RuleContext(config))]


def test_a_ready_candidate_passes() -> None:
    assert _codes(READY) == []


@pytest.mark.parametrize(("present", "ok"), [(11, False), (12, True), (0, False), (22, True)])
def test_quorum_is_more_than_half_of_those_with_a_vote(present: int, ok: bool) -> None:
    codes = _codes({**READY, "vote_present": present, "votes_for": min(present, 20),
                    "written_for": 12})  # fmt: skip
    assert ("development_quorum" in codes) is not ok


@pytest.mark.parametrize(
    ("present_for", "written", "ok"),
    [(11, 0, False), (12, 0, True), (10, 1, False), (10, 2, True), (0, 12, True)],
)
def test_more_than_half_of_full_members_in_favour_written_opinions_counted(
    present_for: int, written: int, ok: bool
) -> None:
    codes = _codes({**READY, "votes_for": present_for, "written_for": written})
    assert ("development_not_passed" in codes) is not ok


@pytest.mark.parametrize(
    ("applied", "talked", "ok"),
    [
        ("2026-01-31", "2026-02-28", True),  # one month on: the month's last day
        ("2026-01-31", "2026-03-01", False),
        ("2026-03-15", "2026-04-15", True),
        ("2026-03-15", "2026-04-16", False),
    ],
)
def test_talk_within_one_month(applied: str, talked: str, ok: bool) -> None:
    codes = _codes({"name": "甲", "applied": applied, "talked": talked})
    assert ("development_talk_late" in codes) is not ok


@pytest.mark.parametrize(
    ("birth", "ok"), [("2008-10-09", True), ("2008-10-10", False), ("2008-02-29", True)]
)
def test_applicant_at_least_eighteen(birth: str, ok: bool) -> None:
    codes = _codes({"name": "甲", "birth": birth, "applied": "2026-10-09"})
    assert ("development_age" in codes) is not ok


@pytest.mark.parametrize(
    ("prospect", "ok"), [("2026-03-18", True), ("2026-03-17", False), ("2027-01-01", True)]
)
def test_at_least_one_year_as_activist(prospect: str, ok: bool) -> None:
    codes = _codes({"name": "甲", "activist": "2025-03-18", "prospect": prospect})
    assert ("development_prospect_early" in codes) is not ok


@pytest.mark.parametrize(
    ("days", "hours", "ok"), [(3, 0, True), (2, 23, False), (0, 24, True), (2, 24, True)]
)
def test_training_three_days_or_24_hours(days: int, hours: int, ok: bool) -> None:
    codes = _codes({**READY, "training_days": days, "training_hours": hours})
    assert ("development_training" in codes) is not ok


def test_form_only_after_the_pre_review() -> None:
    assert "development_form_before_review" in _codes({**READY, "form_date": "2026-09-21"})
    assert "development_form_before_review" not in _codes({**READY, "form_date": "2026-09-22"})


@pytest.mark.parametrize(
    ("approved", "code"),
    [
        ("2027-01-15", None),  # exactly three months
        ("2027-01-16", "development_approval_slow"),
        ("2027-04-15", "development_approval_slow"),  # exactly six months: late, not refused
        ("2027-04-16", "development_approval_late"),
    ],
)
def test_approval_within_three_months_at_most_six(approved: str, code: str | None) -> None:
    codes = _codes({**READY, "approved": approved})
    found = {c for c in codes if c.startswith("development_approval")}
    assert found == ({code} if code else set())


@pytest.mark.parametrize(("meeting", "ok"), [("2027-10-15", True), ("2027-10-14", False)])
def test_full_membership_not_before_the_year_ends(meeting: str, ok: bool) -> None:
    codes = _codes({**READY, "full_meeting": meeting, "full_result": "按期转正"})
    assert ("development_full_early" in codes) is not ok


@pytest.mark.parametrize(("months", "ok"), [(5, False), (6, True), (12, True), (13, False)])
def test_extension_half_a_year_to_one_year(months: int, ok: bool) -> None:
    person = {**READY, "full_meeting": "2027-10-15", "full_result": "延长预备期",
              "extension_months": months}  # fmt: skip
    assert ("development_extension" in _codes(person)) is not ok


def test_introducers_two_full_members_from_the_roster() -> None:
    """何嘉禾 is a 预备党员 in the branch roster: he cannot introduce."""
    doc = load_data(ROSTER)
    assert isinstance(doc, Development)
    person = {**READY, "introducers": "何嘉禾、钟秀芸"}
    model = Development.model_validate({"candidates": [person]}, context=RAW)
    codes = [f.code for f in run_rules(model, RuleContext(DEFAULT_CONFIG, doc.roster))]
    assert codes == ["development_introducer_probationary"]
    assert "development_introducers" in _codes({**READY, "introducers": "骆启航"})


@pytest.mark.parametrize(
    ("last", "ok"),
    [("2026-10-09", True), ("2026-10-08", False)],  # over the National Day holiday
)
def test_notice_of_five_working_days(last: str, ok: bool) -> None:
    codes = _codes({"name": "甲", "admit_notice_from": "2026-09-28", "admit_notice_to": last})
    assert ("development_notice_short" in codes) is not ok


def test_notice_in_calendar_days_where_the_locality_says_so() -> None:
    """Seven calendar days under a local rule: 28 September to 4 October is enough."""
    local = DEFAULT_CONFIG.local_rules.model_copy(
        update={"development_notice_days": 7, "development_notice_workdays": False}
    )
    config = DEFAULT_CONFIG.model_copy(update={"local_rules": local})
    person = {"name": "甲", "admit_notice_from": "2026-09-28", "admit_notice_to": "2026-10-04"}
    assert "development_notice_short" not in _codes(person, config)
    assert "development_notice_short" in _codes(person)  # 5 working days by default
    person["admit_notice_to"] = "2026-10-03"
    assert "development_notice_short" in _codes(person, config)


def test_meeting_after_pre_review_is_a_local_rule() -> None:
    local = DEFAULT_CONFIG.local_rules.model_copy(update={"development_meeting_within_months": 1})
    config = DEFAULT_CONFIG.model_copy(update={"local_rules": local})
    late = {**READY, "pre_review": "2026-09-14"}
    assert "development_meeting_late" not in _codes(late)
    assert "development_meeting_late" in _codes(late, config)
    assert "development_meeting_late" not in _codes(READY, config)


def test_the_sample_roster_holds_ten_candidates_at_every_stage() -> None:
    doc = load_data(ROSTER)
    assert isinstance(doc, Development)
    stages = [c.stage for c in doc.candidates]
    assert len(stages) == 10
    assert sorted(set(stages)) == [1, 2, 3, 4, 5]
    assert doc.candidates[8].standing == "正式党员"
    assert doc.candidates[9].standing == "预备党员"  # 延长预备期


#: A 预备党员 admitted on 2025-05-15 whose 转正 meeting, on the day the year is over, is in
#: order, to vary one count at a time.
CONVERTING: dict[str, Any] = {
    **READY,
    "pre_review": "2025-04-22",
    "form_date": "2025-04-25",
    "admitted": "2025-05-15",
    "approved": "2025-06-10",
    "full_meeting": "2026-05-15",
    "full_vote_entitled": 22,
    "full_vote_present": 20,
    "full_votes_for": 20,
    "full_result": "按期转正",
}


def test_a_conversion_in_order_passes() -> None:
    assert _codes(CONVERTING) == []


@pytest.mark.parametrize(("present", "ok"), [(11, False), (12, True), (0, False), (22, True)])
def test_conversion_quorum_more_than_half_of_those_with_a_vote(present: int, ok: bool) -> None:
    person = {**CONVERTING, "full_vote_present": present, "full_votes_for": min(present, 20),
              "full_written_for": min(22 - present, 12)}  # fmt: skip
    assert ("development_full_quorum" in _codes(person)) is not ok


@pytest.mark.parametrize(
    ("present_for", "written", "ok"),
    [(11, 0, False), (12, 0, True), (10, 1, False), (10, 2, True), (9, 2, False)],
)
def test_conversion_majority_of_full_members_written_opinions_counted(
    present_for: int, written: int, ok: bool
) -> None:
    """Exactly half (11 of 22) fails, half + 1 passes, written opinions counted in."""
    person = {**CONVERTING, "full_votes_for": present_for, "full_written_for": written}
    assert ("development_full_not_passed" in _codes(person)) is not ok


@pytest.mark.parametrize(
    ("votes", "ok"), [((18, 1, 1), True), ((18, 2, 1), False), ((20, 0, 0), True)]
)
def test_conversion_ballots_no_more_than_voters_present(
    votes: tuple[int, int, int], ok: bool
) -> None:
    """20 present: their ballots count up to 20, the two written opinions besides."""
    yes, no, abstain = votes
    person = {**CONVERTING, "full_votes_for": yes, "full_votes_against": no,
              "full_votes_abstain": abstain, "full_written_for": 2}  # fmt: skip
    assert ("development_full_votes_exceed" in _codes(person)) is not ok


@pytest.mark.parametrize(("written", "ok"), [(2, True), (3, False)])
def test_written_opinions_only_from_those_absent(written: int, ok: bool) -> None:
    """22 with a vote, 20 present: at most two written opinions, at either meeting."""
    full = {**CONVERTING, "full_votes_for": 18, "full_written_for": written}
    assert ("development_full_written_exceed" in _codes(full)) is not ok
    admit = {**READY, "votes_for": 18, "written_for": written}
    assert ("development_written_exceed" in _codes(admit)) is not ok


@pytest.mark.parametrize(
    ("meeting", "ok"), [("2026-05-15", True), ("2026-05-14", False), ("2026-06-01", True)]
)
def test_conversion_on_the_day_the_probation_ends(meeting: str, ok: bool) -> None:
    """Admitted 2025-05-15: the year is over on 2026-05-15, a meeting that day is in time."""
    codes = _codes({**CONVERTING, "full_meeting": meeting})
    assert ("development_full_early" in codes) is not ok


def test_conversion_result_matches_the_vote() -> None:
    assert "development_full_result_missing" in _codes({**CONVERTING, "full_result": None})
    months = {**CONVERTING, "extension_months": 6}
    assert "development_full_result_months" in _codes(months)
    extended = {**months, "full_result": "延长预备期"}
    assert _codes(extended) == []
    refused = {**CONVERTING, "full_votes_for": 11, "full_result": "按期转正"}
    assert _codes(refused) == ["development_full_not_passed"]


def test_conversion_vote_needs_its_counts() -> None:
    bare = {**CONVERTING, "full_vote_entitled": None, "full_votes_for": None}
    assert _codes(bare) == ["development_full_vote_missing"]
