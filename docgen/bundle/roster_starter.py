"""``docgen init roster --bundle NAME``: the empty roster spreadsheet a bundle's batch reads.

The header row holds exactly the columns the recipe reads (``Recipe.columns``), bold and
frozen; each header cell carries a note saying what goes there and what an empty cell
means. A second sheet, 说明, lists the same in full. No invented rows: a starter row left in
by mistake would become a real branch's documents.
"""

from __future__ import annotations

import io
from pathlib import Path

from docgen.bundle.compiled import Recipe
from docgen.fileio import write_atomic


def write_roster_starter(recipe: Recipe, path: Path) -> Path:
    """Write the starter roster of ``recipe`` to ``path`` (atomically)."""
    import openpyxl  # deferred: only this command needs it
    from openpyxl.comments import Comment
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "花名册"
    notes = _notes(recipe)
    sheet.append(list(recipe.columns))
    for cell, column in zip(sheet[1], recipe.columns, strict=True):
        cell.font = Font(bold=True)
        cell.comment = Comment(notes[column], "docgen")
        sheet.column_dimensions[cell.column_letter].width = max(12, 2 * len(column) + 4)
    sheet.freeze_panes = "A2"
    guide = book.create_sheet("说明")
    guide.append(["列", "说明"])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    for column in recipe.columns:
        guide.append([column, notes[column]])
    guide.append([])
    guide.append(
        [
            "",
            f"每行生成一套“{recipe.name}”；行按“{'、'.join(recipe.key) or '整行内容'}”识别，"
            "插入或删除行不会重做其他行。",
        ]
    )
    guide.column_dimensions["A"].width = 14
    guide.column_dimensions["B"].width = 90
    buffer = io.BytesIO()
    book.save(buffer)
    return write_atomic(path, buffer.getvalue())


def _notes(recipe: Recipe) -> dict[str, str]:
    notes: dict[str, str] = {}
    for var in recipe.vars:
        empty = "空着则保留原值" if var.keep_empty else "不能空着（空着则这一行失败）"
        if var.default is not None:
            empty = f"空着则为 {var.default}"
        text = "；".join(x for x in (var.description or "", empty) if x)
        for column in var.columns:
            notes.setdefault(column, text)
    return notes


__all__ = ["write_roster_starter"]
