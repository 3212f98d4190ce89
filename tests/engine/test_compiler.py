"""Compiler behaviour seen through ``docgen.Template``: block tags, rich tags, parts, problems."""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from typing import Any

import pytest
from lxml import etree

import docgen
from docgen.exceptions import TemplateSyntaxError
from tests.docx_builder import W_NS, make_docx, p, paragraph_texts, part_xml, run, table

W = f"{{{W_NS}}}"
W14_PARA_ID = "{http://schemas.microsoft.com/office/word/2010/wordml}paraId"
WP_DOCPR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
BOLD = "<w:rPr><w:b/></w:rPr>"
ITALIC = "<w:rPr><w:i/></w:rPr>"
CENTER = '<w:pPr><w:jc w:val="center"/></w:pPr>'


def render(body: str, context: dict[str, Any], **parts: Any) -> bytes:
    """Compile a one-off template and render it."""
    return docgen.Template(make_docx(body, **parts)).render(context)


def body_paragraphs(blob: bytes) -> list[etree._Element]:
    """The direct paragraphs of the rendered body."""
    return part_xml(blob).findall(f"{W}body/{W}p")


def runs_of(para: etree._Element) -> list[tuple[str, str]]:
    """(formatting, text) per run holding text; formatting 'b', 'i' or ''."""
    out = []
    for r in para.iter(f"{W}r"):
        fmt = "b" if r.find(f"{W}rPr/{W}b") is not None else ""
        fmt = "i" if r.find(f"{W}rPr/{W}i") is not None else fmt
        text = "".join(t.text or "" for t in r.iter(f"{W}t"))
        if text:
            out.append((fmt, text))
    return out


def codes(body: str, **parts: Any) -> list[str]:
    """Problem codes of a template, in the order reported."""
    return [x.code for x in docgen.Template(make_docx(body, **parts)).problems]


# -- block forms -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([], ["before", "after"]),
        (["a"], ["before", "a", "after"]),
        (["a", "b", "c"], ["before", "a", "b", "c", "after"]),
    ],
)
def test_p_for_repeats_paragraphs(items: list[str], expected: list[str]) -> None:
    """`{%p for %}` repeats the paragraphs between its tags and leaves no tag paragraphs."""
    body = p("before") + p("{%p for x in xs %}") + p("{{ x }}") + p("{%p endfor %}") + p("after")
    assert paragraph_texts(render(body, {"xs": items})) == expected


def test_p_for_copies_keep_paragraph_and_run_formatting() -> None:
    """Every copy made by a paragraph loop keeps the template paragraph's pPr and rPr."""
    body = p("{%p for x in xs %}") + p(run("{{ x }}", BOLD), ppr=CENTER) + p("{%p endfor %}")
    paras = body_paragraphs(render(body, {"xs": ["1", "2"]}))
    assert [runs_of(q) for q in paras] == [[("b", "1")], [("b", "2")]]
    assert [q.find(f"{W}pPr/{W}jc").get(f"{W}val") for q in paras] == ["center", "center"]  # type: ignore[union-attr]


def test_p_if_else() -> None:
    """`{%p if %}` / `{%p else %}` keep exactly one branch."""
    body = p("{%p if ok %}") + p("yes") + p("{%p else %}") + p("no") + p("{%p endif %}")
    assert paragraph_texts(render(body, {"ok": True})) == ["yes"]
    assert paragraph_texts(render(body, {"ok": False})) == ["no"]


def test_tr_for_repeats_rows() -> None:
    """`{%tr for %}` repeats the row between its tag rows; the tag rows disappear."""
    body = table(
        ["名称", "数量"],
        ["{%tr for r in rows %}", ""],
        ["{{ r.n }}", "{{ r.q }}"],
        ["{%tr endfor %}", ""],
    )
    out = render(body, {"rows": [{"n": "甲", "q": 1}, {"n": "乙", "q": 2}, {"n": "丙", "q": 3}]})
    rows = part_xml(out).findall(f".//{W}tr")
    assert [
        ["".join(t.text or "" for t in c.iter(f"{W}t")) for c in r.findall(f"{W}tc")] for r in rows
    ] == [["名称", "数量"], ["甲", "1"], ["乙", "2"], ["丙", "3"]]


