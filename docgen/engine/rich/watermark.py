"""A watermark on every page: text (草稿, 征求意见稿) or a picture, in every section's header.

Word keeps a watermark in the header, so it shows on each page of the section;
:func:`add_watermark` puts it in every header part the document uses, and gives a
header of its own to every section, page kind and first page that would otherwise
have none (a section with a distinct first page, even pages with their own
header). The body is left as it is.

Two text styles. ``horizontal`` (the default) is a text box behind the text, centred
on the type area: Word, WPS and LibreOffice draw it alike, and the PDF holds the
words, so a search for 草稿 finds every page. ``diagonal`` is the object Word's own
设计 › 水印 writes (a VML word-art shape at 315°), which Word's dialog can change or
remove again; LibreOffice draws it too, as outlines, so the PDF shows it without
holding it as text. A picture watermark is a floating picture behind the text,
centred on the type area and washed out as Word's 冲蚀 does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING

from lxml import etree

from docgen.engine import ooxml, zipout
from docgen.engine.images import InlineImage, Mm, Pt, read_image
from docgen.engine.ooxml import qn
from docgen.engine.package import Package, read_rels, rels_name
from docgen.engine.packing import EMPTY_RELS, add_override, add_relationships, relationship_ids
from docgen.engine.rich.anchored import FloatingImage, anchor_xml
from docgen.exceptions import RenderError
from docgen.i18n import tr

if TYPE_CHECKING:
    from os import PathLike

HEADER_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
HEADER_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
#: Word's washout (冲蚀): brightness +70 %, contrast −70 %.
WASHOUT = '<a:lum bright="70000" contrast="-70000"/>'
DEFAULT_COLOUR = "C0C0C0"
#: The type area of GB/T 9704 is 156 mm wide; the text takes at most 80 % of it.
_TEXT_WIDTH_PT = 156 / 25.4 * 72 * 0.8
_MAX_SIZE_PT = 120.0
_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_VML = 'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'
_REL = f"{{{ooxml.PKG_RELS}}}Relationship"
#: VML's word-art shape type (136, "text plain"), as Word defines it beside a watermark.
_SHAPETYPE = (
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
    'path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas><v:f eqn="sum #0 0 10800"/>'
    '<v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/>'
    '<v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/>'
    '<v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/>'
    '<v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/>'
    '<v:f eqn="sum @6 0 @5"/></v:formulas><v:path textpathok="t" o:connecttype="custom" '
    'o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>'
    '<v:textpath on="t" fitshape="t"/><v:handles><v:h position="#0,bottomRight" '
    'xrange="6629,14971"/></v:handles><o:lock v:ext="edit" text="t" shapetype="t"/>'
    "</v:shapetype>"
)
_CT = f"{{{ooxml.CT}}}"
_NS = " ".join(f'xmlns:{k}="{v}"' for k, v in ooxml.NSMAP.items())
_HEADER_HEAD = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {_NS}>'
#: The names a watermark's drawing carries (in either language docgen writes).
_NAMES = ("水印", "watermark")


@dataclass(frozen=True)
class Watermark:
    """The watermark to put on every page: ``text`` or ``image`` (one of the two).

    ``size_pt`` is the text's size (by default as large as fits 80 % of a 156 mm line,
    at most 120 pt); ``colour`` a hex RGB; ``diagonal`` picks Word's own 315° object.
    ``width`` is the picture's width in EMU (by default 120 mm); ``washout`` pales it.
    """

    text: str = ""
    image: bytes | None = None
    diagonal: bool = False
    colour: str = DEFAULT_COLOUR
    size_pt: float | None = None
    font: str = "黑体"
    width: int | None = None
    washout: bool = True

    def __post_init__(self) -> None:
        if bool(self.text.strip()) == (self.image is not None):
            raise ValueError(
                tr(
                    "水印应给出文字或图片之一（不能都没有，也不能都给）",
                    "a watermark needs either text or a picture (exactly one of them)",
                )
            )
        if not valid_colour(self.colour):
            raise ValueError(
                tr(
                    f"水印颜色 {self.colour} 无效：请写六位十六进制颜色，如 C0C0C0",
                    f"watermark colour {self.colour} is not valid: write six hex digits",
                )
            )
        if self.image is not None:
            read_image(self.image)  # refuses what is not PNG, JPEG or GIF, now

    @classmethod
    def picture(
        cls, image: str | PathLike[str] | bytes | IO[bytes], width: int | None = None,
        washout: bool = True,
    ) -> Watermark:  # fmt: skip
        """A picture watermark from a path the program chose, bytes or a binary file."""
        return cls(image=InlineImage(image).info.blob, width=width, washout=washout)

    def size(self) -> float:
        """The text's size in points."""
        if self.size_pt is not None:
            return float(self.size_pt)
        return min(_MAX_SIZE_PT, _TEXT_WIDTH_PT / max(len(self.text.strip()), 1))


