"""Which font each character is set in: slots, styles, theme fonts, hints."""

from __future__ import annotations

import io
import zipfile

from docgen.fonts.docx_fonts import fonts_of_characters
from tests.docx_builder import make_docx, p, run

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
STYLES = f"""<w:styles xmlns:w="{W}">
<w:docDefaults><w:rPrDefault><w:rPr>
  <w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312"/>
</w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/>
  <w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="H1b"><w:name w:val="child"/><w:basedOn w:val="H1"/></w:style>
<w:style w:type="paragraph" w:styleId="T"><w:name w:val="theme"/>
  <w:rPr><w:rFonts w:eastAsia="楷体" w:eastAsiaTheme="majorEastAsia"/></w:rPr></w:style>
</w:styles>"""
THEME = f"""<a:theme xmlns:a="{A}"><a:themeElements><a:fontScheme>
<a:majorFont><a:latin typeface="Cambria"/><a:ea typeface=""/>
  <a:font script="Hans" typeface="宋体"/></a:majorFont>
<a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/></a:minorFont>
</a:fontScheme></a:themeElements></a:theme>"""


def _doc(body: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(make_docx(body))) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("word/styles.xml", STYLES)
        dst.writestr("word/theme/theme1.xml", THEME)
    return out.getvalue()


def test_defaults_split_chinese_and_latin() -> None:
    """Chinese goes to the eastAsia slot, ASCII to ascii; spaces are ignored."""
    found = fonts_of_characters(_doc(p("中文 ab")))
    assert found == {"仿宋_GB2312": {"中", "文"}, "Times New Roman": {"a", "b"}}


def test_style_chain_then_direct_formatting() -> None:
    """A style's font is inherited by its child; a run's rFonts overrides both."""
    body = p("一", ppr='<w:pPr><w:pStyle w:val="H1b"/></w:pPr>') + p(
        run("二", '<w:rPr><w:rFonts w:eastAsia="楷体_GB2312"/></w:rPr>'),
        ppr='<w:pPr><w:pStyle w:val="H1"/></w:pPr>',
    )
    assert fonts_of_characters(_doc(body)) == {"黑体": {"一"}, "楷体_GB2312": {"二"}}


def test_theme_reference_wins_over_the_name() -> None:
    """eastAsiaTheme=majorEastAsia resolves to the theme's Hans font, as in Word."""
    body = p("题", ppr='<w:pPr><w:pStyle w:val="T"/></w:pPr>')
    assert fonts_of_characters(_doc(body)) == {"宋体": {"题"}}


def test_hint_sends_ambiguous_characters_to_the_chinese_font() -> None:
    """Curly quotes follow w:hint="eastAsia"; without it they use the Latin font."""
    hinted = run("“”", '<w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>')
    assert fonts_of_characters(_doc(p(hinted))) == {"仿宋_GB2312": {"“", "”"}}
    assert fonts_of_characters(_doc(p("“”"))) == {"Times New Roman": {"“", "”"}}


def test_headers_and_footers_are_read() -> None:
    """Page-number text in a footer is checked too."""
    blob = _doc(p("正"))
    footer_doc = make_docx(p("正"), footer=p("— 1 —"))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(footer_doc)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("word/styles.xml", STYLES)
    found = fonts_of_characters(out.getvalue())
    assert "1" in found["Times New Roman"]
    assert fonts_of_characters(blob) == {"仿宋_GB2312": {"正"}}
