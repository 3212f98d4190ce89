"""A branch's meeting records of a quarter or a year bound into one volume (合订本).

Each record is rendered with its meeting type's record template, the records of the
period are put in date order (:mod:`docgen.binding.selection`) and merged by the volume
machinery every bundle uses (:func:`docgen.bundle.volume.build_volume`): a generated
cover (the period, the branch, the dates and the number of records), a 目录 listing each
record by date, type and topic with the page it starts on, and the records numbered
through the volume, each beginning on a right-hand page (``duplex``, as bundles do).

Every problem is collected before anything is made: files that are not records or do
not validate, records of another branch, records that do not render. By default any one
of them stops the binding and nothing is written (:class:`~docgen.exceptions.DataError`
lists them all); with ``keep_going`` those files are left out and listed in
:attr:`BoundVolume.skipped`. A period without records is always an error.

The 目录's page numbers need a layout: with ``paginate`` (the default) the volume is laid
out once by LibreOffice and the numbers printed into the .docx, so WPS, LibreOffice and
Word show them; without it they are fields that Word fills in when it opens the file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docgen.binding.period import Period
from docgen.binding.records import MeetingRecord, Reading, data_files, read_records
from docgen.binding.selection import select
from docgen.bundle.volume import Layout, VolumePart, build_volume, shared_office
from docgen.data.config import DataConfig
from docgen.exceptions import DataError, DocgenError, Location, Problem
from docgen.fileio import write_atomic
from docgen.i18n import language
from docgen.stamp import render_time
from docgen.views.common import date_text

StrPath = str | os.PathLike[str]


@dataclass(frozen=True)
class BoundVolume:
    """A bound volume: its .docx, what it holds, and what was left out."""

    docx: bytes
    title: str
    branch: str
    period: Period
    records: tuple[MeetingRecord, ...]
    #: With ``keep_going``: every problem of the files left out (each names its file).
    skipped: tuple[Problem, ...] = ()
    #: The bound records' own warnings (quorum, dates…), as ``docgen validate`` gives them.
    warnings: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class BoundFiles:
    """What :func:`bind_to_file` wrote: the .docx, the PDF beside it (when asked), the volume."""

    docx: Path
    pdf: Path | None
    volume: BoundVolume
    pdf_warnings: tuple[Problem, ...] = field(default=())


def default_title(period: Period) -> str:
    """The cover's title: ``2026年第三季度“三会一课”记录``."""
    return f"{period.label}“三会一课”记录"


def bind_records(
    paths: StrPath | Iterable[StrPath],
    period: Period,
    *,
    title: str | None = None,
    keep_going: bool = False,
    paginate: bool = True,
    duplex: bool = True,
    watermark: Any = None,
    deterministic: bool = False,
    templates: Iterable[StrPath] = (),
    config: DataConfig | None = None,
    lang: str | None = None,
) -> BoundVolume:
    """The 合订本 of the meeting records in ``paths`` (folders, or files) held in ``period``.

    ``title`` replaces the cover's title (:func:`default_title`); ``watermark`` (``"草稿"``
    or a :class:`~docgen.engine.rich.watermark.Watermark`) goes on every page; the
    volume and its records are dated now, or at the fixed moment with ``deterministic``
    (:mod:`docgen.stamp`). ``templates`` are extra template folders, searched before the
    library for the record templates, as ``docgen render --templates`` does.

    Raises :class:`~docgen.exceptions.DataError` listing every problem (see the module's
    text), and :class:`~docgen.exceptions.ToolNotFound` when ``paginate`` finds no
    LibreOffice.
    """
    with language(lang):
        given = [Path(paths)] if isinstance(paths, str | os.PathLike) else [Path(p) for p in paths]
        where = "、".join(str(p) for p in given)
        in_folders = set(data_files(p for p in given if p.is_dir()))
        reading = read_records(data_files(given), config, in_folders)
        chosen = select(reading.records, period)
        problems = [*reading.problems, *chosen.strangers]
        moment = render_time(deterministic)
        parts: list[VolumePart] = []
        bound: list[MeetingRecord] = []
        for record in chosen.records:
            try:
                blob = _render(record, moment, templates)
            except DocgenError as err:
                problems.append(_render_problem(record, err))
                continue
            parts.append(VolumePart(blob, record.title, "section", True, True, record.entry))
            bound.append(record)
        if problems and not keep_going:
            raise _stopped(where, problems)
        if not parts:
            raise _empty(where, period, reading, given)
        heading = title or default_title(period)
        lines = _cover_lines(chosen.branch, bound)
        layout = Layout(True, duplex, "volume", f"{chosen.branch}{heading}", watermark, moment)
        import docgen.merge as engine

        cover = engine.CoverPage(heading, lines)
        docx = build_volume(engine, parts, layout, cover, paginate=paginate)
        files = {str(r.path) for r in bound}
        own = (w for w in reading.warnings if w.location.file in files)
        warnings = (*reading.passed_over, *own)
        return BoundVolume(docx, heading, chosen.branch, period, tuple(bound),
                           tuple(problems), warnings)  # fmt: skip