def valid_colour(colour: str) -> bool:
    """True for six hex digits (``C0C0C0``, ``#c0c0c0``)."""
    digits = colour.lstrip("#")
    return len(digits) == 6 and all(c in "0123456789abcdefABCDEF" for c in digits)


def as_watermark(value: Watermark | str | None) -> Watermark | None:
    """``"草稿"`` → a horizontal text watermark; a :class:`Watermark` as it is."""
    if value is None or isinstance(value, Watermark):
        return value
    return Watermark(text=str(value)) if str(value).strip() else None


def add_watermark(
    docx: bytes, mark: Watermark | str, name: str = "<document>", *, keep_marked: bool = False
) -> bytes:
    """``docx`` (any finished .docx) with ``mark`` in every header, every section given the
    headers it lacks. ``keep_marked``: a header that has a watermark already keeps it alone
    (a merged volume whose parts carry their own)."""
    package = Package(name, docx)
    edits = _Edits(package, {}, {})
    top = 0
    for part, _kind in package.story_parts():
        for el in ooxml.parse(package.read(part)).iter(qn("wp:docPr")):
            value = el.get("id", "0")
            top = max(top, int(value) if value.isdigit() else 0)
    mark_package(package, edits.parts, edits.media, mark, top + 1, keep_marked=keep_marked)
    return edits.write()


def mark_package(
    package: Package,
    outputs: dict[str, bytes],
    media: dict[str, tuple[str, bytes, str]],
    mark: Watermark | str,
    first_id: int,
    *,
    keep_marked: bool = False,
) -> None:
    """Put ``mark`` in every header of ``package``, writing the parts it changes or adds into
    ``outputs`` (read from there first: a render's own parts) and its picture into ``media``;
    drawing ids start at ``first_id``."""
    watermark = as_watermark(mark)
    if watermark is None:
        return
    edits = _Edits(package, outputs, media)
    main = package.main_part()
    document = _Sections(edits.read(main))
    sections = document.elements
    if not sections:
        raise RenderError(
            f"{package.source} 没有分节信息，无法加水印",
            f"{package.source} has no section properties to hold a watermark",
        )
    even = _even_and_odd(edits)
    seen: set[str] = set()
    for index, section in enumerate(sections):
        wanted = ["default"] + (["even"] if even else [])
        if section.find(qn("w:titlePg")) is not None:
            wanted.append("first")
        for kind in wanted:
            rid = _reference(section, kind)
            if rid is None and not any(_reference(s, kind) for s in sections[:index]):
                rid = edits.new_header(main)
                _add_reference(section, kind, rid)
                document.changed = True
            if rid is not None:
                seen.add(rid)
    rels = read_rels(package, main)
    headers = {rels[rid].target for rid in seen if rid in rels} | set(edits.created)
    if document.changed:
        outputs[main] = document.write()
    for number, part in enumerate(sorted(headers)):
        if not (keep_marked and has_watermark(edits.read(part))):
            edits.mark(part, watermark, first_id + number)


