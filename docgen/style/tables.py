"""Table blocks: a list table with a repeated header and a row loop, and a label/value grid.

Column widths are relative weights spread over the type area (156 mm portrait,
225 mm landscape), so a table always fills the line exactly. Header cells are
黑体, body cells 仿宋 4号 (小四 with ``small=True``). A table may sit in its own
landscape section inside a portrait document (``landscape=True``).

Rows are not split across pages (``w:cantSplit``): a row broken in two leaves a cell's
text on one page and its neighbours' on the next, which reads as two rows. The header
row repeats on every page (``w:tblHeader``). The rows of a group (a month) keep together,
so a merged month cell is never left behind on the page before. A list table whose rows
could be taller than a page (long free text in a cell) sets ``rows_may_split`` and lets
them break.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from docgen.style import styles as st
from docgen.style.emit import Emitter
from docgen.style.wml import ParaProps, esc, paragraph, ppr


@dataclass(frozen=True)
class Column:
    """A column: its ``title``, the cell ``text`` (Jinja), a relative ``width``.

    However small its weight, a column is never narrower than its title on one line, nor
    than ``min_chars`` characters (a person's name in a 责任人 column: “俞方 / 舟” is a
    broken name).
    """

    title: str
    text: str
    width: float = 1
    centred: bool = False
    min_chars: int = 0


@dataclass(frozen=True)
class Table:
    """A list table: header row, one row per item of ``each`` (``"row in ledger"``).

    When the list is empty, one row reading ``empty`` spans the table (leave
    ``empty`` as ``None`` to print nothing). ``when`` drops the table.

    ``group`` (``"m in months"``) nests the row loop in a loop over groups: each
    group's rows share one vertically merged first cell (``{% vm %}``), so a month
    with four activities reads as one “3月” beside four rows; the empty row then
    stands for an empty list of groups.
    """

    columns: Sequence[Column]
    each: str
    small: bool = False
    landscape: bool = False
    empty: str | None = "无"
    when: str | None = None
    #: Rows that could be taller than a page may break across pages.
    rows_may_split: bool = False
    group: str | None = None

    def emit(self, out: Emitter) -> None:
        """Write the table, with section breaks around it when it is landscape."""
        if self.when:
            out.control(f"{{%p if {self.when} %}}")
        turned = self.landscape and not out.landscape
        if turned:
            out.break_section(landscape=True)
        out.add(self._xml(out))
        if turned:
            out.restore_portrait = True
        if self.when:
            out.control("{%p endif %}")

    def _xml(self, out: Emitter) -> str:
        pt = out.style.table_small_pt if self.small else out.style.table_pt
        floors = [_fit(out, pt, max(len(c.title), c.min_chars)) for c in self.columns]
        total = out.style.text_width_twips(out.landscape)
        widths = _spread_with_floors([c.width for c in self.columns], floors, total)
        head_style = st.TABLE_HEADER_SMALL if self.small else st.TABLE_HEADER
        text_style = st.TABLE_TEXT_SMALL if self.small else st.TABLE_TEXT
        centred = st.TABLE_TEXT_SMALL_CENTRED if self.small else st.TABLE_TEXT_CENTRED
        head = _row(
            [_cell(out, head_style, c.title, w) for c, w in zip(self.columns, widths, strict=True)],
            header=True,
        )
        merge = "{% vm %}" if self.group else ""

        def body_row(keep: bool) -> str:
            cells = [
                _cell(
                    out,
                    centred if c.centred else text_style,
                    (merge if n == 0 else "") + c.text,
                    w,
                    keep=keep,
                )
                for n, (c, w) in enumerate(zip(self.columns, widths, strict=True))
            ]
            return _row(cells, whole=not self.rows_may_split)

        loops = [self.group, self.each] if self.group else [self.each]
        if self.group:
            # A group's rows keep with the next one, so a group starts on the page its
            # merged cell is printed on: LibreOffice and Word do not repeat a merged
            # cell's text on the page where it continues (a “3月” seen only on page 1).
            # A group taller than a page still breaks.
            body = [
                control_row(out, "{%tr if not loop.last %}", widths),
                body_row(keep=True),
                control_row(out, "{%tr else %}", widths),
                body_row(keep=False),
                control_row(out, "{%tr endif %}", widths),
            ]
        else:
            body = [body_row(keep=False)]
        rows = [
            head,
            *(control_row(out, f"{{%tr for {loop} %}}", widths) for loop in loops),
            *body,
            *(control_row(out, "{%tr endfor %}", widths) for _ in loops),
        ]
        if self.empty is not None:
            items = loops[0].split(" in ", 1)[1]
            rows += [
                control_row(out, f"{{%tr if not ({items}) %}}", widths),
                _row([_cell(out, centred, self.empty, sum(widths), span=len(widths))]),
                control_row(out, "{%tr endif %}", widths),
            ]
        return table_xml(widths, rows)


@dataclass(frozen=True)
class Field:
    """A label and its value in a :class:`LabelTable`; ``span`` value columns (1 or 3)."""

    label: str
    value: str
    span: int = 1


@dataclass(frozen=True)
class LabelRow:
    """A row of fields; ``when`` keeps the row only when the condition holds."""

    fields: Sequence[Field]
    when: str | None = None


@dataclass(frozen=True)
class LabelTable:
    """A label/value grid of four columns (label, value, label, value), as in a
    meeting record's head: 时间 | … | 地点 | …; a field with ``span=3`` fills a row."""

    rows: Sequence[LabelRow]
    widths: tuple[float, float, float, float] = (2, 4, 2, 4)

    def emit(self, out: Emitter) -> None:
        """Write the grid."""
        widths = _spread(list(self.widths), out.style.text_width_twips(out.landscape))
        rows: list[str] = []
        for row in self.rows:
            if row.when:
                rows.append(control_row(out, f"{{%tr if {row.when} %}}", widths))
            rows.append(_row(self._cells(out, row, widths)))
            if row.when:
                rows.append(control_row(out, "{%tr endif %}", widths))
        out.add(table_xml(widths, rows))

    @staticmethod
    def _cells(out: Emitter, row: LabelRow, widths: list[int]) -> list[str]:
        cells: list[str] = []
        col = 0
        for f in row.fields:
            cells.append(_cell(out, st.TABLE_HEADER, f.label, widths[col]))
            span_width = sum(widths[col + 1 : col + 1 + f.span])
            cells.append(_cell(out, st.TABLE_TEXT, f.value, span_width, span=f.span))
            col += 1 + f.span
        return cells


