"""The 报备表's 报备日期 (rules.plan_report): dated on the last day of the period it plans
passes, a day later is a warning naming the date, the period and what to check."""

from __future__ import annotations

import pytest

from docgen.data import DEFAULT_CONFIG, AnnualPlan
from docgen.data.rules import RuleContext, run_rules


def _late(quarter: int | None, day: str) -> list[str]:
    plan = AnnualPlan.model_validate(
        {"年度": 2026, "报备季度": quarter, "报备日期": day, "月度安排": []}
    )
    return [
        f.zh for f in run_rules(plan, RuleContext(DEFAULT_CONFIG)) if f.code == "report_date_late"
    ]


@pytest.mark.parametrize(
    ("quarter", "last", "next_day"),
    [
        (1, "2026-03-31", "2026-04-01"),
        (2, "2026-06-30", "2026-07-01"),
        (3, "2026-09-30", "2026-10-01"),
        (4, "2026-12-31", "2027-01-01"),
        (None, "2026-12-31", "2027-01-01"),  # a whole-year 报备表: the year's end
    ],
)
def test_report_date_up_to_the_periods_last_day(
    quarter: int | None, last: str, next_day: str
) -> None:
    assert _late(quarter, last) == []
    assert len(_late(quarter, next_day)) == 1


def test_report_date_long_before_the_quarter_is_no_warning() -> None:
    """A first quarter reported in the December before, or every quarter in January."""
    assert _late(1, "2025-12-26") == []
    assert _late(4, "2026-01-12") == []


def test_late_report_message() -> None:
    assert _late(2, "2026-07-01") == [
        "报备日期2026年7月1日晚于所报备的2026年第2季度（至2026年6月30日）；"
        "报备表报送的是计划，应在该期间结束前报备，请核对报备日期和报备季度"
    ]