def has_watermark(header: bytes) -> bool:
    """True when the header part holds a watermark docgen or Word's 设计 › 水印 put there."""
    if b"PowerPlusWaterMarkObject" in header:
        return True
    return any(
        (el.get("name") or "").startswith(_NAMES)
        for el in ooxml.parse(header).iter(qn("wp:docPr"))
    )


class _Sections:
    """The main part's section properties, to read and give header references.

    A rendered body is large (50 kB for a 30-row 台账) and a watermark touches only its
    few ``w:sectPr``: they are found in the bytes and only they are parsed and written
    back. A part where that is not safe — ``w`` or ``r`` bound elsewhere than Word's
    namespaces, tracked section changes (a ``w:sectPr`` inside another) — is parsed whole.
    """

    def __init__(self, xml: bytes) -> None:
        self.xml = xml
        self.changed = False
        self.root: etree._Element | None = None
        self.spans: list[tuple[int, int]] = []
        if _can_splice(xml):
            self.spans = [m.span() for m in _SECTPR.finditer(xml)]
            self.elements = [_fragment(xml[a:b]) for a, b in self.spans]
        else:
            self.root = ooxml.parse(xml)
            self.elements = list(self.root.iter(qn("w:sectPr")))

    def write(self) -> bytes:
        """The part with the sections as they now are."""
        if self.root is not None:
            return _bytes(self.root)
        xml = self.xml
        for (start, end), section in reversed(list(zip(self.spans, self.elements, strict=True))):
            out = etree.tostring(section, encoding="UTF-8")
            head = out.index(b">") + 1
            # The holder's declarations, repeated on the element, are the root's: dropped.
            xml = xml[:start] + _DECLARED.sub(b"", out[:head]) + out[head:] + xml[end:]
        return xml


_SECTPR = re.compile(rb"<w:sectPr\b[^>]*?(?:/>|>.*?</w:sectPr>)", re.DOTALL)
_BINDING = re.compile(rb' xmlns:(w|r)="([^"]*)"')
_DECLARED = re.compile(rb' xmlns:(?:w|r)="[^"]*"')
_ROOT = re.compile(rb"<(?![?!])[^>]*>")
_HOLDER = f'<dg xmlns:w="{ooxml.W}" xmlns:r="{ooxml.R}">'.encode()


def _can_splice(xml: bytes) -> bool:
    """``w`` and ``r`` declared on the root as Word's, and nowhere bound otherwise."""
    root = _ROOT.search(xml)
    if b"sectPrChange" in xml or root is None:
        return False
    usual = {(b"w", ooxml.W.encode()), (b"r", ooxml.R.encode())}
    on_root = {(m[1], m[2]) for m in _BINDING.finditer(root.group())}
    return on_root == usual and {(m[1], m[2]) for m in _BINDING.finditer(xml)} == usual


def _fragment(xml: bytes) -> etree._Element:
    return ooxml.parse(_HOLDER + xml + b"</dg>")[0]


def _reference(section: etree._Element, kind: str) -> str | None:
    for ref in section.findall(qn("w:headerReference")):
        if ref.get(qn("w:type"), "default") == kind:
            return ref.get(qn("r:id"))
    return None


def _add_reference(section: etree._Element, kind: str, rid: str) -> None:
    ref = etree.Element(qn("w:headerReference"))
    ref.set(qn("w:type"), kind)
    ref.set(qn("r:id"), rid)
    section.insert(0, ref)  # header references come first in a section's properties


def _even_and_odd(edits: _Edits) -> bool:
    if not edits.has("word/settings.xml"):
        return False
    xml = edits.read("word/settings.xml")
    if b"evenAndOddHeaders" not in xml:
        return False  # the usual case, told without parsing the settings
    settings = ooxml.parse(xml)
    flag = settings.find(qn("w:evenAndOddHeaders"))
    return flag is not None and flag.get(qn("w:val"), "true") not in ("0", "false", "off")


