"""The ``docgen`` command line: thin click commands over :mod:`docgen.api`.

Exit codes (also shown by ``docgen --help``):

====  ==========================================================
0     success
1     internal error (a bug: please report it; ``--debug`` shows the traceback)
2     usage error (bad options or arguments)
3     template problems (``docgen check`` found errors, or a template is broken), or
      ``docgen inspect`` found a PDF that breaks the GB/T 9704 house style
4     data problems (invalid, unreadable or missing data file)
5     render error (missing field, invalid character, sandbox violation)
6     template not found
7     conversion failed (LibreOffice, pandoc or poppler missing, or a file did not convert)
8     bundle error (invalid recipe, or a bundle step or its packaging failed)
9     batch finished, but some roster rows failed (the summary lists each row and reason)
10    the output folder is in use by another batch (it holds the folder's lock)
11    a batch stopped part-way (disk full, folder unwritable); rerun the same command to resume
130   interrupted by Ctrl-C (143: by SIGTERM); offices, workers and temporary files are cleaned up
====  ==========================================================
"""

from __future__ import annotations

import signal
import sys
from typing import Any

import click

from docgen.cli.check_cmd import check
from docgen.cli.render_cmd import render
from docgen.exceptions import DocgenError, Interrupted
from docgen.i18n import set_language
from docgen.processes import interrupts_raise

EXIT_CODES = """\b
退出码 / exit codes:
  0  成功 success
  1  内部错误 internal error (bug; --debug shows the traceback)
  2  用法错误 usage error
  3  模板有问题或版式不合格 template problems, or inspect found layout failures
  4  数据有问题 data problems
  5  渲染失败 render error (missing field, invalid character, sandbox)
  6  找不到模板 template not found
  7  转换失败 conversion failed (missing LibreOffice/pandoc/poppler, or a file failed)
  8  配方或套件出错 bundle error (invalid recipe, a step or packaging failed)
  9  批量中有行失败 batch done, some roster rows failed
  10 输出目录被另一批量任务占用 output folder in use by another batch
  11 批量中止（如磁盘已满），重跑可续做 batch stopped (disk full); rerun to resume
  130 被 Ctrl-C 中断（SIGTERM 为 143）interrupted (143: SIGTERM)"""


class GuardedGroup(click.Group):
    """Turns docgen errors into a message and an exit code, in this one place."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            with interrupts_raise():
                return super().invoke(ctx)
        except KeyboardInterrupt as err:  # Ctrl-C or SIGTERM: never click's English "Aborted!"
            stopped = err if isinstance(err, Interrupted) else Interrupted(signal.SIGINT)
            click.echo(stopped.message, err=True)
            ctx.exit(stopped.exit_code)
        except DocgenError as err:
            click.echo(str(err), err=True)
            ctx.exit(err.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as err:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"内部错误 / internal error: {type(err).__name__}: {err}", err=True)
            click.echo("请加 --debug 重试以查看详细信息 / rerun with --debug for details", err=True)
            ctx.exit(1)


@click.group(
    cls=GuardedGroup, epilog=EXIT_CODES, context_settings={"help_option_names": ["-h", "--help"]}
)
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default=None,
    help="消息语言（默认中文，或读取 DOCGEN_LANG）/ message language.",
)
@click.option(
    "--debug", is_flag=True, help="出现内部错误时显示完整回溯 / show tracebacks of internal errors."
)
@click.version_option(package_name="docgen")
@click.pass_context
def main(ctx: click.Context, lang: str | None, debug: bool) -> None:
    """docgen：把结构化数据生成规范的党支部文书（.docx）。

    Render Chinese party-branch documents from structured data.
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    if lang:
        set_language(lang)


main.add_command(render)
main.add_command(check)


# Command groups that live in their own modules, each exporting COMMANDS.
_COMMAND_MODULES = (
    "docgen.cli.data_commands",
    "docgen.cli.templates_cmd",
    "docgen.cli.convert_cmd",
    "docgen.cli.bundle_cmd",
    "docgen.cli.inspect_cmd",
    "docgen.cli.serve_cmd",
)


def _register_optional() -> None:
    import importlib

    for module_name in _COMMAND_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as err:
            if err.name != module_name:
                raise
            continue
        for command in module.COMMANDS:
            main.add_command(command)


_register_optional()

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
