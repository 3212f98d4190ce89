"""Batch throughput, scaling and memory, as a user runs it: ``docgen batch`` in a fresh process.

Run: ``.venv/bin/python bench/bench_batch.py [--quick] [--rounds 3] [--no-pdf] [--json]``

Each roster row renders one 整改措施 (``bench/rectification.docx``, 30 table rows) whose
findings come from ``bench/sample.yaml`` (one input file shared by every row) and whose branch
name comes from the row. Every run is a fresh process running the ``docgen batch`` command
(start-up included; the CLI's defaults, so ``check`` is on and every file is written
atomically), into a new output folder on the temp folder's disk. Each comparison runs its
cases interleaved, ``--rounds`` rounds (default 3), and prints min / median / max and the
ratio of the medians:

1. 1,000 rows, 1 worker vs 2 workers;
2. the cost per row at 1,000 and at 10,000 rows (2 workers), with the batch parent's peak
   memory (VmHWM) for each: a batch that scales has flat ms/row and flat parent memory;
3. with LibreOffice: 40 rows with ``--pdf`` against converting the same 40 documents alone
   (``docgen.convert.to_pdf``, 2 offices) and against the batch without ``--pdf``;
4. a rerun with nothing to do (1,000 rows).

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
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.runs import Spread, interleaved, ratio_line  # noqa: E402

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
        sheet.append([f"{i:05d}", f"第{i + 1}教工党支部"])
    roster = folder / f"roster-{rows}.xlsx"
    book.save(roster)
    return recipe, roster


def _status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def child(argv: list[str]) -> None:
    """Run ``docgen batch ARGV`` in this fresh process; print its memory figures as JSON."""
    from docgen.cli import main as cli

    code = 0
    try:
        cli.main(["batch", *argv, "--quiet"], standalone_mode=False)
    except SystemExit as stop:  # click's Exit for a batch with failures
        code = int(stop.code or 0)
    own, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    print(
        json.dumps(
            {
                "exit": code,
                # CPU of the batch and its workers (offices excluded: they are not waited for
                # by the time this is read): what stays put when other work shares the cores.
                "cpu_s": own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime,
                "parent_vmhwm_mib": _status_kib("VmHWM") / 1024,
                "worker_peak_rss_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
                / 1024,
            }
        )
    )


class Batches:
    """Fresh-process ``docgen batch`` runs into new folders under ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.runs = 0
        self.memory: dict[str, list[dict[str, float]]] = {}

    def case(self, label: str, recipe: Path, roster: Path, workers: int, *extra: str) -> Any:
        """A case for :func:`interleaved`: one batch into a new folder; wall time from outside."""

        def run() -> float:
            self.runs += 1
            out = self.folder / f"out-{self.runs}"
            args = [str(recipe), "--roster", str(roster), "-o", str(out)]
            args += ["--workers", str(workers), *extra]
            return self.timed(label, args)

        return run

    def timed(self, label: str, args: list[str]) -> float:
        began = time.perf_counter()
        done = subprocess.run(
            [sys.executable, __file__, "--child", *args],
            capture_output=True,
            text=True,
            check=False,
        )
        seconds = time.perf_counter() - began
        if done.returncode != 0:
            raise SystemExit(f"batch failed ({label}):\n{done.stderr[-2000:]}")
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        if figures["exit"] != 0:
            raise SystemExit(f"batch had failures ({label}): exit {figures['exit']}")
        self.memory.setdefault(label, []).append(figures)
        return seconds

    def peak(self, label: str, key: str) -> Spread:
        return Spread([m[key] for m in self.memory[label]])


def workers_1_vs_2(batches: Batches, rows: int, rounds: int) -> dict[str, Any]:
    recipe, roster = write_inputs(batches.folder, rows)
    found = interleaved(
        {
            "1 worker": batches.case("1w", recipe, roster, 1),
            "2 workers": batches.case("2w", recipe, roster, 2),
        },
        rounds,
    )
    rerun_out = batches.folder / f"out-{batches.runs}"  # the last run's folder: all up to date
    rerun = Spread(
        [
            batches.timed("rerun", [str(recipe), "--roster", str(roster), "-o", str(rerun_out)])
            for _ in range(rounds)
        ]
    )
    cpu = {"1 worker": batches.peak("1w", "cpu_s"), "2 workers": batches.peak("2w", "cpu_s")}
    return {"rows": rows, "times": found, "rerun": rerun, "cpu": cpu}


def scaling(batches: Batches, small: int, large: int, rounds: int) -> dict[str, Any]:
    recipe, few = write_inputs(batches.folder, small)
    _, many = write_inputs(batches.folder, large)
    found = interleaved(
        {
            f"{small} rows": batches.case(f"s{small}", recipe, few, 2),
            f"{large} rows": batches.case(f"s{large}", recipe, many, 2),
        },
        rounds,
    )
    per_row = {
        name: Spread([v / n for v in spread.values])
        for (name, spread), n in zip(found.items(), (small, large), strict=True)
    }
    memory = {
        f"{small} rows": batches.peak(f"s{small}", "parent_vmhwm_mib"),
        f"{large} rows": batches.peak(f"s{large}", "parent_vmhwm_mib"),
    }
    return {"small": small, "large": large, "times": found, "per_row": per_row, "memory": memory}