def test_tc_for_repeats_columns() -> None:
    """`{%tc for %}` repeats the cell between its tag cells in every row it stands in."""
    body = table(["{%tc for c in cols %}", "{{ c }}", "{%tc endfor %}"])
    out = render(body, {"cols": ["x", "y", "z", "w"]})
    cells = part_xml(out).findall(f".//{W}tr/{W}tc")
    assert ["".join(t.text or "" for t in c.iter(f"{W}t")) for c in cells] == ["x", "y", "z", "w"]


@pytest.mark.parametrize("count", [0, 1, 3, 6])
def test_tc_for_keeps_table_grid_in_step(count: int) -> None:
    """After a `{%tc for %}` loop the table grid has one column per cell (as docxtpl fixes it)."""
    from docx import Document

    body = table(
        ["名称", "{%tc for c in cols %}", "{{ c }}", "{%tc endfor %}"],
        ["行", "{%tc for c in cols %}", "{{ c }}", "{%tc endfor %}"],
    )
    out = render(body, {"cols": [f"c{i}" for i in range(count)]})
    grid = part_xml(out).findall(f".//{W}tblGrid/{W}gridCol")
    assert len(grid) == 1 + count
    widths = [int(g.get(f"{W}w") or 0) for g in grid]
    assert abs(sum(widths) - 4 * 2000) <= len(widths)
    tbl = Document(io.BytesIO(out)).tables[0]
    assert len(tbl.columns) == 1 + count
    assert [c.text for c in tbl.rows[0].cells] == ["名称", *(f"c{i}" for i in range(count))]


def test_p_block_in_cell_never_leaves_cell_without_paragraph() -> None:
    """A `{%p if %}` that removes every paragraph of a cell still leaves the cell a paragraph."""
    cell = p("{%p if x %}") + p("v") + p("{%p endif %}")
    body = (
        '<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid>'
        f"<w:tr><w:tc><w:tcPr/>{cell}</w:tc></w:tr></w:tbl>"
    )
    out = render(body, {"x": False})
    assert [len(tc.findall(f"{W}p")) >= 1 for tc in part_xml(out).iter(f"{W}tc")] == [True]


def test_empty_tr_loop_leaves_no_rowless_table() -> None:
    """A table whose only rows come from an empty `{%tr for %}` is not left without any w:tr."""
    body = p("前") + table(["{%tr for r in rows %}"], ["{{ r }}"], ["{%tr endfor %}"]) + p("后")
    out = render(body, {"rows": []})
    assert [t.find(f"{W}tr") is not None for t in part_xml(out).iter(f"{W}tbl")] in ([], [True])


@pytest.mark.parametrize(("flag", "expected"), [(True, ["a yes b"]), (False, ["a  b"])])
def test_r_if_keeps_or_drops_runs(flag: bool, expected: list[str]) -> None:
    """`{%r if %}` … `{%r endif %}` keeps or drops the runs between them, not the paragraph."""
    body = p("a ", "{%r if ok %}", "yes", "{%r endif %}", " b")
    assert paragraph_texts(render(body, {"ok": flag})) == expected


def test_r_rich_alone_in_its_run() -> None:
    """`{{r x }}` alone in its run is replaced by the rich text's runs."""
    out = render(p("{{r rt }}"), {"rt": docgen.RichText("粗体", bold=True)})
    assert [runs_of(q) for q in body_paragraphs(out)] == [[("b", "粗体")]]


def test_r_rich_keeps_text_before_and_after_in_same_run() -> None:
    """`{{r x }}` typed inside a run splits it: the text before and after survives, formatted."""
    out = render(p(run("前文 {{r rt }} 后文", ITALIC)), {"rt": docgen.RichText("X", bold=True)})
    assert paragraph_texts(out) == ["前文 X 后文"]
    assert runs_of(body_paragraphs(out)[0]) == [("i", "前文 "), ("b", "X"), ("i", " 后文")]


