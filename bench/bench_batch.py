"""Batch throughput and memory: 1,000 single-document rows, 1 vs 2 workers, roster 100 → 1,000.

Run: ``.venv/bin/python bench/bench_batch.py [--quick] [--json]``

Each roster row renders one 整改措施 (``bench/rectification.docx``, 30 table rows) whose
findings come from the template's ``example.yaml`` (one input file, shared by every row) and
whose branch name comes from the row. Every document is written atomically (fsync + rename)
and ``manifest.json`` is rewritten after every batch of finished rows, as in real use.

What it measures:

* wall time for 1,000 rows with 1 worker (rows run in the parent process, no pool) and with
  2 workers (a process pool), and the speed-up — best of 3 interleaved runs, once with the
  output on the temp folder's disk (every file fsync'ed: the disk's sync latency counts) and
  once under /dev/shm (syncs cost nothing: CPU scaling alone);
* wall time of a rerun with nothing to do (every output up to date, judged by the manifest);
* peak memory as the roster grows (100, 250, 500, 1,000 rows; 2 workers), each size in a fresh
  child process: VmHWM of the batch's parent process, and the largest peak RSS among the worker
  processes (``getrusage(RUSAGE_CHILDREN).ru_maxrss`` after the pool is shut down).

Nothing is asserted; the figures are printed (or emitted as JSON).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
#: A memory-backed folder: fsync costs nothing there, so the figures show CPU scaling alone.
SHM = "/dev/shm"  # noqa: S108 -- a fresh TemporaryDirectory is made inside it
EXAMPLE = ROOT / "bench" / "sample.yaml"
TEMPLATE = ROOT / "bench" / "rectification.docx"

RECIPE = f"""\
name: 整改措施批量
vars:
  branch: {{column: 支部名称, required: true}}
inputs:
  base: {{path: "{EXAMPLE}", kind: plain}}
steps:
  - id: cuoshi
    template: "{TEMPLATE}"
    data: base
    with:
      branch: "{{{{ branch }}}}"
    output: "{{{{ row['编号'] }}}}-{{{{ branch }}}}-整改措施"
"""


def write_inputs(folder: Path, rows: int) -> tuple[Path, Path]:
    """The recipe and an XLSX roster of ``rows`` branches in ``folder``."""
    import openpyxl

    recipe = folder / "recipe.yaml"
    recipe.write_text(RECIPE, encoding="utf-8")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["编号", "支部名称"])
    for i in range(rows):
        sheet.append([f"{i:04d}", f"第{i + 1}教工党支部"])
    roster = folder / "roster.xlsx"
    book.save(roster)
    return recipe, roster


def timed_run(recipe: Path, roster: Path, out: Path, workers: int) -> tuple[float, int, int]:
    """Seconds, files written and failures of one batch run."""
    from docgen.batching import run

    started = time.perf_counter()
    result = run(recipe, roster, out, workers=workers)
    return time.perf_counter() - started, len(result.written), len(result.failures)


def throughput(rows: int, where: str | None, rounds: int) -> dict[str, float]:
    """1 worker vs 2 workers on ``rows`` rows (best of ``rounds``, interleaved), then a rerun.

    ``where`` is the parent folder of the output (``None``: the system temp folder).
    """
    ones: list[float] = []
    twos: list[float] = []
    with tempfile.TemporaryDirectory(dir=where) as tmp:
        folder = Path(tmp)
        recipe, roster = write_inputs(folder, rows)
        timed_run(recipe, roster, folder / "warm", 1)  # imports, compiled template cache
        for n in range(rounds):
            one, written_one, failed = timed_run(recipe, roster, folder / f"one{n}", 1)
            two, written_two, failed_two = timed_run(recipe, roster, folder / f"two{n}", 2)
            assert written_one == written_two == rows
            assert not failed
            assert not failed_two
            ones.append(one)
            twos.append(two)
        rerun, written_again, _ = timed_run(recipe, roster, folder / "two0", 2)
    assert written_again == 0
    one, two = min(ones), min(twos)
    return {
        "folder": where or tempfile.gettempdir(),
        "rows": rows,
        "one_worker_s": one,
        "two_workers_s": two,
        "speedup": one / two,
        "one_worker_docs_per_s": rows / one,
        "two_workers_docs_per_s": rows / two,
        "rerun_nothing_to_do_s": rerun,
    }


def _status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def child(rows: int) -> None:
    """Run one batch of ``rows`` rows in this (fresh) process and print its memory figures."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        recipe, roster = write_inputs(folder, rows)
        seconds, written, _ = timed_run(recipe, roster, folder / "out", 2)
    workers_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(
        json.dumps(
            {
                "rows": rows,
                "seconds": seconds,
                "written": written,
                "parent_vmhwm_mib": _status_kib("VmHWM") / 1024,
                "worker_peak_rss_mib": workers_kib / 1024,
            }
        )
    )


def memory(sizes: list[int]) -> list[dict[str, float]]:
    """Peak memory per roster size, each measured in a fresh child process."""
    found = []
    for rows in sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(rows)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        found.append(json.loads(out.strip().splitlines()[-1]))
    return found


def report(speeds: list[dict[str, Any]], mem: list[dict[str, float]]) -> str:
    """The figures as a short text table."""
    lines = [
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        f"1. {speeds[0]['rows']:.0f} single-document rows (整改措施, 30 table rows), best of 3",
    ]
    for speed in speeds:
        lines += [
            f"   output under {speed['folder']}:",
            f"     1 worker : {speed['one_worker_s']:.2f} s "
            f" ({speed['one_worker_docs_per_s']:.0f} docs/s)",
            f"     2 workers: {speed['two_workers_s']:.2f} s "
            f" ({speed['two_workers_docs_per_s']:.0f} docs/s)",
            f"     speed-up : {speed['speedup']:.2f}x",
            f"     rerun, all up to date: {speed['rerun_nothing_to_do_s']:.2f} s",
        ]
    lines += [
        "2. Peak memory as the roster grows (2 workers, fresh process per size)",
        "   rows   parent VmHWM   largest worker peak RSS   time",
    ]
    for m in mem:
        lines.append(
            f"   {m['rows']:>5.0f}   {m['parent_vmhwm_mib']:>8.1f} MiB   "
            f"{m['worker_peak_rss_mib']:>12.1f} MiB          {m['seconds']:.2f} s"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="200 rows; sizes 100 and 200")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child)
        return
    rows = 200 if args.quick else 1000
    sizes = [100, 200] if args.quick else [100, 250, 500, 1000]
    rounds = 1 if args.quick else 3
    speeds = [throughput(rows, None, rounds)]
    if Path(SHM).is_dir():
        speeds.append(throughput(rows, SHM, rounds))
    mem = memory(sizes)
    if args.json:
        print(json.dumps({"throughput": speeds, "memory": mem}, ensure_ascii=False, indent=2))
    else:
        print(report(speeds, mem))


if __name__ == "__main__":
    main()
