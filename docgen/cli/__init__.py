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

import importlib
import signal
import sys
from typing import Any

import click

from docgen.exceptions import DocgenError, ExitCode, Interrupted
from docgen.i18n import set_language
from docgen.processes import interrupts_raise

_EXIT_HELP = {
    ExitCode.OK: "成功 success",
    ExitCode.INTERNAL: "内部错误 internal error (bug; --debug shows the traceback)",
    ExitCode.USAGE: "用法错误 usage error",
    ExitCode.TEMPLATE: "模板有问题或版式不合格 template problems, or inspect found layout failures",
    ExitCode.DATA: "数据有问题 data problems",
    ExitCode.RENDER: "渲染失败 render error (missing field, invalid character, sandbox)",
    ExitCode.TEMPLATE_NOT_FOUND: "找不到模板 template not found",
    ExitCode.CONVERSION: "转换失败 conversion failed (missing LibreOffice/pandoc/poppler, "
    "or a file failed)",
    ExitCode.BUNDLE: "配方或套件出错 bundle error (invalid recipe, a step or packaging failed)",
    ExitCode.ROWS_FAILED: "批量中有行失败 batch done, some roster rows failed",
    ExitCode.OUTPUT_BUSY: "输出目录被另一批量任务占用 output folder in use by another batch",
    ExitCode.BATCH_STOPPED: "批量中止（如磁盘已满），重跑可续做 "
    "batch stopped (disk full); rerun to resume",
}
EXIT_CODES = "\b\n退出码 / exit codes:\n" + "\n".join(
    [f"  {code.value:<2} {_EXIT_HELP[code]}" for code in ExitCode]
    + ["  130 被 Ctrl-C 中断（SIGTERM 为 143）interrupted (143: SIGTERM)"]
)


#: Each command and the module that defines it. A module is imported only when its command
#: runs, so ``docgen render`` does not pay for the conversion, inspection, batch or web code.
_LAZY = {
    "batch": "docgen.cli.bundle_cmd",
    "bind": "docgen.cli.bind_cmd",
    "bundle": "docgen.cli.bundle_cmd",
    "check": "docgen.cli.check_cmd",
    "convert": "docgen.cli.convert_cmd",
    "init": "docgen.cli.data_commands",
    "inspect": "docgen.cli.inspect_cmd",
    "preview": "docgen.cli.convert_cmd",
    "render": "docgen.cli.render_cmd",
    "schema": "docgen.cli.data_commands",
    "serve": "docgen.cli.serve_cmd",
    "templates": "docgen.cli.templates_cmd",
    "validate": "docgen.cli.data_commands",
}


def _set_lang(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value:
        set_language(value)


def lang_option() -> click.Option:
    """``--lang``, accepted after the subcommand as well as before it."""
    return click.Option(
        ["--lang"],
        type=click.Choice(["zh", "en"]),
        default=None,
        expose_value=False,
        is_eager=True,
        callback=_set_lang,
        help="消息语言 / message language.",
    )


class GuardedGroup(click.Group):
    """Turns docgen errors into a message and an exit code, in this one place.

    Subcommands are loaded on first use (click's lazy-loading pattern), and each
    gets ``--lang`` so ``docgen render --lang en …`` works like ``docgen --lang en render …``.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *_LAZY})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = self.commands.get(cmd_name)
        if command is None and cmd_name in _LAZY:
            module = importlib.import_module(_LAZY[cmd_name])
            command = next(c for c in module.COMMANDS if c.name == cmd_name)
            self.add_command(command)
        if command is not None and not any(p.name == "lang" for p in command.params):
            command.params.append(lang_option())
        return command

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
        except (click.exceptions.Exit, click.ClickException, click.Abort, BrokenPipeError):
            # A closed pipe (`docgen … | head`) is not a bug: click ends quietly on EPIPE.
            raise
        except Exception as err:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"内部错误 / internal error: {type(err).__name__}: {err}", err=True)
            click.echo("请加 --debug 重试以查看详细信息 / rerun with --debug for details", err=True)
            ctx.exit(ExitCode.INTERNAL)


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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
