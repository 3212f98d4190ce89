"""RichText, RichTextParagraph and Listing: their XML and how they render at each kind of tag."""

from __future__ import annotations

from typing import Any

import pytest
from lxml import etree

import docgen
from tests.docx_builder import W_NS, make_docx, p, paragraph_texts, part_xml, run

W = f"{{{W_NS}}}"
ITALIC = "<w:rPr><w:i/></w:rPr>"
NS = f'xmlns:w="{W_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def fragment(xml: str) -> etree._Element:
    """Parse a run/paragraph fragment inside a namespaced wrapper."""
    return etree.fromstring(f"<wrap {NS}>{xml}</wrap>")


def rpr_of(rich: docgen.RichText) -> etree._Element:
    """The rPr of the first run of ``rich``."""
    rpr = fragment(rich.xml).find(f"{W}r/{W}rPr")
    assert rpr is not None
    return rpr


def render(body: str, context: dict[str, Any]) -> bytes:
    """Compile a one-off template and render it."""
    return docgen.Template(make_docx(body)).render(context)


@pytest.mark.parametrize(
    ("props", "path", "attr", "value"),
    [
        ({"bold": True}, "b", None, None),
        ({"italic": True}, "i", None, None),
        ({"strike": True}, "strike", None, None),
        ({"color": "#C00000"}, "color", "val", "C00000"),
        ({"size": 32}, "sz", "val", "32"),
        ({"size": 32}, "szCs", "val", "32"),
        ({"underline": True}, "u", "val", "single"),
        ({"underline": "double"}, "u", "val", "double"),
        ({"underline": "bogus"}, "u", "val", "single"),
        ({"highlight": "FFFF00"}, "shd", "fill", "FFFF00"),
        ({"superscript": True}, "vertAlign", "val", "superscript"),
        ({"subscript": True}, "vertAlign", "val", "subscript"),
        ({"style": "Strong"}, "rStyle", "val", "Strong"),
        ({"font": "仿宋_GB2312"}, "rFonts", "eastAsia", "仿宋_GB2312"),
        ({"font": "仿宋_GB2312"}, "rFonts", "ascii", "仿宋_GB2312"),
        ({"font": "eastAsia:楷体_GB2312"}, "rFonts", "eastAsia", "楷体_GB2312"),
        ({"color": 'x"y'}, "color", "val", 'x"y'),
    ],
)
def test_run_properties(
    props: dict[str, Any], path: str, attr: str | None, value: str | None
) -> None:
    """Each formatting keyword produces its rPr element (and attribute value)."""
    rpr = rpr_of(docgen.RichText("文字", **props))
    el = rpr.find(f"{W}{path}")
    assert el is not None
    if attr is not None:
        assert el.get(f"{W}{attr}") == value


def test_east_asian_only_font_leaves_latin_slots_alone() -> None:
    """`eastAsia:` sets only the East Asian font slot."""
    fonts = rpr_of(docgen.RichText("x", font="eastAsia:楷体_GB2312")).find(f"{W}rFonts")
    assert fonts is not None
    assert fonts.get(f"{W}ascii") is None
    assert fonts.get(f"{W}hAnsi") is None


def test_plain_rich_text_has_no_rpr() -> None:
    """A RichText without formatting writes a run without rPr."""
    root = fragment(docgen.RichText("x").xml)
    assert root.find(f"{W}r/{W}rPr") is None
    assert root.findtext(f"{W}r/{W}t") == "x"


def test_rich_text_escapes_and_breaks() -> None:
    """Text is escaped; \\n, \\t and \\f become w:br, w:tab and a page break."""
    root = fragment(docgen.RichText("a<&>\nb\tc\fd").xml)
    assert "".join(t.text or "" for t in root.iter(f"{W}t")) == "a<&>bcd"
    assert len(root.findall(f".//{W}br")) == 2
    assert root.find(f".//{W}tab") is not None
    assert [b.get(f"{W}type") for b in root.iter(f"{W}br")] == [None, "page"]


def test_add_chains_and_breaks() -> None:
    """add() chains; add_line_break/add_page_break append break runs."""
    rich = docgen.RichText("a").add("b", bold=True).add_line_break().add_page_break()
    root = fragment(rich.xml)
    assert [r.findtext(f"{W}t") for r in root.findall(f"{W}r")] == ["a", "b", None, None]
    assert [b.get(f"{W}type") for b in root.iter(f"{W}br")] == [None, "page"]


def test_add_another_rich_text_appends_its_runs() -> None:
    """Adding a RichText to a RichText appends its runs unchanged."""
    inner = docgen.RichText("in", italic=True)
    outer = docgen.RichText("out").add(inner)
    assert outer.xml.endswith(inner.xml)


