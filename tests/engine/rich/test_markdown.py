"""Markdown values: CommonMark with tables and strike-through, written through the HTML writer."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

import docgen
from docgen.engine.rich import Markdown
from tests.docx_builder import make_docx, p

BODY = make_docx(p("{{p body|markdown }}"))

SOURCE = """## 整改要求

支部要**按期**完成，*逐项*销号，~~不再拖延~~。
换行也保留。

1. 查摆问题
2. 制定措施
   - 明确责任人
3. 跟踪问效

| 类别 | 数量 |
|:-----|-----:|
| 问题 | 12 |

<script>alert(1)</script>

见[档案](https://evil.example/a)与![图](https://evil.example/p.png)。
"""


@pytest.fixture(scope="module")
def document() -> docx.document.Document:
    out = docgen.Template(BODY).render({"body": SOURCE}, check=True)
    assert docgen.verify_package(out) == []
    with zipfile.ZipFile(io.BytesIO(out)) as archive:
        assert not [n for n in archive.namelist() if b"evil.example" in archive.read(n)]
    return docx.Document(io.BytesIO(out))


def test_headings_emphasis_and_breaks(document: docx.document.Document) -> None:
    """``##`` is the first heading level used, so level 1; bold, italic, strike are runs."""
    heading, para = document.paragraphs[0], document.paragraphs[1]
    assert heading.style.style_id == "Heading1"
    assert heading.text == "整改要求"
    assert para.text == "支部要按期完成，逐项销号，不再拖延。\n换行也保留。"
    runs = {r.text: r for r in para.runs}
    assert runs["按期"].bold
    assert runs["逐项"].italic
    assert runs["不再拖延"].font.strike


def test_lists_are_numbered_and_nested(document: docx.document.Document) -> None:
    """The ordered list and its bullet sub-list are Word lists at levels 0 and 1."""
    items = [x for x in document.paragraphs if x._p.pPr is not None and x._p.pPr.numPr is not None]
    assert [x.text for x in items] == ["查摆问题", "制定措施", "明确责任人", "跟踪问效"]
    assert [x._p.pPr.numPr.ilvl.val for x in items] == [0, 0, 1, 0]


def test_table_keeps_cells_and_alignment(document: docx.document.Document) -> None:
    """The pipe table is a Word table; a right-aligned column is right-aligned."""
    (table,) = document.tables
    assert [[c.text for c in row.cells] for row in table.rows] == [["类别", "数量"], ["问题", "12"]]
    assert table.cell(1, 1).paragraphs[0].alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT


def test_raw_html_and_links_keep_only_text(document: docx.document.Document) -> None:
    """Raw HTML in the Markdown is cleaned like any HTML: the script is gone, a link and
    an external picture leave their text."""
    assert document.paragraphs[-1].text == "见档案与图。"
    assert all("alert" not in x.text for x in document.paragraphs)


def test_python_value_and_check() -> None:
    """``Markdown(...)`` from Python; ``docgen check`` knows ``|markdown``."""
    assert docgen.check_template(BODY) == []
    out = docgen.Template(BODY).render({"body": Markdown("- 一\n- 二")}, check=True)
    texts = [x.text for x in docx.Document(io.BytesIO(out)).paragraphs]
    assert texts == ["一", "二"]
