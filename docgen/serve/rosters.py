"""A roster uploaded for a batch, made safe: file names in it point at the job's own uploads.

A bundle reads each row's data from the file a roster column names. On the
server those files are uploaded beside the roster; this rewrites every cell
that names one of them to its place in the job folder, and refuses a cell that
names any other file (an absolute path, ``..``, a folder, or a data file that
was not uploaded), so a roster cannot make the server read its own files.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl

from docgen.data.loaders.guard import check_zip
from docgen.data.loaders.text import decode_text
from docgen.exceptions import DataError, Location, Problem
from docgen.serve.store import DATA_SUFFIXES


def rewrite(source: Path, target: Path, uploads: dict[str, Path], display: str) -> None:
    """Write ``source`` to ``target`` with uploaded file names replaced by their paths.

    Raises ``DataError`` listing every cell that names a file that was not uploaded.
    """
    problems: list[Problem] = []
    if source.suffix.lower() == ".csv":
        text = decode_text(source.read_bytes(), display)
        rows = list(csv.reader(io.StringIO(text)))
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row):
                row[c] = _cell(value, uploads, problems, Location(file=display, line=r))
        out = io.StringIO()
        csv.writer(out).writerows(rows)
        target.write_text(out.getvalue(), "utf-8")
    else:
        check_zip(source, display)
        book = openpyxl.load_workbook(source)
        for sheet in book.worksheets:
            for line in sheet.iter_rows():
                for cell in line:
                    if isinstance(cell.value, str):
                        where = Location(file=display, sheet=sheet.title, cell=cell.coordinate)
                        cell.value = _cell(cell.value, uploads, problems, where)
        book.save(target)
    if problems:
        raise DataError(
            f"花名册 {display} 引用了未上传的文件",
            f"roster {display} names files that were not uploaded",
            problems,
        )


def _cell(value: str, uploads: dict[str, Path], problems: list[Problem], where: Location) -> str:
    text = value.strip()
    if text in uploads:
        return str(uploads[text])
    if _names_file(text):
        problems.append(
            Problem(
                "file_reference_refused",
                f"“{text[:80]}”不是随花名册上传的文件：请把它一并上传，并只写文件名",
                f"{text[:80]!r} is not a file uploaded with the roster: upload it too and "
                "give its name only",
                where,
            )
        )
    return value


def _names_file(text: str) -> bool:
    return (
        "/" in text
        or "\\" in text
        or text.startswith("~")
        or Path(text).suffix.lower() in DATA_SUFFIXES
    )
