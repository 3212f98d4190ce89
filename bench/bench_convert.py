"""PDF conversion: docgen's LibreOffice pool vs ``soffice --convert-to``, three ways.

Run: ``.venv/bin/python bench/bench_convert.py [--docs 20] [--workers 2] [--rounds 3] [--json]``

All cases convert the same documents in one run, interleaved round by round: ``--docs``
renderings of the 整改措施 benchmark template (``bench/rectification.docx`` with
``bench/data.py: make_context``, 30 rows, one seed per document, so no two are alike).

* ``soffice per file``: ``soffice --headless --convert-to pdf`` started once per file, one after
  another, as a shell loop does it (one core);
* ``one soffice, all files``: one ``soffice --convert-to pdf a.docx b.docx …`` (one core);
* ``two soffice, half each``: two such calls at once, each with its own profile and half the
  files: the fair two-core baseline for a two-office pool;
* ``docgen to_pdf``: ``docgen.convert.to_pdf(files, workers=N)``, timed from the call, so it pays
  for starting its offices (fresh profiles) and for the glyph check of every document;
* ``docgen warm pool``: one ``OfficePool(N)`` started before timing and reused round after round,
  as ``docgen serve`` and a batch with ``--pdf`` use it (glyph check on): the issue's
  "warm pool" figure.

The soffice profiles are created before timing starts (warm-up calls), so no baseline is charged
for first-run profile set-up. Prints s/doc (min / median / max) and each baseline's ratio to
the pool (ratio of medians, with the per-round range). Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import docgen  # noqa: E402
from bench.data import make_context  # noqa: E402
from bench.runs import Spread, interleaved, ratio, ratio_line  # noqa: E402
from docgen.convert import OfficePool, to_pdf  # noqa: E402
from docgen.fonts import fontconfig_env  # noqa: E402

TEMPLATE = ROOT / "bench" / "rectification.docx"


def render_documents(folder: Path, count: int) -> list[Path]:
    """``count`` different documents of the benchmark template."""
    template = docgen.load(TEMPLATE)
    paths = []
    for seed in range(count):
        path = folder / f"整改措施-{seed:03d}.docx"
        path.write_bytes(template.render(make_context(30, seed)))
        paths.append(path)
    return paths


def _soffice(folder: Path) -> tuple[str, dict[str, str]]:
    soffice = shutil.which("soffice")
    if soffice is None:
        raise SystemExit("soffice not found: sudo apt-get install libreoffice-writer-nogui")
    return soffice, fontconfig_env()  # same fonts as docgen, so both sides set the same pages


class Soffice:
    """``soffice --convert-to pdf`` as a shell script would call it, with warm profiles."""

    def __init__(self, folder: Path, paths: list[Path]) -> None:
        self.folder, self.paths = folder, paths
        self.soffice, self.env = _soffice(folder)
        self.runs = 0
        for n in (1, 2):  # warm-up: create the profiles, so no side pays for first-run set-up
            self._start([paths[0]], folder / "warm-up", n).wait()

    def _start(self, paths: list[Path], out: Path, profile: int) -> subprocess.Popen[bytes]:
        command = [
            self.soffice,
            f"-env:UserInstallation={(self.folder / f'profile-{profile}').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, paths),
        ]
        return subprocess.Popen(
            command, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )

    def _out(self) -> Path:
        self.runs += 1
        return self.folder / f"soffice-{self.runs}"

    def _convert(self, groups: list[list[Path]], out: Path) -> None:
        """One office process per group, all at once."""
        for child in [self._start(g, out, n + 1) for n, g in enumerate(groups)]:
            child.wait()

    def _check(self, out: Path) -> None:
        missing = [p for p in self.paths if not (out / f"{p.stem}.pdf").is_file()]
        if missing:
            raise SystemExit(f"soffice wrote nothing for {missing[0]}")

    def per_file(self) -> None:
        """One ``soffice`` process per file, one after another (a shell loop)."""
        out = self._out()
        for path in self.paths:
            self._convert([[path]], out)
        self._check(out)

    def one_call(self) -> None:
        """One ``soffice`` process for all the files (one core)."""
        out = self._out()
        self._convert([self.paths], out)
        self._check(out)

    def two_calls(self) -> None:
        """Two ``soffice`` processes at once, half the files each (two profiles, two cores)."""
        out = self._out()
        self._convert([self.paths[0::2], self.paths[1::2]], out)
        self._check(out)


def warm_pool(paths: list[Path], folder: Path, pool: OfficePool) -> Callable[[], None]:
    """A pool whose offices are already running, reused for every round."""
    runs = {"n": 0}

    def run() -> None:
        runs["n"] += 1
        result = pool.convert(paths, folder / f"warm-{runs['n']}")
        if not result.ok or len(result.outputs) != len(paths):
            raise SystemExit(f"docgen conversion failed: {[f.message for f in result.failures]}")

    return run


def pool(paths: list[Path], folder: Path, workers: int) -> Callable[[], None]:
    """docgen's pool as ``docgen convert`` uses it: offices started by the call, glyph check on."""
    runs = {"n": 0}

    def run() -> None:
        runs["n"] += 1
        result = to_pdf(paths, folder / f"pool-{runs['n']}", workers=workers)
        if not result.ok or len(result.outputs) != len(paths):
            raise SystemExit(f"docgen conversion failed: {[f.message for f in result.failures]}")

    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--docs", type=int, default=20, help="documents to convert (20)")
    parser.add_argument("--workers", type=int, default=2, help="docgen workers (2)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (3)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="docgen-bench-convert-") as scratch:
        folder = Path(scratch)
        paths = render_documents(folder, args.docs)
        office = Soffice(folder, paths)
        with OfficePool(args.workers) as warm:
            warm.convert(paths[: args.workers], folder / "warm-up-pool")  # offices started
            found = interleaved(
                {
                    "soffice per file": office.per_file,
                    "one soffice, all files": office.one_call,
                    "two soffice, half each": office.two_calls,
                    f"docgen to_pdf ({args.workers})": pool(paths, folder, args.workers),
                    f"docgen warm pool ({args.workers})": warm_pool(paths, folder, warm),
                },
                args.rounds,
            )
    docgen_case = found[f"docgen warm pool ({args.workers})"]
    per_doc = {name: Spread([v / args.docs for v in s.values]) for name, s in found.items()}
    if args.json:
        figures = {
            "docs": args.docs,
            "workers": args.workers,
            "cpus": os.cpu_count(),
            "machine": platform.platform(),
            "s_per_doc": {name: s.as_dict() for name, s in per_doc.items()},
            "ratios": {name: ratio(s, docgen_case) for name, s in found.items()},
        }
        print(json.dumps(figures, ensure_ascii=False, indent=2))
        return 0
    print(
        f"{args.docs} documents, docgen on {args.workers} offices ({os.cpu_count()} CPUs, "
        f"load {os.getloadavg()[0]:.1f}); s/doc min / median / max of {args.rounds} "
        "interleaved rounds"
    )
    for name, spread in per_doc.items():
        print(f"  {name:<24} {spread.text('s/doc')}")
    goals = {"soffice per file": ">= 15x"}
    for name, spread in found.items():
        if spread is not docgen_case:
            label = f"{name} / warm pool"
            print("  " + ratio_line(label, spread, docgen_case, goals.get(name, "")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
