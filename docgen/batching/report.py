"""``批量结果.xlsx``: one line per roster row, and the failures grouped by reason.

Written beside the outputs after every batch, for the clerk who ran it: 行号, 支部, 状态,
原因, 文件 on the first sheet, in roster order so that it lines up with the roster; on the
second the reasons, each with how many rows share it and which. A reason is a failure's
message with its row-specific parts (cell names, numbers) blanked, so "E5 为空" and "E9 为空"
count as one reason.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docgen.fileio import write_atomic
from docgen.results import Failure

REPORT_NAME = "批量结果.xlsx"
HEADERS = ("行号", "支部", "状态", "原因", "文件")

_SPECIFIC = re.compile(r"[A-Z]{1,3}\d+|\d+")


@dataclass
class RowLine:
    """One row of the report."""

    number: int
    label: str
    status: str  # 成功 / 未变（已是最新） / 失败
    reasons: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def reason_key(failure: Failure) -> str:
    """What ``failure`` has in common with failures of the same cause in other rows."""
    return failure.code + ":" + _SPECIFIC.sub("#", failure.message_zh)


def group_failures(failures: Iterable[Failure]) -> list[tuple[Failure, list[int]]]:
    """Failures grouped by reason: ``(an example, the rows)``, most rows first."""
    groups: dict[str, tuple[Failure, list[int]]] = {}
    for failure in failures:
        _example, rows = groups.setdefault(reason_key(failure), (failure, []))
        if failure.row is not None and failure.row not in rows:
            rows.append(failure.row)
    return sorted(groups.values(), key=lambda g: -len(g[1]))


def write_report(path: Path, lines: list[RowLine], failures: list[Failure]) -> Path:
    """Write the report atomically to ``path``.

    The workbook is written as it is filled (openpyxl's write-only mode): a workbook held
    whole cost the parent of a 10,000-row batch some tens of MB at its very end.
    """
    import openpyxl  # deferred: only a finished batch pays for it
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font

    book = openpyxl.Workbook(write_only=True)
    bold = Font(bold=True)
    wrapped = Alignment(wrap_text=True, vertical="top")

    def cells(
        sheet: Any, values: Iterable[Any], style: Any = None, name: str = "font"
    ) -> list[Any]:
        made = []
        for value in values:
            cell = WriteOnlyCell(sheet, value)
            if style is not None:
                setattr(cell, name, style)
            made.append(cell)
        return made

    sheet = book.create_sheet("结果")
    sheet.freeze_panes = "A2"
    for column, width in zip("ABCDE", (8, 36, 10, 60, 60), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.append(cells(sheet, HEADERS, bold))
    for line in sorted(lines, key=lambda x: x.number):
        plain = cells(sheet, [line.number, line.label, line.status])
        texts = cells(sheet, ["\n".join(line.reasons), "\n".join(line.files)], wrapped, "alignment")
        sheet.append(plain + texts)
    reasons = book.create_sheet("失败原因")
    reasons.column_dimensions["A"].width = 80
    reasons.column_dimensions["C"].width = 40
    reasons.append(cells(reasons, ["原因", "行数", "行号"], bold))
    for example, rows in group_failures(failures):
        reasons.append([example.message_zh, len(rows), "、".join(map(str, sorted(rows)))])
    buffer = io.BytesIO()
    book.save(buffer)
    return write_atomic(path, buffer.getvalue())


__all__ = ["HEADERS", "REPORT_NAME", "RowLine", "group_failures", "reason_key", "write_report"]
