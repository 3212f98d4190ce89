"""docgen vs docxtpl on the 整改措施 template, side by side in one process.

Run: ``.venv/bin/python bench/bench_engine.py [--quick] [--json]``

What it measures (same template, same data, same process; warm-up first; engines interleaved
sample by sample with a rotating order so drift and turbo effects hit both alike; medians):

* ms/doc at 30 rows for
  - docxtpl as its users render: ``DocxTemplate(path)`` + ``render(ctx, autoescape=True)`` +
    ``save(BytesIO)`` for every document;
  - docxtpl reusing one ``DocxTemplate`` object and one Jinja ``Environment``. That is valid in
    0.20.2: ``render()`` calls ``init_docx()``, which re-reads the package when the object was
    already rendered, so the object re-initialises itself (and still pays for re-parsing);
  - docgen: ``tpl.render(ctx)`` on a template loaded once.
* docs/s over a 1,000-document batch on one core, each document with its own context.
* ms/doc at 30 / 300 / 3,000 rows for docgen (30 / 300 for docxtpl) and the cost per extra row
  between 300 and 3,000 rows.
* peak RSS of a 1,000-document batch over the RSS right after loading the template, measured in
  a fresh child process per engine (see ``_rss_child``).
* where docgen's render time goes (cProfile over 200 renders).

Targets (issue 2): docs/s ratio >= 20x, <= 20 us per extra row, peak RSS within 30 MiB.
The exit status is 1 when a target is missed, so CI or a bisect script can use it.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import inspect
import io
import json
import os
import platform
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# ``python bench/bench_engine.py`` puts bench/ (not the repo root) on sys.path; docgen is used
# from the source tree, so the root goes first.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import docxtpl  # noqa: E402
from docxtpl import DocxTemplate  # noqa: E402
from jinja2 import Environment  # noqa: E402

import docgen  # noqa: E402
from bench.data import make_context  # noqa: E402
from bench.runs import Spread, ratio, ratio_line  # noqa: E402

TEMPLATE = ROOT / "bench" / "rectification.docx"

TARGET_RATIO = 20.0
TARGET_US_PER_ROW = 20.0
TARGET_RSS_MIB = 30.0

Render = Callable[[dict[str, Any]], bytes]


# --------------------------------------------------------------------------- engines


def docxtpl_fresh(path: Path) -> Render:
    """docxtpl the way its docs and most users use it: a new DocxTemplate per document."""

    def render(ctx: dict[str, Any]) -> bytes:
        tpl = DocxTemplate(path)
        tpl.render(ctx, autoescape=True)
        buf = io.BytesIO()
        tpl.save(buf)
        return buf.getvalue()

    return render


def docxtpl_reuse(path: Path) -> Render:
    """docxtpl's best case: one DocxTemplate and one Environment reused for every document."""
    tpl = DocxTemplate(path)
    env = Environment(autoescape=True)

    def render(ctx: dict[str, Any]) -> bytes:
        tpl.render(ctx, jinja_env=env, autoescape=True)
        buf = io.BytesIO()
        tpl.save(buf)
        return buf.getvalue()

    return render


def docgen_loaded(path: Path) -> Render:
    """docgen: compile once with ``docgen.load``, then ``render`` per document."""
    tpl = docgen.load(path)
    render: Render = tpl.render
    return render


def _sanity_check(name: str, out: bytes, ctx: dict[str, Any]) -> None:
    """Fail loudly instead of timing an engine that produces something wrong."""
    with zipfile.ZipFile(io.BytesIO(out)) as zf:
        body = zf.read("word/document.xml").decode("utf-8")
    for needle in (ctx["branch"], ctx["problems"][-1]["deadline"], "&amp;", "&lt;"):
        if needle not in body:
            raise SystemExit(f"{name}: output lacks {needle!r}; refusing to benchmark it")
    if "{{" in body or "{%" in body:
        raise SystemExit(f"{name}: output still contains template tags")


# --------------------------------------------------------------------------- timing


@dataclass
class Sampler:
    """One engine's timed samples: each sample renders ``inner`` documents."""

    name: str
    render: Render
    inner: int = 1
    samples: list[float] = field(default_factory=list)  # seconds per document

    def sample(self, ctx: dict[str, Any]) -> None:
        render = self.render
        start = time.perf_counter()
        for _ in range(self.inner):
            render(ctx)
        self.samples.append((time.perf_counter() - start) / self.inner)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.samples) * 1e3


