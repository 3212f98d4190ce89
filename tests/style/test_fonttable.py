"""word/fontTable.xml: each Windows font of the house style with the stock face Word tries next."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from docgen.style.fonttable import font_table_xml, fonts_of
from docgen.style.house import DEFAULT_STYLE
from docgen.style.package import Properties, package_parts, zip_parts

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def _alternates() -> dict[str, str | None]:
    root = etree.fromstring(font_table_xml(DEFAULT_STYLE).encode())
    found = {}
    for font in root.findall("w:font", NS):
        alt = font.find("w:altName", NS)
        found[font.get(f"{{{W}}}name")] = None if alt is None else alt.get(f"{{{W}}}val")
    return found


def test_gb2312_names_and_xiaobiaosong_point_at_stock_windows_faces() -> None:
    """仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体, 方正小标宋简体 → 宋体; stock faces listed too."""
    alts = _alternates()
    assert alts["仿宋_GB2312"] == "仿宋"
    assert alts["楷体_GB2312"] == "楷体"
    assert alts["方正小标宋简体"] == "宋体"
    assert {"仿宋", "楷体", "宋体", "黑体"} <= set(alts)


def test_every_font_the_style_writes_is_in_the_table() -> None:
    """No font named in the styles is missing from the table."""
    assert set(fonts_of(DEFAULT_STYLE)) <= set(_alternates())
    assert "Times New Roman" in fonts_of(DEFAULT_STYLE)


def test_the_package_links_the_table() -> None:
    """The part is in the package, with its content type and relationship."""
    blob = zip_parts(package_parts(DEFAULT_STYLE, "<w:sectPr/>", Properties("t")))
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        assert "word/fontTable.xml" in archive.namelist()
        assert b"fontTable+xml" in archive.read("[Content_Types].xml")
        assert b'Target="fontTable.xml"' in archive.read("word/_rels/document.xml.rels")