#: Left plus right cell margin of the table style, in twips (85 each).
_CELL_MARGINS = 170


def _fit(out: Emitter, points: float, chars: int) -> int:
    """Twips a cell needs to hold ``chars`` characters of ``points`` on one line."""
    advance = points * 20 + out.style.char_spacing_twentieths
    return round(chars * advance) + _CELL_MARGINS + 20


def _spread_with_floors(weights: list[float], floors: list[int], total: int) -> list[int]:
    """Widths proportional to ``weights`` adding up to ``total``, none below its floor:
    a column held at its floor gives up its share, the others split the rest by weight."""
    fixed: dict[int, int] = {}
    while True:
        free = [i for i in range(len(weights)) if i not in fixed]
        room = total - sum(fixed.values())
        if not free or room <= 0:
            return _spread([float(f) for f in floors], total)
        share = _spread([weights[i] for i in free], room)
        short = [i for i, w in zip(free, share, strict=True) if w < floors[i]]
        if not short:
            widths = [0] * len(weights)
            for i, w in fixed.items():
                widths[i] = w
            for i, w in zip(free, share, strict=True):
                widths[i] = w
            return widths
        for i in short:
            fixed[i] = floors[i]


def _spread(weights: list[float], total: int) -> list[int]:
    """Integer twip widths proportional to ``weights`` that add up to ``total`` exactly."""
    whole = sum(weights)
    widths = [int(total * w / whole) for w in weights]
    widths[-1] += total - sum(widths)
    return widths


def _cell(
    out: Emitter, style_id: str, text: str, width: int, span: int = 1, keep: bool = False
) -> str:
    span_xml = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    runs = out.run(text, style_id) if text else ""
    props = ppr(style_id, ParaProps(keep_next=True) if keep else None)
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span_xml}'
        f'<w:vAlign w:val="center"/></w:tcPr>{paragraph(props, runs)}</w:tc>'
    )


def _row(cells: list[str], header: bool = False, whole: bool = True) -> str:
    """A table row: kept on one page unless not ``whole``; repeated on each page if a header."""
    props = "<w:cantSplit/>" if whole or header else ""
    if header:
        # Schema order in w:trPr: cantSplit comes before tblHeader.
        props += "<w:tblHeader/>"
    return (
        f"<w:tr><w:trPr>{props}</w:trPr>{''.join(cells)}</w:tr>"
        if props
        else f"<w:tr>{''.join(cells)}</w:tr>"
    )


def control_row(out: Emitter, tag: str, widths: list[int]) -> str:
    """A row holding a ``{%tr … %}`` tag in one spanning cell; the engine replaces the row."""
    return _row([_cell(out, st.TABLE_TEXT, tag, sum(widths), span=len(widths))])


def table_xml(widths: list[int], rows: list[str]) -> str:
    """A house-style table (grid lines, centred, fixed layout) of ``rows``, columns ``widths``."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{esc(st.TABLE_STYLE)}"/>'
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" '
        'w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )


__all__ = ["Column", "Field", "LabelRow", "LabelTable", "Table", "control_row", "table_xml"]