def _calibrate(render: Render, ctx: dict[str, Any], sample_s: float) -> int:
    """How many renders make one sample last about ``sample_s`` (timer noise stays small)."""
    start = time.perf_counter()
    render(ctx)
    once = time.perf_counter() - start
    return max(1, round(sample_s / max(once, 1e-6)))


def interleaved(
    samplers: Sequence[Sampler], ctx: dict[str, Any], repeats: int, warmup: int = 2
) -> None:
    """Warm every engine up, then take ``repeats`` samples each, rotating who goes first."""
    for sampler in samplers:
        for _ in range(warmup):
            sampler.render(ctx)
    gc.collect()
    for rep in range(repeats):
        shift = rep % len(samplers)
        for sampler in [*samplers[shift:], *samplers[:shift]]:
            sampler.sample(ctx)


def batch(
    engines: dict[str, Render],
    contexts: dict[str, list[dict[str, Any]]],
    chunk: int,
    folder: Path,
) -> dict[str, float]:
    """Total seconds per engine to render its contexts and write each document to a file.

    Engines run in interleaved chunks of ``chunk`` docs. Every document is written to its own
    file in ``folder`` (a plain write, as ``tpl.save(path)`` does), so both sides pay for it.
    """
    totals = dict.fromkeys(engines, 0.0)
    done = dict.fromkeys(engines, 0)
    gc.collect()
    while any(done[name] < len(contexts[name]) for name in engines):
        for n, (name, render) in enumerate(engines.items()):
            todo = contexts[name][done[name] : done[name] + chunk]
            if not todo:
                continue
            start = time.perf_counter()
            for i, ctx in enumerate(todo, done[name]):
                (folder / f"{n}-{i}.docx").write_bytes(render(ctx))
            totals[name] += time.perf_counter() - start
            done[name] += len(todo)
    return totals


# --------------------------------------------------------------------------- memory


