"""What ``check`` costs a render, in CPU time, side by side in one process.

Run: ``.venv/bin/python bench/bench_check.py [--renders N] [--rounds N]``

For three proven templates — the benchmark's 整改措施 with 30 table rows (a 47 KB
``document.xml``), the library's ``reports/zhiweihui-jilu`` with its fixture's typed data (a
附件说明 paragraph value) and ``plans/zhenggai-taizhang`` with its example (cells merged by
value) —
renders ``check=False``, ``check=True`` (parse what the compile-time proof does not cover) and
``check="full"`` (parse every part the render wrote, which is what ``check=True`` did before),
interleaved round by round. Each round is the CPU time (``time.process_time``) of ``--renders``
renders divided by their number; CPU time stays put when other work on a shared machine moves
the wall clock. Prints min / median / max per variant and the ratios to ``check=False``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import docgen  # noqa: E402
from bench.data import make_context  # noqa: E402
from bench.runs import interleaved, ratio_line  # noqa: E402
from docgen.api import prepare  # noqa: E402

TEMPLATE = ROOT / "bench" / "rectification.docx"
LIBRARY_TEMPLATE = "reports/zhiweihui-jilu"
LIBRARY_DATA = ROOT / "fixtures/school/xxgc-jg1/2026/minutes/2026-03-zhiweihui.yaml"
#: A library table whose cells are merged by value after the render (a tree rewrite).
LEDGER_TEMPLATE = "plans/zhenggai-taizhang"
LEDGER_DATA = ROOT / "templates/plans/zhenggai-taizhang/example.yaml"
VARIANTS: dict[str, Any] = {"check=False": False, "check=True": True, 'check="full"': "full"}


def _cpu_per_render(render: Callable[[], bytes], renders: int) -> float:
    began = time.process_time()
    for _ in range(renders):
        render()
    return (time.process_time() - began) / renders


def _cases() -> dict[str, tuple[docgen.Template, Any]]:
    bench = docgen.load(str(TEMPLATE))
    found: dict[str, tuple[docgen.Template, Any]] = {
        "整改措施, 30 rows": (bench, make_context(30, seed=0))
    }
    for name, data in ((LIBRARY_TEMPLATE, LIBRARY_DATA), (LEDGER_TEMPLATE, LEDGER_DATA)):
        library, loaded = prepare(name, data)
        assert isinstance(library, docgen.Template)
        found[name] = (library, loaded.context)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--renders", type=int, default=200, help="renders per round (200)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds (3)")
    args = parser.parse_args(argv)
    print(f"load average {os.getloadavg()[0]:.1f}; CPU ms per render, min / median / max")
    for label, (tpl, ctx) in _cases().items():
        assert all(part.proven for part in tpl.parts.values()), label
        for check in VARIANTS.values():
            tpl.render(ctx, check=check)  # warm-up
        cases = {
            name: partial(_cpu_per_render, partial(tpl.render, ctx, check=check), args.renders)
            for name, check in VARIANTS.items()
        }
        found = interleaved(cases, args.rounds)
        print(f"\n{label}")
        for name, spread in found.items():
            print(f"  {name:<14} {spread.text('ms', 1000)}")
        base = found["check=False"]
        cheap, full = found["check=True"], found['check="full"']
        print("  " + ratio_line("render check=True / check=False", cheap, base, "<= 1.2x"))
        print("  " + ratio_line('render check="full" / check=False', full, base))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
