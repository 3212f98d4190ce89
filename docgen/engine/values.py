"""Turn each value a template prints into XML that fits where the tag stands.

This is the one place data becomes document XML. Every value is escaped; line
breaks, tabs, page breaks and new paragraphs become the matching elements;
characters XML cannot hold are refused (or dropped on request); rich values
close and reopen runs or paragraphs around themselves. One :class:`RenderState`
lives for one render and also hands out the fresh ids loops need.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Undefined
from jinja2.exceptions import SecurityError, UndefinedError
from lxml import etree
from markupsafe import Markup, escape

from docgen.engine import ooxml
from docgen.engine.images import ImageInfo, InlineImage, drawing_xml
from docgen.engine.include import IncludeEdits, Subdoc
from docgen.engine.richtext import PARAGRAPH_BREAK, Listing
from docgen.engine.sites import Site
from docgen.exceptions import (
    InvalidCharacterError,
    MissingFieldError,
    RenderError,
    SandboxError,
)

CURRENT: ContextVar[RenderState] = ContextVar("docgen_render_state")

_BAD_TEXT = re.compile("[\x00-\x06\x08\x0b\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BAD_ATTR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SPECIAL = re.compile("[\n\r\t\x07\x0c]")
CONTROL = re.compile("[\x00-\x1f\ud800-\udfff\ufffe\uffff]")
_T_OPEN = '<w:t xml:space="preserve">'
_BREAKS = {
    "\n": "</w:t><w:br/>" + _T_OPEN,
    "\t": "</w:t><w:tab/>" + _T_OPEN,
    "\x0c": '</w:t><w:br w:type="page"/>' + _T_OPEN,
}


@dataclass
class Frame:
    """How to wrap text for one site, derived once from its :class:`Site`."""

    prefix: str
    suffix: str
    para_break: str
    run_close: str
    run_open: str
    block_close: str
    block_open: str
    run_level_break: str = ""


def frame_for(site: Site) -> Frame:
    """Precompute the wrapping strings of ``site``."""
    r_open = f"<w:r>{site.rpr}{_T_OPEN}"
    r_close = "</w:t></w:r>"
    if site.level == "text":
        # A paragraph break between runs: the paragraph's closing and opening
        # without the run and text elements around the insertion point.
        inner_close = site.p_close[len(site.r_close) :]
        inner_open = site.p_open[: len(site.p_open) - len(site.r_open)]
        return Frame(
            "", "", site.p_close + site.p_open, site.r_close, site.r_open,
            site.p_close, site.p_open, inner_close + inner_open,
        )  # fmt: skip
    if site.level == "run":
        return Frame(
            r_open, r_close, r_close + site.p_close + site.p_open + r_open,
            "", "", site.p_close, site.p_open, site.p_close + site.p_open,
        )  # fmt: skip
    if site.level == "para":
        p_open = f"<w:p>{site.ppr}"
        return Frame(
            p_open + r_open, r_close + "</w:p>", r_close + "</w:p>" + p_open + r_open,
            "", "", "", "", "</w:p>" + p_open,
        )  # fmt: skip
    return Frame("", "", "", "", "", "", "")


@dataclass
class RenderState:
    """Everything one render accumulates besides the XML text itself."""

    sites: list[Site]
    frames: list[Frame]
    strip_invalid: bool
    next_id: int
    inline: list[bool]
    part: str = ""
    verify: bool = False
    #: Parts a value wrote XML into that no check of its own covers (foreign XML, a rich
    #: value's own markup): the compile-time proof no longer covers them, so ``check=True``
    #: parses them whole.
    touched: set[str] = field(default_factory=set)
    #: The XML each run or paragraph value placed: (part, kind, the XML as it came, before
    #: a run value's paragraph breaks were written out): ``check=True`` parses each on its own
    #: (:func:`~docgen.engine.verify.unsound_fragments`) instead of its whole part.
    fragments: list[tuple[str, str, str]] = field(default_factory=list)
    #: The last Markup :meth:`text` or :meth:`fragment` returned: a rich value that returns
    #: exactly it placed nothing of its own making.
    placed: Markup | None = None
    lenient: bool = False
    raw_xml: bool = False
    #: The folder pictures named in data may be read from (``None``: none may).
    image_root: Path | None = None
    links: dict[str, set[str]] = field(default_factory=dict)
    media: dict[str, tuple[str, bytes, str]] = field(default_factory=dict)
    rels: dict[str, dict[str, str]] = field(default_factory=dict)
    bookmarks: dict[str, str] = field(default_factory=dict)
    bookmark_names: dict[str, int] = field(default_factory=dict)
    template_rels: dict[str, dict[str, str]] = field(default_factory=dict)
    includes: IncludeEdits = field(default_factory=IncludeEdits)
    #: Per part, rewrites of its rendered XML that a value asked for (merging cells by value).
    finishers: dict[str, list[Callable[[bytes], bytes]]] = field(default_factory=dict)
    #: Parts a value adds besides pictures (charts, their workbooks and relationships):
    #: name → (content type, or "" for a relationships part, bytes).
    parts: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    #: Relationship types other than a picture's, by target (``charts/chart1.xml`` → chart).
    rel_types: dict[str, str] = field(default_factory=dict)

    # -- values -----------------------------------------------------------------

    def value(self, index: int, value: Any) -> Markup:
        """XML for ``value`` printed at site ``index``."""
        if type(value) is str:
            # Plain inline text took the fast path in the environment's filter already.
            if self.raw_xml and "<" in value and is_wordml(value):
                return self._foreign(index, value)
            return self._text(index, value)
        if value is None:
            return self._text(index, "")
        if isinstance(value, Undefined):
            if self.lenient and value._undefined_exception is UndefinedError:
                return self._text(index, "")
            raise self._missing(index, value)
        kind = getattr(value, "docgen_kind", None)
        if kind == "text" and isinstance(value, Listing):
            return self._text(index, value.text)
        if kind == "image" and isinstance(value, InlineImage):
            return self._fragment(index, self._image(index, value), "run")
        if kind == "subdoc" and isinstance(value, Subdoc):
            return self._fragment(index, value.render_into(self, self.part), "para")
        if kind == "custom":
            # A value of docgen.engine.rich places itself through the public helpers below.
            self.placed = None
            result = value.docgen_render(self, index)
            if result is not self.placed:
                self.touched.add(self.part)
            return result  # type: ignore[no-any-return]
        if kind in ("run", "para"):
            for rid in getattr(value, "url_ids", ()):
                self.links.setdefault(self.part, set()).add(rid)
            return self._fragment(index, value.__html__(), kind)
        if hasattr(value, "__html__"):
            return self._foreign(index, str(value.__html__()))
        return self._text(index, str(value))

    def attr(self, value: Any) -> Markup:
        """``value`` escaped for an attribute the template computes."""
        text = "" if value is None else str(value)
        if _BAD_ATTR.search(text):
            text = _BAD_ATTR.sub("", text)
        return Markup(  # noqa: S704 -- built from escaped text only
            str(escape(text))
        )

    def _text(self, index: int, text: str) -> Markup:
        site = self.sites[index]
        if site.level in ("attr", "plain"):
            return self._plain(site, text)
        if _BAD_TEXT.search(text):
            text = self._clean(site, text, _BAD_TEXT)
        body = str(escape(text))
        frame = self.frames[index]
        if _SPECIAL.search(body):
            body = body.replace("\r\n", "\n").replace("\r", "\n")
            for char, xml in _BREAKS.items():
                body = body.replace(char, xml)
            body = body.replace("\x07", frame.para_break)
        self.placed = Markup(frame.prefix + body + frame.suffix)  # noqa: S704 -- escaped above
        return self.placed

    def text(self, index: int, text: str) -> Markup:
        """``text`` escaped and framed for site ``index``, as a plain value would be."""
        return self._text(index, text)

    def clean(self, index: int, text: str) -> str:
        """``text`` without characters XML cannot hold (``strip_invalid``), or the error
        naming the field at site ``index``: the rule of plain values, for rich ones."""
        if _BAD_ATTR.search(text):
            return self._clean(self.sites[index], text, _BAD_ATTR)
        return text

    def fragment(self, index: int, xml: str, kind: str) -> Markup:
        """docgen-built XML of ``kind`` ``run`` or ``para`` placed at site ``index``."""
        return self._fragment(index, xml, kind)

    def finish(self, step: Callable[[bytes], bytes]) -> None:
        """Run ``step`` once over the current part's rendered XML after the render."""
        steps = self.finishers.setdefault(self.part, [])
        if step not in steps:
            steps.append(step)

    def _plain(self, site: Site, text: str) -> Markup:
        if _BAD_ATTR.search(text):
            text = self._clean(site, text, _BAD_ATTR)
        self.placed = escape(text)
        return self.placed

    def _clean(self, site: Site, text: str, pattern: re.Pattern[str]) -> str:
        if self.strip_invalid:
            return pattern.sub("", text)
        bad = pattern.search(text)
        assert bad is not None  # noqa: S101 -- callers searched first
        code = ord(bad.group())
        raise InvalidCharacterError(
            f"字段 {site.expression} 的值含有 XML 不允许的字符 U+{code:04X}"
            f"（第 {bad.start() + 1} 个字符）；可用 strip_invalid 选项删除这类字符",
            f"the value of {site.expression} holds U+{code:04X}, which XML cannot represent "
            f"(character {bad.start() + 1}); use the strip_invalid option to drop such characters",
            location=site.location,
            field_path=site.expression,
        )

    def _fragment(self, index: int, xml: str, kind: str) -> Markup:
        site = self.sites[index]
        frame = self.frames[index]
        if site.level in ("attr", "plain"):
            raise RenderError(
                f"富文本、图片或段落不能放在这里：{site.expression}",
                f"rich text, images and paragraphs cannot be placed here: {site.expression}",
                location=site.location,
                field_path=site.expression,
            )
        self.fragments.append((self.part, kind, xml))
        if kind == "run":
            xml = xml.replace(PARAGRAPH_BREAK, frame.run_level_break)
            if site.level == "para":
                self.placed = Markup(f"<w:p>{site.ppr}{xml}</w:p>")  # noqa: S704 -- docgen's
            else:
                self.placed = Markup(frame.run_close + xml + frame.run_open)  # noqa: S704
        else:
            self.placed = Markup(frame.block_close + xml + frame.block_open)  # noqa: S704
        return self.placed

    def _foreign(self, index: int, xml: str) -> Markup:
        """XML from outside docgen (docxtpl objects, ``|safe``): placed, then verified."""
        self.verify = True
        self.touched.add(self.part)
        stripped = xml.lstrip()
        if stripped.startswith(("<w:p>", "<w:p ", "<w:tbl")):
            return self._fragment(index, xml, "para")
        if stripped.startswith(("<w:r>", "<w:r ", "<w:hyperlink")):
            return self._fragment(index, xml, "run")
        return Markup(xml)  # noqa: S704 -- the caller marked it safe; verified after render

    def _missing(self, index: int, value: Undefined) -> RenderError:
        site = self.sites[index]
        if getattr(value, "_undefined_exception", None) is SecurityError:
            # The sandbox answers a forbidden attribute with an Undefined that
            # raises SecurityError when used; report it as what it is.
            hint = getattr(value, "_undefined_hint", None) or site.expression
            return SandboxError(
                f"模板试图访问不安全的内容：{hint}",
                f"the template tried to reach something unsafe: {hint}",
                location=site.location,
                field_path=site.expression,
            )
        name = getattr(value, "_undefined_name", None) or site.expression
        return missing_field(str(name), site.expression, site)

    # -- images and ids ------------------------------------------------------------

    def _image(self, index: int, image: InlineImage) -> str:
        rid = self.add_media(image.info)
        return drawing_xml(rid, self.new_id(), image, self.sites[index].rpr)

    def picture(self, index: int, image: InlineImage) -> str:
        """The run showing ``image`` inline at site ``index`` (media and relationship added)."""
        return self._image(index, image)

    def add_media(self, info: ImageInfo) -> str:
        """Add a picture to the package once; its relationship id from the current part."""
        target = f"media/docgen_{info.digest}.{info.ext}"
        self.media.setdefault(f"word/{target}", (info.ext, info.blob, info.content_type))
        return self.relate(self.part, target)

    def add_part(self, name: str, content_type: str, blob: bytes) -> None:
        """Add part ``name`` to the package (a relationships part takes ``""`` as type)."""
        self.parts[name] = (content_type, blob)

    def relate_as(self, part: str, target: str, rel_type: str) -> str:
        """Like :meth:`relate`, for a relationship of type ``rel_type``."""
        self.rel_types[target] = rel_type
        return self.relate(part, target)

    def site(self, index: int) -> Site:
        """Where site ``index`` stands (its level, run properties, location)."""
        return self.sites[index]

    def relate(self, part: str, target: str) -> str:
        """The relationship id from ``part`` to ``target``, created when new.

        Reuses the template's own relationship to the same target, and never
        hands out an id the template's part already uses (a rendered document
        may well be used as a template again).
        """
        existing = self.template_rels.get(part, {})
        if target in existing:
            return existing[target]
        added = self.rels.setdefault(part, {})
        if target in added:
            return added[target]
        taken = set(existing.values())
        number = len(added) + 1
        while f"rIdDg{number}" in taken:
            number += 1
        added[target] = f"rIdDg{number}"
        return added[target]

    def new_id(self) -> int:
        """A drawing id no other drawing in this document has."""
        self.next_id += 1
        return self.next_id

    def bookmark_start(self, original: str) -> str:
        """A fresh id for a bookmark start; its end will get the same id."""
        fresh = str(self.new_id())
        self.bookmarks[original] = fresh
        return fresh

    def bookmark_end(self, original: str) -> str:
        """The id given to the most recent start of bookmark ``original``."""
        return self.bookmarks.get(original, original)

    def bookmark_name(self, name: str) -> Markup:
        """``name`` the first time, ``name_2``, ``name_3``… for copies made by loops."""
        count = self.bookmark_names.get(name, 0) + 1
        self.bookmark_names[name] = count
        return self.attr(name if count == 1 else f"{name}_{count}")


