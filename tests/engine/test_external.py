"""References outside the document: reported by check, refused or removed by render."""

from __future__ import annotations

import io
import zipfile

import pytest

import docgen
from docgen.engine.external import find_references, neutralised
from docgen.engine.package import Package
from docgen.exceptions import TemplateSyntaxError
from tests.docx_builder import make_docx, p, paragraph_texts
from tests.hostile_docx import (
    field,
    hyperlink,
    linked_picture,
    with_attached_template,
    with_references,
)

SECRET = "file:///etc/docgen-secret.png"  # noqa: S105 -- a file URL, not a password
PIXEL = "http://127.0.0.1:9/pixel.png"

REFUSED = [
    pytest.param(
        with_references(p("{{ a }}") + linked_picture("rIdL", 5), ("rIdL", "image", SECRET)),
        "image",
        id="linked-image-file",
    ),
    pytest.param(
        with_references(p("{{ a }}") + linked_picture("rIdL", 5), ("rIdL", "image", PIXEL)),
        "image",
        id="linked-image-http",
    ),
    pytest.param(
        with_references(p("{{ a }}") + field(f'INCLUDEPICTURE "{PIXEL}" \\d')),
        "INCLUDEPICTURE",
        id="includepicture",
    ),
    pytest.param(
        with_references(p("{{ a }}") + field('INCLUDETEXT "C:\\\\secret.docx"')),
        "INCLUDETEXT",
        id="includetext",
    ),
    pytest.param(
        with_references(p("{{ a }}"), ("rIdD", "subDocument", "file:///srv/other.docx")),
        "subDocument",
        id="subdocument",
    ),
    pytest.param(
        with_references(p("{{ a }}") + hyperlink("rIdH", "本机"), ("rIdH", "hyperlink", SECRET)),
        "hyperlink",
        id="file-hyperlink",
    ),
]


@pytest.mark.parametrize(("blob", "kind"), REFUSED)
def test_outside_reference_is_a_check_error_and_render_refuses(blob: bytes, kind: str) -> None:
    """check lists the reference as an error with its kind; render refuses (exit 3)."""
    problems = docgen.check_template(blob)
    errors = [x for x in problems if x.severity == "error"]
    assert [x.code for x in errors] == ["external_reference"]
    assert kind in errors[0].message
    with pytest.raises(TemplateSyntaxError) as info:
        docgen.Template(blob, "外链.docx").render({"a": "x"})
    assert info.value.exit_code == 3
    assert "外链.docx" in str(info.value)
    assert kind in str(info.value)


def test_web_hyperlink_is_a_warning_and_kept_only_when_asked() -> None:
    """A https hyperlink is a warning in check; render keeps its text and drops the link
    unless ``keep_web_links`` is given."""
    blob = with_references(
        p("{{ a }}") + hyperlink("rIdH", "党建网"), ("rIdH", "hyperlink", "https://example.org/")
    )
    (warning,) = docgen.check_template(blob)
    assert (warning.code, warning.severity) == ("external_hyperlink", "warning")
    template = docgen.Template(blob, "链接.docx")
    for keep in (False, True):
        out = template.render({"a": "x"}, keep_web_links=keep)
        assert paragraph_texts(out) == ["x", "党建网"]
        with zipfile.ZipFile(io.BytesIO(out)) as zf:
            rels = zf.read("word/_rels/document.xml.rels")
        assert (b"https://example.org/" in rels) is keep


def test_attached_template_is_removed_on_render() -> None:
    """An attachedTemplate on the author's disk is a warning, and gone from the output."""
    blob = with_attached_template(make_docx(p("{{ a }}")), "file:///C:/Users/x/公文.dotx")
    (warning,) = docgen.check_template(blob)
    assert warning.code == "attached_template"
    out = docgen.Template(blob).render({"a": "正文"})
    assert find_references(Package("out.docx", out)) == []
    with zipfile.ZipFile(io.BytesIO(out)) as zf:
        assert b"attachedTemplate" not in zf.read("word/settings.xml")
        assert b"dotx" not in zf.read("word/_rels/settings.xml.rels")
    assert docgen.verify_package(out) == []


def test_ordinary_fields_are_not_references() -> None:
    """PAGE and a HYPERLINK to a bookmark in the document are no reference."""
    blob = with_references(p("{{ a }}") + field("PAGE") + field('HYPERLINK \\l "第一节"'))
    assert find_references(Package("t.docx", blob)) == []


def test_hyperlink_fields_are_links_by_their_address() -> None:
    """A HYPERLINK field to the web is a web link (a warning); to file: it is an error."""
    blob = with_references(
        p("{{ a }}")
        + field('HYPERLINK \\o "提示" "https://x.org/rd"')
        + field("HYPERLINK file:///etc/hostname")
    )
    refs = find_references(Package("t.docx", blob))
    assert [(r.kind, r.target, r.web_link) for r in refs] == [
        ("hyperlink", "https://x.org/rd", True),
        ("hyperlink", "file:///etc/hostname", False),
    ]
    assert [r.problem("t.docx").severity for r in refs] == ["warning", "error"]
    copy, removed = neutralised(Package("t.docx", blob))
    assert [r.target for r in removed] == ["file:///etc/hostname"]
    assert [r.target for r in find_references(Package("copy.docx", copy))] == ["https://x.org/rd"]


def test_neutralised_copy_keeps_text_and_web_links_only() -> None:
    """The copy for conversion drops linked pictures and including fields, keeps the rest."""
    blob = with_references(
        p("正文") + linked_picture("rIdL", 5) + field(f'INCLUDEPICTURE "{PIXEL}"')
        + hyperlink("rIdH", "网站"),
        ("rIdL", "image", SECRET),
        ("rIdH", "hyperlink", "https://example.org/"),
    )  # fmt: skip
    copy, removed = neutralised(Package("t.docx", blob))
    assert sorted(r.kind for r in removed) == ["INCLUDEPICTURE 域", "image"]
    remaining = find_references(Package("copy.docx", copy))
    assert [(r.kind, r.web_link) for r in remaining] == [("hyperlink", True)]
    assert "正文" in paragraph_texts(copy)
