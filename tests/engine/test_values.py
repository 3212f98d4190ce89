"""How values become XML: escaping, breaks, new paragraphs, invalid characters, missing fields."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from lxml import etree
from markupsafe import Markup

import docgen
from docgen.exceptions import PackageCheckError
from tests.docx_builder import W_NS, make_docx, p, paragraph_texts, part_xml, run, table

W = f"{{{W_NS}}}"
PPR = '<w:pPr><w:jc w:val="center"/><w:ind w:firstLine="640"/></w:pPr>'
RPR = '<w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:b/><w:sz w:val="32"/></w:rPr>'


def render(body: str, context: dict[str, Any], **options: Any) -> bytes:
    """Compile a one-off template and render it."""
    return docgen.Template(make_docx(body)).render(context, **options)


def one(value: Any) -> list[str]:
    """Paragraph texts after printing ``value`` at a lone inline tag."""
    return paragraph_texts(render(p("{{ v }}"), {"v": value}))


def xml_of(blob: bytes) -> str:
    """The rendered document.xml as text."""
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        return zf.read("word/document.xml").decode("utf-8")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("a & b", ["a & b"]),
        ("<w:t>x</w:t>", ["<w:t>x</w:t>"]),
        ("\"quoted\" and 'single'", ["\"quoted\" and 'single'"]),
        ("]]><!--", ["]]><!--"]),
        ("&amp; stays literal", ["&amp; stays literal"]),
        ("  spaced  ", ["  spaced  "]),
        ("line1\nline2", ["line1\nline2"]),
        ("a\r\nb\rc", ["a\nb\nc"]),
        ("col1\tcol2", ["col1\tcol2"]),
        ("page1\fpage2", ["page1\fpage2"]),
        ("para1\apara2\apara3", ["para1", "para2", "para3"]),
        (None, [""]),
        (0, ["0"]),
        (42, ["42"]),
        (-3.5, ["-3.5"]),
        (True, ["True"]),
        ("😀𠀀中文", ["😀𠀀中文"]),
    ],
)
def test_value_text(value: Any, expected: list[str]) -> None:
    """Values come back as typed: escaped, with \\n, \\t, \\f and \\a as Word elements."""
    assert one(value) == expected


def test_special_characters_become_elements() -> None:
    """\\n is w:br, \\t is w:tab, \\f is a page break; no raw control characters remain."""
    xml = xml_of(render(p("{{ v }}"), {"v": "a\nb\tc\fd"}))
    assert "<w:br/>" in xml
    assert "<w:tab/>" in xml
    assert '<w:br w:type="page"/>' in xml
    assert "\t" not in xml
    assert "\f" not in xml


def test_escaping_in_raw_xml() -> None:
    """& < > are escaped entities in the XML, never markup."""
    xml = xml_of(render(p("{{ v }}"), {"v": "<b>&</b>"}))
    assert "&lt;b&gt;&amp;&lt;/b&gt;" in xml
    assert "<b>" not in xml


def test_new_paragraph_keeps_paragraph_and_run_properties() -> None:
    """\\a starts a new paragraph whose pPr and rPr equal the original's."""
    out = render(p(run("{{ v }}", RPR), ppr=PPR), {"v": "一\a二"})
    paras = part_xml(out).findall(f"{W}body/{W}p")
    assert [("".join(t.text or "" for t in q.iter(f"{W}t"))) for q in paras] == ["一", "二"]
    pprs = [etree.tostring(q.find(f"{W}pPr")) for q in paras]  # type: ignore[arg-type]
    rprs = [etree.tostring(q.find(f"{W}r/{W}rPr")) for q in paras]  # type: ignore[arg-type]
    assert pprs[0] == pprs[1]
    assert b"firstLine" in pprs[0]
    assert rprs[0] == rprs[1]
    assert b"32" in rprs[0]


def test_new_paragraph_inside_text_keeps_text_around() -> None:
    """\\a in a value mid-paragraph splits it; text before and after stays in place."""
    out = render(p("前{{ v }}后"), {"v": "甲\a乙"})
    assert paragraph_texts(out) == ["前甲", "乙后"]


def test_new_paragraph_in_table_cell() -> None:
    """\\a in a table cell makes a second paragraph inside that cell."""
    out = render(table(["{{ v }}"]), {"v": "a\ab"})
    tc = part_xml(out).find(f".//{W}tc")
    assert tc is not None
    assert len(tc.findall(f"{W}p")) == 2
    assert docgen.verify_package(out) == []


# -- invalid characters ----------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["\x01", "\x00", "\x1f", "\ufffe", "\ud800"])
def test_invalid_character_names_field_and_place(bad: str) -> None:
    """A character XML 1.0 cannot hold raises InvalidCharacterError naming field and place."""
    body = p("intro") + p("值：{{ item.text }}")
    with pytest.raises(docgen.InvalidCharacterError) as info:
        render(body, {"item": {"text": f"ok{bad}"}})
    err = info.value
    assert err.field_path == "item.text"
    assert err.location.paragraph == 2
    assert err.location.snippet == "{{ item.text }}"
    assert "item.text" in str(err)
    assert f"U+{ord(bad):04X}" in err.message_en
    assert err.exit_code == 5


