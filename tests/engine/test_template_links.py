"""A template whose relationships point at missing parts is reported before any render."""

from __future__ import annotations

import io
import zipfile

import pytest

import docgen
from tests.docx_builder import make_docx, p


def _with_broken_link() -> bytes:
    source = make_docx(p("{{ a }}"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as zin, zipfile.ZipFile(buffer, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            if name == "word/_rels/document.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/image" Target="media/gone.png"/>'
                    b"</Relationships>",
                )
            zout.writestr(name, data)
    return buffer.getvalue()


def test_check_template_reports_broken_relationship() -> None:
    """check_template names the relationship and its missing target."""
    problems = docgen.check_template(_with_broken_link())
    codes = [(pr.code, pr.location.part) for pr in problems]
    assert ("broken_relationship", "word/_rels/document.xml.rels") in codes
    assert any("media/gone.png" in pr.message for pr in problems)


def test_render_refuses_template_with_broken_relationship() -> None:
    """Rendering such a template raises instead of writing a broken document."""
    with pytest.raises(docgen.TemplateSyntaxError):
        docgen.Template(_with_broken_link()).render({"a": 1})


def test_sound_template_has_no_link_problems() -> None:
    """A template whose links all resolve reports nothing."""
    assert docgen.check_template(make_docx(p("{{ a }}"))) == []
