"""HTML values: ``{{p notice_html|html }}`` turns an OA editor's HTML into Word content.

Paragraphs, headings, bold/italic/underline/strike, colours, line breaks, lists
(real Word numbering), tables (``colspan``/``rowspan`` as merged cells) and
pictures given as ``data:`` URIs become WordprocessingML in the house style:
an HTML ``<p>`` takes the paragraph properties of the tag's own paragraph, the
headings map to the four GB/T 9704 levels (the highest heading used is level 1,
黑体), table cells to the house table styles. A template that lacks one of those
styles gets the house style's definition copied in, so the content looks the
same in any template.

Safety: the HTML is text to docgen. Scripts, styles, frames and objects are
dropped with their content (:mod:`~docgen.engine.rich.html_parse`); links keep
their text and lose their target; a picture from anywhere but a ``data:`` URI
is not fetched and shows its ``alt`` text; every character is escaped.
HTML that holds only inline content (``<b>紧急</b>通知``) stays in the tag's
paragraph as runs.
"""

from __future__ import annotations

import copy
import functools
from typing import TYPE_CHECKING

from lxml import etree
from markupsafe import Markup

from docgen.engine.images import InlineImage
from docgen.engine.ooxml import qn
from docgen.engine.rich.html_lists import abstract_num, num_element
from docgen.engine.rich.html_parse import collapse, parse_html
from docgen.engine.rich.html_writer import (
    HEADING_STYLES,
    TABLE_HEADER,
    TABLE_STYLE,
    TABLE_TEXT,
    Context,
    Writer,
    heading_levels,
)
from docgen.engine.rich.lines import unclip_pictures

if TYPE_CHECKING:
    from docgen.engine.values import RenderState

#: The house style's type area, 210 − 28 − 26 mm = 156 mm, in twips.
TEXT_WIDTH = 8844
#: The names Word and the house style give the styles the writer uses.
_STYLE_NAMES = {
    **{sid: f"heading {n + 1}" for n, sid in enumerate(HEADING_STYLES)},
    TABLE_HEADER: "表格标题行",
    TABLE_TEXT: "表格正文",
    TABLE_STYLE: "table grid",
}


class Html:
    """``source`` (HTML text or UTF-8 bytes) to be written as Word content where it is printed."""

    docgen_kind = "custom"

    def __init__(self, source: object) -> None:
        if isinstance(source, bytes):
            source = source.decode("utf-8")
        self.source = "" if source is None else str(source)

    def html(self) -> str:
        """The HTML this value writes."""
        return self.source

    def __str__(self) -> str:
        return plain_text(parse_html(self.html(), str))

    def docgen_render(self, state: RenderState, index: int) -> Markup:
        """Paragraphs and tables at site ``index`` (or runs, for inline-only HTML)."""
        site = state.site(index)
        body = parse_html(self.html(), functools.partial(state.clean, index))
        if site.level in ("attr", "plain"):
            return state.text(index, plain_text(body))
        writer = Writer(_Host(state, index), heading_levels(body))
        ctx = Context(site.ppr, site.rpr, TEXT_WIDTH)
        writer.write(body, ctx)
        if not writer.saw_block:
            return state.fragment(index, writer.inline_runs(), "run")
        writer.finish(ctx)
        return state.fragment(index, "".join(writer.blocks), "para")


def plain_text(body: etree._Element) -> str:
    """The text of a cleaned body, white space collapsed: for places that hold text only."""
    return collapse("".join(str(t) for t in body.itertext())).strip()


class _Host:
    """The render seen from the HTML writer: styles, lists and pictures of this package."""

    def __init__(self, state: RenderState, index: int) -> None:
        self.state = state
        self.index = index

    def style(self, house_id: str) -> str:
        edits = self.state.includes
        target = edits.target()
        if house_id in target.style_ids:
            return house_id
        own = target.style_names.get(_STYLE_NAMES.get(house_id, house_id).lower())
        if own:
            return own
        edits.styles.setdefault(house_id, copy.deepcopy(_house_styles()[house_id]))
        return house_id

    def new_list(self, fmt: str, start: int) -> str:
        return self.state.includes.add_list(abstract_num(fmt, start), num_element())

    def picture(self, blob: bytes, width: int | None, height: int | None, descr: str) -> str:
        image = InlineImage(blob, width=width, height=height, descr=descr)
        self.state.finish(unclip_pictures)
        return self.state.picture(self.index, image)


@functools.lru_cache(maxsize=1)
def _house_styles() -> dict[str, etree._Element]:
    """The house style's own definitions of the styles the writer uses, by id."""
    from docgen.engine import ooxml
    from docgen.style.house import DEFAULT_STYLE
    from docgen.style.styles import styles_xml

    root = ooxml.parse(styles_xml(DEFAULT_STYLE).encode("utf-8"))
    found = {el.get(qn("w:styleId"), ""): el for el in root.iter(qn("w:style"))}
    return {sid: found[sid] for sid in _STYLE_NAMES}


def html_filter(value: object) -> Html:
    """``{{p body|html }}``: the HTML in ``body`` as paragraphs, lists and tables."""
    return value if isinstance(value, Html) else Html(value)
