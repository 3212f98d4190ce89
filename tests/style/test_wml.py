"""WordprocessingML snippets: escaping, fonts on every run, properties in schema order."""

from __future__ import annotations

from docgen.style.wml import Font, ParaProps, esc, ppr, rpr, run


def test_escape() -> None:
    """Markup characters in text and attributes are escaped; Jinja braces are not."""
    assert esc('{{ a < b & "c" }}') == "{{ a &lt; b &amp; &quot;c&quot; }}"


def test_run_carries_east_asian_font_and_language() -> None:
    """Every run names its East Asian font, the eastAsia hint and zh-CN."""
    xml = run("文字", rpr(Font("黑体"), bold=True))
    assert 'w:eastAsia="黑体"' in xml
    assert 'w:hint="eastAsia"' in xml
    assert 'w:ascii="Times New Roman"' in xml
    assert 'w:eastAsia="zh-CN"' in xml
    assert xml.index("<w:rFonts") < xml.index("<w:b/>") < xml.index("<w:lang")


def test_paragraph_props_order_and_fallbacks() -> None:
    """pStyle, keepNext, ind, jc in schema order; character indents carry twip fallbacks."""
    xml = ppr("Signoff", ParaProps(align="right", indent_right_chars=2, keep_next=True))
    assert xml.index("pStyle") < xml.index("keepNext") < xml.index("w:ind") < xml.index("w:jc")
    assert 'w:rightChars="200" w:right="640"' in xml
