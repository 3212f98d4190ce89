"""Unit tests of docgen.engine.tags: gathering split tags, normalising code, parsing tags."""

from __future__ import annotations

import pytest
from lxml import etree

import docgen
from docgen.engine.tags import gather, normalise_code, paragraph_texts, parse_tag, unescape_literals
from tests.docx_builder import W_NS, make_docx, p, part_xml, run
from tests.docx_builder import paragraph_texts as rendered_texts

W = f"{{{W_NS}}}"
BOLD = "<w:rPr><w:b/></w:rPr>"
ITALIC = "<w:rPr><w:i/></w:rPr>"


def _paragraph(*runs: str) -> tuple[etree._Element, list[etree._Element]]:
    """The first paragraph of a one-paragraph document and its w:t nodes."""
    root = part_xml(make_docx(p(*runs)))
    groups = paragraph_texts(root)
    para = root.find(f".//{W}p")
    assert para is not None
    return para, groups[para]


def _runs(para: etree._Element) -> list[tuple[str, str]]:
    """(formatting, text) of each run: formatting is 'b', 'i' or ''."""
    out = []
    for r in para.iter(f"{W}r"):
        fmt = "b" if r.find(f"{W}rPr/{W}b") is not None else ""
        fmt = "i" if r.find(f"{W}rPr/{W}i") is not None else fmt
        out.append((fmt, "".join(t.text or "" for t in r.iter(f"{W}t"))))
    return out


# -- gather ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pieces", "tags"),
    [
        (["{{ name }}"], ["{{ name }}"]),
        (["{{ na", "me }}"], ["{{ name }}"]),
        (["{", "{ a }", "}"], ["{{ a }}"]),
        (["x {%p if ", "a %}", " y"], ["{%p if a %}"]),
        (["{{ a }}{{", " b }}"], ["{{ a }}", "{{ b }}"]),
        (["{# note", " #}"], ["{# note #}"]),
    ],
)
def test_gather_offsets_point_at_whole_tags(pieces: list[str], tags: list[str]) -> None:
    """Each span's node text between start and end is exactly the whole tag."""
    _, nodes = _paragraph(*(run(x) for x in pieces))
    spans, unclosed = gather(nodes)
    assert unclosed == []
    assert [s.node.text[s.start : s.end] for s in spans] == tags  # type: ignore[index]
    assert [s.tag.raw for s in spans] == tags


def test_gather_moves_tag_into_first_node_and_keeps_outside_formatting() -> None:
    """A tag split over bold and italic runs lands in its first run; outside text stays put."""
    para, nodes = _paragraph(run("Hello {{ na", BOLD), run("me }} world", ITALIC))
    spans, _ = gather(nodes)
    assert len(spans) == 1
    assert spans[0].node is nodes[0]
    assert _runs(para) == [("b", "Hello {{ name }}"), ("i", " world")]


def test_gather_removes_runs_it_emptied() -> None:
    """Runs whose text moved entirely into a tag disappear, not left as empty husks."""
    para, nodes = _paragraph(run("{{ "), run("a", BOLD), run(" }}"), run(" tail", ITALIC))
    gather(nodes)
    assert _runs(para) == [("", "{{ a }}"), ("i", " tail")]


def test_gather_leaves_empty_runs_it_did_not_touch() -> None:
    """A run that was already empty (e.g. holding only a tab) is not removed."""
    para, nodes = _paragraph(run(""), run("{{ a }}"))
    gather(nodes)
    assert len(list(para.iter(f"{W}r"))) == 2


def test_gather_without_braces_changes_nothing() -> None:
    """A paragraph with no '{' is returned as is, with no spans."""
    para, nodes = _paragraph(run("plain", BOLD), run(" text"))
    before = etree.tostring(para)
    assert gather(nodes) == ([], [])
    assert etree.tostring(para) == before


@pytest.mark.parametrize(
    ("text", "snippet_start"),
    [
        ("{{ a ", "{{ a"),
        ("ok {{ b }} then {% if x", "{% if x"),
        ("{# never closed", "{# never"),
    ],
)
def test_gather_reports_unclosed_tags(text: str, snippet_start: str) -> None:
    """A tag opened and never closed in the paragraph is reported with its text."""
    _, nodes = _paragraph(run(text))
    _, unclosed = gather(nodes)
    assert len(unclosed) == 1
    assert unclosed[0].text.startswith(snippet_start)


def test_gather_skips_closers_inside_string_literals() -> None:
    """A '}}' inside a quoted literal does not end the tag."""
    _, nodes = _paragraph(run("{{ a|default('}}') }}"))
    spans, unclosed = gather(nodes)
    assert unclosed == []
    assert [s.tag.code for s in spans] == ["a|default('}}')"]


