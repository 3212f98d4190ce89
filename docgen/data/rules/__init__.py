"""Domain rules: checks beyond types, each a small registered function.

Importing this package registers every rule; :func:`run_rules` runs those that
apply to a model.
"""

from __future__ import annotations

from docgen.data.rules import (
    appraisal,
    counts,
    deadlines,
    development,
    dues,
    frequency,
    meetings,
    plan_report,
    roster,
    school,
)
from docgen.data.rules.base import Finding, RuleContext, rule, run_rules

__all__ = [
    "Finding",
    "RuleContext",
    "appraisal",
    "counts",
    "deadlines",
    "development",
    "dues",
    "frequency",
    "meetings",
    "plan_report",
    "roster",
    "rule",
    "run_rules",
    "school",
]
