"""Side-by-side timing for the benchmarks: interleaved rounds, min/median/max, ratios.

The machine is shared, so a single figure says little. Every benchmark runs the things
it compares in the same process run, round by round, rotating which goes first, and
reports each as ``min / median / max`` over the rounds and each ratio as the ratio of
the medians (with the range of the per-round ratios beside it).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

#: Rounds per comparison unless a script says otherwise.
ROUNDS = 3

#: A case: run it once and return its seconds, or ``None`` to be timed from outside.
Case = Callable[[], "float | None"]


@dataclass
class Spread:
    """The values one case took over the rounds (seconds, or any unit)."""

    values: list[float] = field(default_factory=list)

    @property
    def min(self) -> float:
        return min(self.values)

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def max(self) -> float:
        return max(self.values)

    def text(self, unit: str = "s", scale: float = 1.0, digits: int = 3) -> str:
        """``0.120 / 0.125 / 0.140 s`` (min / median / max)."""
        low, mid, high = (f"{v * scale:.{digits}f}" for v in (self.min, self.median, self.max))
        return f"{low} / {mid} / {high} {unit}".rstrip()

    def as_dict(self) -> dict[str, float]:
        return {"min": self.min, "median": self.median, "max": self.max, "n": len(self.values)}


def interleaved(cases: Mapping[str, Case], rounds: int = ROUNDS) -> dict[str, Spread]:
    """Run every case ``rounds`` times, one of each per round, rotating the order."""
    names = list(cases)
    found = {name: Spread() for name in names}
    for n in range(rounds):
        shift = n % len(names)
        for name in [*names[shift:], *names[:shift]]:
            began = time.perf_counter()
            seconds = cases[name]()
            found[name].values.append(time.perf_counter() - began if seconds is None else seconds)
    return found


def ratio(slow: Spread, fast: Spread) -> float:
    """``slow`` over ``fast``, by their medians."""
    return slow.median / fast.median


def per_round(slow: Spread, fast: Spread) -> Spread:
    """The ratio of each round's pair (same round, same load on the machine)."""
    return Spread([s / f for s, f in zip(slow.values, fast.values, strict=True)])


def ratio_line(label: str, slow: Spread, fast: Spread, goal: str = "") -> str:
    """``label: 3.20x (rounds 3.05–3.41x)`` with the goal, if any, after it."""
    rounds = per_round(slow, fast)
    line = f"{label}: {ratio(slow, fast):.2f}x (rounds {rounds.min:.2f}–{rounds.max:.2f}x)"
    return f"{line}   goal {goal}" if goal else line


__all__ = ["ROUNDS", "Case", "Spread", "interleaved", "per_round", "ratio", "ratio_line"]