def _status_kib(key: str) -> int:
    """A ``VmXXX`` line of /proc/self/status, in KiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"{key} not in /proc/self/status")


def _reset_peak_rss() -> bool:
    """Reset VmHWM (peak RSS) to the current RSS.

    Writing "5" to /proc/self/clear_refs (Linux >= 4.0, see proc(5)) resets the process's
    high-water mark, so VmHWM read after the batch is the peak reached *during* the batch and
    not the peak of imports, context generation or template loading before it.
    """
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def _rss_child(engine: str, docs: int, rows: int, path: Path) -> dict[str, Any]:
    """Run a batch in this (fresh) process and report RSS after loading and peak RSS.

    The parent has already grown through the timing runs (allocator arenas, docxtpl's parsed
    packages, 3,000-row contexts); measuring there would hide the batch's growth in memory the
    process already holds. A fresh child measures the batch alone.
    """
    # Contexts exist before the template is loaded: a batch's data is the caller's memory, and
    # building them inside the measured window would count them against the engine.
    contexts = [make_context(rows, seed=10_000 + i) for i in range(docs)]
    render = docgen_loaded(path) if engine == "docgen" else docxtpl_fresh(path)
    if engine == "docxtpl":
        DocxTemplate(path).init_docx()  # "loaded": python-docx imported and parsed once
    gc.collect()
    reset = _reset_peak_rss()
    after_load = _status_kib("VmRSS")
    hwm_before = _status_kib("VmHWM")
    size = 0
    start = time.perf_counter()
    for ctx in contexts:
        size += len(render(ctx))  # each document is dropped at once, as a writer loop would
    elapsed = time.perf_counter() - start
    peak = _status_kib("VmHWM")
    return {
        "engine": engine,
        "docs": docs,
        "rows": rows,
        "rss_after_load_mib": after_load / 1024,
        "peak_rss_mib": peak / 1024,
        "delta_mib": (peak - after_load) / 1024,
        "hwm_reset": reset,
        "hwm_before_batch_mib": hwm_before / 1024,
        "rss_end_mib": _status_kib("VmRSS") / 1024,
        "seconds": elapsed,
        "mean_doc_kib": size / docs / 1024,
    }


def rss_in_child(engine: str, docs: int, rows: int, path: Path) -> dict[str, Any]:
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--rss-child",
        engine,
        "--docs",
        str(docs),
        "--rows",
        str(rows),
        "--template",
        str(path),
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"RSS child for {engine} failed:\n{proc.stderr}")
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


# --------------------------------------------------------------------------- profile

# Render stages, found by (file suffix, function name) in docgen's engine; each row is the
# cumulative time of those functions. The top-level stages do not nest, so "other" is what the
# render spends outside them. An "  of which" row is part of the stage above it. cProfile slows
# Python code more than C code (lxml, zlib), so the shares say where to look, not exact costs.
Match = tuple[str, str]
STAGES: list[tuple[str, list[Match]]] = [
    # Parts are rendered through limits.render_bounded (Jinja's generate, output counted);
    # Jinja's own Template.render where a caller's code uses it.
    (
        "Jinja template code (all below)",
        [("engine/limits.py", "render_bounded"), ("jinja2/environment.py", "render")],
    ),
    (
        "  of which value hooks (escape, XML chars)",
        [("engine/environment.py", "_value"), ("engine/values.py", "value")],
    ),
    ("  of which sandbox attribute lookups", [("engine/environment.py", "getattr")]),
    ("encode rendered parts to UTF-8", [("~", "<method 'encode' of 'str' objects>")]),
    ("package edits (ids, rels, media)", [("engine/packing.py", "apply_edits")]),
    ("post-render checks (parse parts)", [("engine/verify.py", "check_parts")]),
    ("zip writing (deflate, headers)", [("engine/template.py", "_pack")]),
]
RENDER_ENTRY: Match = ("engine/template.py", "render")


def profile_docgen(render: Render, ctx: dict[str, Any], renders: int) -> dict[str, Any]:
    """cProfile ``renders`` docgen renders: time per stage and docgen's top-10 cumulative."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(renders):
        render(ctx)
    profiler.disable()
    stats = pstats.Stats(profiler)
    raw: dict[tuple[str, int, str], tuple[int, int, float, float, Any]]
    raw = stats.stats  # type: ignore[attr-defined]

    def cumulative(matches: list[Match]) -> float:
        # Alternatives of one stage may call each other (the filter calls the value method),
        # so the stage is the largest of them, never their sum.
        return max(
            (
                ct
                for (filename, _, funcname), (_, _, _, ct, _) in raw.items()
                if any(filename.endswith(suffix) and funcname == name for suffix, name in matches)
            ),
            default=0.0,
        )

    total = cumulative([RENDER_ENTRY]) or sum(tt for (_, _, tt, _, _) in raw.values())
    stages = {label: cumulative(matches) for label, matches in STAGES}
    top_level = sum(t for label, t in stages.items() if not label.startswith(" "))
    stages["other (rest of Template.render)"] = max(total - top_level, 0.0)
    top = sorted(
        ((key, val) for key, val in raw.items() if "/docgen/" in key[0]),
        key=lambda item: item[1][3],
        reverse=True,
    )[:10]
    return {
        "renders": renders,
        "profiled_ms_per_render": total / renders * 1e3,
        "stages": {
            label: {"ms_per_render": t / renders * 1e3, "share": t / total if total else 0.0}
            for label, t in stages.items()
        },
        "top_cumulative": [
            {
                "function": f"{_short(filename)}:{line}({funcname})",
                "calls_per_render": nc / renders,
                "cum_ms_per_render": ct / renders * 1e3,
                "share": ct / total if total else 0.0,
            }
            for (filename, line, funcname), (_, nc, _, ct, _) in top
        ],
    }


def _short(filename: str) -> str:
    marker = "/docgen/"
    return "docgen/" + filename.split(marker, 1)[1] if marker in filename else filename


# --------------------------------------------------------------------------- report


