"""The heading pre-pass: names, outline levels, inheritance, direct levels, body text."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from docgen.convert.headings import heading_levels, mark_headings
from tests.docx_builder import make_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STYLES = f"""<w:styles xmlns:w="{W}">
<w:style w:type="paragraph" w:styleId="a1"><w:name w:val="标题 1"/></w:style>
<w:style w:type="paragraph" w:styleId="L2"><w:name w:val="二级标题"/>
  <w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="L2b"><w:name w:val="二级标题加粗"/>
  <w:basedOn w:val="L2"/></w:style>
<w:style w:type="paragraph" w:styleId="Body"><w:name w:val="正文文本"/>
  <w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="H3"><w:name w:val="heading 3"/></w:style>
</w:styles>"""


def _para(text: str, ppr: str = "") -> str:
    return f'<w:p><w:pPr>{ppr}</w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _doc() -> bytes:
    body = "".join(
        [
            _para("一、总则", '<w:pStyle w:val="a1"/>'),
            _para("（一）原则", '<w:pStyle w:val="L2"/>'),
            _para("（二）继承", '<w:pStyle w:val="L2b"/>'),
            _para("正文", '<w:pStyle w:val="Body"/>'),
            _para("直接四级", '<w:outlineLvl w:val="3"/>'),
            _para("已是三级", '<w:pStyle w:val="H3"/>'),
            _para("普通段落"),
        ]
    )
    blob = make_docx(body)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blob)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("word/styles.xml", STYLES)
    return out.getvalue()


def _name_of(style: etree._Element) -> str | None:
    element = style.find(f"{{{W}}}name")
    return None if element is None else element.get(f"{{{W}}}val")


def _style_of(para: etree._Element) -> str | None:
    element = para.find(f".//{{{W}}}pStyle")
    return None if element is None else element.get(f"{{{W}}}val")


def test_levels_from_names_outline_levels_and_inheritance() -> None:
    """标题 1 by name, 二级标题 by outline level (and its child), direct levels; not body text."""
    assert heading_levels(_doc()) == [
        (1, "一、总则"),
        (2, "（一）原则"),
        (2, "（二）继承"),
        (4, "直接四级"),
        (3, "已是三级"),
    ]


def test_marked_paragraphs_use_styles_named_heading_n() -> None:
    """After the pre-pass every heading's style is named "heading N"; existing ones are reused."""
    marked = mark_headings(_doc())
    with zipfile.ZipFile(io.BytesIO(marked)) as package:
        styles = etree.fromstring(package.read("word/styles.xml"))
        body = etree.fromstring(package.read("word/document.xml"))
    names = {s.get(f"{{{W}}}styleId"): _name_of(s) for s in styles.iter(f"{{{W}}}style")}
    used = [_style_of(p) for p in body.iter(f"{{{W}}}p")]
    assert [names.get(u) if u else None for u in used] == [
        "heading 1",
        "heading 2",
        "heading 2",
        "正文文本",
        "heading 4",
        "heading 3",
        None,
    ]
    assert used[5] == "H3"  # the document's own heading 3 style is kept
    assert heading_levels(marked) == heading_levels(_doc())