def bind_to_file(
    paths: StrPath | Iterable[StrPath],
    period: Period,
    output: StrPath,
    *,
    pdf: bool = False,
    **options: Any,
) -> BoundFiles:
    """:func:`bind_records`, written atomically to ``output`` (``.docx`` added when it has no
    suffix); with ``pdf`` also converted to a PDF beside it. One LibreOffice serves the
    layout pass and the conversion. Nothing is written when the binding fails."""
    target = Path(output)
    if not target.suffix:
        target = target.with_suffix(".docx")
    if not pdf:
        volume = bind_records(paths, period, **options)
        return BoundFiles(write_atomic(target, volume.docx), None, volume)
    from docgen.convert import OfficePool

    with OfficePool(1) as pool, shared_office(pool):
        volume = bind_records(paths, period, **options)
        written = write_atomic(target, volume.docx)
        converted = pool.convert([written])
    converted.raise_for_failures()
    return BoundFiles(written, converted.outputs[0].path, volume, tuple(converted.warnings))


def _render(record: MeetingRecord, moment: Any, templates: Iterable[StrPath]) -> bytes:
    """The record rendered as ``docgen render <its template> <its file>`` renders it."""
    from docgen.api import load, render_compiled
    from docgen.views import context_for

    compiled = load(record.template, templates=templates)
    return render_compiled(
        compiled, context_for(record.model), check=True, images=record.path.parent, moment=moment
    )


def _render_problem(record: MeetingRecord, err: DocgenError) -> Problem:
    return Problem(
        "record_not_rendered",
        f"用模板 {record.template} 生成记录失败：{err.message_zh}",
        f"the record did not render with {record.template}: {err.message_en}",
        Location(file=str(record.path)),
    )


def _cover_lines(branch: str, records: Sequence[MeetingRecord]) -> tuple[str, ...]:
    """The branch, the span of the meetings' dates and the number of records."""
    first, last = records[0].day, records[-1].day
    span = date_text(first)
    if last != first:
        later = date_text(last)
        span += "至" + (later[later.index("年") + 1 :] if last.year == first.year else later)
    return (branch, span, f"共{len(records)}份记录")


def _stopped(where: str, problems: Sequence[Problem]) -> DataError:
    files = len({p.location.file for p in problems})
    return DataError(
        f"{where} 的会议记录未装订：{files} 个文件有问题，没有写出任何文件"
        "（改正后重试；或加 --keep-going 跳过这些文件）",
        f"the meeting records of {where} were not bound: {files} file(s) have problems and "
        "nothing was written (correct them and retry, or add --keep-going to leave them out)",
        problems,
    )


def _empty(where: str, period: Period, reading: Reading, given: Sequence[Path]) -> DataError:
    days = sorted(r.day for r in reading.records)
    if days:
        seen_zh = f"读到的 {len(days)} 份记录在{date_text(days[0])}至{date_text(days[-1])}之间"
        seen_en = f"the {len(days)} record(s) read are dated {days[0]} to {days[-1]}"
    else:
        seen_zh, seen_en = "没有读到任何可装订的会议记录", "no record to bind was read"
        # Subfolders are not read (a record's 签到文件 lives in one): a user pointing at the
        # year folder whose records sit in minutes/ is told where they are.
        inner = [d for g in given if g.is_dir() for d in sorted(g.iterdir())
                 if d.is_dir() and not d.name.startswith(".") and data_files([d])]  # fmt: skip
        if inner:
            names_zh, names_en = "、".join(d.name for d in inner), ", ".join(d.name for d in inner)
            seen_zh += (
                f"；子文件夹不读，其中有数据文件的：{names_zh}，会议记录在其中时请指定该子文件夹"
            )
            seen_en += f"; subfolders are not read, these hold data files: {names_en}"
    return DataError(
        f"{where}：{period.label}没有会议记录（{seen_zh}）",
        f"{where}: there are no meeting records in {period.code} ({seen_en})",
    )


__all__ = ["BoundFiles", "BoundVolume", "bind_records", "bind_to_file", "default_title"]
