"""The 民主评议's arithmetic: each member's votes, shares and grade, and the branch's counts.

A share is the grade's ballots over the valid ballots, printed to one decimal of a
per cent, rounded half up (the rounding is stated under the tables). The grade the
tally proposes is the one most valid ballots gave; a tie between grades proposes
none (the 支委会 must decide, and the checks say so).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from docgen.data.config import DEFAULT_CONFIG, DataConfig
from docgen.data.models.appraisal import AppraisalMember, DemocraticAppraisal, TallyRow

ROUNDING_ZH = "得票率为该等次票数除以有效票数，以百分数保留一位小数，四舍五入"


@dataclass(frozen=True)
class MemberResult:
    """One member: the ``votes`` per grade (every configured grade, 0 when none), the
    ``proposed`` grade (most votes, ``None`` on a tie or without a count) and ``grade``
    (the 支委会's, else the proposed one)."""

    index: int
    member: AppraisalMember
    row: TallyRow | None
    votes: dict[str, int]
    proposed: str | None
    grade: str | None

    @property
    def total(self) -> int:
        return sum(self.votes.values())


@dataclass(frozen=True)
class Results:
    """The branch's 评议: the members' results, valid ballots and the grades' counts."""

    grades: tuple[str, ...]
    members: tuple[MemberResult, ...]
    valid: int | None

    def graded(self, grade: str) -> list[MemberResult]:
        """The members whose grade is ``grade``."""
        return [m for m in self.members if m.grade == grade]

    def counts(self) -> dict[str, int]:
        """How many members each grade has (every grade, in configured order)."""
        return {g: len(self.graded(g)) for g in self.grades}

    @property
    def undecided(self) -> list[MemberResult]:
        return [m for m in self.members if m.grade is None]


def share(votes: int, valid: int | None) -> str:
    """``votes`` of ``valid`` as ``54.5%`` (half up), ``""`` when there are no valid ballots."""
    if not valid:
        return ""
    value = (Decimal(votes) * 100 / Decimal(valid)).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return f"{value}%"


def build_results(doc: DemocraticAppraisal, config: DataConfig = DEFAULT_CONFIG) -> Results:
    """The results of ``doc`` (see the module docstring)."""
    grades = tuple(config.appraisal_grades)
    rows = {r.name: r for r in doc.tally.rows} if doc.tally is not None else {}
    members = []
    for index, member in enumerate(doc.rated()):
        row = rows.get(member.name)
        votes = {g: (row.votes.get(g, 0) if row is not None else 0) for g in grades}
        proposed = _leading(votes) if row is not None else None
        members.append(MemberResult(index, member, row, votes, proposed, member.grade or proposed))
    valid = doc.tally.counted if doc.tally is not None else None
    return Results(grades, tuple(members), valid)


def _leading(votes: dict[str, int]) -> str | None:
    most = max(votes.values(), default=0)
    if most == 0:
        return None
    leaders = [g for g, n in votes.items() if n == most]
    return leaders[0] if len(leaders) == 1 else None


__all__ = ["ROUNDING_ZH", "MemberResult", "Results", "build_results", "share"]
