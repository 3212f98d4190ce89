"""Rich content's cost: the 整改措施 benchmark template plain, and with one floating
picture and one chart added (issue 15's goal: within 2x of the plain render).

Run: ``.venv/bin/python bench/bench_rich.py [--rounds N] [--docs N]``

Both templates are compiled once; each round renders ``--docs`` documents with each,
rotating which goes first (bench/runs.py), and prints min / median / max ms per
document side by side and the ratio of the medians. The chart is a column chart of
the document's own table (problems and measure characters per category), so its data
changes with the rows.
The watermark is timed too (it rewrites the finished package once per document).
Each figure is given in wall time and in this process's CPU time: on a shared machine the
wall time of a round takes in whatever else ran, the CPU time much less so.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import time
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

import docgen  # noqa: E402 -- after the path set-up above
from bench.data import make_context  # noqa: E402
from bench.runs import Spread, interleaved, ratio_line  # noqa: E402
from docgen.engine.rich.chart_xml import chart_parts  # noqa: E402

TEMPLATE = ROOT / "bench" / "rectification.docx"
RICH_TAGS = (
    "<w:p><w:r><w:t>{{ logo|floating(30, x=126, y=0, relative='margin') }}</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>{{ per_category|chart('column', title='各类问题数') }}</w:t></w:r></w:p>"
)


def rich_template(plain: bytes) -> bytes:
    """The benchmark template with the two rich tags before its final section."""
    out = io.BytesIO()
    target = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED)
    with zipfile.ZipFile(io.BytesIO(plain)) as src, target as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                at = data.rindex(b"<w:sectPr")
                data = data[:at] + RICH_TAGS.encode() + data[at:]
            dst.writestr(info, data)
    return out.getvalue()


def logo_png() -> bytes:
    """A 300×300 px picture, the size of a scanned logo."""
    out = io.BytesIO()
    Image.new("RGB", (300, 300), (0, 90, 160)).save(out, "PNG")
    return out.getvalue()


def contexts(docs: int) -> list[dict[str, Any]]:
    """``docs`` contexts of 30 rows, each with its picture and its chart's table: per
    category the problems and the characters of their measures, so every document's chart
    differs (the chart cache, docgen.engine.rich.chart_xml, flatters nothing)."""
    logo = logo_png()
    found = []
    for seed in range(docs):
        context = make_context(30, seed)
        counts = Counter(row["category"] for row in context["problems"])
        words = Counter()
        for row in context["problems"]:
            words[row["category"]] += len(row["measure"])
        context["per_category"] = [
            {"类别": name, "问题数": n, "措施字数": words[name]} for name, n in counts.items()
        ]
        context["logo"] = logo
        found.append(context)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--docs", type=int, default=50, help="documents per round and case")
    args = parser.parse_args(argv)
    plain_bytes = TEMPLATE.read_bytes()
    plain = docgen.Template(plain_bytes, "rectification.docx")
    rich = docgen.Template(rich_template(plain_bytes), "rectification-rich.docx")
    data = contexts(args.docs)
    for template in (plain, rich):  # warm-up: compile caches, lazy imports (python-pptx)
        template.render(data[0])

    cpu: dict[str, Spread] = {"plain": Spread(), "rich": Spread(), "watermark": Spread()}

    def run(name: str, template: docgen.Template, **options: Any) -> float:
        chart_parts.cache_clear()  # each round builds its 50 charts, as a first batch would
        began, began_cpu = time.perf_counter(), time.process_time()
        for context in data:
            template.render(context, **options)
        cpu[name].values.append((time.process_time() - began_cpu) / len(data))
        return (time.perf_counter() - began) / len(data)

    cases = {
        "plain": lambda: run("plain", plain),
        "rich": lambda: run("rich", rich),
        "watermark": lambda: run("watermark", plain, watermark="草稿"),
    }
    spreads = interleaved(cases, args.rounds)
    load = os.getloadavg()[0]
    print(f"{os.cpu_count()} CPUs, load {load:.1f}; wall time, then CPU time of this process")
    for label, found in (("wall", spreads), ("CPU", cpu)):
        for name, spread in found.items():
            print(f"{name:>10} ({label}): {spread.text('ms/doc', 1000, 2)}  (min / median / max)")
        what = f"floating picture + chart vs plain ({label})"
        print(ratio_line(what, found["rich"], found["plain"], "<= 2x"))
        print(ratio_line(f"watermark vs plain ({label})", found["watermark"], found["plain"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
