"""Rich values' cost: the benchmark template plain vs with one floating picture (and a chart).

Run: ``.venv/bin/python bench/bench_rich.py [--docs N]``

Renders ``bench/rectification.docx`` (30 rows) ``--docs`` times per round, three rounds
interleaved (:mod:`bench.runs`), as it is and with one paragraph added that holds a floating
picture (``|floating``) — and a chart, when ``docgen.engine.rich`` offers a ``chart`` filter.
Prints min / median / max ms per document and the ratio; issue 15 asks for ≤ 2×. The
watermark is timed too (it rewrites the finished package once per document).
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

import docgen  # noqa: E402
from bench.data import make_context  # noqa: E402
from bench.runs import interleaved, ratio_line  # noqa: E402
from docgen.engine.rich.filters import FILTERS  # noqa: E402

HERE = Path(__file__).resolve().parent
FLOATING = "{{ logo|floating(30, x=126, y=0, relative='margin') }}"
CHART = "{{ monthly|chart('column', title='各月出勤') }}"


def with_paragraph(blob: bytes, text: str) -> bytes:
    """``blob`` with one paragraph holding ``text`` before the body's section properties."""
    source, out = zipfile.ZipFile(io.BytesIO(blob)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                at = data.rindex(b"<w:sectPr")
                para = f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
                data = data[:at] + para.encode() + data[at:]
            target.writestr(info, data)
    return out.getvalue()


def logo_png() -> bytes:
    """A 300×300 px picture, the size of a scanned logo."""
    out = io.BytesIO()
    Image.new("RGB", (300, 300), (0, 90, 160)).save(out, "PNG")
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=200, help="documents per round and case")
    args = parser.parse_args()
    blob = (HERE / "rectification.docx").read_bytes()
    extra = FLOATING + (CHART if "chart" in FILTERS else "")
    plain = docgen.Template(blob)
    rich = docgen.Template(with_paragraph(blob, extra))
    context = {**make_context(30), "logo": logo_png(),
               "monthly": {"月份": ["1月", "2月", "3月"], "出勤": [18, 20, 19]}}  # fmt: skip

    def run(template: docgen.Template, **options: object) -> None:
        for _ in range(args.docs):
            template.render(context, **options)

    cases = {
        "plain": lambda: run(plain),
        "rich": lambda: run(rich),
        "watermark": lambda: run(plain, watermark="草稿"),
    }
    run(plain)
    run(rich)  # warm-up: compile caches, imports
    found = interleaved(cases)
    for name, spread in found.items():
        print(f"{name:>10}: {spread.text('ms/doc', 1000 / args.docs, 2)}")
    what = "one floating picture" + (" and one chart" if "chart" in FILTERS else " (no chart yet)")
    print(ratio_line(f"{what} vs plain", found["rich"], found["plain"], "≤ 2x"))
    print(ratio_line("watermark vs plain", found["watermark"], found["plain"]))


if __name__ == "__main__":
    main()
