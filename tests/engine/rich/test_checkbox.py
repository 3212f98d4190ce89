"""Checkboxes: ☑/☐ from yes/no data, plain symbols or Word content-control checkboxes."""

from __future__ import annotations

import io
import subprocess
import zipfile

import docx
import pdfplumber
import pytest
from lxml import etree

import docgen
from docgen.engine.rich import Checkbox
from docgen.engine.rich.checkbox import CHECKED, SYMBOL_FONT, UNCHECKED, as_checked
from tests.docx_builder import make_docx, p, run
from tests.engine.rich.sample import Sample

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"


def _document(blob: bytes) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(blob)).read("word/document.xml"))


@pytest.mark.parametrize(
    ("value", "ticked"),
    [(True, True), (False, False), (None, False), (1, True), (0, False), ("是", True),
     ("否", False), ("√", True), ("×", False), (" TRUE ", True), ("no", False), ("", False)],
)  # fmt: skip
def test_yes_no_values(value: object, ticked: bool) -> None:
    """The ways data says yes or no."""
    assert as_checked(value) is ticked


@pytest.mark.parametrize("value", ["ture", "可能", 2, 0.5, [1]])
def test_unreadable_values_are_errors(value: object) -> None:
    """A typo must not print an empty box: it is an error quoting the value."""
    with pytest.raises(ValueError, match="无法把"):
        as_checked(value)


def test_plain_symbols_keep_the_run_formatting_and_set_the_symbol_font() -> None:
    """☑/☐ runs keep the site's size and bold, with the symbol font in every slot."""
    rpr = '<w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:b/><w:sz w:val="32"/></w:rPr>'
    blob = make_docx(p(run("甲{{ a|checkbox }}乙{{ b|checkbox }}", rpr)))
    out = docgen.Template(blob).render({"a": True, "b": False}, check=True)
    runs = _document(out).findall(f".//{W}r")
    texts = ["".join(r.itertext()) for r in runs]
    assert [t for t in texts if t] == ["甲", CHECKED, "乙", UNCHECKED]
    for r in runs:
        if "".join(r.itertext()) in (CHECKED, UNCHECKED):
            fonts = r.find(f"{W}rPr/{W}rFonts")
            assert fonts is not None
            assert fonts.get(f"{W}eastAsia") == SYMBOL_FONT
            assert r.find(f"{W}rPr/{W}b") is not None
            assert r.find(f"{W}rPr/{W}sz").get(f"{W}val") == "32"  # type: ignore[union-attr]


def test_form_checkbox_is_a_content_control_with_state_and_name() -> None:
    """``form=true`` writes w:sdt with w14:checkbox whose state matches the shown symbol."""
    blob = make_docx(p("{% for x in items %}{{ x|checkbox(form=true, name='项') }}{% endfor %}"))
    out = docgen.Template(blob).render({"items": [True, False, "是"]}, check=True)
    assert docgen.verify_package(out) == []
    sdts = _document(out).findall(f".//{W}sdt")
    assert len(sdts) == 3
    states = [sdt.find(f".//{W14}checked").get(f"{W14}val") for sdt in sdts]  # type: ignore[union-attr]
    shown = ["".join(sdt.find(f"{W}sdtContent").itertext()) for sdt in sdts]  # type: ignore[union-attr]
    assert states == ["1", "0", "1"]
    assert shown == [CHECKED, UNCHECKED, CHECKED]
    ids = [sdt.find(f"{W}sdtPr/{W}id").get(f"{W}val") for sdt in sdts]  # type: ignore[union-attr]
    assert len(set(ids)) == 3
    assert {sdt.find(f"{W}sdtPr/{W}tag").get(f"{W}val") for sdt in sdts} == {"项"}  # type: ignore[union-attr]
    assert "项" in docx.Document(io.BytesIO(out)).paragraphs[0]._p.xml


def test_name_is_escaped_and_check_knows_the_filter() -> None:
    """A name with markup stays text; ``docgen check`` knows ``checkbox``."""
    blob = make_docx(p("{{ ok|checkbox(form=true, name=label) }}"))
    assert docgen.check_template(blob) == []
    out = docgen.Template(blob).render({"ok": True, "label": 'a"<b>&'}, check=True)
    tag = _document(out).find(f".//{W}tag")
    assert tag is not None
    assert tag.get(f"{W}val") == 'a"<b>&'


def test_in_document_properties_it_is_the_symbol_text() -> None:
    """Where only text can stand (an attribute, a property) the symbol is plain text."""
    assert str(Checkbox("是")) == CHECKED
    blob = make_docx(p("x"), title="{{ ok|checkbox }} 已审")
    out = docgen.Template(blob).render({"ok": True}, check=True)
    core = zipfile.ZipFile(io.BytesIO(out)).read("docProps/core.xml").decode()
    assert f"{CHECKED} 已审" in core


@pytest.mark.real
def test_symbols_in_the_pdf_in_order_in_a_font_that_has_them(rich_sample: Sample) -> None:
    """The PDF text has ☑ ☐ ☑ after their labels, each set in a font that draws it."""
    text = subprocess.run(
        ["pdftotext", str(rich_sample.pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    line = f"学习已完成{CHECKED}，材料未交{UNCHECKED}，同意公示{CHECKED}。"
    assert line in text.replace("\n", "")
    with pdfplumber.open(rich_sample.pdf) as pdf:
        boxes = [c for c in pdf.pages[0].chars if c["text"] in (CHECKED, UNCHECKED)]
    assert len(boxes) == 3
    for box in boxes:
        assert "Fandol" not in box["fontname"], box["fontname"]  # the body font has no ☑
        assert box["x1"] - box["x0"] > 8  # drawn at body size, not a zero-width fallback
