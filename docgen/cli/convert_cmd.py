"""``docgen convert`` (PDF, HTML, Markdown) and ``docgen preview`` (PNG page images)."""

from __future__ import annotations

from pathlib import Path

import click

from docgen.cli.options import echo_warnings
from docgen.convert import DEFAULT_TIMEOUT, ConversionResult, preview, to_html, to_markdown, to_pdf

__all__ = ["COMMANDS", "convert", "preview_command", "report"]

_out_dir = click.option(
    "-o",
    "--output-dir",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="输出目录（默认与源文件同目录）/ output folder (default: next to each file).",
)


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--to",
    "fmt",
    type=click.Choice(["pdf", "html", "md"]),
    required=True,
    help="目标格式 / target format.",
)
@_out_dir
@click.option(
    "-j",
    "--workers",
    type=click.IntRange(1, 16),
    default=None,
    help="并行数（默认 CPU 数，最多 4）/ parallel workers (default: CPUs, at most 4).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(1),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    help="每个文件的时限（秒，PDF）/ seconds allowed per file (PDF).",
)
def convert(
    files: tuple[Path, ...], fmt: str, out_dir: Path | None, workers: int | None, timeout: float
) -> None:
    """把 FILE（.docx 等）转换为 PDF、HTML 或 Markdown。

    Convert FILEs to PDF (LibreOffice kept warm, in parallel), HTML or Markdown (pandoc).
    Prints each written file; warns on stderr about characters the mapped fonts lack.
    Exits 7 when any file fails (the others are still converted).
    """
    if fmt == "pdf":
        result = to_pdf(files, out_dir, workers=workers, timeout=timeout)
    elif fmt == "html":
        result = to_html(files, out_dir, workers=workers)
    else:
        result = to_markdown(files, out_dir, workers=workers)
    report(result)


@click.command("preview")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--page", type=click.IntRange(1), default=None, help="只生成第 N 页 / only page N.")
@click.option(
    "--dpi",
    type=click.IntRange(20, 600),
    default=100,
    show_default=True,
    help="分辨率 / resolution.",
)
@_out_dir
def preview_command(file: Path, page: int | None, dpi: int, out_dir: Path | None) -> None:
    """把 FILE 的页面生成 PNG 图片，打印前先看一眼。

    Write PNG images of the pages of FILE (a .docx is converted to PDF first), named
    NAME-<page>.png, so you can look before printing.
    """
    report(preview(file, out_dir, page=page, dpi=dpi))


def report(result: ConversionResult) -> None:
    """Warnings on stderr, one written file per line on stdout; raise when a file failed."""
    echo_warnings(result.warnings)
    for converted in result.outputs:
        click.echo(str(converted.path))
    result.raise_for_failures()


COMMANDS = [convert, preview_command]
