"""Writing one rendered sheet in place: the template's rows become the output's.

The template's cells, styles, row heights and merged ranges are read first;
the sheet is emptied and rebuilt row by row from the row map
(:mod:`docgen.xlsx.refs`): marker rows vanish, loop bodies repeat, formulas,
merged cells, validations, the filter, frozen panes and print titles follow the
rows. Columns are then widened to their content (:mod:`docgen.xlsx.widths`).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from typing import Any

from docgen.xlsx.cells import cell_value, place_value
from docgen.xlsx.compiled import Cell, CompiledSheet, Loop
from docgen.xlsx.refs import Block, RowMap, shift_formula, shift_range, shift_reference
from docgen.xlsx.widths import fit_columns, fit_rows


class SheetWriter:
    """Writes one sheet of a render in place: the template's cells become the output's."""

    def __init__(
        self,
        template: Any,
        ws: Any,
        sheet: CompiledSheet,
        maps: dict[str, RowMap],
        strip_invalid: bool,
        keep_web_links: bool = False,
    ) -> None:
        self.template = template
        self.ws = ws
        self.sheet = sheet
        self.maps = maps
        self.row_map = maps[sheet.title]
        self.strip_invalid = strip_invalid
        # Styles and heights of the template's cells, read before the sheet is emptied.
        self.styles = {
            (c.row, c.column): copy.copy(c._style) for r in ws.iter_rows() for c in r if c.has_style
        }
        self.heights = {n: d.height for n, d in ws.row_dimensions.items() if d.height}
        # Hyperlinks follow their cell (a row copied by a loop copies its link). A web link
        # (``target``) is kept only when asked, as in a .docx; a place in the book always.
        self.links = {
            (c.row, c.column): c.hyperlink
            for r in ws.iter_rows()
            for c in r
            if c.hyperlink is not None and (keep_web_links or not c.hyperlink.target)
        }

    def write(self, data: Mapping[str, Any], items: list[list[Any]]) -> None:
        ws = self.ws
        merged = [str(r) for r in ws.merged_cells.ranges]
        for rng in merged:
            ws.unmerge_cells(rng)
        ws._cells.clear()
        ws.row_dimensions.clear()
        self.kept: set[int] = set()
        for out_row, t_row, scope, block in self._rows(data, items):
            for cell in self.sheet.rows.get(t_row, []):
                self._put(cell, out_row, t_row, scope, block)
            if t_row in self.heights:
                ws.row_dimensions[out_row].height = self.heights[t_row]
                self.kept.add(out_row)
            self._restyle_empty(out_row, t_row)
        self._merge(merged, items)
        self._move_sheet_ranges()
        fit_columns(ws)
        fit_rows(ws, self.kept)

    def _rows(
        self, data: Mapping[str, Any], items: list[list[Any]]
    ) -> Iterator[tuple[int, int, Mapping[str, Any], tuple[Block, int] | None]]:
        """``(output row, template row, scope, (body, copy))`` in output order."""
        pairs = zip(self.sheet.loops, items, strict=True)
        loops = {loop.start: (loop, found) for loop, found in pairs}
        blocks = {b.first: b for b in self.row_map.blocks}
        row = 1
        while row <= self.sheet.max_row:
            if row in loops:
                loop, found = loops[row]
                if loop.kind == "if":
                    if found:
                        for t_row in range(loop.first, loop.last + 1):
                            yield self.row_map.row(t_row), t_row, data, None
                else:
                    block = blocks[loop.first]
                    yield from self._copies(loop, block, found, data)
                row = loop.end + 1
                continue
            yield self.row_map.row(row), row, data, None
            row += 1

    def _copies(
        self, loop: Loop, block: Block, found: list[Any], data: Mapping[str, Any]
    ) -> Iterator[tuple[int, int, Mapping[str, Any], tuple[Block, int] | None]]:
        if not found:  # one blank copy: the rows stay for the clerk to fill in
            for t_row in range(loop.first, loop.last + 1):
                yield self.row_map.row(t_row, 0), t_row, {}, (block, 0)
            return
        length = len(found)
        for index, item in enumerate(found):
            info = {
                "index": index + 1,
                "index0": index,
                "first": index == 0,
                "last": index == length - 1,
                "length": length,
                "revindex": length - index,
            }
            scope = {**data, loop.target: item, "loop": info}
            for t_row in range(loop.first, loop.last + 1):
                yield self.row_map.row(t_row, index), t_row, scope, (block, index)

    def _put(
        self,
        cell: Cell,
        out_row: int,
        t_row: int,
        scope: Mapping[str, Any],
        block: tuple[Block, int] | None,
    ) -> None:
        target = self.ws.cell(row=out_row, column=cell.column)
        style = self.styles.get((t_row, cell.column))
        if style is not None:
            target._style = copy.copy(style)
        link = self.links.get((t_row, cell.column))
        if link is not None:
            target.hyperlink = copy.copy(link)
            target.hyperlink.ref = target.coordinate
        where = self.template.where(self.sheet.title, cell.coordinate, str(cell.source))
        if cell.formula:
            target.value = shift_formula(str(cell.source), self.maps, self.sheet.title, block)
            return
        blank_copy = block is not None and not scope
        if cell.expression is not None:
            value = None if blank_copy else self.template.evaluate(cell.expression, scope, where)
        elif cell.text is not None:
            value = None if blank_copy else self.template.render_text(cell.text, scope, where)
        else:
            value = cell.source
        place_value(target, cell_value(value, where, strip_invalid=self.strip_invalid))

    def _restyle_empty(self, out_row: int, t_row: int) -> None:
        """Borders and fills of the template's empty cells on this row (a table's blank cells)."""
        filled = {c.column for c in self.sheet.rows.get(t_row, [])}
        for (row, column), style in self.styles.items():
            if row == t_row and column not in filled:
                self.ws.cell(row=out_row, column=column)._style = copy.copy(style)

    def _merge(self, merged: list[str], items: list[list[Any]]) -> None:
        from openpyxl.worksheet.cell_range import CellRange

        for text in merged:
            rng = CellRange(text)
            block = self.row_map.block_of(rng.min_row)
            if block is not None and rng.max_row <= block.last:
                for index in range(block.copies):
                    top = self.row_map.row(rng.min_row, index)
                    self.ws.merge_cells(
                        start_row=top,
                        end_row=top + rng.max_row - rng.min_row,
                        start_column=rng.min_col,
                        end_column=rng.max_col,
                    )
            elif not any(r in self.row_map.dropped for r in (rng.min_row, rng.max_row)):
                self.ws.merge_cells(shift_range(text, self.row_map))

    def _move_sheet_ranges(self) -> None:
        ws = self.ws
        for validation in ws.data_validations.dataValidation:
            validation.sqref = shift_range(str(validation.sqref), self.row_map)
        if ws.auto_filter.ref:
            ws.auto_filter.ref = shift_range(ws.auto_filter.ref, self.row_map)
        if ws.freeze_panes:
            ws.freeze_panes = shift_reference(ws.freeze_panes, {"": self.row_map}, "")
        if ws.print_title_rows:
            ws.print_title_rows = shift_reference(ws.print_title_rows, {"": self.row_map}, "")
        if ws.print_area:
            areas = [a.split("!")[-1] for a in str(ws.print_area).split(",")]
            ws.print_area = [shift_range(a.replace("$", ""), self.row_map) for a in areas]


__all__ = ["SheetWriter"]
