"""styles.xml: every style has its East Asian font; body, title and headings as GB/T 9704 says."""

from __future__ import annotations

from lxml import etree

from docgen.style import styles as st
from docgen.style.house import DEFAULT_STYLE, HouseStyle

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def parsed(style: HouseStyle = DEFAULT_STYLE) -> etree._Element:
    """styles.xml parsed."""
    return etree.fromstring(st.styles_xml(style).encode())


def attr(node: etree._Element, path: str, name: str) -> str | None:
    """An attribute ``w:name`` of the element at ``path`` under ``node``."""
    found = node.find(path, NS)
    return None if found is None else found.get(f"{{{W}}}{name}")


def test_every_style_sets_east_asian_font_and_language() -> None:
    """Paragraph and character styles, and the defaults, carry eastAsia font and zh-CN."""
    root = parsed()
    styles = root.findall("w:style", NS)
    assert len(styles) > 15
    for style in [*styles, root.find("w:docDefaults/w:rPrDefault", NS)]:
        if style.get(f"{{{W}}}type") == "table":
            continue
        assert attr(style, ".//w:rFonts", "eastAsia"), etree.tostring(style)[:80]
        assert attr(style, ".//w:lang", "eastAsia") == "zh-CN"


def test_normal_body() -> None:
    """Normal: 仿宋_GB2312 16 pt, exactly 579 twips, first line two characters, justified."""
    normal = parsed().find("w:style[@w:styleId='Normal']", NS)
    assert attr(normal, "w:rPr/w:rFonts", "eastAsia") == "仿宋_GB2312"
    assert attr(normal, "w:rPr/w:sz", "val") == "32"
    assert (
        attr(normal, "w:pPr/w:spacing", "line"),
        attr(normal, "w:pPr/w:spacing", "lineRule"),
    ) == (
        "579",
        "exact",
    )
    assert attr(normal, "w:pPr/w:ind", "firstLineChars") == "200"
    assert attr(normal, "w:pPr/w:jc", "val") == "both"


def test_headings_have_outline_levels_and_fonts() -> None:
    """heading 1–4: outline levels 0–3 and 黑体, 楷体, 仿宋, 仿宋."""
    root = parsed()
    fonts = []
    for n, sid in enumerate(st.HEADINGS):
        style = root.find(f"w:style[@w:styleId='{sid}']", NS)
        assert attr(style, "w:name", "val") == f"heading {n + 1}"
        assert attr(style, "w:pPr/w:outlineLvl", "val") == str(n)
        fonts.append(attr(style, "w:rPr/w:rFonts", "eastAsia"))
    assert fonts == ["黑体", "楷体_GB2312", "仿宋_GB2312", "仿宋_GB2312"]


def test_title_and_table_styles() -> None:
    """Title 方正小标宋简体 22 pt centred; table header 黑体; table text 14 pt, small 12 pt."""
    root = parsed()
    title = root.find("w:style[@w:styleId='Title']", NS)
    assert attr(title, "w:rPr/w:rFonts", "eastAsia") == "方正小标宋简体"
    assert attr(title, "w:rPr/w:sz", "val") == "44"
    assert attr(title, "w:pPr/w:jc", "val") == "center"
    header = root.find(f"w:style[@w:styleId='{st.TABLE_HEADER}']", NS)
    assert attr(header, "w:rPr/w:rFonts", "eastAsia") == "黑体"
    small = root.find(f"w:style[@w:styleId='{st.TABLE_TEXT_SMALL}']", NS)
    assert attr(small, "w:rPr/w:sz", "val") == "24"


def test_bold_levels_option() -> None:
    """bold_levels=True makes heading 2 and 3 bold, heading 1 stays regular."""
    root = parsed(HouseStyle(bold_levels=True))
    h1 = root.find("w:style[@w:styleId='Heading1']/w:rPr/w:b", NS)
    h2 = root.find("w:style[@w:styleId='Heading2']/w:rPr/w:b", NS)
    assert h1.get(f"{{{W}}}val") == "0"
    assert h2.get(f"{{{W}}}val") is None


def test_punctuation_overflow_is_written_on_for_every_paragraph() -> None:
    """The defaults say overflowPunct=1 and no style turns it off (issue 9 §1: LibreOffice
    reads the value inverted and loses a line-end "，" it hangs in a justified line)."""
    root = parsed()
    assert attr(root, "w:docDefaults/w:pPrDefault/w:pPr/w:overflowPunct", "val") == "1"
    assert root.findall(".//w:style/w:pPr/w:overflowPunct", NS) == []
