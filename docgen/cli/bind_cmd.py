"""``docgen bind``: a quarter's or a year's meeting records bound into one volume (合订本)."""

from __future__ import annotations

from pathlib import Path

import click

from docgen.binding import Period, bind_to_file, parse_quarter, parse_year
from docgen.cli.options import deterministic_option, echo_warnings, templates_option
from docgen.exceptions import DataError
from docgen.i18n import tr


def _period(quarter: str | None, year: str | None) -> Period:
    if (quarter is None) == (year is None):
        raise click.UsageError(
            tr(
                "请用 --quarter（如 2026Q3）或 --year（如 2026）给出装订的时期，二者选一",
                "give the period to bind with --quarter (e.g. 2026Q3) or --year (e.g. 2026), "
                "one of them",
            )
        )
    try:
        return parse_quarter(quarter) if quarter is not None else parse_year(str(year))
    except DataError as err:
        hint = "--quarter" if quarter else "--year"
        raise click.BadParameter(err.message, param_hint=hint) from None


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--quarter",
    "-q",
    default=None,
    metavar="2026Q3",
    help="装订这一季度的记录，如 2026Q3 / bind this quarter's records, e.g. 2026Q3.",
)
@click.option(
    "--year",
    "-y",
    default=None,
    metavar="2026",
    help="装订这一年的记录，如 2026 / bind this year's records, e.g. 2026.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="输出的 .docx（无扩展名时补上）/ the volume's .docx (the suffix is added when missing).",
)
@click.option(
    "--title",
    default=None,
    help="封面标题，缺省为“2026年第三季度“三会一课”记录” / the cover's title "
    "(default: the period's 三会一课记录).",
)
@click.option(
    "--keep-going",
    is_flag=True,
    help="跳过有问题的文件，装订其余记录（跳过的文件列在标准错误）；"
    "缺省时有一个问题就不写出任何文件 / leave out the files with problems and bind the rest "
    "(listed on stderr); by default any problem stops the binding and nothing is written.",
)
@click.option(
    "--paginate/--no-paginate",
    default=True,
    show_default=True,
    help="用 LibreOffice 排版一次，把页码印进目录；--no-paginate 时目录页码为域，Word 打开时填入"
    "（加 --pdf 时总要排版）/ lay the volume out once with LibreOffice to print the 目录's page "
    "numbers; without it they are fields Word fills in on opening (--pdf always lays it out).",
)
@click.option(
    "--simplex",
    is_flag=True,
    help="单面印刷：每份记录接着上一份另起一页，不留空白页；"
    "缺省为双面，每份记录从右手页（奇数页）起 / one-sided printing: each record starts on "
    "the next page; by default each starts on a right-hand (odd) page.",
)
@click.option(
    "--pdf",
    is_flag=True,
    help="另外转换为同名 PDF（LibreOffice）/ also convert it to a PDF next to it.",
)
@click.option(
    "--watermark",
    default=None,
    metavar="TEXT",
    help="每页加文字水印，如 草稿 / a text watermark on every page, e.g. 草稿.",
)
@templates_option
@deterministic_option
def bind(
    paths: tuple[Path, ...],
    quarter: str | None,
    year: str | None,
    output: Path,
    title: str | None,
    keep_going: bool,
    paginate: bool,
    simplex: bool,
    pdf: bool,
    watermark: str | None,
    template_dirs: tuple[Path, ...],
    deterministic: bool,
) -> None:
    """把 PATHS（文件夹或文件）中一季度或一年的会议记录装订成合订本：封面、目录、按日期排列的记录。

    Bind the meeting records (kind: minutes) of one quarter or one year found in
    PATHS — folders (their own data files, not subfolders) or files — into one
    .docx: a cover with the period and the branch, a 目录 listing each record's
    date, meeting type, topic and page, then the records in date order (one day's
    in the order 支部党员大会, 支委会, 党小组会, 党课, 主题党日, 组织生活会, then by file
    name), each rendered with its type's record template, numbered through.
    A branch roster among the files is used, not bound; a record's 签到文件 is read
    as part of it. Every problem is listed at once — a file that does not validate
    (no meeting date…), a file that is not a meeting record, a record of another
    branch, an empty period — and nothing is written, unless --keep-going. The
    .docx (and with --pdf the PDF beside it) is written atomically; --deterministic
    fixes the document dates so the same records give the same bytes.
    """
    period = _period(quarter, year)
    done = bind_to_file(
        paths,
        period,
        output,
        pdf=pdf,
        title=title,
        keep_going=keep_going,
        paginate=paginate or pdf,
        duplex=not simplex,
        watermark=watermark,
        deterministic=deterministic,
        templates=template_dirs,
    )
    volume = done.volume
    echo_warnings(volume.warnings)
    if volume.skipped:
        click.echo(tr(f"跳过的文件（{len({p.location.file for p in volume.skipped})} 个）：",
                      "files left out:"), err=True)  # fmt: skip
        for problem in volume.skipped:
            click.echo(f"  - {problem.describe()}", err=True)
    echo_warnings(done.pdf_warnings)
    click.echo(str(done.docx))
    if done.pdf is not None:
        click.echo(str(done.pdf))
    click.echo(
        tr(
            f"已装订 {volume.branch}{period.label} {len(volume.records)} 份会议记录",
            f"bound {len(volume.records)} meeting record(s) of {period.code}",
        ),
        err=True,
    )


#: The commands the main ``docgen`` group registers.
COMMANDS: list[click.Command] = [bind]
