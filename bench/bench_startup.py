"""Start-up cost: modules loaded by ``import docgen`` and the wall time of one ``docgen render``.

Run ``python bench/bench_startup.py`` for this checkout, and add ``--against DIR`` to
compare with another checkout of docgen (say, an older commit in a worktree); the
script prints both and their ratio. Each figure is the median of ``--runs`` fresh
processes, so the machine's noise matters less than in a single run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = "reports/zhiweihui-jilu"
DATA = ROOT / "fixtures/school/xxgc-jg1/2026/minutes/2026-03-zhiweihui.yaml"

_COUNT = (
    "import sys; before = set(sys.modules); import docgen; "
    "new = set(sys.modules) - before; "
    "print(len(new), sum(1 for m in new if m.startswith('docgen')))"
)


def _env(checkout: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(checkout), "DOCGEN_LANG": "zh"}


def module_counts(checkout: Path) -> tuple[int, int]:
    """(all modules, docgen modules) that ``import docgen`` loads in a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", _COUNT],
        env=_env(checkout),
        cwd=checkout,
        check=True,
        capture_output=True,
    )
    total, own = out.stdout.split()
    return int(total), int(own)


def render_ms(checkout: Path, runs: int, *, work: bool = True) -> float:
    """Median wall time of ``python -m docgen render TEMPLATE DATA -o …`` in milliseconds.

    Without ``work``, of ``docgen render --help``: the start-up alone, before any rendering.
    """
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(runs):
            command = [sys.executable, "-m", "docgen", "render"]
            command += (
                [TEMPLATE, str(DATA), "-o", str(Path(tmp) / f"{i}.docx")] if work else ["--help"]
            )
            start = time.perf_counter()
            subprocess.run(command, env=_env(checkout), check=True, capture_output=True)
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    """Print the figures for this checkout (and another one, with their ratio)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--against", type=Path, help="another docgen checkout to compare with")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    rows = [("this checkout", ROOT)]
    if args.against:
        rows.insert(0, ("against", args.against.resolve()))
    results = []
    for label, checkout in rows:
        total, own = module_counts(checkout)
        ms = render_ms(checkout, args.runs)
        bare = render_ms(checkout, args.runs, work=False)
        results.append((bare, ms))
        print(
            f"{label:14} import docgen: {total} modules ({own} docgen); "
            f"render --help: {bare:.0f} ms; render: {ms:.0f} ms"
        )
    if len(results) == 2:
        print(
            f"ratio (this / against): start-up {results[1][0] / results[0][0]:.2f}, "
            f"render {results[1][1] / results[0][1]:.2f}"
        )


if __name__ == "__main__":
    main()
