"""``docgen render``: one template, one data file, one document."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from docgen.api import image_folder, prepare, render_compiled
from docgen.cli.options import (
    check_option,
    deterministic_option,
    echo_warnings,
    full_check_option,
    keep_web_links_option,
    strip_invalid_option,
    templates_option,
)
from docgen.fileio import write_atomic
from docgen.i18n import tr


@click.command()
@click.argument("template")
@click.argument("data", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    required=True,
    help="输出文件：.docx，Excel 模板为 .xlsx（- 为标准输出；无扩展名时补上）/ output file: "
    ".docx, or .xlsx for a workbook template (- for standard output; added when there is "
    "no suffix).",
)
@click.option(
    "--kind",
    "-k",
    default=None,
    help="数据的文种（缺省取模板清单的文种；plain 表示原样使用）/ data kind "
    "(default: the template's; plain: use the data as it is).",
)
@templates_option
@strip_invalid_option
@keep_web_links_option
@check_option
@full_check_option
@deterministic_option
@click.option(
    "--pdf",
    is_flag=True,
    help="另外转换为同名 PDF（LibreOffice）/ also convert it to a PDF next to it.",
)
@click.option(
    "--images",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=None,
    help="数据中图片文件名（印章、签名、浮动图片）所在的文件夹，缺省为数据文件所在文件夹 / "
    "the folder pictures named in the data are read from (default: the data file's folder).",
)
@click.option(
    "--watermark",
    default=None,
    metavar="TEXT",
    help="每页加文字水印，如 草稿、征求意见稿（.docx）/ a text watermark on every page, "
    "e.g. 草稿 (.docx).",
)
def render(
    template: str,
    data: Path,
    output: Path,
    kind: str | None,
    template_dirs: tuple[Path, ...],
    strip_invalid: bool,
    keep_web_links: bool,
    check: bool,
    full_check: bool,
    deterministic: bool,
    pdf: bool,
    images: Path | None,
    watermark: str | None,
) -> None:
    """用 DATA（YAML/JSON/TOML/Excel/CSV）填充模板 TEMPLATE，写出 .docx（Excel 模板写出 .xlsx）。

    Fill TEMPLATE (a .docx or .xlsx path or a library name such as
    plans/zhenggai-fangan) with DATA and write the document — or, for a
    workbook template, the .xlsx workbook — to --output atomically. DATA is read
    exactly as ``docgen validate`` reads it: a library template's data is
    validated as the template's kind and passed through its view, which writes
    the derived wording; data without a kind for a plain .docx is used as it is.
    The template's web hyperlinks lose their link and keep their text unless
    --keep-web-links. With --pdf, also write NAME.pdf next to it. Pictures the
    data names (a seal, a signature, a floating picture) are read only from the
    --images folder, by default the data file's own folder. --watermark puts a
    text watermark in every section's header, so it shows on every page. The
    document's created/modified properties are the render time; --deterministic (or
    SOURCE_DATE_EPOCH) fixes them, so the same input gives the same bytes.
    --check (the default) parses what the compile-time proof does not cover;
    --full-check parses every part the render wrote.
    """
    compiled, loaded = prepare(template, data, kind=kind, templates=template_dirs)
    echo_warnings(loaded.warnings)
    if pdf and str(output) == "-":
        raise click.UsageError(tr("--pdf 需要输出文件，不能用 -o -", "--pdf needs a file, not -"))
    blob = render_compiled(
        compiled,
        loaded.context,
        strip_invalid=strip_invalid,
        check="full" if full_check else check,
        keep_web_links=keep_web_links,
        images=image_folder(data, images),
        watermark=watermark,
        deterministic=deterministic,
    )
    if str(output) == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(blob)
        sys.stdout.buffer.flush()
        return
    suffix = getattr(compiled, "suffix", ".docx")
    if output.suffix and (suffix == ".xlsx") != (output.suffix.lower() == ".xlsx"):
        raise click.UsageError(
            tr(
                f"模板 {template} 生成 {suffix} 文件，输出文件名应以 {suffix} 结尾：{output}",
                f"template {template} makes a {suffix} file; name the output *{suffix}: {output}",
            )
        )
    written = write_atomic(output if output.suffix else output.with_suffix(suffix), blob)
    click.echo(str(written))
    if pdf:
        # Imported here: plain renders should not pay for loading the conversion machinery.
        from docgen.cli.convert_cmd import report
        from docgen.convert import to_pdf

        report(to_pdf([written], workers=1))


#: The commands the main ``docgen`` group registers.
COMMANDS: list[click.Command] = [render]
