"""Walk a cleaned HTML tree and write WordprocessingML: paragraphs, runs, lists, tables.

One walk over the tree, in document order, so the text comes out complete and
in the order it was written. Block elements (``p``, ``div``, headings, lists,
tables…) end the paragraph being written; everything else is inline and only
changes the formatting of the text inside it, so an unknown tag keeps its text.
What the writer needs from the render (style ids, list ids, pictures) comes
through :class:`Host`, which keeps this module free of package concerns.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass, field, replace
from typing import Protocol

from lxml import etree
from markupsafe import escape

from docgen.engine.rich.html_format import (
    Format,
    ParaProps,
    alignment,
    background,
    inline_format,
    para_props,
    run_props,
)
from docgen.engine.rich.html_lists import OpenList, list_format, start_of
from docgen.engine.rich.html_parse import collapse, css, length_emu
from docgen.engine.rich.html_tables import Grid, Slot, layout, table_rows
from docgen.exceptions import RenderError

HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
BLOCK_TAGS = frozenset(
    {
        "p", "div", "blockquote", "section", "article", "header", "footer", "main", "aside",
        "nav", "figure", "figcaption", "address", "center", "dl", "dt", "dd", "pre", "form",
        "fieldset", "legend", "details", "summary", "caption", "hr", "li", "body", "hgroup",
        "tr", "td", "th", "thead", "tbody", "tfoot",
    }
)  # fmt: skip
#: House style ids the writer refers to; the host maps them to the template's own.
HEADING_STYLES = ("Heading1", "Heading2", "Heading3", "Heading4")
TABLE_HEADER, TABLE_TEXT, TABLE_STYLE = "TableHeader", "TableText", "TableGrid"
EMU_PER_TWIP = 635
_CELL_MARGINS = 170  # twips: the house table style's left and right cell margins
_QUILL_INDENT = re.compile(r"\bql-indent-(\d)\b")
_T = '<w:t xml:space="preserve">'


class Host(Protocol):
    """What the writer asks of the render it writes for."""

    def style(self, house_id: str) -> str:
        """The template's id for the house style ``house_id`` (copied in when missing)."""

    def new_list(self, fmt: str, start: int) -> str:
        """A new Word list of number format ``fmt`` counting from ``start``: its ``numId``."""

    def picture(self, blob: bytes, width: int | None, height: int | None, descr: str) -> str:
        """The run showing picture ``blob`` (EMU sizes, ``None``: from the picture)."""


@dataclass(frozen=True)
class Context:
    """Where text is being written: the paragraph it will form and the room it has."""

    base_ppr: str
    base_rpr: str
    width: int  # twips
    props: ParaProps = field(default_factory=ParaProps)
    item: _Item | None = None
    pre: bool = False
    depth: int = 0


@dataclass
class _Item:
    """A list item: its list's id and level; numbered on its first paragraph only."""

    num_id: str
    level: int
    numbered: bool = False