_WORDML_WRAP = "<dg " + " ".join(f'xmlns:{k}="{v}"' for k, v in ooxml.NSMAP.items()) + ">"


def is_wordml(text: str) -> bool:
    """Whether ``text`` is well-formed WordprocessingML (``<w:br/>``, ``<w:r>…</w:r>``).

    docxtpl with ``autoescape=False`` pastes strings into the XML as they are;
    code written for it builds markup this way. Text that is not such markup
    (``a < b``, ``A&B``) is text, and is escaped rather than silently lost.
    """
    if "<w:" not in text:
        return False
    try:
        ooxml.parse((_WORDML_WRAP + text + "</dg>").encode("utf-8"))
    except (etree.XMLSyntaxError, ValueError):
        return False
    return True


def missing_field(
    name: str, expression: str, site: Site | None, *, as_test: bool = False
) -> MissingFieldError:
    """The error for a field the template uses and the data lacks, with the fix to try.

    A name used as a condition gets ``is defined``; a printed one ``|default``.
    """
    where = site.location if site is not None else None
    if as_test:
        hint_zh = f"若此字段可以不填，请写作 {{% if {name} is defined %}} 或 {name}|default(false)"
        hint_en = (
            f"if the field is optional, write {{% if {name} is defined %}} or {name}|default(false)"
        )
    else:
        hint_zh = f"若此字段可以不填，请写作 {{{{ {name}|default('') }}}}"
        hint_en = f"if the field is optional, write {{{{ {name}|default('') }}}}"
    return MissingFieldError(
        f"缺少字段 {name}（模板中写作 {expression}）；{hint_zh}",
        f"missing field {name} (used in the template as {expression}); {hint_en}",
        location=where,
        field_path=name,
    )
