"""Hyperlink ids must have their relationship; drawings keep unique ids; block lifting."""

from __future__ import annotations

import io
import zipfile

import pytest

import docgen
from docgen.engine.verify import check_references
from docgen.exceptions import PackageCheckError
from tests.docx_builder import make_docx, p, paragraph_texts, part_xml

URL = "https://example.org/学习"


def test_links_become_external_relationships() -> None:
    """render(links={rid: url}) adds the hyperlink relationship a RichText uses."""
    rt = docgen.RichText("链接", url_id="rIdDgL1")
    out = docgen.Template(make_docx(p("{{r rt }}"))).render({"rt": rt}, links={"rIdDgL1": URL})
    rels = part_xml(out, "word/_rels/document.xml.rels")
    found = [r for r in rels if r.get("Id") == "rIdDgL1"]
    assert len(found) == 1
    assert found[0].get("Target") == URL
    assert found[0].get("TargetMode") == "External"
    assert docgen.verify_package(out) == []


def test_rich_text_with_a_dangling_url_id_is_refused() -> None:
    """RichText(url_id=…) naming no relationship fails the render's checks."""
    rt = docgen.RichText("链接", url_id="rId99")
    with pytest.raises(PackageCheckError) as info:
        docgen.Template(make_docx(p("{{r rt }}"))).render({"rt": rt})
    assert [prob.code for prob in info.value.problems] == ["dangling_link"]
    assert "rId99" in str(info.value)


def test_verify_package_catches_a_dangling_reference() -> None:
    """verify_package reports an r:id with no relationship (Word: unreadable content)."""
    body = p('<w:hyperlink r:id="rIdNope"><w:r><w:t>x</w:t></w:r></w:hyperlink>')
    problems = docgen.verify_package(make_docx(body))
    assert [prob.code for prob in problems] == ["dangling_reference"]
    good = make_docx(p("x"))
    assert check_references({"word/document.xml": part_xml(good)}) == []


def _with_duplicate_drawing_ids(blob: bytes) -> bytes:
    drawing = (
        '<w:r><w:drawing><wp:inline><wp:extent cx="1" cy="1"/>'
        '<wp:docPr id="1" name="图"/></wp:inline></w:drawing></w:r>'
    )
    src = zipfile.ZipFile(io.BytesIO(blob))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename in ("word/document.xml", "word/header1.xml"):
                data = data.replace(b"DRAWING", drawing.encode())
            dst.writestr(info, data)
    return out.getvalue()


def test_drawing_ids_repeated_across_parts_are_renumbered() -> None:
    """python-docx gives a header and the body picture the same id; the output is unique."""
    blob = _with_duplicate_drawing_ids(make_docx(p("DRAWING{{ a }}"), header=p("DRAWING")))
    assert [prob.code for prob in docgen.verify_package(blob)] == ["duplicate_docpr_id"]
    out = docgen.Template(blob).render({"a": "正文"})
    assert docgen.verify_package(out) == []


def test_paragraph_loop_closed_at_the_end_of_a_paragraph() -> None:
    """A lone `{% for %}` closed by `{% endfor %}` ending a later paragraph repeats them."""
    body = p("开始") + p("{% for x in xs %}") + p("{{ x }}：") + p("说明{% endfor %}") + p("完")
    tpl = docgen.Template(make_docx(body))
    assert all(part.proven for part in tpl.parts.values())
    out = tpl.render({"xs": ["甲", "乙"]})
    assert paragraph_texts(out) == ["开始", "甲：", "说明", "乙：", "说明", "完"]


def test_loop_opened_at_the_start_of_a_paragraph_and_closed_alone() -> None:
    """The mirror case: `{% for %}` starting a paragraph, `{% endfor %}` alone later."""
    body = p("{% for x in xs %}- {{ x }}") + p("  详情") + p("{% endfor %}") + p("完")
    out = docgen.Template(make_docx(body)).render({"xs": ["甲", "乙"]})
    assert paragraph_texts(out) == ["- 甲", "  详情", "- 乙", "  详情", "完"]
