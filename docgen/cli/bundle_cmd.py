"""``docgen bundle`` (one recipe, one set of documents) and ``docgen batch`` (a run per row)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from docgen.batch import Progress
from docgen.batch import run as run_batch
from docgen.batch.result import describe_failure
from docgen.bundle import Bundle
from docgen.bundle.names import safe_folder
from docgen.i18n import tr

_TEMPLATES = click.option(
    "--templates",
    "template_dirs",
    multiple=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="另外的模板库目录，可重复 / extra template folder (repeatable).",
)
_STRIP = click.option(
    "--strip-invalid",
    is_flag=True,
    help="删除 XML 不允许的控制字符 / drop characters XML cannot hold.",
)
_CHECK = click.option(
    "--check/--no-check",
    default=True,
    show_default=True,
    help="渲染后完整检查文档包 / fully check every rendered package.",
)
_JSON = click.option(
    "--json", "as_json", is_flag=True, help="以 JSON 输出结果 / print a JSON result."
)


@click.command()
@click.argument("recipe", type=click.Path(dir_okay=False, path_type=Path))
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
@_TEMPLATES
@_STRIP
@_CHECK
@_JSON
def bundle(
    recipe: Path,
    output: Path | None,
    assignments: tuple[str, ...],
    template_dirs: tuple[Path, ...],
    strip_invalid: bool,
    check: bool,
    as_json: bool,
) -> None:
    """按配方 RECIPE 生成一套文书（文件夹、zip 和/或合并文档）。

    Build the documents of the bundle recipe RECIPE into --output: the
    documents, a zip and/or one merged .docx, as the recipe says.
    """
    loaded = Bundle.load(recipe, templates=template_dirs)
    target = output if output is not None else Path(safe_folder(loaded.name) or "bundle")
    result = loaded.build(target, _variables(assignments), strip_invalid=strip_invalid, check=check)
    if as_json:
        click.echo(json.dumps(_build_json(result), ensure_ascii=False, indent=2))
    else:
        for item in result.outputs:
            click.echo(str(item.path))
        for failure in result.failures:
            click.echo(describe_failure(failure), err=True)
    if result.failures:
        raise click.exceptions.Exit(result.failures[0].exit_code or 1)


@click.command()
@click.argument("recipe", type=click.Path(dir_okay=False, path_type=Path))
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
@click.option("--sheet", default=None, help="工作表名（默认第一张）/ sheet name (default: first).")
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
@click.option("--force", is_flag=True, help="全部重做，不跳过已是最新的输出 / redo everything.")
@click.option("--quiet", is_flag=True, help="不显示进度和汇总 / no progress bar or summary.")
@_TEMPLATES
@_STRIP
@_CHECK
@_JSON
def batch(
    recipe: Path,
    roster: Path,
    output: Path,
    sheet: str | None,
    workers: int | None,
    executor: str | None,
    force: bool,
    quiet: bool,
    template_dirs: tuple[Path, ...],
    strip_invalid: bool,
    check: bool,
    as_json: bool,
) -> None:
    """按花名册逐行生成配方 RECIPE 的文书，可并行、可断点续做。

    Run the bundle RECIPE once per row of --roster, in parallel, writing under
    --output. A bad row does not stop the batch; rows already done are skipped
    on a rerun (see manifest.json). Exit code 9 when any row failed.
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
    values: dict[str, str] = {}
    for item in assignments:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(
                tr(f"应写成 名称=值：{item}", f"expected NAME=VALUE: {item}"), param_hint="--set"
            )
        values[name.strip()] = value
    return values


def _build_json(result: Any) -> dict[str, Any]:
    return {
        "ok": result.ok,
        "out_dir": str(result.out_dir),
        "outputs": [
            {"path": str(o.path), "kind": o.kind, "step": o.step, "sha256": o.sha256}
            for o in result.outputs
        ],
        "failures": [
            {"step": f.step, "output": f.output, "code": f.code, "message": f.message}
            for f in result.failures
        ],
    }


COMMANDS = [bundle, batch]
