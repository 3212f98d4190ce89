"""Read HTML from a web editor into a tree docgen trusts: text and known tags only.

The parser is libxml2's HTML parser through ``lxml.html`` (maintained, already a
dependency, forgiving the way browsers are about unclosed tags). It never
touches the network, drops comments (Word's ``<!--[if gte mso 9]><xml>…`` blocks
included) and processing instructions, and resolves no entity but HTML's own:
``&lt;w:p&gt;`` stays the text ``<w:p>``. What a browser would not show as text
(scripts, styles, frames, embedded objects, form widgets, SVG drawings) is
removed with everything inside it; every other unknown tag keeps its text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from docgen.engine import ooxml
from docgen.exceptions import RenderError

#: Elements removed with their content: not text a reader of the page would see,
#: or a way to reach outside the document.
DROPPED = frozenset(
    {
        "script", "style", "iframe", "frame", "frameset", "object", "applet", "noscript",
        "noframes", "template", "head", "title", "svg", "math", "canvas", "audio", "video",
        "picture", "select", "option", "button", "textarea", "xml", "map", "dialog", "portal",
        "slot",
    }
)  # fmt: skip
#: Empty (void) elements removed as tags only: libxml2 does not know some of them are
#: empty and puts the text after them inside, which a browser shows.
VOID_DROPPED = frozenset(
    {"embed", "input", "param", "source", "track", "area", "base", "link", "meta", "keygen"}
)
#: Tags deeper than this are unwrapped (their text kept): no editor nests so deep, and
#: the writer walks the tree recursively.
MAX_DEPTH = 64
#: libxml2's own limit; deeper HTML is cut off by the parser, so it is refused instead.
PARSER_DEPTH = 256

_SPACE = re.compile(r"[ \t\n\r\f]+")
_CJK = (
    "\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
)
_CJK_BREAK = re.compile(f"(?<=[{_CJK}])[ \t\r\f]*\n[ \t\n\r\f]*(?=[{_CJK}])")


def parse_html(source: str, clean: Callable[[str], str]) -> etree._Element:
    """The ``<body>`` of ``source``, cleaned of every :data:`DROPPED` element.

    ``clean`` sees every piece of text first: characters XML cannot hold (raw, or
    written as ``&#1;``) are refused or dropped there, by the render's own rule.
    """
    import lxml.html  # imported on first use: most renders hold no HTML

    parser = lxml.html.HTMLParser(  # type: ignore[call-arg]  # lxml-stubs lack default_doctype
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        default_doctype=False,
        remove_blank_text=False,
        recover=True,
    )
    # A wrapper of our own, so text before the first tag is not wrapped in an implied <p>.
    root = lxml.html.document_fromstring(f"<html><body>{source}</body></html>", parser=parser)
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        raise RenderError(
            f"HTML 嵌套超过 {PARSER_DEPTH} 层，无法完整读取：请检查内容是否由编辑器正常生成",
            f"the HTML nests deeper than {PARSER_DEPTH} levels and cannot be read whole: "
            "check that an editor produced it",
        )
    body = root.find("body")
    if body is None:  # pragma: no cover -- the wrapper always gives a body
        body = etree.Element("body")
    for el in body.iter():
        el.text = clean(el.text) if el.text else el.text
        el.tail = clean(el.tail) if el.tail else el.tail
    for el in list(body.iter()):
        if not isinstance(el.tag, str):
            ooxml.remove_keeping_tail(el)  # entities and the like that survived the parser
        elif el.tag.lower() in DROPPED:
            ooxml.remove_keeping_tail(el)
        elif el.tag.lower() in VOID_DROPPED:
            unwrap(el)
    for el in _too_deep(body):
        unwrap(el)
    return body


def _too_deep(body: etree._Element) -> list[etree._Element]:
    depth = 0
    deep: list[etree._Element] = []
    for event, el in etree.iterwalk(body, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if event == "start" and depth > MAX_DEPTH:
            deep.append(el)
    return deep


def unwrap(el: etree._Element) -> None:
    """Replace ``el`` by its content: its text and children stay where it stood."""
    parent = el.getparent()
    if parent is None:
        return
    at = parent.index(el)
    _append_text(parent, at, el.text or "")
    children = list(el)
    for offset, child in enumerate(children):
        parent.insert(at + offset, child)  # moves the child (and its tail) out of el
    _append_text(parent, at + len(children), el.tail or "")
    parent.remove(el)


def _append_text(parent: etree._Element, at: int, text: str) -> None:
    """Add ``text`` where child number ``at`` of ``parent`` stands (before it)."""
    if not text:
        return
    if at == 0:
        parent.text = (parent.text or "") + text
    else:
        before = parent[at - 1]
        before.tail = (before.tail or "") + text


def collapse(text: str) -> str:
    """HTML's white space rule: runs of spaces and line breaks read as one space.

    A line break between two Chinese characters is dropped instead (editors and
    Word wrap their HTML source mid-sentence; CSS Text 3 removes such breaks).
    A no-break space (``&nbsp;``) is not white space and is kept as it is.
    """
    if not text:
        return text
    return _SPACE.sub(" ", _CJK_BREAK.sub("", text))


def css(style: str | None) -> dict[str, str]:
    """An inline ``style`` attribute as lower-case property → value (last one wins)."""
    found: dict[str, str] = {}
    for item in (style or "").split(";"):
        name, sep, value = item.partition(":")
        if sep:
            found[name.strip().lower()] = value.strip().lower().removesuffix("!important").strip()
    return found


_HEX = re.compile(r"#([0-9a-f]{3}|[0-9a-f]{6})")
_RGB = re.compile(
    r"rgba?\(\s*(\d{1,3})%?\s*[, ]\s*(\d{1,3})%?\s*[, ]\s*(\d{1,3})%?\s*(?:[,/][^)]*)?\)"
)
#: The CSS colour keywords editors' palettes write by name.
NAMED_COLORS = {
    "black": "000000", "white": "FFFFFF", "red": "FF0000", "green": "008000",
    "blue": "0000FF", "yellow": "FFFF00", "orange": "FFA500", "purple": "800080",
    "gray": "808080", "grey": "808080", "silver": "C0C0C0", "maroon": "800000",
    "navy": "000080", "teal": "008080", "olive": "808000", "lime": "00FF00",
    "aqua": "00FFFF", "cyan": "00FFFF", "fuchsia": "FF00FF", "magenta": "FF00FF",
    "darkred": "8B0000", "brown": "A52A2A", "pink": "FFC0CB", "gold": "FFD700",
}  # fmt: skip


def color(value: str | None) -> str:
    """A CSS colour as Word's ``RRGGBB``; ``""`` for anything else (never passed through)."""
    text = (value or "").strip().lower()
    if not text:
        return ""
    if text in NAMED_COLORS:
        return NAMED_COLORS[text]
    hexa = _HEX.fullmatch(text)
    if hexa:
        digits = hexa.group(1)
        if len(digits) == 3:
            digits = "".join(c * 2 for c in digits)
        return digits.upper()
    rgb = _RGB.fullmatch(text)
    if rgb:
        return "".join(f"{min(int(c), 255):02X}" for c in rgb.groups())
    return ""


_LENGTH = re.compile(r"(\d+(?:\.\d+)?)\s*(px|pt|mm|cm|in|%)?")
_EMU_PER = {"px": 9525.0, "pt": 12700.0, "mm": 36000.0, "cm": 360000.0, "in": 914400.0}


def length_emu(value: str | None) -> int | None:
    """A CSS or attribute length (``120``, ``120px``, ``3cm``) in EMU; ``None`` if unknown.

    Percentages have no absolute size here and read as unknown.
    """
    found = _LENGTH.fullmatch((value or "").strip().lower())
    if not found or found.group(2) == "%":
        return None
    return round(float(found.group(1)) * _EMU_PER[found.group(2) or "px"])