class _Edits:
    """The parts a watermark rewrites or adds, written out over the package's own."""

    def __init__(
        self,
        package: Package,
        parts: dict[str, bytes],
        media: dict[str, tuple[str, bytes, str]],
    ) -> None:
        self.package = package
        self.parts = parts
        self.media = media
        self.created: list[str] = []

    def read(self, name: str) -> bytes:
        return self.parts[name] if name in self.parts else self.package.read(name)

    def has(self, name: str) -> bool:
        return name in self.parts or self.package.has(name)

    def new_header(self, main: str) -> str:
        """A new empty header part, related from ``main``; its relationship id."""
        number = 1
        while self.has(f"word/header{number}.xml") or f"word/header{number}.xml" in self.created:
            number += 1
        part = f"word/header{number}.xml"
        self.created.append(part)
        self.parts[part] = f"{_HEADER_HEAD}<w:p/></w:hdr>".encode()
        self._override(part)
        return self.relate(main, f"header{number}.xml", HEADER_TYPE)

    def relate(self, part: str, target: str, kind: str) -> str:
        """A new relationship from ``part``; its id."""
        name = rels_name(part)
        xml = self.read(name) if self.has(name) else EMPTY_RELS
        taken = relationship_ids(xml)
        number = 1
        while f"rIdWm{number}" in taken:
            number += 1
        self.parts[name] = add_relationships(xml, [(f"rIdWm{number}", kind, target)])
        return f"rIdWm{number}"

    def _override(self, part: str) -> None:
        types = self.read("[Content_Types].xml")
        self.parts["[Content_Types].xml"] = add_override(types, part, HEADER_CT)

    def _default(self, ext: str, content_type: str) -> None:
        types = ooxml.parse(self.read("[Content_Types].xml"))
        known = {el.get("Extension", "").lower() for el in types.iter(f"{_CT}Default")}
        if ext not in known:
            default = etree.Element(f"{_CT}Default")
            default.set("Extension", ext)
            default.set("ContentType", content_type)
            types.insert(0, default)
            self.parts["[Content_Types].xml"] = _bytes(types)

    def mark(self, part: str, mark: Watermark, shape_id: int) -> None:
        """Put ``mark`` at the start of the first paragraph of header ``part``."""
        if part in self.created:  # a header of our own, empty: written whole, not parsed
            own = _run_xml(self, part, mark, shape_id)
            self.parts[part] = f"{_HEADER_HEAD}<w:p>{own}</w:p></w:hdr>".encode()
            return
        root = ooxml.parse(self.read(part))
        paragraph = next(root.iter(qn("w:p")), None)
        if paragraph is None:
            paragraph = etree.SubElement(root, qn("w:p"))
        run = ooxml.parse(_run_xml(self, part, mark, shape_id).encode())
        props = paragraph.find(qn("w:pPr"))
        paragraph.insert(0 if props is None else 1, run)
        self.parts[part] = _bytes(root)

    def picture_rid(self, part: str, blob: bytes) -> str:
        info = read_image(blob)
        target = f"media/docgen_{info.digest}.{info.ext}"
        self.media[f"word/{target}"] = (info.ext, blob, info.content_type)
        self._default(info.ext, info.content_type)
        return self.relate(part, target, ooxml.RT_IMAGE)

    def write(self) -> bytes:
        entries: list[zipout.Entry] = []
        blocks: dict[int, bytes] = {}
        for member in self.package.members:
            if member.name in self.parts:
                entries.append(zipout.deflated_entry(member.name, self.parts.pop(member.name)))
                continue
            entry = zipout.copied_entry(member.info, member.raw)
            blocks[len(entries)] = entry.local_block()
            entries.append(entry)
        for name in sorted(self.parts):
            entries.append(zipout.deflated_entry(name, self.parts[name]))
        for name in sorted(self.media):
            if not self.package.has(name):
                entries.append(zipout.stored_entry(name, self.media[name][1]))
        return zipout.write_zip(entries, blocks)