@pytest.mark.parametrize("text", [None, ""])
def test_empty_rich_text(text: Any) -> None:
    """RichText() and RichText("") hold no runs."""
    assert docgen.RichText(text).xml == ""


@pytest.mark.parametrize("bad", ["\x01", "\x0b", "\ud800"])
def test_rich_text_refuses_invalid_characters(bad: str) -> None:
    """A character XML cannot hold raises InvalidCharacterError when added."""
    with pytest.raises(docgen.InvalidCharacterError):
        docgen.RichText(f"a{bad}")


def test_hyperlink_wraps_runs() -> None:
    """url_id wraps the runs in a w:hyperlink with that relationship id."""
    root = fragment(docgen.RichText("link", url_id="rId9").xml)
    link = root.find(f"{W}hyperlink")
    assert link is not None
    assert (
        link.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        == "rId9"
    )


def test_rich_text_paragraph_with_style() -> None:
    """RichTextParagraph.add writes one paragraph per call, with its style."""
    rp = docgen.RichTextParagraph("一").add(docgen.RichText("二", bold=True), parastyle="Title")
    paras = fragment(rp.xml).findall(f"{W}p")
    assert len(paras) == 2
    assert paras[0].find(f"{W}pPr") is None
    style = paras[1].find(f"{W}pPr/{W}pStyle")
    assert style is not None
    assert style.get(f"{W}val") == "Title"


# -- rendering ---------------------------------------------------------------------------------


def test_inline_rich_text_keeps_surrounding_text_and_formatting() -> None:
    """RichText at a plain `{{ }}` inside a run closes and reopens the run around itself."""
    out = render(p(run("A {{ rt }} B", ITALIC)), {"rt": docgen.RichText("X", bold=True)})
    runs = part_xml(out).findall(f".//{W}r")
    assert [
        (
            r.find(f"{W}rPr/{W}i") is not None,
            r.find(f"{W}rPr/{W}b") is not None,
            r.findtext(f"{W}t"),
        )
        for r in runs
    ] == [(True, False, "A "), (False, True, "X"), (True, False, " B")]


def test_listing_behaves_like_plain_string() -> None:
    """Listing keeps \\n as a break and \\a as a new paragraph."""
    out = render(p("{{ v }}"), {"v": docgen.Listing("1\n2\a3")})
    assert paragraph_texts(out) == ["1\n2", "3"]


def test_inline_rich_text_paragraph_splits_paragraph() -> None:
    """A RichTextParagraph at an inline tag closes the paragraph around its own paragraphs."""
    out = render(p("A {{ v }} B"), {"v": docgen.RichTextParagraph("P")})
    assert paragraph_texts(out) == ["A ", "P", " B"]
    assert docgen.verify_package(out) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(p("{{ v }}"), ["x", "y"], id="inline-alone"),
        pytest.param(p(run("A {{ v }} B")), ["A x", "y B"], id="inline-in-text"),
        pytest.param(p("{{p v }}"), ["x", "y"], id="paragraph-tag"),
        pytest.param(p(run("A {{r v }} B")), ["A x", "y B"], id="run-tag"),
    ],
)
def test_rich_text_paragraph_break_renders_sound_document(body: str, expected: list[str]) -> None:
    """A RichText holding \\a starts a new paragraph and the rendered document parses."""
    out = render(body, {"v": docgen.RichText("x\ay")})
    assert docgen.verify_package(out) == []
    assert paragraph_texts(out) == expected


def test_rich_text_at_paragraph_tag_wraps_in_paragraph() -> None:
    """A RichText at `{{p }}` becomes one paragraph with the tag paragraph's pPr."""
    ppr = '<w:pPr><w:jc w:val="right"/></w:pPr>'
    out = render(p("{{p v }}", ppr=ppr), {"v": docgen.RichText("右", bold=True)})
    paras = part_xml(out).findall(f"{W}body/{W}p")
    assert len(paras) == 1
    assert paras[0].find(f"{W}pPr/{W}jc") is not None
    assert paras[0].find(f"{W}r/{W}rPr/{W}b") is not None


@pytest.mark.parametrize("value", [docgen.RichText("x"), docgen.RichTextParagraph("x")])
def test_rich_values_refused_in_document_properties(value: Any) -> None:
    """Rich values cannot go into document properties: a RenderError, not a broken part."""
    tpl = docgen.Template(make_docx(p("x"), title="{{ v }}"))
    with pytest.raises(docgen.RenderError):
        tpl.render({"v": value})
