"""A batch on a local Dask cluster of 2 workers beside the same batch on 2 local processes.

Run: ``.venv/bin/python bench/bench_dask.py [--rows 1000] [--rounds 3]`` (needs ``docgen[dask]``).

The bench starts a ``distributed.LocalCluster`` on 127.0.0.1 (2 worker processes, one thread
each, no dashboard) and runs ``docgen batch --executor dask://127.0.0.1:PORT`` against
``docgen batch --workers 2`` — the same recipe and roster as ``bench_batch.py`` (one 整改措施
of 30 table rows per roster row), each a fresh ``docgen batch`` process into a new folder,
interleaved, min / median / max of ``--rounds``. It prints the ratio and what each does per
hour (documents per hour from the median). Nothing is asserted.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bench_batch import Batches, write_inputs  # noqa: E402
from bench.runs import interleaved, ratio_line  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    from distributed import LocalCluster

    with (
        tempfile.TemporaryDirectory(prefix="docgen-bench-dask-") as tmp,
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            silence_logs=logging.ERROR,  # the nanny's shutdown notices are not figures
        ) as cluster,
    ):
        address = "dask://" + cluster.scheduler_address.removeprefix("tcp://")
        batches = Batches(Path(tmp))
        recipe, roster = write_inputs(batches.folder, args.rows)
        found = interleaved(
            {
                "2 local processes": batches.case("local", recipe, roster, 2),
                "Dask, 2 workers": batches.case("dask", recipe, roster, 2, "--executor", address),
            },
            args.rounds,
        )
    print(
        f"{args.rows} rows, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}; "
        f"min / median / max of {args.rounds} interleaved rounds, fresh `docgen batch` each"
    )
    for name, spread in found.items():
        per_hour = args.rows * 3600 / spread.median
        print(f"  {name:<20} {spread.text()}   {per_hour:,.0f} documents/hour")
    print(
        "  "
        + ratio_line("Dask / local processes", found["Dask, 2 workers"], found["2 local processes"])
    )


if __name__ == "__main__":
    main()