def _run_xml(edits: _Edits, part: str, mark: Watermark, shape_id: int) -> str:
    ns = " ".join(f'xmlns:{k}="{v}"' for k, v in ooxml.NSMAP.items())
    if mark.image is not None:
        rid = edits.picture_rid(part, mark.image)
        picture = FloatingImage(
            mark.image, Mm(120) if mark.width is None else mark.width,
            relative_to="margin", align_x="center", align_y="center", behind=True,
            descr=tr("水印", "watermark"),
        )  # fmt: skip
        picture.shape_name = tr("水印", "watermark")
        picture.effects = WASHOUT if mark.washout else ""
        body = anchor_xml(rid, shape_id, picture)
        return f"<w:r {ns}><w:drawing>{body}</w:drawing></w:r>"
    if mark.diagonal:
        return f"<w:r {ns}><w:pict {_VML}>{_vml(mark, shape_id)}</w:pict></w:r>"
    return f"<w:r {ns}><w:drawing>{_text_box(mark, shape_id)}</w:drawing></w:r>"


def _text_box(mark: Watermark, shape_id: int) -> str:
    """A borderless text box behind the text, centred on the type area."""
    size = mark.size()
    text = ooxml.escape_attr(mark.text.strip())
    cx, cy = Pt(size * (len(mark.text.strip()) + 1)), Pt(size * 1.5)
    font = ooxml.escape_attr(mark.font)
    return (
        f'<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        f'relativeHeight="{shape_id}" behindDoc="1" locked="0" layoutInCell="1" '
        'allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>'
        '<wp:positionV relativeFrom="margin"><wp:align>center</wp:align></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:wrapNone/><wp:docPr id="{shape_id}" name="{tr("水印", "watermark")} {shape_id}"/>'
        "<wp:cNvGraphicFramePr/><a:graphic>"
        f'<a:graphicData uri="{_WPS}"><wps:wsp xmlns:wps="{_WPS}"><wps:cNvSpPr txBox="1"/>'
        f'<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln>'
        "</wps:spPr><wps:txbx><w:txbxContent><w:p><w:pPr>"
        '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
        '<w:ind w:left="0" w:right="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr><w:r><w:rPr>'
        f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:hint="eastAsia"/>'
        f'<w:color w:val="{mark.colour.lstrip("#").upper()}"/>'
        f'<w:sz w:val="{round(size * 2)}"/><w:szCs w:val="{round(size * 2)}"/></w:rPr>'
        f"<w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx>"
        '<wps:bodyPr rot="0" wrap="none" lIns="0" tIns="0" rIns="0" bIns="0" anchor="ctr">'
        "<a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor>"
    )


def _vml(mark: Watermark, shape_id: int) -> str:
    """Word's own watermark object: word art on a 315° slant, half transparent."""
    size = mark.size()
    width, height = size * (len(mark.text.strip()) + 1), size * 1.5
    return (
        _SHAPETYPE
        + f'<v:shape id="PowerPlusWaterMarkObject{shape_id}" o:spid="_x0000_s{shape_id}" '
        'type="#_x0000_t136" style="position:absolute;margin-left:0;margin-top:0;'
        f"width:{width:.1f}pt;height:{height:.1f}pt;rotation:315;z-index:-251654144;"
        "mso-position-horizontal:center;mso-position-horizontal-relative:margin;"
        'mso-position-vertical:center;mso-position-vertical-relative:margin" '
        f'o:allowincell="f" fillcolor="#{mark.colour.lstrip("#")}" stroked="f">'
        '<v:fill opacity=".5"/>'
        f'<v:textpath style="font-family:&quot;{ooxml.escape_attr(mark.font)}&quot;;font-size:1pt" '
        f'string="{ooxml.escape_attr(mark.text.strip())}"/></v:shape>'
    )


def _bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
