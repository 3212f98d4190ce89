"""The 三会一课 报备表's date: a plan reported, so dated before the period it plans ends.

A 报备日期 after the last day of its quarter (of the year, for a whole-year 报备表) is a
typed-wrong date most likely — a warning naming the date, the period and the field.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator

from docgen.data.dues_ledger import quarter_months
from docgen.data.models import AnnualPlan
from docgen.data.rules.base import Finding, RuleContext, rule
from docgen.zh import format_date


def period_end(plan: AnnualPlan) -> dt.date:
    """The last day the 报备表 plans for: its quarter's, or the year's."""
    last = quarter_months(plan.quarter)[-1] if plan.quarter else 12
    return dt.date(plan.year, last, calendar.monthrange(plan.year, last)[1])


@rule(AnnualPlan)
def report_date_in_time(plan: AnnualPlan, ctx: RuleContext) -> Iterator[Finding]:
    """The 报备日期 is not after the period the 报备表 lists."""
    day = plan.report_date
    if day is None:
        return
    end = period_end(plan)
    if day <= end:
        return
    period_zh = f"{plan.year}年第{plan.quarter}季度" if plan.quarter else f"{plan.year}年"
    period_en = f"Q{plan.quarter} {plan.year}" if plan.quarter else str(plan.year)
    yield Finding(
        "report_date_late",
        f"报备日期{format_date(day)}晚于所报备的{period_zh}（至{format_date(end)}）；"
        "报备表报送的是计划，应在该期间结束前报备，请核对报备日期和报备季度",
        f"the report date {day.isoformat()} is after the period it reports ({period_en}, "
        f"ending {end.isoformat()}): check report_date and quarter",
        ("report_date",),
        "warning",
    )


__all__ = ["period_end", "report_date_in_time"]
