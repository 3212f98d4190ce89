"""The 报备 quarter's meetings against the 条例 (rules.frequency.quarterly_counts), at the edge:
exactly the required count passes, one short is a warning naming type, quarter, count, article."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from docgen.data import DEFAULT_CONFIG, AnnualPlan
from docgen.data.models import Branch
from docgen.data.rules import RuleContext, run_rules
from tests.data.test_rules import RAW, _plan


def _quarter(plan: AnnualPlan, quarter: int | str, branch: Branch | None = None) -> list[str]:
    plan = AnnualPlan.model_validate(
        {**plan.model_dump(mode="json", by_alias=True), "报备季度": quarter}, context=RAW
    )
    found = run_rules(plan, RuleContext(DEFAULT_CONFIG, branch))
    return [f.zh for f in found if f.code == "frequency_quarter"]


def _drop(plan: AnnualPlan, month: int, meeting: str) -> AnnualPlan:
    row = next(e for e in plan.schedule if e.month == month)
    row.other_meetings = [m for m in row.other_meetings if m != meeting]
    if row.meeting_type == meeting:
        row.meeting_type = None
    return plan


def test_exactly_the_required_counts_pass() -> None:
    """Three 支委会, three 党小组会, three 主题党日 and one 大会 in the quarter: no warning."""
    assert _quarter(_plan([6]), 2) == []


@pytest.mark.parametrize(
    ("month", "meeting", "message"),
    [
        (
            5,
            "支委会",
            "第2季度安排支委会 2 次，少于 3 次（《中国共产党支部工作条例（试行）》第十二条："
            "一般每月召开 1 次）",
        ),
        (
            6,
            "支部党员大会",
            "第2季度安排支部党员大会 0 次，少于 1 次（《中国共产党支部工作条例（试行）》第十一条："
            "一般每季度召开 1 次）",
        ),
        (
            4,
            "党小组会",
            "第2季度安排党小组会 2 次，少于 3 次（《中国共产党支部工作条例（试行）》第十三条："
            "一般每月召开 1 次）",
        ),
        (
            4,
            "主题党日",
            "第2季度安排主题党日 2 次，少于 3 次（《中国共产党支部工作条例（试行）》："
            "每月相对固定 1 天开展主题党日）",
        ),
    ],
)
def test_one_short_is_a_warning(month: int, meeting: str, message: str) -> None:
    assert _quarter(_drop(_plan([6]), month, meeting), "第二季度") == [message]


def test_only_the_reported_quarter_is_counted() -> None:
    """A gap in another quarter is the yearly check's business, not the 报备 quarter's."""
    plan = _drop(_plan([6]), 1, "支委会")
    assert _quarter(plan, 2) == []
    assert len(_quarter(plan, "一季度")) == 1


def test_group_meetings_per_group() -> None:
    """Each group needs its own three; a row naming one group counts for that group only."""
    branch = Branch.model_validate(
        {"name": "支部", "party_groups": [{"name": "一组"}, {"name": "二组"}]}
    )
    plan = _plan([6])
    next(e for e in plan.schedule if e.month == 4).party_group = "一组"
    assert _quarter(plan, 2, branch) == [
        "第2季度为“二组”安排党小组会 2 次，少于 3 次（《中国共产党支部工作条例（试行）》第十三条："
        "一般每月召开 1 次）"
    ]


def test_a_plan_without_a_quarter_has_no_quarter_check() -> None:
    plan = _drop(_plan([6]), 5, "支委会")
    found = run_rules(plan, RuleContext(DEFAULT_CONFIG))
    assert [f.code for f in found] == ["frequency_committee"]


def test_local_general_meeting_rule_does_not_repeat_the_quarter() -> None:
    """With the local 大会-every-quarter rule on, the 报备 quarter is named once, by the 条例."""
    config = DEFAULT_CONFIG.merged({"local_rules": {"general_meeting_every_quarter": True}})
    plan = _drop(_drop(_plan([6]), 6, "支部党员大会"), 9, "支部党员大会")
    plan = AnnualPlan.model_validate(
        {**plan.model_dump(mode="json", by_alias=True), "报备季度": 2}, context=RAW
    )
    found = {f.code: f.zh for f in run_rules(plan, RuleContext(config))}
    assert "第2季度" in found["frequency_quarter"]
    local = found["local_general_meeting_quarter"]
    assert local == "按本地规则每季度应安排支部党员大会，第3季度未安排"


@pytest.mark.parametrize(
    ("key", "typed", "quarter"),
    [("报备季度", "第三季度", 3), ("季度", "三季度", 3), ("quarter", "4", 4), ("报备季度", 1, 1)],
)
def test_quarter_accepts_chinese(key: str, typed: object, quarter: int) -> None:
    plan = AnnualPlan.model_validate({"year": 2026, key: typed}, context=RAW)
    assert plan.quarter == quarter


@pytest.mark.parametrize("typed", [0, 5, "第五季度"])
def test_quarter_out_of_range_is_an_error(typed: object) -> None:
    with pytest.raises(ValidationError):
        AnnualPlan.model_validate({"year": 2026, "报备季度": typed}, context=RAW)
