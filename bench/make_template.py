"""Build the benchmark template ``bench/rectification.docx`` (a 整改措施 document).

Run ``.venv/bin/python bench/make_template.py`` to regenerate it; the output is byte-for-byte
deterministic, so a diff in the committed file means the generator changed.

The template is written in docxtpl's language and must render in both docxtpl and docgen:

* a title and an intro paragraph with ``{{ }}`` substitutions;
* a paragraph loop (``{%p for s in sections %}`` … ``{%p endfor %}``) of heading + body;
* a table with a header row and a ``{%tr for p in problems %}`` row loop (six columns);
* a signature block.

It is built on python-docx's default package on purpose: like a document saved by Word it
carries a large ``styles.xml`` / ``stylesWithEffects.xml`` (~440 KB each), a theme, numbering
and settings. Those untouched parts are exactly what a compile-once engine should copy as raw
compressed bytes and what docxtpl re-reads on every render, so leaving them in keeps the
comparison honest.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import zipfile
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.styles.style import ParagraphStyle
from docx.table import Table
from lxml import etree

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "rectification.docx"

LATIN_FONT = "Times New Roman"
BODY_FONT = "仿宋_GB2312"  # GB/T 9704: body text in 3号仿宋
HEADING_FONT = "黑体"  # first-level headings and the table header
TITLE_FONT = "方正小标宋简体"  # GB/T 9704: the title in 2号小标宋

# A fixed timestamp for core properties and zip entries: python-docx stamps zip members with
# the current time, which would make every regeneration a binary diff.
FIXED_TIME = dt.datetime(2026, 1, 1, 0, 0, 0, tzinfo=dt.UTC)
FIXED_STAMP = f"{FIXED_TIME:%Y-%m-%dT%H:%M:%SZ}"
ZIP_TIME = (2026, 1, 1, 0, 0, 0)

# Column titles and widths (mm). A4 minus the 28/26 mm side margins leaves 156 mm of text width.
COLUMNS: list[tuple[str, float, str]] = [
    ("序号", 12, "{{ p.no }}"),
    ("问题类别", 22, "{{ p.category }}"),
    ("存在问题", 45, "{{ p.problem }}"),
    ("整改措施", 45, "{{ p.measure }}"),
    ("责任人", 15, "{{ p.owner }}"),
    ("整改时限", 17, "{{ p.deadline }}"),
]

TITLE = "{{ branch }}关于{{ year }}年度组织生活会检视问题的整改措施"
INTRO = (
    "根据{{ superior }}关于开好{{ year }}年度基层党组织组织生活会的部署，"
    "{{ branch }}于{{ meeting_date }}召开组织生活会，对照检视出{{ problem_count }}个方面的问题。"
    "会后支部委员会逐条分析原因，研究制定整改措施，明确责任人和完成时限，"
    "由{{ secretary }}同志牵头抓总、定期调度，具体安排如下。"
)
TABLE_CAPTION = "附：{{ branch }}问题整改清单"
CLOSING = "以上措施由支部委员会负责督促落实，整改进展在下一次支部委员会会议上通报。"


def _set_fonts(
    style: ParagraphStyle, east_asia: str, size_pt: float, *, bold: bool = False
) -> None:
    """Give ``style`` explicit fonts for every script slot.

    python-docx's ``font.name`` only fills ``w:ascii``/``w:hAnsi``; Chinese text would then fall
    back to the theme's East Asian font, so ``w:eastAsia`` is set by hand.
    """
    font = style.font
    font.name = LATIN_FONT
    font.size = Pt(size_pt)
    font.bold = bold
    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.get_or_add_rFonts()
    rfonts.set(qn("w:ascii"), LATIN_FONT)
    rfonts.set(qn("w:hAnsi"), LATIN_FONT)
    rfonts.set(qn("w:cs"), LATIN_FONT)
    rfonts.set(qn("w:eastAsia"), east_asia)


def _fix_doc_defaults(styles_element: etree._Element) -> None:
    """Drop theme fonts from docDefaults and tag East Asian text as zh-CN.

    The default package says ``w:eastAsia="en-US"`` and points at theme fonts; Word would then
    proof Chinese as English and pick the theme's East Asian font for runs without a style.
    """
    rpr = styles_element.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
    if rpr is None:
        raise RuntimeError("default template has no docDefaults/rPrDefault/rPr")
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = etree.SubElement(rpr, qn("w:rFonts"))
        rpr.insert(0, rfonts)
    for attr in list(rfonts.attrib):
        del rfonts.attrib[attr]
    for slot, name in (("ascii", LATIN_FONT), ("hAnsi", LATIN_FONT), ("cs", LATIN_FONT)):
        rfonts.set(qn(f"w:{slot}"), name)
    rfonts.set(qn("w:eastAsia"), BODY_FONT)
    lang = rpr.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:val"), "en-US")
        lang.set(qn("w:eastAsia"), "zh-CN")


def _paragraph_style(doc: DocxDocument, name: str, base: str = "Normal") -> ParagraphStyle:
    style: ParagraphStyle = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles[base]
    style.quick_style = True
    return style


def _exact_spacing(
    style: ParagraphStyle, line_pt: float, before: float = 0, after: float = 0
) -> None:
    fmt = style.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(line_pt)
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)


def _build_styles(doc: DocxDocument) -> None:
    _fix_doc_defaults(doc.styles.element)

    normal: ParagraphStyle = doc.styles["Normal"]
    _set_fonts(normal, BODY_FONT, 16)
    _exact_spacing(normal, 28.95)

    title = _paragraph_style(doc, "Rect Title")
    _set_fonts(title, TITLE_FONT, 22)
    _exact_spacing(title, 36, after=16)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER

    body = _paragraph_style(doc, "Rect Body")
    # 2-character first-line indent as Word's "first line 2 chars" writes it (firstLineChars
    # scales with the font size, a fixed twip indent would not).
    ppr = body.element.get_or_add_pPr()
    ind = etree.SubElement(ppr, qn("w:ind"))
    ind.set(qn("w:firstLineChars"), "200")
    ind.set(qn("w:firstLine"), "640")
    body.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    heading = _paragraph_style(doc, "Rect Heading", base="Rect Body")
    _set_fonts(heading, HEADING_FONT, 16)
    heading.paragraph_format.keep_with_next = True

    caption = _paragraph_style(doc, "Rect Caption")
    _set_fonts(caption, HEADING_FONT, 14)
    _exact_spacing(caption, 28.95, before=12, after=6)

    cell = _paragraph_style(doc, "Rect Cell")
    _set_fonts(cell, BODY_FONT, 12)  # 小四 inside the table so 60-character cells stay compact
    _exact_spacing(cell, 20)

    cell_head = _paragraph_style(doc, "Rect Cell Head", base="Rect Cell")
    _set_fonts(cell_head, HEADING_FONT, 12)
    cell_head.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER

    signoff = _paragraph_style(doc, "Rect Signoff")
    signoff.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    signoff.paragraph_format.right_indent = Pt(32)


def _set_cell_width(table: Table, widths_mm: list[float]) -> None:
    """Widths on both the grid and every cell: WPS reads ``w:gridCol``, Word reads ``w:tcW``."""
    for col, width in zip(table.columns, widths_mm, strict=True):
        col.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)


def _mark_header_row(table: Table) -> None:
    """Repeat the header row on every page (``w:tblHeader``): the 3,000-row case spans pages."""
    trpr = table.rows[0]._tr.get_or_add_trPr()
    etree.SubElement(trpr, qn("w:tblHeader"))


def _build_body(doc: DocxDocument) -> None:
    doc.add_paragraph(TITLE, style="Rect Title")
    doc.add_paragraph(INTRO, style="Rect Body")

    # docxtpl's {%p %} replaces the whole paragraph holding the tag with the bare Jinja tag, so
    # the loop tags sit in paragraphs of their own.
    doc.add_paragraph("{%p for s in sections %}", style="Rect Body")
    doc.add_paragraph("{{ s.ordinal }}{{ s.heading }}", style="Rect Heading")
    doc.add_paragraph("{{ s.body }}", style="Rect Body")
    doc.add_paragraph("{%p endfor %}", style="Rect Body")

    doc.add_paragraph(TABLE_CAPTION, style="Rect Caption")
    table = doc.add_table(rows=4, cols=len(COLUMNS))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    # Row 0: header. Row 1 and row 3 hold only the {%tr %} tags: docxtpl replaces the whole
    # <w:tr> containing a {%tr %} tag with the bare tag. Row 2 is the repeated data row.
    for cell, (head, _, _) in zip(table.rows[0].cells, COLUMNS, strict=True):
        cell.paragraphs[0].text = head
        cell.paragraphs[0].style = doc.styles["Rect Cell Head"]
    table.rows[1].cells[0].paragraphs[0].text = "{%tr for p in problems %}"
    for cell, (_, _, tag) in zip(table.rows[2].cells, COLUMNS, strict=True):
        cell.paragraphs[0].text = tag
    table.rows[3].cells[0].paragraphs[0].text = "{%tr endfor %}"
    for row in table.rows[1:]:
        for cell in row.cells:
            cell.paragraphs[0].style = doc.styles["Rect Cell"]
    _set_cell_width(table, [width for _, width, _ in COLUMNS])
    _mark_header_row(table)

    doc.add_paragraph(CLOSING, style="Rect Body")
    doc.add_paragraph("", style="Rect Body")
    doc.add_paragraph("{{ signoff.org }}", style="Rect Signoff")
    doc.add_paragraph("{{ signoff.date }}", style="Rect Signoff")


def _page_setup(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.page_width = Mm(210)
    section.page_height = Mm(297)
    section.top_margin = Mm(37)
    section.bottom_margin = Mm(35)
    section.left_margin = Mm(28)
    section.right_margin = Mm(26)


def _drop_thumbnail(doc: DocxDocument) -> None:
    """The default package carries a thumbnail of some other document; a stale preview is wrong."""
    rels = doc.part.package.rels
    for rid in [rid for rid, rel in rels.items() if rel.reltype == RT.THUMBNAIL]:
        del rels[rid]


# Core properties are written as literal XML rather than through python-docx: importing docxtpl
# (via docxcompose.properties) rebinds python-docx's global "cp" prefix to the custom-properties
# namespace, after which python-docx writes lastModifiedBy/lastPrinted in the wrong namespace.
# A literal keeps the output identical whatever was imported before (the tests import docxtpl).
CORE_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>整改措施（基准测试模板）</dc:title>"
    "<dc:creator>docgen</dc:creator>"
    "<cp:lastModifiedBy>docgen</cp:lastModifiedBy>"
    "<cp:revision>1</cp:revision>"
    f'<dcterms:created xsi:type="dcterms:W3CDTF">{FIXED_STAMP}</dcterms:created>'
    f'<dcterms:modified xsi:type="dcterms:W3CDTF">{FIXED_STAMP}</dcterms:modified>'
    "</cp:coreProperties>"
).encode()


def _normalise_zip(raw: bytes) -> bytes:
    """Rewrite the package with fixed timestamps and core properties so it is reproducible."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(raw)) as zin,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout,
    ):
        for info in zin.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o600 << 16
            blob = CORE_XML if info.filename == "docProps/core.xml" else zin.read(info.filename)
            zout.writestr(member, blob, compresslevel=6)
    return out.getvalue()


def build() -> bytes:
    """Return the template package as bytes (deterministic)."""
    doc = Document()
    _page_setup(doc)
    _build_styles(doc)
    _build_body(doc)
    _drop_thumbnail(doc)
    buf = io.BytesIO()
    doc.save(buf)
    return _normalise_zip(buf.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if the committed file is out of date"
    )
    args = parser.parse_args()
    data = build()
    if args.check:
        current = args.output.read_bytes() if args.output.exists() else b""
        if current != data:
            raise SystemExit(f"{args.output} is out of date: run bench/make_template.py")
        print(f"{args.output} is up to date")
        return
    args.output.write_bytes(data)
    print(f"wrote {args.output} ({len(data):,} bytes)")


if __name__ == "__main__":
    main()
