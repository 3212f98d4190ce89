"""docxtpl's cell tags: colspan, cellbg, vm and hm."""

from __future__ import annotations

from typing import Any

import pytest
from lxml import etree

import docgen
from docgen.engine.cells import is_cell_tag
from tests.docx_builder import W_NS, make_docx, p, part_xml, table

W = f"{{{W_NS}}}"


def render(body: str, context: dict[str, Any]) -> bytes:
    """Compile, render and verify a one-off template."""
    tpl = docgen.Template(make_docx(body))
    assert tpl.problems == []
    out = tpl.render(context)
    assert docgen.verify_package(out) == []
    return out


def rows(blob: bytes) -> list[list[etree._Element]]:
    """Cells of the first table, row by row."""
    tbl = part_xml(blob).find(f".//{W}tbl")
    assert tbl is not None
    return [tr.findall(f"{W}tc") for tr in tbl.findall(f"{W}tr")]


def text(tc: etree._Element) -> str:
    """All text of one cell."""
    return "".join(t.text or "" for t in tc.iter(f"{W}t"))


def prop(tc: etree._Element, name: str, attr: str = "val") -> str | None:
    """An attribute of one tcPr child, or None when the child is absent."""
    el = tc.find(f"{W}tcPr/{W}{name}")
    return None if el is None else el.get(f"{W}{attr}")


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("colspan 2", True),
        ("colspan n", True),
        ("cellbg 'FF0000'", True),
        ("vm", True),
        ("hm", True),
        ("colspan", False),
        ("vm x", False),
        ("if x", False),
        ("cellbgx", False),
    ],
)
def test_is_cell_tag(code: str, expected: bool) -> None:
    """Only the four cell statements (with their argument) count as cell tags."""
    assert is_cell_tag(code) is expected


@pytest.mark.parametrize(("n", "expected"), [(2, "2"), (3, "3")])
def test_colspan_sets_grid_span(n: int, expected: str) -> None:
    """`{% colspan n %}` sets the cell's gridSpan and leaves the cell's text."""
    out = render(table(["{% colspan n %}合并", "b", "c"]), {"n": n})
    first = rows(out)[0][0]
    assert prop(first, "gridSpan") == expected
    assert text(first) == "合并"


def test_colspan_literal_argument() -> None:
    """A literal colspan needs no data."""
    out = render(table(["{% colspan 2 %}A", "B"]), {})
    assert prop(rows(out)[0][0], "gridSpan") == "2"


@pytest.mark.parametrize("color", ["FF0000", "C00000"])
def test_cellbg_sets_shading(color: str) -> None:
    """`{% cellbg c %}` shades the cell with the given fill."""
    out = render(table(["{% cellbg c %}A", "B"]), {"c": color})
    first, second = rows(out)[0]
    assert prop(first, "shd", "fill") == color
    assert prop(first, "shd") == "clear"
    assert prop(second, "shd", "fill") is None


def test_cellbg_value_is_escaped() -> None:
    """A cellbg value with quotes or angle brackets cannot break the attribute."""
    out = render(table(["{% cellbg c %}A"]), {"c": 'F"><x'})
    assert prop(rows(out)[0][0], "shd", "fill") == 'F"><x'


def test_cellbg_and_colspan_together_in_schema_order() -> None:
    """gridSpan comes before shd in tcPr, as the schema requires."""
    out = render(table(["{% cellbg c %}{% colspan 2 %}A", "B"]), {"c": "00FF00"})
    tcpr = rows(out)[0][0].find(f"{W}tcPr")
    assert tcpr is not None
    assert [etree.QName(el).localname for el in tcpr] == ["gridSpan", "shd"]


def test_vm_merges_loop_copies_vertically() -> None:
    """`{% vm %}` in a row loop: first copy restarts, the rest continue, text only in the first."""
    body = table(
        ["{%tr for x in xs %}", ""], ["{% vm %}{{ group }}", "{{ x }}"], ["{%tr endfor %}", ""]
    )
    out = render(body, {"xs": [1, 2, 3], "group": "甲组"})
    grid = rows(out)
    assert [prop(r[0], "vMerge") for r in grid] == ["restart", "continue", "continue"]
    assert [text(r[0]) for r in grid] == ["甲组", "", ""]
    assert [text(r[1]) for r in grid] == ["1", "2", "3"]
    assert [prop(r[1], "vMerge") for r in grid] == [None, None, None]


def test_vm_single_row_only_restarts() -> None:
    """A one-row loop with vm yields one restart cell."""
    body = table(["{%tr for x in xs %}"], ["{% vm %}{{ x }}"], ["{%tr endfor %}"])
    grid = rows(render(body, {"xs": ["only"]}))
    assert [(prop(r[0], "vMerge"), text(r[0])) for r in grid] == [("restart", "only")]


def test_hm_merges_loop_copies_horizontally() -> None:
    """`{% hm %}` in a column loop leaves one cell spanning every copy."""
    body = table(
        ["{%tc for x in xs %}", "{% hm %}标题", "{%tc endfor %}"],
        ["{%tc for x in xs %}", "{{ x }}", "{%tc endfor %}"],
    )
    grid = rows(render(body, {"xs": ["a", "b", "c"]}))
    assert [len(r) for r in grid] == [1, 3]
    assert prop(grid[0][0], "gridSpan") == "3"
    assert text(grid[0][0]) == "标题"
    assert [text(c) for c in grid[1]] == ["a", "b", "c"]


def test_hm_multiplies_existing_span() -> None:
    """hm on a cell that already spans 2 columns spans 2 × the loop length."""
    body = table(["{%tc for x in xs %}", "{% hm %}H", "{%tc endfor %}"]).replace(
        '<w:tcPr/><w:p><w:r><w:t xml:space="preserve">{% hm %}',
        '<w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t xml:space="preserve">{% hm %}',
    )
    grid = rows(render(body, {"xs": [1, 2]}))
    assert prop(grid[0][0], "gridSpan") == "4"


def test_cell_tag_outside_table_is_a_problem() -> None:
    """A cell tag in a body paragraph is reported, not silently ignored."""
    tpl = docgen.Template(make_docx(p("{% cellbg 'FF0000' %}text")))
    assert [x.code for x in tpl.problems] == ["scope_not_found"]
