"""What cutting the office off costs: an isolated office vs an unguarded one, side by side.

Run: ``.venv/bin/python bench/bench_office_isolation.py [--docs 12] [--rounds 3] [--json]``

Both sides are one :class:`docgen.convert.office.Office` converting the same renderings of the
整改措施 benchmark template (``bench/rectification.docx``, 30 rows): *isolated* starts behind
:mod:`docgen.convert.sandbox` (its own file system and network via bwrap, and a locked-down
profile; the input is copied into the office's folder), *open* without it.
Rounds alternate the two so that load on the shared machine falls on both alike. Prints start
and per-document conversion seconds (medians over rounds) and the ratio isolated / open.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bench_convert import render_documents  # noqa: E402
from docgen.convert import sandbox  # noqa: E402
from docgen.convert.office import Office  # noqa: E402
from docgen.convert.tools import find_soffice  # noqa: E402
from docgen.fonts import fontconfig_env  # noqa: E402


def one_round(paths: list[Path], folder: Path, isolated: bool) -> tuple[float, float]:
    """(start seconds, conversion seconds per document) for a fresh office."""
    folder.mkdir(parents=True)
    office = Office(find_soffice(), folder, fontconfig_env(), isolated=isolated)
    try:
        began = time.perf_counter()
        office.start(90)
        started = time.perf_counter() - began
        began = time.perf_counter()
        for path in paths:
            office.convert(path, "pdf", 120)
        return started, (time.perf_counter() - began) / len(paths)
    finally:
        office.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--docs", type=int, default=12, help="documents per round (12)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of each side (3)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    runs: dict[bool, list[tuple[float, float]]] = {True: [], False: []}
    with tempfile.TemporaryDirectory(prefix="docgen-bench-isolation-") as scratch:
        folder = Path(scratch)
        paths = render_documents(folder, args.docs)
        for number in range(args.rounds):
            for isolated in (number % 2 == 0, number % 2 != 0):  # alternate who goes first
                runs[isolated].append(one_round(paths, folder / f"{number}-{isolated}", isolated))
    med = {k: (statistics.median(s for s, _ in v), statistics.median(c for _, c in v))
           for k, v in runs.items()}  # fmt: skip
    figures = {
        "docs": args.docs,
        "rounds": args.rounds,
        "isolation": sandbox.isolation(),
        "open_start_s": round(med[False][0], 3),
        "isolated_start_s": round(med[True][0], 3),
        "open_s_per_doc": round(med[False][1], 4),
        "isolated_s_per_doc": round(med[True][1], 4),
        "ratio_per_doc": round(med[True][1] / med[False][1], 3),
        "ratio_start": round(med[True][0] / med[False][0], 3),
    }
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        print(f"{args.docs} documents x {args.rounds} rounds; isolation: {figures['isolation']}")
        print(
            f"  start    : open {figures['open_start_s']:.3f} s, "
            f"isolated {figures['isolated_start_s']:.3f} s, ratio {figures['ratio_start']:.3f}"
        )
        print(f"  per doc  : open {figures['open_s_per_doc']:.4f} s, "
              f"isolated {figures['isolated_s_per_doc']:.4f} s, "
              f"ratio {figures['ratio_per_doc']:.3f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
