"""The photo grid of a 影像资料页: 2, 4 or 6 photos a page, each captioned below.

One table per page of photos, each page after the first starting on a new page. Its
cells hold a picture fitted into the cell's box (``|photo``, aspect kept) over three
caption lines (时间, 地点, 内容) in 小四; every row is at least as tall as a box and its
captions, so the grid is regular whatever the pictures' shapes, and never split across
pages. The layouts, in the 156 × 225 mm type area of GB/T 9704 (a title and a 说明 line
above the first page's grid):

- 2 a page: one column, two rows, the largest boxes;
- 4 a page: two columns, two rows;
- 6 a page: two columns, three rows.

The context is the view's ``album`` (:mod:`docgen.views.photos`): ``album.per_page``
picks the layout and ``album.pages`` holds the rows, each with a ``left`` and (in two
columns) a ``right`` cell: ``image`` (bytes or nothing), ``caption`` (the picture's
alternative text), ``time``, ``place``, ``content`` and ``missing`` (a placeholder when
the picture was not read).
"""

from __future__ import annotations

from dataclasses import dataclass

from docgen.style import styles as st
from docgen.style.emit import Emitter
from docgen.style.tables import control_row, table_xml
from docgen.style.wml import paragraph, ppr


@dataclass(frozen=True)
class Layout:
    """A grid: ``per_page`` photos in ``columns`` columns; boxes ``box_mm`` (width, height)."""

    per_page: int
    columns: int
    box_mm: tuple[float, float]


#: Box heights leave each row its three caption lines and the first page its title and
#: 说明 line (measured on the PDF: tests/style/test_photos.py).
LAYOUTS = (
    Layout(2, 1, (140.0, 62.0)),
    Layout(4, 2, (72.0, 54.0)),
    Layout(6, 2, (72.0, 30.0)),
)
#: Twips under the box: three caption lines of 小四 (the table style's 1.5 lines, 360
#: twips) and the picture paragraph's spacing; a fourth line (a long 内容) still fits.
_CAPTION_TWIPS = 3 * 360 + 120
_MM_TWIPS = 1440 / 25.4


@dataclass(frozen=True)
class PhotoGrid:
    """The pages of photos of ``source`` (the view's ``album``)."""

    source: str = "album"

    def emit(self, out: Emitter) -> None:
        """Each page: its layout's table chosen at render time, a page break between pages."""
        out.control(f"{{%p for page in {self.source}.pages %}}")
        for n, layout in enumerate(LAYOUTS):
            word = "if" if n == 0 else "elif"
            out.control(f"{{%p {word} {self.source}.per_page == {layout.per_page} %}}")
            out.add(_table(out, layout))
        out.control("{%p endif %}")
        out.control("{%p if not loop.last %}")
        # A page break in a paragraph one point high: a grid that ends at the foot of its
        # page must not push a full body line (and its break) onto an empty page.
        out.add(
            paragraph(
                f'<w:pPr><w:pStyle w:val="{st.FLUSH}"/><w:snapToGrid w:val="0"/>'
                '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/></w:pPr>',
                '<w:r><w:br w:type="page"/></w:r>',
            )
        )
        out.control("{%p endif %}")
        out.control("{%p endfor %}")


def _table(out: Emitter, layout: Layout) -> str:
    total = out.style.text_width_twips()
    widths = [total // layout.columns] * layout.columns
    widths[-1] += total - sum(widths)
    names = ("left", "right")[: layout.columns]
    height = round(layout.box_mm[1] * _MM_TWIPS) + _CAPTION_TWIPS
    cells = [_cell(out, f"row.{name}", w, layout) for name, w in zip(names, widths, strict=True)]
    row = (
        f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{height}" w:hRule="atLeast"/>'
        f"</w:trPr>{''.join(cells)}</w:tr>"
    )
    loop = (
        control_row(out, "{%tr for row in page.rows %}", widths),
        control_row(out, "{%tr endfor %}", widths),
    )
    return table_xml(widths, [loop[0], row, loop[1]])


def _cell(out: Emitter, cell: str, width: int, layout: Layout) -> str:
    w, h = layout.box_mm
    picture = f"{{{{ {cell}.image|photo({w:g}, {h:g}, {cell}.caption) }}}}{{{{ {cell}.missing }}}}"
    # Single automatic spacing, off the line grid: the paragraph grows to its picture.
    centred = (
        f'<w:pPr><w:pStyle w:val="{st.TABLE_TEXT_SMALL_CENTRED}"/>'
        '<w:snapToGrid w:val="0"/><w:spacing w:before="60" w:after="60" w:line="240" '
        'w:lineRule="auto"/><w:jc w:val="center"/></w:pPr>'
    )
    lines = [paragraph(centred, out.run(picture, st.TABLE_TEXT_SMALL_CENTRED))]
    for field in ("time", "place", "content"):
        text = f"{{{{ {cell}.{field} }}}}"
        lines.append(paragraph(ppr(st.TABLE_TEXT_SMALL), out.run(text, st.TABLE_TEXT_SMALL)))
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="top"/></w:tcPr>'
        f"{''.join(lines)}</w:tc>"
    )


__all__ = ["LAYOUTS", "Layout", "PhotoGrid"]
