"""A template's web hyperlinks: link taken out and text kept by default, kept when asked."""

from __future__ import annotations

import io
import zipfile

import pytest

import docgen
from docgen.engine.external import find_references
from docgen.engine.package import Package
from docgen.engine.weblinks import hyperlink_field_target
from tests.docx_builder import make_docx, p, paragraph_texts, part_xml
from tests.engine.test_images import PNG
from tests.hostile_docx import R_NS, field, hyperlink, with_references

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _picture_link(rid: str) -> str:
    """An embedded-free shape whose picture frame links to ``rid`` (``a:hlinkClick``)."""
    return (
        '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="95250" cy="95250"/>'
        f'<wp:docPr id="7" name="Link 7"><a:hlinkClick xmlns:a="{_A[1:-1]}" r:id="{rid}"/>'
        "</wp:docPr></wp:inline></w:drawing></w:r></w:p>"
    )


def _linking(first: str) -> bytes:
    body = (
        p(first)
        + hyperlink("rIdW", "网站")
        + hyperlink("rIdM", "来信")
        + field('HYPERLINK "https://example.org/field"')
        + '<w:p><w:hyperlink w:anchor="sec1"><w:r><w:t>见第一节</w:t></w:r></w:hyperlink></w:p>'
        + _picture_link("rIdP")
    )
    return with_references(
        body,
        ("rIdW", "hyperlink", "https://example.org/"),
        ("rIdM", "hyperlink", "mailto:a@example.org"),
        ("rIdP", "hyperlink", "http://example.org/picture"),
    )


TEMPLATED = _linking("{{ a }}")
STATIC = _linking("固定正文")  # no tags: the document part is copied, not rendered


def _web(blob: bytes) -> list[str]:
    return [r.target for r in find_references(Package("out.docx", blob)) if r.web_link]


@pytest.mark.parametrize("blob", [TEMPLATED, STATIC], ids=["templated", "static"])
def test_web_links_are_taken_out_and_their_text_kept(blob: bytes) -> None:
    """No web address is left anywhere; every text, the field's result and the anchor stay."""
    template = docgen.Template(blob)
    assert sorted(_web(blob)) == [
        "http://example.org/picture",
        "https://example.org/",
        "https://example.org/field",
        "mailto:a@example.org",
    ]
    out = template.render({"a": "正文"})
    assert _web(out) == []
    texts = paragraph_texts(out)
    for text in ("网站", "来信", "旧结果", "见第一节"):
        assert text in texts
    with zipfile.ZipFile(io.BytesIO(out)) as zf:
        rels = zf.read("word/_rels/document.xml.rels")
        document = zf.read("word/document.xml")
    assert b"example.org" not in rels + document
    root = part_xml(out)
    assert [el.get(f"{_W}anchor") for el in root.iter(f"{_W}hyperlink")] == ["sec1"]
    assert list(root.iter(f"{_W}instrText")) == []
    assert list(root.iter(f"{_A}hlinkClick")) == []
    assert docgen.verify_package(out) == []


def test_keep_web_links_keeps_every_one() -> None:
    """The explicit option: the output links exactly as the template does."""
    out = docgen.Template(TEMPLATED).render({"a": "正文"}, keep_web_links=True)
    assert sorted(_web(out)) == sorted(_web(TEMPLATED))


def test_a_picture_added_in_the_same_render_does_not_bring_the_links_back() -> None:
    """New picture relationships are added to the rewritten relationships, not the original."""
    blob = with_references(
        p("{{ logo }}") + hyperlink("rIdW", "网站"), ("rIdW", "hyperlink", "https://example.org/")
    )
    out = docgen.Template(blob).render({"logo": docgen.InlineImage(PNG)})
    assert _web(out) == []
    with zipfile.ZipFile(io.BytesIO(out)) as zf:
        rels = zf.read("word/_rels/document.xml.rels").decode()
    assert f'Type="{R_NS}/image"' in rels
    assert docgen.verify_package(out) == []


def test_check_says_render_takes_the_link_out() -> None:
    """One warning per link, telling what render does and how to keep the link."""
    problems = docgen.Template(TEMPLATED).problems
    warnings = [p for p in problems if p.code == "external_hyperlink"]
    assert len(warnings) == 4
    assert all(p.severity == "warning" for p in problems)
    assert all("--keep-web-links" in p.message_zh for p in warnings)


def test_template_without_web_links_renders_as_before() -> None:
    """Nothing to take out: the plan is empty and the output has every part unchanged."""
    blob = make_docx(p("{{ a }}"))
    template = docgen.Template(blob)
    assert not template._web_links
    assert template.render({"a": "x"}) == template.render({"a": "x"}, keep_web_links=True)


@pytest.mark.parametrize(
    ("instruction", "target"),
    [
        ('HYPERLINK "https://x.org/a"', "https://x.org/a"),
        (' HYPERLINK \\o "提示 文字" "https://x.org/b" \\h', "https://x.org/b"),
        ("HYPERLINK https://x.org/c", "https://x.org/c"),
        ('HYPERLINK \\l "节一"', None),
        ("PAGE", None),
        ('INCLUDETEXT "HYPERLINK"', None),
    ],
)
def test_hyperlink_field_target(instruction: str, target: str | None) -> None:
    assert hyperlink_field_target(instruction) == target
