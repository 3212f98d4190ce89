"""docxtpl vs docgen.compat.docxtpl: the same docxtpl code, one import line apart.

Run: ``.venv/bin/python bench/bench_compat.py [--quick] [--json]``

Both sides run docxtpl's usual loops on the benchmark template (``bench/rectification.docx``,
30 rows, the same data), in one process, warmed up, interleaved sample by sample with a
rotating order, medians reported:

* reuse: one ``DocxTemplate`` rendered and saved again and again
  (``tpl.render(ctx, autoescape=True)``; ``tpl.save(BytesIO())``);
* fresh: a new ``DocxTemplate(path)`` per document, as docxtpl's examples do.

``autoescape=True`` on both sides: the data holds ``&`` and ``<``, which docxtpl drops
without it, and the sanity check refuses to time an engine whose output lost them.
Target (issue 13): reuse ratio >= 20x. The exit status is 1 when it is missed.
"""

from __future__ import annotations

import argparse
import io
import json
import platform
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import docxtpl  # noqa: E402

from bench.bench_engine import TEMPLATE, Sampler, _calibrate, _sanity_check, interleaved  # noqa: E402
from bench.data import make_context  # noqa: E402
from docgen.compat import docxtpl as compat  # noqa: E402

TARGET_RATIO = 20.0
Render = Callable[[dict[str, Any]], bytes]


def reuse(cls: Any, path: Path) -> Render:
    """One template object, rendered and saved for every document."""
    tpl = cls(path)

    def render(ctx: dict[str, Any]) -> bytes:
        tpl.render(ctx, autoescape=True)
        buf = io.BytesIO()
        tpl.save(buf)
        return buf.getvalue()

    return render


def fresh(cls: Any, path: Path) -> Render:
    """A new template object per document."""

    def render(ctx: dict[str, Any]) -> bytes:
        tpl = cls(path)
        tpl.render(ctx, autoescape=True)
        buf = io.BytesIO()
        tpl.save(buf)
        return buf.getvalue()

    return render


def run(quick: bool) -> dict[str, Any]:
    """Time both loops for both libraries; the ratios docxtpl / compat."""
    ctx = make_context(30, seed=0)
    repeats, sample_s = (5, 0.2) if quick else (15, 0.5)
    result: dict[str, Any] = {
        "python": platform.python_version(),
        "docxtpl": docxtpl.__version__,
        "rows": 30,
        "repeats": repeats,
    }
    for loop in (reuse, fresh):
        samplers = []
        for name, cls in (("docxtpl", docxtpl.DocxTemplate), ("compat", compat.DocxTemplate)):
            render = loop(cls, TEMPLATE)
            _sanity_check(f"{name} ({loop.__name__})", render(ctx), ctx)
            samplers.append(Sampler(name, render, _calibrate(render, ctx, sample_s)))
        interleaved(samplers, ctx, repeats)
        theirs, ours = (s.median_ms for s in samplers)
        result[loop.__name__] = {
            "docxtpl_ms": round(theirs, 3),
            "compat_ms": round(ours, 3),
            "ratio": round(theirs / ours, 1),
        }
    result["target_ratio"] = TARGET_RATIO
    result["ok"] = result["reuse"]["ratio"] >= TARGET_RATIO
    return result


def report(res: dict[str, Any]) -> str:
    """The figures as a short table."""
    lines = [
        f"docxtpl {res['docxtpl']} vs docgen.compat.docxtpl, {res['rows']} rows, "
        f"Python {res['python']}, medians of {res['repeats']} samples",
        f"{'loop':<8}{'docxtpl ms/doc':>16}{'compat ms/doc':>16}{'ratio':>9}",
    ]
    for loop in ("reuse", "fresh"):
        r = res[loop]
        lines.append(f"{loop:<8}{r['docxtpl_ms']:>16.2f}{r['compat_ms']:>16.2f}{r['ratio']:>8.1f}x")
    verdict = "OK" if res["ok"] else "MISSED"
    lines.append(f"target: reuse ratio >= {res['target_ratio']:.0f}x -> {verdict}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer, shorter samples")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    res = run(args.quick)
    print(json.dumps(res, ensure_ascii=False, indent=2) if args.json else report(res))
    return 0 if res["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
