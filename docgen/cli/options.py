"""Options and output habits shared by several commands, defined once."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import click

from docgen.exceptions import Problem
from docgen.i18n import tr

templates_option = click.option(
    "--templates",
    "template_dirs",
    multiple=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="另外的模板库目录，可重复 / extra template folder (repeatable).",
)

strip_invalid_option = click.option(
    "--strip-invalid",
    is_flag=True,
    help="删除 XML 不允许的控制字符而不报错 / drop characters XML cannot hold.",
)

keep_web_links_option = click.option(
    "--keep-web-links",
    is_flag=True,
    help="保留模板中的网页链接（http/https/mailto）；默认去掉链接、保留文字 / keep the "
    "template's web hyperlinks (http, https, mailto); by default the link is removed and its "
    "text kept.",
)

check_option = click.option(
    "--check/--no-check",
    default=True,
    show_default=True,
    help="渲染后解析检查编译期未能证明格式正确的内容：富文本、图片等放入的 XML，水印等改写的部件，"
    "未能证明的模板部件 / after the render, parse what the compile-time proof does not cover: "
    "the XML rich values and pictures place, parts a watermark or package edit rewrites, "
    "parts of unproven templates.",
)

full_check_option = click.option(
    "--full-check",
    is_flag=True,
    help="解析检查所有部件，包括编译期已证明的 / parse every part, the proven ones too.",
)

deterministic_option = click.option(
    "--deterministic",
    is_flag=True,
    help="文档属性的创建/修改时间用固定值（设了 SOURCE_DATE_EPOCH 用它，否则 "
    "2026-01-01T00:00:00Z），同样的输入得到同样的字节；默认用生成时间 / stamp the document "
    "properties' created/modified with a fixed moment (SOURCE_DATE_EPOCH when set, else "
    "2026-01-01T00:00:00Z) so the same input gives the same bytes; by default the render time.",
)


def echo_warnings(problems: Iterable[Problem]) -> None:
    """Each warning on its own line of standard error (stdout stays for results)."""
    for problem in problems:
        click.echo(f"  - {tr('警告', 'warning')} {problem.describe()}", err=True)
