"""Merging a 50-part bundle: docgen.merge side by side with docxcompose, in one process.

Run: ``.venv/bin/python bench/bench_merge.py [--parts 50] [--repeat 7] [--json]``

The parts are 50 renders of ``bench/rectification.docx`` (``make_context(10, seed)``, one
seed per part, so no two parts are equal), merged as a bundle in which every part starts a
next-page section and restarts its page numbers. Both engines start from the parts' bytes
and end with the merged .docx bytes:

* docxcompose: ``Composer(Document(first))``, ``append(Document(part))`` for the rest, then
  ``save(BytesIO)`` — its documented recipe. (It adds no breaks and ignores the options.)
* docgen: ``docgen.merge.merge(parts)``, and again with a cover page and a table of contents.

Medians over ``--repeat`` runs after one warm-up. Target (issue 5): docgen ≤ 0.5 s for 50
parts. The exit status is 1 when the target is missed.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from docx import Document  # noqa: E402
from docxcompose.composer import Composer  # noqa: E402

import docgen  # noqa: E402
from bench.data import make_context  # noqa: E402
from docgen.merge import CoverPage, Part, merge  # noqa: E402

TEMPLATE = ROOT / "bench" / "rectification.docx"
TARGET_S = 0.5


def render_parts(count: int) -> list[bytes]:
    """``count`` different renders of the benchmark template."""
    template = docgen.load(TEMPLATE)
    return [template.render(make_context(10, seed=seed)) for seed in range(count)]


def with_docxcompose(blobs: list[bytes]) -> bytes:
    """docxcompose's recipe, from bytes to bytes."""
    composer = Composer(Document(io.BytesIO(blobs[0])))
    for blob in blobs[1:]:
        composer.append(Document(io.BytesIO(blob)))
    out = io.BytesIO()
    composer.save(out)
    return out.getvalue()


def with_docgen(blobs: list[bytes]) -> bytes:
    """docgen's merge: a next-page section per part, page numbers restarted."""
    return merge([Part(b, restart_page_numbers=True) for b in blobs])


def with_docgen_front(blobs: list[bytes]) -> bytes:
    """The same with a generated cover page and table of contents."""
    parts = [Part(b, restart_page_numbers=True) for b in blobs]
    return merge(parts, cover=CoverPage("整改材料汇编", ("2026年",)), toc=True)


def measure(fn: Callable[[list[bytes]], bytes], blobs: list[bytes], repeat: int) -> float:
    """Median seconds of ``fn(blobs)`` over ``repeat`` runs after one warm-up."""
    fn(blobs)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn(blobs)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print (or dump as JSON) the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parts", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    blobs = render_parts(args.parts)
    merged = with_docgen(blobs)
    problems = docgen.verify_package(merged)
    figures = {
        "parts": args.parts,
        "docxcompose_s": measure(with_docxcompose, blobs, max(1, args.repeat // 2)),
        "docgen_s": measure(with_docgen, blobs, args.repeat),
        "docgen_cover_toc_s": measure(with_docgen_front, blobs, args.repeat),
        "merged_bytes": len(merged),
        "verify_problems": len(problems),
    }
    figures["speedup"] = figures["docxcompose_s"] / figures["docgen_s"]
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(f"{args.parts} parts of {TEMPLATE.name} (make_context(10)), medians:")
        print(f"  docxcompose            {figures['docxcompose_s'] * 1000:8.1f} ms")
        print(f"  docgen.merge           {figures['docgen_s'] * 1000:8.1f} ms")
        print(f"  docgen.merge+cover+toc {figures['docgen_cover_toc_s'] * 1000:8.1f} ms")
        print(f"  speed-up               {figures['speedup']:8.1f}x")
        print(f"  verify_package         {len(problems)} problems")
    return 0 if figures["docgen_s"] <= TARGET_S and not problems else 1


if __name__ == "__main__":
    sys.exit(main())
