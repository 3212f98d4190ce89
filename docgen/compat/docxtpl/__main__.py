"""``python -m docgen.compat.docxtpl TEMPLATE JSON OUTPUT [-o] [-q]``, as ``python -m docxtpl``.

Differences from docxtpl's command, both on purpose: errors go to stderr and
end with a non-zero exit code (docgen's codes: 2 usage, 3 template, 4 data,
5 render), and an existing OUTPUT is overwritten only with ``-o`` or after a
"y" typed at a terminal (never by a script that cannot answer).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from docgen.compat.docxtpl.template import DocxTemplate
from docgen.data.loaders import read_source
from docgen.exceptions import DocgenError
from docgen.i18n import tr

USAGE = "python -m docgen.compat.docxtpl [-h] [-o] [-q] template_path json_path output_filename"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m docgen.compat.docxtpl",
        usage=USAGE,
        description=tr(
            "用 .docx 模板和 JSON 数据生成 .docx 文档（与 python -m docxtpl 用法相同）。",
            "Make a .docx from a .docx template and JSON data (as python -m docxtpl).",
        ),
    )
    parser.add_argument("template_path", help=tr("模板 .docx 文件", "the template .docx file"))
    parser.add_argument("json_path", help=tr("JSON 数据文件", "the JSON data file"))
    parser.add_argument("output_filename", help=tr("要生成的 .docx", "the .docx to write"))
    parser.add_argument(
        "-o",
        "--overwrite",
        action="store_true",
        help=tr("输出文件已存在时直接覆盖", "overwrite an existing output without asking"),
    )
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help=tr("不显示多余信息", "do not print unnecessary messages"),
    )
    return parser


class _Usage(Exception):
    """A problem with the arguments: exit code 2."""


def _check(args: argparse.Namespace) -> None:
    template, data, output = Path(args.template_path), Path(args.json_path), args.output_filename
    if not template.is_file() or template.suffix.lower() != ".docx":
        raise _Usage(
            tr(
                f"模板 {template} 不存在或不是 .docx 文件",
                f"template {template} does not exist or is not a .docx file",
            )
        )
    if not data.is_file() or data.suffix.lower() != ".json":
        raise _Usage(
            tr(
                f"数据文件 {data} 不存在或不是 .json 文件",
                f"data file {data} does not exist or is not a .json file",
            )
        )
    if not output.lower().endswith(".docx"):
        raise _Usage(
            tr(f"输出文件 {output} 必须以 .docx 结尾", f"output file {output} must end in .docx")
        )
    if Path(output).exists() and not args.overwrite and not _confirmed(output):
        raise _Usage(
            tr(
                f"文件 {output} 已存在；加 -o 覆盖，或换一个文件名",
                f"file {output} already exists; add -o to overwrite it, or choose another name",
            )
        )


def _confirmed(output: str) -> bool:
    if not sys.stdin.isatty():
        return False
    answer = input(
        tr(
            f"文件 {output} 已存在，是否覆盖？(y/n) ",
            f"File {output} already exists, overwrite it? (y/n) ",
        )
    )
    return answer.strip().lower() == "y"


def _data(path: str) -> object:
    # docgen's own JSON reader, not json.loads: it bounds size and nesting (json.loads raises
    # RecursionError on deep input) and names the file, line and column of a syntax error.
    return read_source(Path(path), display=path, fmt="json").data


class _Data(Exception):
    """The JSON file holds no object: exit code 4 (one that does not parse is a DataError)."""


def main(argv: list[str] | None = None) -> int:
    """Run the command; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        _check(args)
        data = _data(args.json_path)
        if not isinstance(data, dict):
            raise _Data(
                tr(
                    f"{args.json_path}：JSON 的最外层必须是对象 {{…}}",
                    f"{args.json_path}: the top level of the JSON must be an object {{…}}",
                )
            )
        tpl = DocxTemplate(args.template_path)
        tpl.render(data)
        tpl.save(args.output_filename)
    except _Usage as err:
        print(tr("错误：", "Error: ") + str(err), file=sys.stderr)
        return 2
    except _Data as err:
        print(tr("错误：", "Error: ") + str(err), file=sys.stderr)
        return 4
    except DocgenError as err:
        print(tr("错误：", "Error: ") + str(err), file=sys.stderr)
        return err.exit_code
    except OSError as err:
        print(
            tr(
                f"错误：无法写入 {args.output_filename}：{err.strerror}",
                f"Error: cannot write {args.output_filename}: {err.strerror}",
            ),
            file=sys.stderr,
        )
        return 1
    if not args.quiet:
        print(
            tr(
                f"文档已生成：{args.output_filename}",
                f"Document generated and saved at {args.output_filename}",
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