@dataclass
class Writer:
    """Writes one HTML body; ``blocks`` holds the result, ``runs`` a lone paragraph's runs."""

    host: Host
    levels: dict[str, int]
    blocks: list[str] = field(default_factory=list)
    saw_block: bool = False
    _runs: list[tuple[str, str]] = field(default_factory=list)  # (rPr or "" , text) / ("<", xml)

    def write(self, body: etree._Element, ctx: Context) -> None:
        """Write ``body``'s content in ``ctx``; the last paragraph is left in the buffer."""
        self.content(body, Format(), ctx)

    def inline_runs(self) -> str:
        """The buffered paragraph's runs, trimmed: the result when there was no block."""
        return "".join(self._run_xml(self._trimmed()))

    def finish(self, ctx: Context) -> None:
        """Write out the paragraph still in the buffer."""
        self.flush(ctx)

    # -- walking -----------------------------------------------------------------

    def content(self, el: etree._Element, fmt: Format, ctx: Context) -> None:
        if el.text:
            self.text(el.text, fmt, ctx)
        for child in el:
            self.element(child, fmt, ctx)
            if child.tail:
                self.text(child.tail, fmt, ctx)

    def element(self, el: etree._Element, fmt: Format, ctx: Context) -> None:
        tag = str(el.tag).lower()
        if tag == "br":
            self._runs.append(("<", "<w:br/>"))
        elif tag == "img":
            self.image(el, ctx)
        elif tag in HEADING_TAGS:
            self.block(el, fmt, self._heading(tag, ctx))
        elif tag in ("ul", "ol"):
            self.write_list(el, fmt, ctx)
        elif tag == "li" and ctx.item is None:
            self.item(el, fmt, ctx, OpenList(ctx.depth, "bullet", 1))
        elif tag == "table":
            self.table(el, fmt, ctx)
        elif tag in BLOCK_TAGS:
            inner = replace(ctx, props=replace(ctx.props, align=alignment(el, ctx.props.align)))
            self.block(el, fmt, replace(inner, pre=ctx.pre or tag == "pre"))
        else:
            self.content(el, inline_format(el, fmt), ctx)

    def block(self, el: etree._Element, fmt: Format, ctx: Context) -> None:
        self.flush(ctx)
        self.saw_block = True
        self.content(el, inline_format(el, fmt), ctx)
        self.flush(ctx)

    def text(self, text: str, fmt: Format, ctx: Context) -> None:
        rpr = run_props(ctx.base_rpr, fmt)
        if ctx.pre:
            for n, line in enumerate(text.replace("\r\n", "\n").split("\n")):
                if n:
                    self._runs.append(("<", "<w:br/>"))
                if line:
                    self._runs.append((rpr, line))
            return
        text = collapse(text)
        if text.startswith(" ") and self._ends_in_space():
            text = text[1:]  # white space across a tag boundary still reads as one space
        if text:
            self._runs.append((rpr, text))

    def _ends_in_space(self) -> bool:
        for rpr, text in reversed(self._runs):
            if rpr == "<":
                return text == "<w:br/>"
            if text:
                return text.endswith(" ")
        return True  # the start of a paragraph

    def _heading(self, tag: str, ctx: Context) -> Context:
        level = self.levels.get(tag, 0)
        style = self.host.style(HEADING_STYLES[level])
        props = ParaProps(style=style, align=ctx.props.align)
        return replace(ctx, base_ppr="", base_rpr="", props=props, item=None)

    # -- lists ---------------------------------------------------------------------

    def write_list(self, el: etree._Element, fmt: Format, ctx: Context) -> None:
        self.flush(ctx)
        self.saw_block = True
        style = css(el.get("style")).get("list-style-type")
        kind = list_format(str(el.tag).lower(), el.get("type"), style)
        open_list = OpenList(ctx.depth, kind, start_of(el.get("start")))
        inner = replace(ctx, depth=ctx.depth + 1)
        if el.text:
            self.text(el.text, fmt, inner)
        for child in el:
            if str(child.tag).lower() == "li":
                self.item(child, inline_format(el, fmt), inner, open_list)
            else:
                self.element(child, fmt, inner)
            if child.tail:
                self.text(child.tail, fmt, inner)
        self.flush(inner)

    def item(self, li: etree._Element, fmt: Format, ctx: Context, open_list: OpenList) -> None:
        self.flush(ctx)
        self.saw_block = True
        kind = {"bullet": "bullet", "ordered": "decimal"}.get(li.get("data-list") or "", "")
        kind = kind or open_list.fmt
        quill = _QUILL_INDENT.search(li.get("class") or "")
        level = min(open_list.level + (int(quill.group(1)) if quill else 0), 8)
        key = f"{kind}:{level}" if quill else kind
        if key not in open_list.num_ids:
            open_list.num_ids[key] = self.host.new_list(kind, open_list.start)
        item = _Item(open_list.num_ids[key], level)
        inner = replace(ctx, item=item, depth=level + 1)
        inner = replace(inner, props=replace(inner.props, align=alignment(li, ctx.props.align)))
        self.content(li, inline_format(li, fmt), inner)
        self.flush(inner)

    # -- tables --------------------------------------------------------------------

    def table(self, el: etree._Element, fmt: Format, ctx: Context) -> None:
        self.flush(ctx)
        self.saw_block = True
        caption = next((c for c in el if str(c.tag).lower() == "caption"), None)
        if caption is not None:
            self.block(caption, fmt, replace(ctx, props=ParaProps(align="center"), item=None))
        grid = layout(table_rows(el))
        if not grid.rows:
            return
        self.blocks.append(self._table_xml(grid, fmt, ctx))

    def _table_xml(self, grid: Grid, fmt: Format, ctx: Context) -> str:
        column = max(ctx.width // max(grid.columns, 1), 1)
        cols = "".join(f'<w:gridCol w:w="{column}"/>' for _ in range(grid.columns))
        style = self.host.style(TABLE_STYLE)
        rows = []
        for row in grid.rows:
            head = "<w:trPr><w:tblHeader/></w:trPr>" if row.header else ""
            cells = "".join(self._cell_xml(slot, column, fmt, ctx) for slot in row.slots)
            rows.append(f"<w:tr>{head}{cells}</w:tr>")
        return (
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{escape(style)}"/>'
            f'<w:tblW w:w="{column * grid.columns}" w:type="dxa"/>'
            '<w:tblLayout w:type="fixed"/></w:tblPr>'
            f"<w:tblGrid>{cols}</w:tblGrid>{''.join(rows)}</w:tbl>"
        )

    def _cell_xml(self, slot: Slot, column: int, fmt: Format, ctx: Context) -> str:
        width = column * slot.span
        props = [f'<w:tcW w:w="{width}" w:type="dxa"/>']
        if slot.span > 1:
            props.append(f'<w:gridSpan w:val="{slot.span}"/>')
        if slot.restart:
            props.append('<w:vMerge w:val="restart"/>')
        elif slot.merged:
            props.append("<w:vMerge/>")
        body = "<w:p/>"
        if slot.cell is not None:
            cell = slot.cell
            back = background(css(cell.get("style")), cell.get("bgcolor"))
            if back:
                props.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{back}"/>')
            body = self._cell_body(cell, fmt, replace(ctx, width=max(width - _CELL_MARGINS, 1)))
        props.append('<w:vAlign w:val="center"/>')
        return f"<w:tc><w:tcPr>{''.join(props)}</w:tcPr>{body}</w:tc>"

    def _cell_body(self, cell: etree._Element, fmt: Format, ctx: Context) -> str:
        header = str(cell.tag).lower() == "th"
        style = self.host.style(TABLE_HEADER if header else TABLE_TEXT)
        props = ParaProps(style=style, align=alignment(cell, None))
        inner = Context("", "", ctx.width, props, None, False, 0)
        writer = Writer(self.host, self.levels)
        writer.content(cell, inline_format(cell, fmt), inner)
        writer.flush(inner)
        blocks = writer.blocks
        if not blocks or blocks[-1].startswith("<w:tbl>"):
            blocks.append(f"<w:p>{para_props('', props)}</w:p>")  # a cell ends with a paragraph
        return "".join(blocks)

    # -- pictures ------------------------------------------------------------------

    def image(self, el: etree._Element, ctx: Context) -> None:
        """A data-URI picture, fitted to the room; any other source keeps only its alt text."""
        blob = _data_uri(el.get("src") or "")
        alt = collapse(el.get("alt") or "").strip()
        if blob is None:
            if alt:
                self._runs.append((run_props(ctx.base_rpr, Format()), alt))
            return
        style = css(el.get("style"))
        width = length_emu(style.get("width") or el.get("width"))
        height = length_emu(style.get("height") or el.get("height"))
        room = ctx.width * EMU_PER_TWIP
        if width is not None and width > room:
            height = round(height * room / width) if height is not None else None
            width = room
        self._runs.append(("<", self.host.picture(blob, width, height, alt)))

    # -- paragraphs ----------------------------------------------------------------

    def flush(self, ctx: Context) -> None:
        """Turn the buffered runs into a paragraph in ``ctx`` (white space alone makes none)."""
        runs = self._trimmed()
        self._runs = []
        if not runs:
            return
        props = ctx.props
        if ctx.item is not None and not ctx.item.numbered:
            props = replace(props, num_id=ctx.item.num_id, level=ctx.item.level)
            ctx.item.numbered = True
        ppr = para_props(ctx.base_ppr, props)
        self.blocks.append(f"<w:p>{ppr}{''.join(self._run_xml(runs))}</w:p>")

    def _trimmed(self) -> list[tuple[str, str]]:
        runs = list(self._runs)
        while runs and runs[0][0] != "<" and not runs[0][1].lstrip(" "):
            runs.pop(0)
        if runs and runs[0][0] != "<":
            runs[0] = (runs[0][0], runs[0][1].lstrip(" "))
        while runs and runs[-1] == ("<", "<w:br/>"):
            runs.pop()  # a browser shows no empty line for a trailing <br>
        while runs and runs[-1][0] != "<" and not runs[-1][1].rstrip(" "):
            runs.pop()
        if runs and runs[-1][0] != "<":
            runs[-1] = (runs[-1][0], runs[-1][1].rstrip(" "))
        if not runs and any(r == ("<", "<w:br/>") for r in self._runs):
            return [("", "")]  # <p><br></p>: the editor's empty line
        return runs

    def _run_xml(self, runs: list[tuple[str, str]]) -> list[str]:
        out: list[str] = []
        last_rpr: str | None = None
        for rpr, text in runs:
            if rpr == "<":
                out.append(text if text.startswith("<w:r>") else f"<w:r>{text}</w:r>")
                last_rpr = None
            elif last_rpr == rpr and out:
                out[-1] = out[-1][: -len("</w:t></w:r>")] + f"{escape(text)}</w:t></w:r>"
            else:
                out.append(f"<w:r>{rpr}{_T}{escape(text)}</w:t></w:r>")
                last_rpr = rpr
        return out


def _data_uri(src: str) -> bytes | None:
    """The bytes of a ``data:image/…;base64,`` source; ``None`` for any other source."""
    head, sep, data = src.strip().partition(",")
    if not sep or not head.lower().startswith("data:image/") or ";base64" not in head.lower():
        return None
    try:
        return base64.b64decode("".join(data.split()), validate=True)
    except (binascii.Error, ValueError) as err:
        raise RenderError(
            f"HTML 中的图片数据（{head[:40]}）不是有效的 base64：请重新插入图片",
            f"a picture in the HTML ({head[:40]}) is not valid base64: insert it again",
        ) from err


def heading_levels(body: etree._Element) -> dict[str, int]:
    """Heading tags used, ranked: the highest becomes level 1 (黑体), the next 2 (楷体)…

    Editors start at ``<h1>`` or at ``<h3>`` as they please; GB/T 9704 has four levels.
    """
    used = sorted({str(el.tag).lower() for el in body.iter(*HEADING_TAGS)})
    return {tag: min(rank, len(HEADING_STYLES) - 1) for rank, tag in enumerate(used)}
