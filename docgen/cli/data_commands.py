"""CLI commands for data files: ``validate``, ``init`` and ``schema``.

Each command is a thin door onto :mod:`docgen.data`. Problems are raised as
``DataError``; the main ``docgen`` group prints them and exits with the error's
``exit_code`` (4 for data errors). :func:`run_guarded` does the same for callers
that build their own group (tests).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

import click

from docgen.cli.options import echo_warnings
from docgen.data.api import load_config, validate_files
from docgen.data.config import DataConfig
from docgen.data.kinds import KINDS, resolve_kind
from docgen.data.loaders import SUFFIXES
from docgen.data.schema import schema_for
from docgen.data.starters import STARTERS
from docgen.data.writer import dump_yaml
from docgen.data.xlsx_writer import write_xlsx
from docgen.exceptions import DataError, DocgenError
from docgen.i18n import tr

T = TypeVar("T")

_KIND_HELP = "文种 / kind: " + ", ".join(f"{k}（{i.label_zh}）" for k, i in KINDS.items())


def run_guarded(ctx: click.Context, action: Callable[[], T]) -> T:
    """Run ``action``; on a ``DocgenError`` print it and exit with its ``exit_code``."""
    try:
        return action()
    except DocgenError as err:
        click.echo(str(err), err=True)
        ctx.exit(err.exit_code)
    raise AssertionError("unreachable")  # pragma: no cover -- ctx.exit raises


def _kind_name(value: str) -> str:
    found = resolve_kind(value)
    if found is None:
        raise click.BadParameter(
            tr(f"未知的文种“{value}”。{_KIND_HELP}", f"unknown kind {value!r}. {_KIND_HELP}")
        )
    return found[0]


def _expand(paths: Sequence[Path]) -> Iterator[Path]:
    """Files as given; folders replaced by the data files inside them (sorted)."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file()
            )
        else:
            yield path


@click.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--kind",
    "-k",
    default=None,
    help=tr("指定文种（缺省时自动判断）", "kind of every file (detected when omitted)"),
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help=tr("配置文件（枚举与规则）", "config file (vocabularies and rules)"),
)
@click.option("--strict", is_flag=True, help=tr("警告也算错误", "treat warnings as errors"))
def validate(
    files: tuple[Path, ...], kind: str | None, config_path: Path | None, strict: bool
) -> None:
    """校验数据文件，一次列出全部问题 / Validate data files, listing every problem at once."""
    config: DataConfig | None = load_config(config_path) if config_path else None
    paths = list(_expand(files))
    problems = validate_files(paths, kind=_kind_name(kind) if kind else None, config=config)
    errors = [p for p in problems if p.severity == "error" or strict]
    if errors:
        raise DataError(
            f"校验未通过：{len(errors)} 处错误，{len(problems) - len(errors)} 处警告",
            f"validation failed: {len(errors)} error(s), {len(problems) - len(errors)} warning(s)",
            problems,
        )
    echo_warnings(problems)
    click.echo(
        tr(
            f"校验通过：{len(paths)} 个文件，{len(problems)} 处警告",
            f"valid: {len(paths)} file(s), {len(problems)} warning(s)",
        )
    )


@click.command("init")
@click.argument("kind")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help=tr("输出文件", "output file"),
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["yaml", "xlsx"]),
    default=None,
    help=tr(
        "格式（缺省按输出文件扩展名，否则 yaml）", "format (from the output suffix, else yaml)"
    ),
)
@click.option("--force", is_flag=True, help=tr("覆盖已有文件", "overwrite an existing file"))
@click.option(
    "--bundle",
    "bundle_name",
    default=None,
    metavar="NAME",
    help=tr(
        "与 roster 连用：写出套件 NAME 批量所读的花名册样表（.xlsx）",
        "with roster: write the starter roster spreadsheet that bundle NAME's batch reads",
    ),
)
def init(
    kind: str, output: Path | None, fmt: str | None, force: bool, bundle_name: str | None
) -> None:
    """生成带中文说明的起始数据文件 / Write a starter data file with Chinese notes.

    `docgen init roster --bundle NAME -o 花名册.xlsx` writes the roster columns of
    a bundle's batch (see `docgen bundle show NAME`).
    """
    name = _kind_name(kind)
    if bundle_name is not None:
        _init_bundle_roster(name, bundle_name, output, force)
        return
    fmt = fmt or (
        "xlsx" if output is not None and output.suffix.lower() in (".xlsx", ".xlsm") else "yaml"
    )
    model = KINDS[name].model.model_validate(STARTERS[name])
    if output is None and fmt == "xlsx":
        output = Path(f"{name}.xlsx")
    if output is not None and output.exists() and not force:
        raise click.ClickException(
            tr(f"{output} 已存在，加 --force 覆盖", f"{output} exists; add --force to overwrite")
        )
    if fmt == "xlsx":
        assert output is not None  # noqa: S101 -- set just above
        write_xlsx(model, output)
        click.echo(tr(f"已生成 {output}", f"wrote {output}"))
        return
    header = tr(
        f"{KINDS[name].label_zh}起始文件：按注释修改各字段，删除不需要的字段。",
        f"Starter {KINDS[name].label_en} file: edit each field as its note says.",
    )
    text = dump_yaml(model, header=header)
    if output is None:
        click.echo(text, nl=False)
        return
    output.write_text(text, encoding="utf-8")
    click.echo(tr(f"已生成 {output}", f"wrote {output}"))


def _init_bundle_roster(kind: str, bundle_name: str, output: Path | None, force: bool) -> None:
    from docgen.bundle import Bundle  # deferred: bundles pull in the renderer
    from docgen.bundle.roster_starter import write_roster_starter

    if kind != "roster":
        raise click.UsageError(
            tr("--bundle 只能与 roster 连用", "--bundle goes with the roster kind only")
        )
    recipe = Bundle.load(bundle_name).recipe
    target = output or Path(f"{recipe.path.stem}-花名册.xlsx")
    if target.suffix.lower() != ".xlsx":
        target = target.with_suffix(".xlsx")
    if target.exists() and not force:
        raise click.ClickException(
            tr(f"{target} 已存在，加 --force 覆盖", f"{target} exists; add --force to overwrite")
        )
    write_roster_starter(recipe, target)
    click.echo(tr(f"已生成 {target}", f"wrote {target}"))


@click.command("schema")
@click.argument("kind")
def schema(kind: str) -> None:
    """输出 JSON Schema，供编辑器补全 / Print the JSON Schema of a kind, for editors."""
    click.echo(json.dumps(schema_for(_kind_name(kind)), ensure_ascii=False, indent=2))


#: The commands the main ``docgen`` group registers.
COMMANDS: list[click.Command] = [validate, init, schema]

__all__ = ["COMMANDS", "init", "run_guarded", "schema", "validate"]
