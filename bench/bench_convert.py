"""PDF conversion: docgen's warm LibreOffice pool vs one ``soffice --convert-to`` per file.

Run: ``.venv/bin/python bench/bench_convert.py [--docs 40] [--workers 2] [--json]``

Both sides convert the same documents in one run: ``--docs`` renderings of the 整改措施
benchmark template (``bench/rectification.docx`` with ``bench/data.py: make_context``, 30 rows,
one seed per document, so no two documents are alike).

* cold: ``soffice --headless --convert-to pdf`` started once per file, one after another, as a
  shell loop would do it. Its profile is created before timing starts (a warm-up call), so the
  baseline is not charged for the first-run profile set-up;
* docgen: ``docgen.convert.to_pdf(files, workers=N)``, timed from the call, so it pays for
  starting its offices (fresh profiles) and for the glyph check of every document.

Prints s/doc for each, the ratio, and whether the issue-6 target (>= 4x on 2 cores) is met;
the exit status is 1 when it is not.
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
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import docgen  # noqa: E402
from bench.data import make_context  # noqa: E402
from docgen.convert import to_pdf  # noqa: E402
from docgen.fonts import fontconfig_env  # noqa: E402

TEMPLATE = ROOT / "bench" / "rectification.docx"
TARGET_RATIO = 4.0


def render_documents(folder: Path, count: int) -> list[Path]:
    """``count`` different documents of the benchmark template."""
    template = docgen.load(TEMPLATE)
    paths = []
    for seed in range(count):
        path = folder / f"整改措施-{seed:03d}.docx"
        path.write_bytes(template.render(make_context(30, seed)))
        paths.append(path)
    return paths


def cold(paths: list[Path], folder: Path) -> float:
    """Seconds for one ``soffice --convert-to`` per file, sequentially."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise SystemExit("soffice not found: sudo apt-get install libreoffice-writer-nogui")
    profile = f"-env:UserInstallation={(folder / 'profile').as_uri()}"
    out = folder / "cold"
    env = fontconfig_env()  # same fonts as docgen, so both sides set the same pages

    def one(path: Path) -> None:
        command = [soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", str(out)]
        subprocess.run([*command, str(path)], capture_output=True, env=env, check=True)
        if not (out / f"{path.stem}.pdf").is_file():
            raise SystemExit(f"cold conversion wrote nothing for {path}")

    one(paths[0])  # warm-up: creates the profile
    began = time.perf_counter()
    for path in paths:
        one(path)
    return time.perf_counter() - began


def warm(paths: list[Path], folder: Path, workers: int) -> float:
    """Seconds for docgen's pool, start-up included."""
    began = time.perf_counter()
    result = to_pdf(paths, folder / "warm", workers=workers)
    elapsed = time.perf_counter() - began
    if not result.ok or len(result.outputs) != len(paths):
        raise SystemExit(f"docgen conversion failed: {[f.message for f in result.failures]}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--docs", type=int, default=40, help="documents to convert (40)")
    parser.add_argument("--workers", type=int, default=2, help="docgen workers (2)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="docgen-bench-convert-") as scratch:
        folder = Path(scratch)
        paths = render_documents(folder, args.docs)
        cold_s = cold(paths, folder)
        warm_s = warm(paths, folder, args.workers)
    figures = {
        "docs": args.docs,
        "workers": args.workers,
        "cpus": os.cpu_count(),
        "machine": platform.platform(),
        "cold_s_per_doc": round(cold_s / args.docs, 3),
        "docgen_s_per_doc": round(warm_s / args.docs, 3),
        "ratio": round(cold_s / warm_s, 2),
    }
    met = figures["ratio"] >= TARGET_RATIO
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        print(f"{args.docs} documents, docgen on {args.workers} workers ({os.cpu_count()} CPUs)")
        print(f"  one soffice --convert-to per file : {figures['cold_s_per_doc']:.3f} s/doc")
        print(f"  docgen warm pool                  : {figures['docgen_s_per_doc']:.3f} s/doc")
        verdict = "met" if met else "MISSED"
        print(f"  ratio {figures['ratio']:.2f}x (target >= {TARGET_RATIO:g}x: {verdict})")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
