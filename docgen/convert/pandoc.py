"""HTML and Markdown through pandoc, keeping headings, lists, tables and the title.

Each .docx first goes through :func:`docgen.convert.headings.mark_headings` (Chinese heading
styles and outline levels become headings pandoc recognises) and pandoc runs with
``frontmatter.lua`` (the title stays in the body). HTML is a standalone UTF-8 page in
``lang="zh-CN"``; Markdown is pandoc's own dialect, which keeps tables with several
paragraphs per cell. ``--wrap=none``: pandoc would otherwise break lines every 72 columns, and
a line break inside Chinese text turns into a stray space in most Markdown renderers.

Before pandoc sees a file it goes through the same preflight as PDF conversion
(:mod:`docgen.convert.preflight`): a damaged or lying package is refused with the member named,
and references outside the document (``file:`` links, linked pictures, including fields) are
removed, each with a warning, so no page pandoc writes points a reader's browser at them.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
import zipfile
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Literal

from lxml import etree

from docgen.convert.headings import mark_headings
from docgen.convert.preflight import prepare
from docgen.convert.result import ConversionResult, converted
from docgen.convert.tools import find_pandoc
from docgen.exceptions import ConversionError, Problem
from docgen.fileio import write_atomic
from docgen.results import Failure, Output

__all__ = ["PANDOC_TIMEOUT", "TextFormat", "to_html", "to_markdown", "to_text"]

TextFormat = Literal["html", "md"]
PANDOC_TIMEOUT = 120.0
_FILTER = Path(__file__).resolve().parent / "frontmatter.lua"
# "-smart": pandoc's Markdown writer would otherwise turn “” into straight quotes (and rely on
# a reader to curl them again); Chinese text must keep its full-width quotation marks as typed.
_WRITER = {"html": ["-t", "html5", "-s", "-M", "lang=zh-CN"], "md": ["-t", "markdown-smart"]}


def to_html(
    paths: Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str] | None = None,
    *,
    workers: int | None = None,
) -> ConversionResult:
    """Convert .docx files to standalone HTML pages (``name.html``)."""
    return to_text(paths, "html", out_dir, workers=workers)


def to_markdown(
    paths: Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str] | None = None,
    *,
    workers: int | None = None,
) -> ConversionResult:
    """Convert .docx files to Markdown (``name.md``)."""
    return to_text(paths, "md", out_dir, workers=workers)


def to_text(
    paths: Iterable[str | os.PathLike[str]],
    fmt: TextFormat,
    out_dir: str | os.PathLike[str] | None = None,
    *,
    workers: int | None = None,
) -> ConversionResult:
    """Convert to ``fmt`` in parallel threads (pandoc does the work in its own processes)."""
    pandoc = find_pandoc()
    sources = [Path(p) for p in paths]
    targets = [Path(out_dir or s.parent) / f"{s.stem}.{fmt}" for s in sources]
    if len({t.resolve() for t in targets}) != len(targets):
        raise ConversionError(
            "有多个文件同名，会写到同一个输出文件，请分开转换",
            "several files share a name and would overwrite one output; convert them separately",
        )
    with ThreadPoolExecutor(max_workers=workers or min(4, os.cpu_count() or 1)) as pool:
        futures = [
            pool.submit(_convert_one, pandoc, s, t, fmt)
            for s, t in zip(sources, targets, strict=True)
        ]
        items = [future.result() for future in futures]
    result = ConversionResult()
    for item, warnings in items:
        result.warnings.extend(warnings)
        if isinstance(item, Output):
            result.outputs.append(item)
        else:
            result.failures.append(item)
    return result


def _convert_one(
    pandoc: str, source: Path, target: Path, fmt: TextFormat
) -> tuple[Output | Failure, tuple[Problem, ...]]:
    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="docgen-pandoc-") as scratch:
        ready = prepare(source, Path(scratch) / "preflight")
        if ready.refusal is not None:
            return Failure.conversion(source, *ready.refusal), ready.warnings
        done = _run_pandoc(pandoc, ready.path, Path(scratch), source, target, fmt)
    if isinstance(done, Failure):
        return done, ready.warnings
    write_atomic(target, done)
    return converted(source, target, 1, time.monotonic() - began), ready.warnings


def _run_pandoc(
    pandoc: str, path: Path, scratch: Path, source: Path, target: Path, fmt: TextFormat
) -> bytes | Failure:
    """pandoc's output for the checked file ``path`` (``source`` as the caller named it)."""
    try:
        prepared = mark_headings(path.read_bytes())
    except OSError as err:
        return Failure.conversion(source, f"无法读取：{err}", f"cannot read: {err}")
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as err:
        return Failure.conversion(source, f"不是有效的 .docx：{err}", f"not a valid .docx: {err}")
    staged = scratch / "in.docx"
    staged.write_bytes(prepared)
    command = [pandoc, str(staged), "-f", "docx", *_WRITER[fmt], "--wrap=none"]
    command += ["--lua-filter", str(_FILTER), "-M", f"pagetitle={source.stem}"]
    command += [f"--extract-media={target.parent / (target.stem + '_media')}"]
    try:
        done = subprocess.run(  # noqa: S603 - fixed argument list, no shell
            command, capture_output=True, timeout=PANDOC_TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired:
        return Failure.conversion(source, "pandoc 超时", "pandoc timed out")
    if done.returncode != 0:
        error = done.stderr.decode("utf-8", "replace").strip()
        return Failure.conversion(source, f"pandoc 出错：{error}", f"pandoc failed: {error}")
    return done.stdout
