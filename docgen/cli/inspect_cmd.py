"""``docgen inspect``: measure printed pages (PDF) against the GB/T 9704 house style."""

from __future__ import annotations

import json
from pathlib import Path

import click

from docgen.fileio import write_atomic
from docgen.i18n import set_language, tr
from docgen.inspect import inspect_pdf
from docgen.inspect.spec import FORM, GBT_9704

#: Exit code when a PDF breaks the house style (the code of template problems).
LAYOUT_FAILED = 3


@click.command()
@click.argument(
    "pdfs", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--docx",
    "sources",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="生成该 PDF 的 .docx，用来核对是否丢字（可重复，按 PDF 的顺序；"
    "默认取 PDF 旁边的同名 .docx）/ the .docx each PDF was made from, to check that no "
    "character is lost (repeatable, in the order of the PDFs; default: the .docx of the same "
    "name beside the PDF).",
)
@click.option(
    "--form",
    is_flag=True,
    help="按表单（如民主测评表）检查：正文为表格小字（小四，行距 18 磅），其余同 GB/T 9704 / "
    "judge a form (such as the 民主测评表): its text in the tables' small type (12 pt on 18 pt "
    "lines), everything else as GB/T 9704.",
)
@click.option("--json", "as_json", is_flag=True, help="输出 JSON / print a JSON report.")
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default=None,
    help="报告语言（默认中文）/ report language.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="把报告写入文件 / also write the report to this file.",
)
def inspect(
    pdfs: tuple[Path, ...],
    sources: tuple[Path, ...],
    form: bool,
    as_json: bool,
    lang: str | None,
    output: Path | None,
) -> None:
    """测量 PDF 的版面并按 GB/T 9704 版式逐项检查。

    Measure each PDF (page size, margins, fonts of title, body and headings, body size and
    line pitch, lines per page, characters per line, page numbers) and check it against the
    house style. With the .docx it was made from (``--docx``, or the .docx of the same name
    beside the PDF) it also checks that every character of the .docx is printed, in order, and
    lists lost characters with their page. A merged volume (cover, 目录, page numbers restarting
    per document) is judged part by part, each on its own pages, with checks of its blank pages,
    right-hand starts and numbering across parts. ``--form`` judges a form handed out to be
    filled in (the 民主测评表) by its small type instead of the 公文 body's 3号. Exits 0 when
    every check passes, 3 when any fails, 4 when a file is not a readable PDF or .docx.
    """
    if lang:
        set_language(lang)
    if sources and len(sources) != len(pdfs):
        raise click.UsageError(
            tr(
                f"给了 {len(pdfs)} 个 PDF、{len(sources)} 个 --docx：两者数目要相同",
                f"{len(pdfs)} PDF(s) but {len(sources)} --docx: give one .docx per PDF",
            )
        )
    pairs = zip(pdfs, sources or (_beside(path) for path in pdfs), strict=True)
    spec = FORM if form else GBT_9704
    reports = [inspect_pdf(path, spec, source=source) for path, source in pairs]
    passed = all(r.passed for r in reports)
    if as_json:
        payload = {"passed": passed, "reports": [r.to_dict() for r in reports]}
        text = json.dumps(payload, ensure_ascii=False, indent=2)
    else:
        text = "\n\n".join(r.describe() for r in reports)
    click.echo(text)
    if output is not None:
        write_atomic(output, (text + "\n").encode("utf-8"))
    if not passed:
        failed = sum(not r.passed for r in reports)
        click.echo(
            tr(f"{failed} 个文件不符合版式要求", f"{failed} file(s) break the house style"),
            err=True,
        )
        raise SystemExit(LAYOUT_FAILED)


def _beside(pdf: Path) -> Path | None:
    """``name.docx`` next to ``name.pdf``, if there is one."""
    candidate = pdf.with_suffix(".docx")
    return candidate if candidate.is_file() else None


COMMANDS = [inspect]
