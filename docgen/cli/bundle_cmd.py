"""``docgen bundle`` (one recipe, one set of documents) and ``docgen batch`` (a run per row)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from docgen.batching import Progress
from docgen.batching import run as run_batch
from docgen.bundle import Bundle
from docgen.bundle.builtin import list_bundles
from docgen.bundle.describe import describe_recipe
from docgen.bundle.names import safe_folder
from docgen.cli.options import (
    check_option,
    deterministic_option,
    echo_warnings,
    keep_web_links_option,
    strip_invalid_option,
    templates_option,
)
from docgen.i18n import tr

_TEMPLATES = templates_option
_STRIP = strip_invalid_option
_LINKS = keep_web_links_option
_CHECK = check_option
_DETERMINISTIC = deterministic_option
_JSON = click.option(
    "--json", "as_json", is_flag=True, help="以 JSON 输出结果 / print a JSON result."
)
_PDF = click.option(
    "--pdf",
    is_flag=True,
    help=(
        "把生成的每份 .docx 也转为 PDF（同目录）；合订本先排版一次，目录写上页码 / also convert "
        "every .docx to PDF beside it; a merged volume is laid out first so its 目录 has page "
        "numbers."
    ),
)


@click.command()
@click.argument("recipe", required=False)
@click.argument("shown", required=False, metavar="[NAME]")
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="输出目录（默认：以配方名称命名的目录）/ output folder (default: named after the recipe).",
)
@click.option(
    "--set",
    "assignments",
    multiple=True,
    metavar="NAME=VALUE",
    help="设置配方变量，可重复 / set a recipe variable (repeatable).",
)
@click.option(
    "--input",
    "input_files",
    multiple=True,
    metavar="NAME=FILE",
    help="指定输入数据文件（相对当前目录），可重复 / give an input's data file "
    "(relative to the current folder; repeatable).",
)
@click.option(
    "--list", "list_only", is_flag=True, help="列出库中的套件 / list the library's bundles."
)
@click.option(
    "--sample",
    is_flag=True,
    help="未给出的输入用套件自带的示例数据（仅演示）/ use the bundle's sample data for inputs "
    "not given (a demonstration only).",
)
@_TEMPLATES
@_STRIP
@_LINKS
@_CHECK
@_DETERMINISTIC
@_PDF
@_JSON
def bundle(
    recipe: str | None,
    shown: str | None,
    output: Path | None,
    assignments: tuple[str, ...],
    input_files: tuple[str, ...],
    list_only: bool,
    sample: bool,
    template_dirs: tuple[Path, ...],
    strip_invalid: bool,
    keep_web_links: bool,
    check: bool,
    deterministic: bool,
    pdf: bool,
    as_json: bool,
) -> None:
    """按配方 RECIPE 生成一套文书（文件夹、zip 和/或合并文档）。

    Build the documents of the bundle RECIPE (a recipe file, or the name of a
    library bundle such as zuzhi-shenghuohui, niandu, zhenggai; see --list) into
    --output: the documents, a zip and/or one merged .docx, as the recipe says.
    With --pdf every .docx is also converted to PDF; exit code 7 when one fails.
    Inputs not given fail clearly; --sample uses the bundle's own sample data.
    Every output is dated the moment the build starts; --deterministic (or
    SOURCE_DATE_EPOCH) fixes the date, so the same input gives the same bytes.
    `docgen bundle show NAME` lists a bundle's inputs, variables and roster columns.
    """
    if list_only:
        _list(template_dirs, as_json)
        return
    if recipe == "show" and shown is not None:
        click.echo(describe_recipe(Bundle.load(shown, templates=template_dirs).recipe, as_json))
        return
    if recipe is None:
        raise click.UsageError(tr("请给出配方文件或套件名称", "give a recipe file or bundle name"))
    if shown is not None:
        raise click.UsageError(tr(f"多余的参数：{shown}", f"unexpected argument: {shown}"))
    loaded = Bundle.load(recipe, templates=template_dirs)
    target = output if output is not None else Path(safe_folder(loaded.name) or "bundle")
    result = loaded.build(
        target,
        _variables(assignments),
        inputs=_pairs(input_files, "--input"),
        strip_invalid=strip_invalid,
        check=check,
        pdf=pdf,
        sample=sample,
        keep_web_links=keep_web_links,
        deterministic=deterministic,
    )
    if as_json:
        click.echo(json.dumps(_build_json(result), ensure_ascii=False, indent=2))
    else:
        echo_warnings(result.warnings)
        for item in result.outputs:
            click.echo(str(item.path))
        for failure in result.failures:
            click.echo(f"  ✗ {failure.describe()}", err=True)
    if result.failures:
        raise click.exceptions.Exit(result.exit_code)


def _list(template_dirs: tuple[Path, ...], as_json: bool) -> None:
    found = list_bundles(template_dirs)
    if as_json:
        rows = [
            {"name": b.name, "title": b.title, "description": b.description, "path": str(b.path)}
            for b in found
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for item in found:
        click.echo(f"{item.name}\t{item.title}\t{item.description}")


@click.command()
@click.argument("recipe")
@click.option(
    "--roster",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="花名册（.xlsx 或 .csv），每行生成一套 / roster: one bundle per row.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="输出目录 / output folder.",
)
@click.option(
    "--sheet",
    default=None,
    help="工作表名（默认第一张可见的；隐藏的须点名）/ sheet name (default: the first visible one).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="并行进程数（默认每核一个）/ parallel processes (default: one per core).",
)
@click.option(
    "--executor",
    default=None,
    metavar="dask://HOST:PORT",
    help="改用 Dask 集群执行 / run the rows on a Dask cluster.",
)
@click.option(
    "--input",
    "input_files",
    multiple=True,
    metavar="NAME=FILE",
    help="各行共用的输入数据文件（相对当前目录），可重复；花名册各列再覆盖其中的字段 / an "
    "input file shared by every row (relative to the current folder; repeatable); roster "
    "columns then override its fields.",
)
@click.option("--force", is_flag=True, help="全部重做，不跳过已是最新的输出 / redo everything.")
@click.option("--quiet", is_flag=True, help="不显示进度和汇总 / no progress bar or summary.")
@_TEMPLATES
@_STRIP
@_LINKS
@_CHECK
@_DETERMINISTIC
@_PDF
@_JSON
def batch(
    recipe: str,
    roster: Path,
    output: Path,
    sheet: str | None,
    workers: int | None,
    executor: str | None,
    input_files: tuple[str, ...],
    force: bool,
    quiet: bool,
    template_dirs: tuple[Path, ...],
    strip_invalid: bool,
    keep_web_links: bool,
    check: bool,
    deterministic: bool,
    pdf: bool,
    as_json: bool,
) -> None:
    """按花名册逐行生成配方 RECIPE 的文书，可并行、可断点续做。

    Run the bundle RECIPE (a file or a library bundle name) once per row of
    --roster, in parallel, writing under --output. A bad row does not stop the
    batch; rows already done are skipped on a rerun (see manifest.json). With
    --pdf every .docx is also converted to PDF, listed in the manifest too.
    --input NAME=FILE gives a file every row shares (one common plan); each row's
    columns override it (see `docgen bundle show RECIPE`; a starter roster:
    `docgen init roster --bundle RECIPE`). Paths in roster cells are relative to
    the roster's folder. 批量结果.xlsx beside the outputs lists every row.
    Every document is dated the moment the batch starts (a resumed batch keeps
    that moment); --deterministic (or SOURCE_DATE_EPOCH) fixes the date.
    Exit code 9 when any row failed, else 7 when a document did not convert.
    """
    bar = _ProgressBar(enabled=not quiet)
    try:
        result = run_batch(
            recipe,
            roster,
            output,
            workers=workers,
            executor=executor,
            force=force,
            sheet=sheet,
            templates=template_dirs,
            strip_invalid=strip_invalid,
            check=check,
            progress=bar,
            pdf=pdf,
            keep_web_links=keep_web_links,
            inputs=_pairs(input_files, "--input"),
            deterministic=deterministic,
        )
    finally:
        bar.close()
    if as_json:
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    elif not quiet or not result.ok:
        click.echo(result.summary(), err=True)
    if not result.ok:
        raise click.exceptions.Exit(result.exit_code)


class _ProgressBar:
    """A click progress bar on stderr, created when the first row finishes."""

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled
        self.bar: Any = None

    def __call__(self, progress: Progress) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            label = tr("生成中", "producing")
            self.bar = click.progressbar(length=progress.total, label=label, file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


def _variables(assignments: tuple[str, ...]) -> dict[str, str]:
    return _pairs(assignments, "--set")


def _pairs(assignments: tuple[str, ...], option: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for item in assignments:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(
                tr(f"应写成 名称=值：{item}", f"expected NAME=VALUE: {item}"), param_hint=option
            )
        values[name.strip()] = value
    return values


def _build_json(result: Any) -> dict[str, Any]:
    return {
        "ok": result.ok,
        "exit_code": result.exit_code,
        "out_dir": str(result.out_dir) if result.out_dir is not None else None,
        "outputs": [
            {"path": str(o.path), "kind": o.kind, "step": o.step, "sha256": o.sha256}
            for o in result.outputs
        ],
        "failures": [
            {
                "step": f.step,
                "output": f.output,
                "code": f.code,
                "exit_code": f.exit_code,
                "message": f.message,
            }
            for f in result.failures
        ],
    }


COMMANDS = [bundle, batch]