def test_r_plain_string_takes_the_run_formatting() -> None:
    """A plain string at `{{r }}` gets the formatting of the run the tag stood in."""
    out = render(p(run("{{r s }}", BOLD)), {"s": "plain"})
    assert runs_of(body_paragraphs(out)[0]) == [("b", "plain")]


def test_p_with_rich_text_paragraph() -> None:
    """`{{p x }}` with a RichTextParagraph replaces the paragraph by the given paragraphs."""
    value = docgen.RichTextParagraph("第一段").add(docgen.RichText("第二段", bold=True), "Heading1")
    out = render(p("before") + p("{{p x }}") + p("after"), {"x": value})
    assert paragraph_texts(out) == ["before", "第一段", "第二段", "after"]
    second = body_paragraphs(out)[2]
    assert second.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Heading1"  # type: ignore[union-attr]
    assert runs_of(second) == [("b", "第二段")]


def test_p_with_plain_string_keeps_paragraph_and_run_formatting() -> None:
    """`{{p x }}` with a plain string gives one paragraph with the tag's pPr and rPr."""
    out = render(p(run("{{p x }}", BOLD), ppr=CENTER), {"x": "一行\n两行"})
    paras = body_paragraphs(out)
    assert paragraph_texts(out) == ["一行\n两行"]
    assert paras[0].find(f"{W}pPr/{W}jc") is not None
    assert runs_of(paras[0]) == [("b", "一行两行")]


# -- other parts -----------------------------------------------------------------------------


def test_tags_in_header_footer_and_title() -> None:
    """`{{ }}` renders in headers, footers and document properties, escaped."""
    out = render(
        p("{{ body }}"),
        {"body": "正文", "h": "页眉 & 1", "f": "第<1>页", "t": "标题 \"A\" & 'B'"},
        header=p("{{ h }}"),
        footer=p("{{ f }}"),
        title="{{ t }}",
    )
    assert paragraph_texts(out) == ["正文"]
    assert paragraph_texts(out, "word/header1.xml") == ["页眉 & 1"]
    assert paragraph_texts(out, "word/footer1.xml") == ["第<1>页"]
    title = part_xml(out, "docProps/core.xml").find("{http://purl.org/dc/elements/1.1/}title")
    assert title is not None
    assert title.text == "标题 \"A\" & 'B'"


def test_only_tagged_parts_are_compiled() -> None:
    """A header without tags is not compiled; the body with tags is."""
    tpl = docgen.Template(make_docx(p("{{ a }}"), header=p("static")))
    assert set(tpl.parts) == {"word/document.xml"}


# -- lone statements ---------------------------------------------------------------------------


@pytest.mark.parametrize(("flag", "expected"), [(True, ["a", "b", "c"]), (False, ["a", "c"])])
def test_lone_if_paragraph_leaves_no_empty_paragraph(flag: bool, expected: list[str]) -> None:
    """A paragraph holding only `{% if %}` / `{% endif %}` acts like `{%p %}`: no blank lines."""
    body = p("a") + p("{% if x %}") + p("b") + p("{% endif %}") + p("c")
    assert paragraph_texts(render(body, {"x": flag})) == expected


def test_lone_for_paragraph_leaves_no_empty_paragraph() -> None:
    """A paragraph holding only `{% for %}` / `{% endfor %}` leaves no blank paragraphs."""
    body = p("{% for x in xs %}") + p("{{ x }}") + p("{% endfor %}")
    assert paragraph_texts(render(body, {"xs": [1, 2]})) == ["1", "2"]