def with_pdf(batches: Batches, rows: int, rounds: int) -> dict[str, Any]:
    from docgen.convert import to_pdf

    recipe, roster = write_inputs(batches.folder, rows)
    # The documents "alone": the ones a batch without --pdf writes, converted on their own.
    plain = batches.folder / "pdf-source"
    batches.timed(
        "source", [str(recipe), "--roster", str(roster), "-o", str(plain), "--workers", "2"]
    )
    documents = sorted(plain.glob("*.docx"))
    runs = {"n": 0}

    def alone() -> float:
        runs["n"] += 1
        began = time.perf_counter()
        result = to_pdf(documents, batches.folder / f"alone-{runs['n']}", workers=2)
        seconds = time.perf_counter() - began
        if not result.ok or len(result.outputs) != len(documents):
            raise SystemExit(f"conversion failed: {[f.message for f in result.failures]}")
        return seconds

    found = interleaved(
        {
            "batch --pdf": batches.case("pdf", recipe, roster, 2, "--pdf"),
            "PDFs alone (to_pdf)": alone,
            "batch without --pdf": batches.case("nopdf", recipe, roster, 2),
        },
        rounds,
    )
    return {"rows": rows, "times": found}


def _times(found: dict[str, Spread], per: str = "s", scale: float = 1.0) -> list[str]:
    return [f"     {name:<22} {spread.text(per, scale)}" for name, spread in found.items()]


def report(res: dict[str, Any], rounds: int) -> str:
    lines = [
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}, load {os.getloadavg()[0]:.1f}; "
        f"min / median / max of {rounds} interleaved rounds, fresh `docgen batch` process each",
    ]
    if "workers" in res:
        two = res["workers"]
        lines += [
            f"1. {two['rows']} rows (整改措施, 30 table rows), wall time including start-up",
            *_times(two["times"]),
            "     "
            + ratio_line(
                "speed-up 2 workers vs 1",
                two["times"]["1 worker"],
                two["times"]["2 workers"],
                ">= 1.8x",
            ),
            f"     rerun, all up to date: {two['rerun'].text()}",
            "     CPU seconds (batch process and its workers, start-up included):",
            *_times(two["cpu"]),
            "     (2 workers' wall time on two idle cores is about the serial part plus half"
            " the rest; the CPU figures show both sides do the same work)",
        ]
    if "scaling" in res:
        sc = res["scaling"]
        small, large = f"{sc['small']} rows", f"{sc['large']} rows"
        lines += [
            f"2. Cost per row, {sc['small']} vs {sc['large']} rows (2 workers)",
            *_times(sc["per_row"], "ms/row", 1e3),
            "     "
            + ratio_line(
                "ms/row large / small", sc["per_row"][large], sc["per_row"][small], "1.0x (flat)"
            ),
            "     parent peak memory (VmHWM):",
            *[f"       {name:<20} {m.text('MiB', digits=1)}" for name, m in sc["memory"].items()],
            "     "
            + ratio_line(
                "parent memory large / small",
                sc["memory"][large],
                sc["memory"][small],
                "1.0x (flat)",
            ),
        ]
    if "pdf" in res:
        pdf = res["pdf"]["times"]
        lines += [
            f"3. {res['pdf']['rows']} rows with --pdf (2 workers, 2 offices)",
            *_times(pdf),
            "     "
            + ratio_line(
                "batch --pdf / PDFs alone",
                pdf["batch --pdf"],
                pdf["PDFs alone (to_pdf)"],
                "<= 1.1x",
            ),
        ]
    return "\n".join(lines)


def _json(res: Any) -> Any:
    if isinstance(res, Spread):
        return res.as_dict()
    if isinstance(res, dict):
        return {k: _json(v) for k, v in res.items()}
    return res


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="200 rows; scaling 200 vs 1,000")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (3)")
    parser.add_argument("--no-scaling", action="store_true", help="skip the 10,000-row runs")
    parser.add_argument("--no-pdf", action="store_true", help="skip the --pdf comparison")
    parser.add_argument(
        "--only", choices=("workers", "scaling", "pdf"), help="run one comparison only"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child)
        return
    rows = 200 if args.quick else 1000
    res: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="docgen-bench-batch-") as tmp:
        batches = Batches(Path(tmp))
        wanted = {args.only} if args.only else {"workers", "scaling", "pdf"}
        if args.no_scaling:
            wanted.discard("scaling")
        if args.no_pdf:
            wanted.discard("pdf")
        if "workers" in wanted:
            res["workers"] = workers_1_vs_2(batches, rows, args.rounds)
        if "scaling" in wanted:
            res["scaling"] = scaling(batches, rows, rows * (5 if args.quick else 10), args.rounds)
        if "pdf" in wanted:
            res["pdf"] = with_pdf(batches, 40, args.rounds)
    if args.json:
        print(json.dumps(_json(res), ensure_ascii=False, indent=2))
    else:
        print(report(res, args.rounds))


if __name__ == "__main__":
    main()