@pytest.mark.parametrize("where", ["body", "header", "title"])
def test_invalid_character_raises_in_every_part(where: str) -> None:
    """Header and document-property values are checked too."""
    tag = "{{ v }}"
    parts = {
        "body": {"body": p(tag)},
        "header": {"body": p("x"), "header": p(tag)},
        "title": {"body": p("x"), "title": tag},
    }[where]
    tpl = docgen.Template(make_docx(**parts))
    with pytest.raises(docgen.InvalidCharacterError):
        tpl.render({"v": "a\x01b"})


@pytest.mark.parametrize(
    ("value", "expected"), [("a\x01b", "ab"), ("\x00\x02x\x1f", "x"), ("ok\ufffe", "ok")]
)
def test_strip_invalid_drops_bad_characters(value: str, expected: str) -> None:
    """strip_invalid=True removes the bad characters instead of raising."""
    out = render(p("{{ v }}"), {"v": value}, strip_invalid=True)
    assert paragraph_texts(out) == [expected]
    assert docgen.verify_package(out) == []


# -- missing fields ----------------------------------------------------------------------------


def test_missing_field_names_field_and_paragraph() -> None:
    """`{{ missing }}` raises MissingFieldError naming the field and its paragraph."""
    with pytest.raises(docgen.MissingFieldError) as info:
        render(p("一") + p("二") + p("缺：{{ missing }}"), {})
    err = info.value
    assert err.field_path == "missing"
    assert err.location.paragraph == 3
    assert err.location.part == "word/document.xml"
    message = str(err)
    assert "missing" in message
    assert "第 3 段" in message
    assert isinstance(err, docgen.RenderError)
    assert err.exit_code == 5


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            p("x") + p("{%p for i in missing %}") + p("{{ i }}") + p("{%p endfor %}"), id="p-for"
        ),
        pytest.param(p("x") + p("{% for i in missing %}{{ i }}{% endfor %}"), id="inline-for"),
    ],
)
def test_missing_loop_source_points_at_for_tag(body: str) -> None:
    """`{% for x in missing %}` names `missing` and the paragraph of the for tag."""
    with pytest.raises(docgen.MissingFieldError) as info:
        render(body, {})
    assert info.value.field_path == "missing"
    assert info.value.location.paragraph == 2
    assert "for i in missing" in (info.value.location.snippet or "")


def test_missing_attribute_in_tr_loop_points_at_its_cell() -> None:
    """`{{ row.missing }}` in a `{%tr for %}` row is located at that tag's table cell."""
    body = table(
        ["序号", "内容"],
        ["{%tr for row in rows %}", ""],
        ["{{ row.a }}", "{{ row.missing }}"],
        ["{%tr endfor %}", ""],
    )
    with pytest.raises(docgen.MissingFieldError) as info:
        render(body, {"rows": [{"a": 1}]})
    loc = info.value.location
    assert info.value.field_path == "missing"
    assert loc.snippet == "{{ row.missing }}"
    # The template's third row, second cell (Word's numbering, counted before tags are removed).
    assert (loc.table, loc.row, loc.table_cell) == (1, 3, 2)
    assert loc.paragraph == 6


def test_missing_field_in_header_names_header() -> None:
    """A missing field in a header is located in the header part."""
    tpl = docgen.Template(make_docx(p("x"), header=p("{{ nope }}")))
    with pytest.raises(docgen.MissingFieldError) as info:
        tpl.render({})
    assert info.value.location.part == "word/header1.xml"


def test_non_mapping_context_is_a_render_error() -> None:
    """A context that is not a mapping raises RenderError, not TypeError."""
    with pytest.raises(docgen.RenderError):
        render(p("{{ a }}"), ["not", "a", "mapping"])  # type: ignore[arg-type]


def test_pydantic_like_context_is_dumped() -> None:
    """An object with model_dump() is rendered through its dump."""

    class Model:
        def model_dump(self) -> dict[str, str]:
            return {"a": "dumped"}

    out = docgen.Template(make_docx(p("{{ a }}"))).render(Model())
    assert paragraph_texts(out) == ["dumped"]


# -- foreign markup ---------------------------------------------------------------------------


def test_safe_run_fragment_is_placed() -> None:
    """A well-formed run passed with |safe is inserted as XML."""
    out = render(p("{{ v|safe }}"), {"v": "<w:r><w:t>ok</w:t></w:r>"})
    assert paragraph_texts(out) == ["ok"]
    assert docgen.verify_package(out) == []


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("<w:r><w:t>broken", id="safe-filter"),
        pytest.param(Markup("<w:r><w:t>broken"), id="markup-object"),
        pytest.param("</w:t></w:r></w:p></w:body>", id="closing-tags"),
    ],
)
def test_broken_foreign_markup_raises_package_check(value: Any) -> None:
    """A broken fragment from outside docgen raises PackageCheckError, never a corrupt file."""
    tag = "{{ v|safe }}" if isinstance(value, str) else "{{ v }}"
    with pytest.raises(PackageCheckError) as info:
        render(p(tag), {"v": value})
    assert [x.code for x in info.value.problems] == ["part_not_well_formed"]
    assert info.value.exit_code == 5