def table(rows: list[list[str]], header: list[str]) -> str:
    """Left-align the first column, right-align the rest."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def fmt(row: list[str]) -> str:
        cells = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        return "  ".join(cells).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([fmt(header), rule, *(fmt(r) for r in rows)])


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def report_text(res: dict[str, Any]) -> str:
    env, per, bat, scale, rss, prof = (
        res["env"],
        res["ms_per_doc_30_rows"],
        res["batch"],
        res["rows"],
        res["rss"],
        res["profile"],
    )
    out: list[str] = []
    out.append(
        f"docgen {env['docgen']} vs docxtpl {env['docxtpl']} | Python {env['python']} | "
        f"{env['cpu']} x{env['cpus']} | pinned to CPU {env['cpu_pinned']} | mode {env['mode']}"
    )
    if env["loadavg_1min_at_start"] > 0.5:
        out.append(
            f"WARNING: load average {env['loadavg_1min_at_start']:.2f} at start: other processes "
            "were running; absolute times may be inflated (ratios are interleaved, so fairer)"
        )
    out.append(
        f"template {env['template']} | docgen.load (cold compile) {env['docgen_load_ms']:.1f} ms"
    )
    out.append("")
    out.append(f"1. One document, 30 rows (median of {per['repeats']} interleaved samples)")
    base = per["docgen"]["ms"]
    rows = [
        [name, f"{v['ms']:.2f}", f"{v['inner']}", f"{v['ms'] / base:.1f}x"]
        for name, v in per.items()
        if name not in ("repeats", "check_line")
    ]
    out.append(table(rows, ["engine", "ms/doc", "docs/sample", "time vs docgen"]))
    if "check_line" in per:
        out.append(f"   {per['check_line']}")
    out.append("")
    out.append(
        f"2. Batch on one core, distinct context per document, 30 rows, each document written "
        f"to a file; min / median / max of {bat['rounds']} rounds"
    )
    rows = [
        [
            name,
            f"{v['docs']}",
            f"{v['ms_per_doc_min_max'][0]:.2f} / {v['ms_per_doc']:.2f} / "
            f"{v['ms_per_doc_min_max'][1]:.2f}",
            f"{v['docs_per_s']:.0f}",
        ]
        for name, v in bat["engines"].items()
    ]
    out.append(table(rows, ["engine", "docs", "ms/doc", "docs/s (median)"]))
    out.append(
        f"   {bat['ratio_line']}   (vs reused docxtpl object {bat['ratio_vs_reuse']:.1f}x)   "
        f"target >= {TARGET_RATIO:.0f}x: {verdict(bat['ratio'] >= TARGET_RATIO)}"
    )
    out.append("")
    out.append(f"3. Table rows (median of {scale['repeats']} interleaved samples)")
    rows = []
    for engine in ("docgen", "docxtpl"):
        cells = [engine]
        for n in scale["sizes"]:
            ms = scale["ms"].get(engine, {}).get(str(n))
            cells.append("-" if ms is None else f"{ms:.2f}")
        rows.append(cells)
    out.append(table(rows, ["ms/doc at rows", *(f"{n:,}" for n in scale["sizes"])]))
    out.append(
        f"   docgen per extra row 300->3,000: {scale['docgen_us_per_row']:.1f} us   "
        f"target <= {TARGET_US_PER_ROW:.0f} us: "
        f"{verdict(scale['docgen_us_per_row'] <= TARGET_US_PER_ROW)}"
    )
    out.append(
        f"   (docgen 30->300: {scale['docgen_us_per_row_30_300']:.1f} us/row; "
        f"docxtpl 30->300: {scale['docxtpl_us_per_row_30_300']:.1f} us/row)"
    )
    out.append("")
    out.append("4. Peak RSS of a batch (fresh child process per engine, VmHWM reset after load)")
    rows = [
        [
            v["engine"],
            f"{v['docs']}",
            f"{v['rss_after_load_mib']:.1f}",
            f"{v['peak_rss_mib']:.1f}",
            f"{v['delta_mib']:.1f}",
            f"{v['rss_end_mib']:.1f}",
        ]
        for v in rss.values()
    ]
    out.append(
        table(rows, ["engine", "docs", "after load MiB", "peak MiB", "peak-load MiB", "end MiB"])
    )
    gd = rss["docgen"]
    out.append(
        f"   docgen peak over load: {gd['delta_mib']:.1f} MiB   "
        f"target <= {TARGET_RSS_MIB:.0f} MiB: "
        f"{verdict(gd['delta_mib'] <= TARGET_RSS_MIB)}"
        + ("" if gd["hwm_reset"] else "   (WARNING: VmHWM could not be reset)")
    )
    out.append("")
    out.append(
        f"5. Where docgen's render time goes (check=True, cProfile, {prof['renders']} renders, "
        f"{prof['profiled_ms_per_render']:.2f} ms/render under the profiler)"
    )
    rows = [
        [label, f"{v['ms_per_render']:.3f}", f"{v['share'] * 100:.1f}%"]
        for label, v in prof["stages"].items()
    ]
    out.append(table(rows, ["render stage", "ms/doc", "share"]))
    out.append("")
    rows = [
        [
            t["function"],
            f"{t['calls_per_render']:.0f}",
            f"{t['cum_ms_per_render']:.3f}",
            f"{t['share'] * 100:.1f}%",
        ]
        for t in prof["top_cumulative"]
    ]
    out.append(
        table(rows, ["docgen function (top 10 cumulative)", "calls/doc", "cum ms/doc", "share"])
    )
    return "\n".join(out)


# --------------------------------------------------------------------------- main


def _pin(cpu: int | None) -> int | None:
    """Optionally pin to one CPU so the scheduler does not migrate the process.

    Opt-in: two benchmarks pinned to the same CPU would share one core and both read ~2x slow.
    The run is single-threaded either way, so "one core" holds without pinning.
    """
    if cpu is None or not hasattr(os, "sched_setaffinity"):
        return None
    os.sched_setaffinity(0, {cpu})
    return cpu


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> dict[str, Any]:
    quick: bool = args.quick
    path: Path = args.template
    repeats = 7 if quick else 21
    rounds = args.rounds
    rows_repeats = 5 if quick else 11
    docgen_batch = 1000
    docxtpl_batch = 100 if quick else 300
    profile_renders = 200

    cpu = _pin(args.pin)
    load_before = os.getloadavg()[0]
    ctx30 = make_context(30, seed=0)

    start = time.perf_counter()
    docgen_tpl = docgen.load(path)
    load_ms = (time.perf_counter() - start) * 1e3
    docgen_render: Render = docgen_tpl.render
    engines: dict[str, Render] = {
        "docxtpl": docxtpl_fresh(path),
        "docxtpl (reused object)": docxtpl_reuse(path),
        "docgen": docgen_render,
    }
    variants = dict(engines)
    if "check" in inspect.signature(docgen_tpl.render).parameters:
        # The engine skips re-parsing parts it proved well formed at compile time; this row
        # shows what the independent post-render check would cost on every document.
        variants["docgen (check=True)"] = partial(docgen_tpl.render, check=True)
    for name, render in variants.items():
        _sanity_check(name, render(ctx30), ctx30)

    _log("1/5 ms/doc at 30 rows")
    samplers = [
        Sampler(name, render, inner=_calibrate(render, ctx30, 0.03))
        for name, render in variants.items()
    ]
    interleaved(samplers, ctx30, repeats)
    per: dict[str, Any] = {s.name: {"ms": s.median_ms, "inner": s.inner} for s in samplers}
    per["repeats"] = repeats
    by_name = {s.name: Spread(s.samples) for s in samplers}
    if "docgen (check=True)" in by_name:
        per["check_line"] = ratio_line(
            "render check=True / check=False",
            by_name["docgen (check=True)"],
            by_name["docgen"],
            "<= 1.2x",
        )

    _log(f"2/5 batch: docgen {docgen_batch} docs, docxtpl {docxtpl_batch} docs, {rounds} rounds")
    seeds = range(1, docgen_batch + 1)
    contexts = [make_context(30, seed=s) for s in seeds]
    # As users run a batch: every document written to a file, and docgen with the check that
    # the CLI and ``docgen batch`` do by default.
    batch_engines: dict[str, Render] = {
        "docxtpl": engines["docxtpl"],
        "docxtpl (reused object)": engines["docxtpl (reused object)"],
        "docgen (check=True)": partial(docgen_tpl.render, check=True),
    }
    batch_contexts = {
        "docxtpl": contexts[:docxtpl_batch],
        "docxtpl (reused object)": contexts[:docxtpl_batch],
        "docgen (check=True)": contexts,
    }
    per_doc = {name: Spread() for name in batch_engines}
    for n in range(rounds):
        with tempfile.TemporaryDirectory(prefix="docgen-bench-engine-") as tmp:
            order = list(batch_engines)[n % 3 :] + list(batch_engines)[: n % 3]
            totals = batch(
                {name: batch_engines[name] for name in order}, batch_contexts, 50, Path(tmp)
            )
        for name, secs in totals.items():
            per_doc[name].values.append(secs / len(batch_contexts[name]))
    bat_engines = {
        name: {
            "docs": len(batch_contexts[name]),
            "ms_per_doc": spread.median * 1e3,
            "ms_per_doc_min_max": (spread.min * 1e3, spread.max * 1e3),
            "docs_per_s": 1 / spread.median,
        }
        for name, spread in per_doc.items()
    }
    del contexts, batch_contexts
    ours = per_doc["docgen (check=True)"]
    bat: dict[str, Any] = {
        "engines": bat_engines,
        "rounds": rounds,
        "ratio": ratio(per_doc["docxtpl"], ours),
        "ratio_vs_reuse": ratio(per_doc["docxtpl (reused object)"], ours),
        "ratio_line": ratio_line("docxtpl / docgen (s/doc)", per_doc["docxtpl"], ours),
    }

    _log("3/5 rows 30 / 300 / 3,000")
    sizes = [30, 300, 3000]
    scale_ms: dict[str, dict[str, float]] = {"docgen": {}, "docxtpl": {}}
    for n in sizes:
        ctx = make_context(n, seed=n)
        group = [Sampler("docgen", docgen_render, inner=_calibrate(docgen_render, ctx, 0.03))]
        if n <= 300:
            fresh = engines["docxtpl"]
            group.append(Sampler("docxtpl", fresh, inner=_calibrate(fresh, ctx, 0.03)))
        interleaved(group, ctx, rows_repeats, warmup=1)
        for s in group:
            scale_ms[s.name][str(n)] = s.median_ms
    g, d = scale_ms["docgen"], scale_ms["docxtpl"]
    scale: dict[str, Any] = {
        "sizes": sizes,
        "repeats": rows_repeats,
        "ms": scale_ms,
        "docgen_us_per_row": (g["3000"] - g["300"]) / 2700 * 1e3,
        "docgen_us_per_row_30_300": (g["300"] - g["30"]) / 270 * 1e3,
        "docxtpl_us_per_row_30_300": (d["300"] - d["30"]) / 270 * 1e3,
    }

    _log("4/5 peak RSS (child processes)")
    rss = {
        "docgen": rss_in_child("docgen", docgen_batch, 30, path),
        "docxtpl": rss_in_child("docxtpl", docxtpl_batch, 30, path),
    }

    _log(f"5/5 profile ({profile_renders} docgen renders, check=True as the CLI renders)")
    prof = profile_docgen(partial(docgen_tpl.render, check=True), ctx30, profile_renders)

    env = {
        "python": platform.python_version(),
        "docgen": getattr(docgen, "__version__", "?"),
        "docxtpl": docxtpl.__version__,
        "cpu": _cpu_name(),
        "cpu_pinned": cpu,
        "cpus": os.cpu_count(),
        "loadavg_1min_at_start": load_before,
        "mode": "quick" if quick else "full",
        "template": str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path),
        "docgen_load_ms": load_ms,
    }
    targets = {
        "ratio_ge_20x": bat["ratio"] >= TARGET_RATIO,
        "us_per_row_le_20": scale["docgen_us_per_row"] <= TARGET_US_PER_ROW,
        "rss_within_30_mib": rss["docgen"]["delta_mib"] <= TARGET_RSS_MIB,
    }
    return {
        "env": env,
        "ms_per_doc_30_rows": per,
        "batch": bat,
        "rows": scale,
        "rss": rss,
        "profile": prof,
        "targets": targets,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="docgen vs docxtpl benchmark")
    parser.add_argument("--quick", action="store_true", help="fewer repeats, short docxtpl batch")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--template", type=Path, default=TEMPLATE)
    parser.add_argument("--rounds", type=int, default=3, help="batch rounds (3)")
    parser.add_argument("--pin", type=int, metavar="CPU", help="pin the run to this CPU")
    # Internal: one RSS measurement in a fresh process (see _rss_child).
    parser.add_argument("--rss-child", choices=["docgen", "docxtpl"], help=argparse.SUPPRESS)
    parser.add_argument("--docs", type=int, default=1000, help=argparse.SUPPRESS)
    parser.add_argument("--rows", type=int, default=30, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.rss_child:
        print(json.dumps(_rss_child(args.rss_child, args.docs, args.rows, args.template)))
        return 0

    results = run(args)
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        print(report_text(results))
    return 0 if all(results["targets"].values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
