"""Run splitting for `{{r }}` / `{%r %}` tags (docgen.engine.runs) and its rendered result."""

from __future__ import annotations

from typing import Any

import pytest
from lxml import etree

import docgen
from docgen.engine.runs import isolate_run_tags
from docgen.engine.tags import gather, paragraph_texts
from tests.docx_builder import W_NS, make_docx, p, part_xml, run
from tests.docx_builder import paragraph_texts as rendered_texts

W = f"{{{W_NS}}}"
ITALIC = "<w:rPr><w:i/></w:rPr>"


def _split(
    text: str, replace: bool, extra: str = ""
) -> tuple[etree._Element, list[tuple[str, Any]]]:
    """Split a one-run paragraph; optionally replace placeholders as the compiler does."""
    body = p(f'<w:r>{ITALIC}<w:t xml:space="preserve">{text}</w:t>{extra}</w:r>')
    root = part_xml(make_docx(body))
    para = root.find(f".//{W}p")
    assert para is not None
    spans, _ = gather(paragraph_texts(root)[para])
    pieces: list[tuple[str, Any]] = []
    for node, inline, run_spans in isolate_run_tags(spans[0].node, spans):
        if node is not None:
            pieces.append(("text", (node.text, [s.tag.raw for s in inline])))
        for span, holder in run_spans:
            pieces.append(("tag", span.tag.raw))
            if replace:
                parent = holder.getparent()
                assert parent is not None
                parent.replace(holder, etree.ProcessingInstruction("dg", span.tag.raw))
    return para, pieces


def _layout(para: etree._Element) -> list[tuple[str, ...]]:
    """The paragraph's children as ('run', italic?, text) or ('pi', text)."""
    out: list[tuple[str, ...]] = []
    for child in para:
        if isinstance(child, etree._ProcessingInstruction):
            out.append(("pi", child.text or ""))
        elif child.tag == f"{W}r":
            italic = "i" if child.find(f"{W}rPr/{W}i") is not None else ""
            out.append(("run", italic, "".join(t.text or "" for t in child.iter(f"{W}t"))))
    return out


def test_pieces_in_order() -> None:
    """Text before, the run tag, then text after (with its inline tags), in order."""
    _, pieces = _split("A {{ a }} {{r x }} B {{ b }}", replace=False)
    assert pieces == [
        ("text", ("A {{ a }} ", ["{{ a }}"])),
        ("tag", "{{r x }}"),
        ("text", (" B {{ b }}", ["{{ b }}"])),
    ]


def test_split_runs_keep_formatting() -> None:
    """Every run made by the split copies the original run's rPr."""
    para, _ = _split("A {{r x }} B", replace=False)
    assert _layout(para) == [("run", "i", "A "), ("run", "i", ""), ("run", "i", " B")]


def test_text_after_tag_survives_placeholder_replacement() -> None:
    """Replacing the placeholder while iterating (as the compiler does) keeps the text after it."""
    para, _ = _split("A {{r x }} B", replace=True)
    assert _layout(para) == [("run", "i", "A "), ("pi", "{{r x }}"), ("run", "i", " B")]


def test_two_run_tags_in_one_run() -> None:
    """Two run tags in one run give text, tag, text, tag, text, all in place."""
    para, _ = _split("a{{r x }}b{{r y }}c", replace=True)
    assert _layout(para) == [
        ("run", "i", "a"),
        ("pi", "{{r x }}"),
        ("run", "i", "b"),
        ("pi", "{{r y }}"),
        ("run", "i", "c"),
    ]


def test_trailing_run_content_moves_to_last_text_run() -> None:
    """Content after the w:t in the run (a tab) ends up after the last piece of text."""
    para, _ = _split("A {{r x }} B", replace=False, extra="<w:tab/>")
    last = para.findall(f"{W}r")[-1]
    assert [etree.QName(el).localname for el in last] == ["rPr", "t", "tab"]


@pytest.mark.parametrize(
    ("typed", "value", "expected"),
    [
        pytest.param("{{r x }}", docgen.RichText("R", bold=True), ["R"], id="alone"),
        pytest.param("前{{r x }}", docgen.RichText("R"), ["前R"], id="text-before"),
        pytest.param("{{r x }}后", docgen.RichText("R"), ["R后"], id="text-after"),
        pytest.param("前{{r x }}后", "plain", ["前plain后"], id="plain-string"),
        pytest.param("{{ a }}{{r x }}{{ a }}", docgen.RichText("R"), ["aRa"], id="inline-around"),
    ],
)
def test_rendered_run_tag_keeps_neighbours(typed: str, value: Any, expected: list[str]) -> None:
    """A run tag renders its value and keeps whatever else the run held."""
    out = docgen.Template(make_docx(p(run(typed, ITALIC)))).render({"x": value, "a": "a"})
    assert rendered_texts(out) == expected
    assert docgen.verify_package(out) == []