def test_paragraph_texts_groups_text_box_paragraphs_separately() -> None:
    """A w:t inside a text box paragraph belongs to that inner paragraph, not the outer one."""
    inner = p("{{ inner }}")
    box = f"<w:r><w:pict><w:txbxContent>{inner}</w:txbxContent></w:pict></w:r>"
    outer = f"<w:p>{run('{{ outer }}')}{box}</w:p>"
    root = part_xml(make_docx(outer))
    groups = paragraph_texts(root)
    texts = sorted("".join(t.text or "" for t in nodes) for nodes in groups.values())
    assert texts == ["{{ inner }}", "{{ outer }}"]


# -- normalise_code ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("“a”", '"a"'),
        ("‘a’", "'a'"),
        ("＂a＂", '"a"'),
        ("items|join(“，”)", 'items|join("，")'),
        ("items|join(‘、’)", "items|join('、')"),
        ("a\u3000if\u3000b", "a if b"),
        ("a\u00a0b", "a b"),
        ("f（x）", "f(x)"),
        ("x ＝＝ 1", "x == 1"),
        ("a，b", "a,b"),
        ("“（不变）”", '"（不变）"'),
        ("'it\u3000is'", "'it\u3000is'"),
        ("x|default(“他说‘好’”)", 'x|default("他说‘好’")'),
        ("plain.code", "plain.code"),
    ],
)
def test_normalise_code(typed: str, expected: str) -> None:
    """Quotes and full-width forms outside literals become ASCII; literal content is kept."""
    assert normalise_code(typed) == expected


# -- parse_tag -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "kind", "scope", "code", "trim_left", "trim_right"),
    [
        ("{{ name }}", "var", None, "name", False, False),
        ("{{r rich }}", "var", "r", "rich", False, False),
        ("{{p para }}", "var", "p", "para", False, False),
        ("{{ page }}", "var", None, "page", False, False),
        ("{{ rows }}", "var", None, "rows", False, False),
        ("{%p if x %}", "stmt", "p", "if x", False, False),
        ("{%tr for r in rows %}", "stmt", "tr", "for r in rows", False, False),
        ("{%tc endfor %}", "stmt", "tc", "endfor", False, False),
        ("{%r if x %}", "stmt", "r", "if x", False, False),
        ("{%p\u3000if x %}", "stmt", "p", "if x", False, False),
        ("{% if x %}", "stmt", None, "if x", False, False),
        ("{%- if x -%}", "stmt", None, "if x", True, True),
        ("{{- a }}", "var", None, "a", True, False),
        ("{%p if x -%}", "stmt", "p", "if x", False, True),
        ("{# r note #}", "comment", None, "r note", False, False),
        ("{{ a|join(“，”) }}", "var", None, 'a|join("，")', False, False),
    ],
)
def test_parse_tag(
    raw: str, kind: str, scope: str | None, code: str, trim_left: bool, trim_right: bool
) -> None:
    """Kind, scope, trim flags and normalised code of one raw tag."""
    tag = parse_tag(raw)
    assert (tag.kind, tag.scope, tag.code, tag.trim_left, tag.trim_right) == (
        kind,
        scope,
        code,
        trim_left,
        trim_right,
    )
    assert tag.raw == raw


# -- literal escapes -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("escaped", "plain"),
    [("{_{ x }_}", "{{ x }}"), ("{_% if %_}", "{% if %}"), ("a {_{ b", "a {{ b"), ("{x}", "{x}")],
)
def test_unescape_literals(escaped: str, plain: str) -> None:
    """docxtpl's brace escapes turn back into the braces they stand for."""
    assert unescape_literals(escaped) == plain


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(p("{_{ lit }_} {{ a }}"), ["{{ lit }} A"], id="beside-a-tag"),
        pytest.param(p("{{ a }} {_% x %_}"), ["A {% x %}"], id="statement-escape"),
        pytest.param(p("{_{ lit }_}"), ["{{ lit }}"], id="alone-in-document"),
        pytest.param(p("{_{ lit }_}") + p("{{ a }}"), ["{{ lit }}", "A"], id="own-paragraph"),
    ],
)
def test_literal_escapes_render_as_braces(body: str, expected: list[str]) -> None:
    """`{_{` renders as a literal `{{` (as in docxtpl), with or without other tags nearby."""
    out = docgen.Template(make_docx(body)).render({"a": "A"})
    assert rendered_texts(out) == expected