def test_lone_if_in_table_cell_is_left_alone() -> None:
    """In a table cell the lone `{% if %}` paragraph stays (a cell must keep a paragraph)."""
    cell = p("{% if x %}") + p("v") + p("{% endif %}")
    body = (
        '<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid>'
        f"<w:tr><w:tc><w:tcPr/>{cell}</w:tc></w:tr></w:tbl>"
    )
    # Not promoted: the tag paragraphs stay (empty) and the block runs from one w:t to another.
    for flag, texts in ((True, ["", "v", ""]), (False, [""])):
        out = render(body, {"x": flag})
        tc = part_xml(out).find(f".//{W}tc")
        assert tc is not None
        assert [
            "".join(t.text or "" for t in q.iter(f"{W}t")) for q in tc.findall(f"{W}p")
        ] == texts


def test_if_beside_text_is_not_promoted() -> None:
    """`{% if %}` sharing its paragraph with text stays inline."""
    body = p("开始{% if x %}中间{% endif %}结束")
    assert paragraph_texts(render(body, {"x": False})) == ["开始结束"]
    assert paragraph_texts(render(body, {"x": True})) == ["开始中间结束"]


# -- ids that loops copy -----------------------------------------------------------------------


def test_bookmark_in_loop_gets_unique_ids_and_names() -> None:
    """A bookmark inside a paragraph loop gets a fresh id and a distinct name in every copy."""
    marked = (
        '<w:p><w:bookmarkStart w:id="5" w:name="mark"/>'
        + run("{{ x }}")
        + '<w:bookmarkEnd w:id="5"/></w:p>'
    )
    body = p("{%p for x in xs %}") + marked + p("{%p endfor %}")
    out = render(body, {"xs": [1, 2, 3]})
    root = part_xml(out)
    starts = [(b.get(f"{W}id"), b.get(f"{W}name")) for b in root.iter(f"{W}bookmarkStart")]
    ends = [b.get(f"{W}id") for b in root.iter(f"{W}bookmarkEnd")]
    assert len({i for i, _ in starts}) == 3
    assert len({n for _, n in starts}) == 3
    assert starts[0][1] == "mark"
    assert ends == [i for i, _ in starts]
    assert docgen.verify_package(out) == []


def test_template_drawing_in_loop_gets_unique_docpr_ids() -> None:
    """A drawing already in the template, copied by a loop, gets a fresh docPr id per copy."""
    drawing = (
        '<w:r><w:drawing><wp:inline><wp:extent cx="10" cy="10"/>'
        '<wp:docPr id="1" name="pic"/></wp:inline></w:drawing></w:r>'
    )
    body = table(["{%tr for x in xs %}"], ["{{ x }}"], ["{%tr endfor %}"]).replace(
        "{{ x }}</w:t></w:r>", "{{ x }}</w:t></w:r>" + drawing
    )
    out = render(body, {"xs": [1, 2, 3]})
    ids = Counter(d.get("id") for d in part_xml(out).iter(WP_DOCPR))
    assert len(ids) == 3
    assert max(ids.values()) == 1
    assert docgen.verify_package(out) == []


def test_paragraph_ids_dropped_in_loop_parts() -> None:
    """w14:paraId attributes are removed from a part with loops (copies would repeat them)."""
    body = (
        p("{%p for x in xs %}")
        + f'<w:p w14:paraId="1A2B3C4D" w14:textId="77777777">{run("{{ x }}")}</w:p>'
        + p("{%p endfor %}")
    )
    out = render(body, {"xs": [1, 2]})
    assert [q for q in part_xml(out).iter() if W14_PARA_ID in q.attrib] == []


# -- problems ----------------------------------------------------------------------------------


