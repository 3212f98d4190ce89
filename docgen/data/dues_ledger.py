"""The year's dues ledger: what each member owed and paid, month by month.

For every member and month this works out the standard (:mod:`docgen.data.dues_standard`),
whether the member owed dues that month at all (a 预备党员 from the month the 支部大会
admitted them, a member moving in or out from ``start_month`` / up to ``end_month``),
an approved 少交 or 免交 (one still 待批准 changes nothing), and the payments made for
it. Everything is :class:`~decimal.Decimal` yuan; nothing is rounded here beyond the
standard's one rounding to the fen, so the sums reconcile exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from docgen.data.config import DEFAULT_CONFIG, DataConfig
from docgen.data.dues_standard import Standard, standard
from docgen.data.models.dues import Dues, DuesMember, Reduction

MONTHS = tuple(range(1, 13))
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class MonthLine:
    """One member's month: ``owed`` (after any reduction), ``paid``, and why it is what it is."""

    month: int
    active: bool
    owed: Decimal
    paid: Decimal
    reduction: Reduction | None = None

    @property
    def short(self) -> Decimal:
        """What is still owed for the month (never negative: paying more is allowed)."""
        return max(self.owed - self.paid, ZERO)

    @property
    def exempt(self) -> bool:
        return self.reduction is not None and self.reduction.mode == "免交"


@dataclass(frozen=True)
class MemberLedger:
    """A member's year: the ``standard`` (``None`` when it cannot be worked out) and the months."""

    index: int
    member: DuesMember
    standard: Standard | None
    months: tuple[MonthLine, ...]

    @property
    def monthly(self) -> Decimal | None:
        """The monthly amount the member owes before reductions."""
        if self.member.monthly is not None:
            return self.member.monthly
        return self.standard.amount if self.standard is not None else None

    @property
    def owed(self) -> Decimal:
        return sum((m.owed for m in self.months), ZERO)

    @property
    def paid(self) -> Decimal:
        return sum((m.paid for m in self.months), ZERO)

    @property
    def short(self) -> Decimal:
        return sum((m.short for m in self.months), ZERO)

    def unpaid_runs(self, last_month: int) -> list[tuple[int, int]]:
        """Runs ``(first, last)`` of consecutive months up to ``last_month`` that were owed
        and not paid at all; a paid, waived (免交) or not-owed month ends a run."""
        runs: list[tuple[int, int]] = []
        start: int | None = None
        for line in self.months[:last_month]:
            if line.active and line.owed > 0 and line.paid == 0:
                start = line.month if start is None else start
            elif start is not None:
                runs.append((start, line.month - 1))
                start = None
        if start is not None:
            runs.append((start, last_month))
        return runs


@dataclass(frozen=True)
class Ledger:
    """The branch's year: one :class:`MemberLedger` per member, and sums."""

    year: int
    members: tuple[MemberLedger, ...]
    last_month: int
    unknown_payments: tuple[int, ...] = field(default_factory=tuple)

    def owed(self, months: Sequence[int] = MONTHS) -> Decimal:
        return sum((m.months[n - 1].owed for m in self.members for n in months), ZERO)

    def paid(self, months: Sequence[int] = MONTHS) -> Decimal:
        return sum((m.months[n - 1].paid for m in self.members for n in months), ZERO)

    def payers(self, months: Sequence[int]) -> int:
        """How many members paid anything in ``months``."""
        return sum(1 for m in self.members if any(m.months[n - 1].paid > 0 for n in months))


def quarter_months(quarter: int) -> tuple[int, int, int]:
    """The months of quarter 1–4."""
    first = 3 * (quarter - 1) + 1
    return (first, first + 1, first + 2)


def first_month(member: DuesMember, year: int) -> int:
    """The first month of ``year`` the member owes dues for."""
    months = [1]
    if member.start_month is not None:
        months.append(member.start_month)
    if member.approved is not None:
        if member.approved.year > year:
            return 13
        if member.approved.year == year:
            months.append(member.approved.month)
    return max(months)


def build_ledger(doc: Dues, config: DataConfig = DEFAULT_CONFIG) -> Ledger:
    """The ledger of ``doc`` (see the module docstring)."""
    names = {m.name: i for i, m in enumerate(doc.members)}
    paid: dict[tuple[int, int], Decimal] = {}
    unknown = []
    for index, payment in enumerate(doc.payments):
        who = names.get(payment.name)
        if who is None:
            unknown.append(index)
            continue
        key = (who, payment.month)
        paid[key] = paid.get(key, ZERO) + payment.amount
    reductions: dict[int, list[Reduction]] = {}
    for reduction in doc.reductions:
        if reduction.name in names:
            reductions.setdefault(names[reduction.name], []).append(reduction)
    members = []
    for index, member in enumerate(doc.members):
        found = standard(member.category, member.base, config)
        monthly = member.monthly
        if monthly is None:
            monthly = found.amount if found else ZERO
        start = first_month(member, doc.year)
        end = member.end_month or 12
        lines = []
        for month in MONTHS:
            active = start <= month <= end
            cut = _reduction(reductions.get(index, []), month)
            owed = monthly if active else ZERO
            if active and cut is not None:
                owed = reduced(cut, monthly)
            lines.append(MonthLine(month, active, owed, paid.get((index, month), ZERO), cut))
        members.append(MemberLedger(index, member, found, tuple(lines)))
    last = 12
    if doc.as_of is not None and doc.as_of.year == doc.year:
        last = doc.as_of.month
    return Ledger(doc.year, tuple(members), last, tuple(unknown))


def reduced(cut: Reduction, monthly: Decimal) -> Decimal:
    """What a member owes a month under ``cut`` instead of ``monthly``: nothing for a 免交,
    the 少交 amount for a 少交 (never more than the standard)."""
    return ZERO if cut.mode == "免交" else min(cut.monthly or ZERO, monthly)


def _reduction(reductions: list[Reduction], month: int) -> Reduction | None:
    """The approved reduction covering ``month`` (a pending one does not count yet)."""
    for reduction in reductions:
        if reduction.in_force and reduction.from_month <= month <= reduction.to_month:
            return reduction
    return None


__all__ = [
    "MONTHS",
    "Ledger",
    "MemberLedger",
    "MonthLine",
    "build_ledger",
    "first_month",
    "quarter_months",
    "reduced",
]
