"""``docgen check``: every problem of a template, in one pass."""

from __future__ import annotations

from pathlib import Path

import click

from docgen.api import check_template
from docgen.cli.options import templates_option
from docgen.i18n import tr
from docgen.library import find_template


@click.command()
@click.argument("template")
@templates_option
@click.option("--strict", is_flag=True, help="警告也算失败 / treat warnings as failures.")
def check(template: str, template_dirs: tuple[Path, ...], strict: bool) -> None:
    """检查模板 TEMPLATE 的全部问题（标记拆分、块不配对、未知过滤器、语法错误）。

    Check TEMPLATE and list all problems at once, each with a stable code and
    its place (part, paragraph, table cell). Exits 3 when errors are found
    (or warnings, with --strict).
    """
    path = find_template(template, template_dirs)
    problems = check_template(path)
    for problem in problems:
        label = tr("错误", "error") if problem.severity == "error" else tr("警告", "warning")
        click.echo(f"{label}: {problem.describe()}")
    failing = [p for p in problems if p.severity == "error" or strict]
    if failing:
        click.echo(
            tr(f"{path}：发现 {len(failing)} 处问题", f"{path}: {len(failing)} problem(s)"),
            err=True,
        )
        raise SystemExit(3)
    click.echo(tr(f"{path}：没有发现问题", f"{path}: no problems found"))


#: The commands the main ``docgen`` group registers.
COMMANDS: list[click.Command] = [check]