PROBLEM_CASES = [
    pytest.param(p("{{ a ") + p("b }}"), ["unclosed_tag"], id="unclosed_tag"),
    pytest.param(p("x") + p("{%p endfor %}"), ["unbalanced_block"], id="endfor-without-for"),
    pytest.param(p("{%p for a in b %}") + p("x"), ["unbalanced_block"], id="for-without-endfor"),
    pytest.param(
        p("{%p if a %}") + p("{%p endfor %}"),
        ["unbalanced_block", "unbalanced_block"],
        id="endfor-closes-if",
    ),
    pytest.param(p("{%p if a %}{%p endif %}"), ["multiple_block_tags"], id="multiple_block_tags"),
    pytest.param(p("{{ a|nope }}"), ["unknown_filter"], id="unknown_filter"),
    pytest.param(p("{% if a is nosuchtest %}x{% endif %}"), ["unknown_test"], id="unknown_test"),
    pytest.param(p("{{ a + }}"), ["bad_syntax"], id="bad_syntax"),
    pytest.param(
        p("{%tr for x in xs %}") + p("{%tr endfor %}"),
        ["scope_not_found", "scope_not_found"],
        id="tr-outside-table",
    ),
    pytest.param(p("{% colspan 2 %}"), ["scope_not_found"], id="colspan-outside-table"),
    pytest.param(
        p("text {%p if a %}") + p("{%p endif %}"), ["dropped_content"], id="dropped_content"
    ),
    pytest.param(p("ok"), [], id="plain"),
]


@pytest.mark.parametrize(("body", "expected"), PROBLEM_CASES)
def test_problem_codes(body: str, expected: list[str]) -> None:
    """Each kind of template mistake is reported under its stable code."""
    assert codes(body) == expected


def test_dropped_content_is_a_warning_and_still_renders() -> None:
    """Text beside a `{%p %}` tag is a warning; the template renders without it."""
    tpl = docgen.Template(make_docx(p("text {%p if a %}") + p("kept") + p("{%p endif %}")))
    assert [(x.code, x.severity) for x in tpl.problems] == [("dropped_content", "warning")]
    assert tpl.errors == []
    assert paragraph_texts(tpl.render({"a": True})) == ["kept"]


def test_unclosed_tag_in_header_names_the_header() -> None:
    """An unclosed tag in a header is located in that header part."""
    tpl = docgen.Template(make_docx(p("x"), header=p("{{ a ")))
    assert [(x.code, x.location.part) for x in tpl.problems] == [
        ("unclosed_tag", "word/header1.xml")
    ]


def test_every_unknown_filter_reported_in_one_pass_with_places() -> None:
    """Each bad filter is its own problem, with its paragraph (and table cell) number."""
    body = p("{{ a|nope }}") + p("fine {{ b }}") + p("{{ c|zzz }}") + table(["x", "{{ d|qqq }}"])
    problems = docgen.Template(make_docx(body)).problems
    assert [
        (x.code, x.location.paragraph, x.location.table, x.location.table_cell) for x in problems
    ] == [
        ("unknown_filter", 1, None, None),
        ("unknown_filter", 3, None, None),
        ("unknown_filter", 5, 1, 2),
    ]
    assert [x.message_en for x in problems] == [
        "unknown filter nope",
        "unknown filter zzz",
        "unknown filter qqq",
    ]
    assert [x.location.snippet for x in problems] == ["{{ a|nope }}", "{{ c|zzz }}", "{{ d|qqq }}"]


BROKEN = (
    p("{{ a ")
    + p("{%p endfor %}")
    + p("{%p for x in y %}")
    + p("{%p if a %}{%p endif %}")
    + p("{{ b|nope }}")
    + p("{{ c + }}")
    + p("text {%p if a %}")
    + p("{%p endif %}")
)
BROKEN_CODES = Counter(
    {
        "unclosed_tag": 1,
        "unbalanced_block": 2,
        "multiple_block_tags": 1,
        "unknown_filter": 1,
        "bad_syntax": 1,
        "dropped_content": 1,
    }
)


def test_check_template_returns_every_problem(tmp_path: Any) -> None:
    """check_template (bytes or path) lists every problem of a broken template in one pass."""
    blob = make_docx(BROKEN)
    path = tmp_path / "broken.docx"
    path.write_bytes(blob)
    for source in (blob, path, str(path)):
        problems = docgen.check_template(source)
        assert Counter(x.code for x in problems) == BROKEN_CODES
        assert all(x.location.part == "word/document.xml" for x in problems)
        assert all(x.location.paragraph for x in problems)


