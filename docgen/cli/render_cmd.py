"""``docgen render``: one template, one data file, one document."""

from __future__ import annotations

from pathlib import Path

import click

from docgen.api import load, render_to_file
from docgen.cli.options import check_option, strip_invalid_option, templates_option
from docgen.library import find_template
from docgen.views import render_context


@click.command()
@click.argument("template")
@click.argument("data", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="输出的 .docx 文件 / output .docx file.",
)
@templates_option
@strip_invalid_option
@check_option
@click.option(
    "--pdf",
    is_flag=True,
    help="另外转换为同名 PDF（LibreOffice）/ also convert it to a PDF next to it.",
)
def render(
    template: str,
    data: Path,
    output: Path,
    template_dirs: tuple[Path, ...],
    strip_invalid: bool,
    check: bool,
    pdf: bool,
) -> None:
    """用 DATA（YAML/JSON/TOML）填充模板 TEMPLATE，写出 .docx。

    Fill TEMPLATE (a .docx path or a library name such as plans/zhenggai-fangan)
    with DATA (YAML, JSON or TOML) and write the document to --output atomically.
    A docgen data file (with ``kind:``, or a spreadsheet) is validated and
    passed through its kind's view, which writes the derived wording.
    With --pdf, also write NAME.pdf next to it.
    """
    path = find_template(template, template_dirs)
    context = render_context(data)
    written = render_to_file(load(path), context, output, strip_invalid=strip_invalid, check=check)
    click.echo(str(written))
    if pdf:
        # Imported here: plain renders should not pay for loading the conversion machinery.
        from docgen.cli.convert_cmd import report
        from docgen.convert import to_pdf

        report(to_pdf([written], workers=1))
