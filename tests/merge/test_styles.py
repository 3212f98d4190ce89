"""Style merging: matches by id or name, copies under fresh ids, folds document defaults."""

from __future__ import annotations

from lxml import etree

from docgen.merge import Part, merge
from docgen.merge.styles import fold_defaults
from tests.merge.builder import Doc, para
from tests.merge.support import W, xml

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _style_ids(blob: bytes) -> list[str]:
    return [s.get(f"{W}styleId") for s in xml(blob, "word/styles.xml").iter(f"{W}style")]


def test_same_name_same_formatting_maps_to_master_style() -> None:
    """A style saved under another id (Word in Chinese: ``a``) but equal is not copied."""
    extra = ('<w:style w:type="paragraph" w:styleId="a1"><w:name w:val="Quote Block"/>'
             '<w:rPr><w:i/></w:rPr></w:style>')  # fmt: skip
    master = Doc(para("主"), extra_styles=[extra.replace('"a1"', '"QuoteBlock"')]).build()
    other = Doc(para("引文", "a1"), extra_styles=[extra]).build()
    merged = merge([Part(master), Part(other)])
    assert "a1" not in _style_ids(merged)
    refs = [el.get(f"{W}val") for el in xml(merged).iter(f"{W}pStyle")]
    assert refs == ["QuoteBlock"]


def test_conflicting_style_copied_under_fresh_id_and_name() -> None:
    """Same id, other formatting: copied as HeadingMg-style id with a distinct name."""
    merged = merge([Part(Doc(para("一", "Heading1")).build()),
                    Part(Doc(para("二", "Heading1"), heading_size="52").build())])  # fmt: skip
    ids = _style_ids(merged)
    assert ids[:3] == ["Normal", "Heading1", "TableNormal"]
    assert ids[3] == "Heading1Mg2"
    names = [
        s.find(f"{W}name").get(f"{W}val") for s in xml(merged, "word/styles.xml").iter(f"{W}style")
    ]
    assert len(set(names)) == len(names)


def test_fold_defaults_keeps_the_styles_own_settings() -> None:
    """Defaults fill only what a root paragraph style leaves unset, attribute by attribute."""
    root = etree.fromstring(
        f'<w:styles xmlns:w="{_W}"><w:docDefaults><w:rPrDefault><w:rPr>'
        '<w:rFonts w:ascii="A" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:rPrDefault>'
        '</w:docDefaults><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/>'
        '<w:rPr><w:rFonts w:eastAsia="方正小标宋简体"/></w:rPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Child"><w:basedOn w:val="Title"/></w:style>'
        "</w:styles>"
    )
    fold_defaults(root)
    title, child = root.findall(f"{W}style")
    fonts = title.find(f"{W}rPr/{W}rFonts")
    assert fonts.get(f"{W}eastAsia") == "方正小标宋简体"
    assert fonts.get(f"{W}ascii") == "A"
    assert title.find(f"{W}rPr/{W}sz").get(f"{W}val") == "32"
    assert child.find(f"{W}rPr") is None