def test_render_on_broken_template_raises_with_all_errors() -> None:
    """Rendering a broken template raises TemplateSyntaxError listing every error (no warnings)."""
    tpl = docgen.Template(make_docx(BROKEN))
    with pytest.raises(TemplateSyntaxError) as info:
        tpl.render({})
    listed = Counter(x.code for x in info.value.problems)
    assert listed == BROKEN_CODES - Counter({"dropped_content": 1})
    assert info.value.exit_code == 3
    text = str(info.value)
    assert all(f"[{code}]" in text for code in listed)


def test_check_template_missing_file_raises_not_found(tmp_path: Any) -> None:
    """check_template on a path that does not exist raises TemplateNotFound."""
    with pytest.raises(docgen.TemplateNotFound):
        docgen.check_template(tmp_path / "nope.docx")


def test_non_docx_raises_template_error() -> None:
    """Bytes that are not a zip raise TemplateError, not a zipfile exception."""
    with pytest.raises(docgen.TemplateError):
        docgen.Template(b"not a zip")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "hi")
    with pytest.raises(docgen.TemplateError):
        docgen.Template(buf.getvalue())


def test_workbook_is_not_a_word_template() -> None:
    """An .xlsx (a zip with content types but no Word document part) raises TemplateError."""
    import openpyxl

    buf = io.BytesIO()
    openpyxl.Workbook().save(buf)
    with pytest.raises(docgen.TemplateError):
        docgen.Template(buf.getvalue())


@pytest.mark.parametrize("part", ["word/document.xml", "word/header1.xml"])
def test_malformed_part_raises_template_error(part: str) -> None:
    """A template part that is not well-formed XML raises TemplateError naming the part."""
    buf = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(make_docx(p("{{ a }}"), header=p("h")))) as src,
        zipfile.ZipFile(buf, "w") as dst,
    ):
        for name in src.namelist():
            dst.writestr(name, b"<w:p><broken" if name == part else src.read(name))
    with pytest.raises(docgen.TemplateError) as info:
        docgen.Template(buf.getvalue())
    assert part in str(info.value) or part.rsplit("/", 1)[-1] in str(info.value)


def test_assignments_are_proven_and_block_sets_are_not(monkeypatch: pytest.MonkeyPatch) -> None:
    """``{% set x = … %}`` writes nothing, so the part is proven and not parsed again;
    ``{% set x %}…{% endset %}`` puts its output elsewhere, so that part is parsed."""
    import docgen.engine.verify as verify_module

    counted = (
        p("{%p set ns = namespace(n=0) %}")
        + p("{%p set ns.n = ns.n + 1 %}")
        + p("第{{ ns.n }}条{% set a, b = 1, 2 %}{{ a + b }}")
    )
    captured = p("{% set words %}甲乙{% endset %}{{ words }}")
    proven = docgen.Template(make_docx(counted))
    blocked = docgen.Template(make_docx(captured))
    assert all(part.proven for part in proven.parts.values())
    assert blocked.parts["word/document.xml"].proven is False
    parsed: list[list[str]] = []
    real = verify_module.check_parts

    def spy(parts: dict[str, bytes]) -> list[Any]:
        parsed.append(sorted(parts))
        return real(parts)

    monkeypatch.setattr(verify_module, "check_parts", spy)
    assert paragraph_texts(proven.render({})) == ["第1条3"]
    assert parsed == []  # proven: not parsed after the render
    assert paragraph_texts(blocked.render({})) == ["甲乙"]
    assert len(parsed) == 1  # the block set's part is parsed after its render
    assert "word/document.xml" in parsed[0]


def test_every_library_template_is_proven() -> None:
    """The shipped templates' heading counters are assignments: nothing is left to parse."""
    from docgen.library import shipped_root

    found = sorted(shipped_root().rglob("template.docx"))
    assert len(found) >= 20
    for path in found:
        tpl = docgen.load(str(path))
        assert all(part.proven for part in tpl.parts.values()), path.parent.name
