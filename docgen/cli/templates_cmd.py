"""``docgen templates``: list the library; ``docgen templates show NAME``: what a template needs."""

from __future__ import annotations

from pathlib import Path

import click

from docgen.cli.options import templates_option
from docgen.library import Manifest, find_manifest, list_templates


@click.group(invoke_without_command=True)
@templates_option
@click.pass_context
def templates(ctx: click.Context, template_dirs: tuple[Path, ...]) -> None:
    """列出模板库：类别、名称、标题、数据类型。

    List the template library (genre, name, title, data kind); with
    ``show NAME``, print the fields a template needs and an example.
    """
    ctx.ensure_object(dict)
    ctx.obj["template_dirs"] = template_dirs
    if ctx.invoked_subcommand is not None:
        return
    rows = [
        (m.genre, m.name.split("/", 1)[-1], m.title, m.kind) for m in list_templates(template_dirs)
    ]
    header = ("类别 genre", "名称 name", "标题 title", "数据 kind")
    widths = [max(_width(r[i]) for r in [header, *rows]) for i in range(4)]
    for row in [header, *rows]:
        click.echo("  ".join(_pad(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip())


@templates.command()
@click.argument("name")
@templates_option
@click.pass_context
def show(ctx: click.Context, name: str, template_dirs: tuple[Path, ...]) -> None:
    """显示模板 NAME 需要的字段和示例数据。

    Show the fields template NAME needs and an example data file.
    """
    dirs = (*ctx.obj.get("template_dirs", ()), *template_dirs)
    manifest = find_manifest(name, dirs)
    click.echo(_describe(manifest))


def _describe(m: Manifest) -> str:
    lines = [
        f"{m.name}：{m.title}",
        f"数据类型 kind: {m.kind}",
    ]
    if m.description:
        lines.append(f"说明：{m.description}")
    if m.output:
        lines.append(f"默认文件名 output: {m.output}")
    lines += ["", "字段 fields（* 为必填 / required）："]
    for f in m.fields:
        mark = "*" if f.required else " "
        label = f"（{f.label}）" if f.label else ""
        help_text = f"  {f.help}" if f.help else ""
        lines.append(f" {mark} {f.name}{label} [{f.type}]{help_text}")
    lines += ["", "示例 example:", _example(m)]
    return "\n".join(lines)


def _example(m: Manifest) -> str:
    path = m.example_path
    if path is not None:
        return path.read_text(encoding="utf-8").rstrip()
    # No example shipped: a skeleton from the field list.
    body = [f"kind: {m.kind}"] + [f"{f.name}: …  # {f.help or f.label}" for f in m.fields]
    return "\n".join(body)


def _width(text: str) -> int:
    return sum(2 if ord(c) > 0x2E80 else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


COMMANDS = [templates]

__all__ = ["COMMANDS", "templates"]
