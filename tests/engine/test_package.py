"""Reading a .docx package once: members, raw bytes, content types, story parts, size bounds."""

from __future__ import annotations

import io
import zipfile

import pytest

import docgen
from docgen.engine import package as package_module
from docgen.engine.package import Package, rels_name
from docgen.exceptions import TemplateError
from tests.docx_builder import make_docx, p

DOCX = make_docx(p("{{ a }}"), header=p("h"), footer=p("f"), title="t")


def rezip(
    blob: bytes,
    extra: dict[str, bytes] | None = None,
    drop: str | None = None,
    method: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """Rewrite a zip with every member compressed by ``method``, adding or dropping members."""
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blob)) as src, zipfile.ZipFile(buf, "w", method) as dst:
        for name in src.namelist():
            if name != drop:
                dst.writestr(name, src.read(name))
        for name, data in (extra or {}).items():
            dst.writestr(name, data)
    return buf.getvalue()


def test_members_in_order_with_content() -> None:
    """Members keep zip order; read() returns each member's uncompressed content."""
    pkg = Package("t.docx", DOCX)
    with zipfile.ZipFile(io.BytesIO(DOCX)) as zf:
        assert [m.name for m in pkg.members] == zf.namelist()
        for name in zf.namelist():
            assert pkg.read(name) == zf.read(name)
    assert pkg.has("word/document.xml")
    assert not pkg.has("word/nothing.xml")


@pytest.mark.parametrize("method", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_members_readable_for_both_methods(method: int) -> None:
    """Stored and deflated members both read back."""
    blob = rezip(DOCX, method=method)
    pkg = Package("t.docx", blob)
    assert b"{{ a }}" in pkg.read("word/document.xml")
    assert pkg.member("word/document.xml").info.compress_type == method


def test_story_parts_and_main_part() -> None:
    """Body, header, footer and core properties are story parts, each with its kind."""
    pkg = Package("t.docx", DOCX)
    assert sorted(pkg.story_parts()) == [
        ("docProps/core.xml", "properties"),
        ("word/document.xml", "document"),
        ("word/footer1.xml", "footer"),
        ("word/header1.xml", "header"),
    ]
    assert pkg.main_part() == "word/document.xml"


def test_content_types_from_defaults_and_overrides() -> None:
    """Override beats Default; a Default applies by extension (case-insensitive)."""
    pkg = Package("t.docx", rezip(DOCX, extra={"word/Extra.XML": b"<x/>"}))
    assert pkg.content_types["word/Extra.XML"] == "application/xml"
    assert pkg.content_types["word/_rels/document.xml.rels"].endswith("relationships+xml")
    assert pkg.content_types["word/document.xml"].endswith("document.main+xml")


def test_directory_entries_are_skipped() -> None:
    """Directory entries in the zip are not members."""
    blob = rezip(DOCX, extra={"word/media/": b""})
    assert "word/media/" not in [m.name for m in Package("t.docx", blob).members]


@pytest.mark.parametrize(
    ("part", "expected"),
    [
        ("word/document.xml", "word/_rels/document.xml.rels"),
        ("word/header1.xml", "word/_rels/header1.xml.rels"),
        ("docProps/core.xml", "docProps/_rels/core.xml.rels"),
    ],
)
def test_rels_name(part: str, expected: str) -> None:
    """Each part's relationships live in _rels/<name>.rels next to it."""
    assert rels_name(part) == expected


@pytest.mark.parametrize(
    "blob",
    [
        pytest.param(b"plain text, not a zip", id="not-zip"),
        pytest.param(rezip(DOCX, drop="[Content_Types].xml"), id="no-content-types"),
    ],
)
def test_not_a_docx_is_template_error(blob: bytes) -> None:
    """Bytes that are not a zip, or a zip without content types, raise TemplateError."""
    with pytest.raises(TemplateError) as info:
        Package("bad.docx", blob)
    assert "bad.docx" in str(info.value)


def test_no_main_part_is_template_error() -> None:
    """A package whose content types name no document part has no main part."""
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(DOCX)) as src, zipfile.ZipFile(buf, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"nothing+xml")
            dst.writestr(name, data)
    with pytest.raises(TemplateError):
        Package("t.docx", buf.getvalue()).main_part()


def test_zip_bomb_ratio_refused() -> None:
    """A member that expands far beyond the allowed ratio is refused before it is read."""
    bomb = rezip(DOCX, extra={"word/bomb.xml": b"\x00" * 5_000_000})
    with pytest.raises(TemplateError):
        Package("bomb.docx", bomb)
    with pytest.raises(TemplateError):
        docgen.Template(bomb)


def test_too_many_members_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """More members than the bound is refused."""
    monkeypatch.setattr(package_module, "MAX_MEMBERS", 3)
    with pytest.raises(TemplateError):
        Package("many.docx", DOCX)


def test_unsupported_compression_is_template_error() -> None:
    """A member compressed with a method other than stored/deflate is refused, by name, on load."""
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(DOCX)) as src, zipfile.ZipFile(buf, "w") as dst:
        for name in src.namelist():
            dst.writestr(name, src.read(name), compress_type=zipfile.ZIP_DEFLATED)
        dst.writestr("word/styles.xml", "<styles/>" * 10, compress_type=zipfile.ZIP_BZIP2)
    with pytest.raises(TemplateError, match=r"word/styles\.xml"):
        Package("t.docx", buf.getvalue())


def test_local_extra_field_is_skipped() -> None:
    """Raw bytes are located past the local header's own extra field."""
    buf = io.BytesIO()
    with (
        zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst,
        zipfile.ZipFile(io.BytesIO(DOCX)) as src,
    ):
        for name in src.namelist():
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.extra = b"\xfe\xca\x04\x00abcd"
            dst.writestr(info, src.read(name))
    pkg = Package("t.docx", buf.getvalue())
    assert b"{{ a }}" in pkg.read("word/document.xml")
    assert docgen.Template(buf.getvalue()).render({"a": "ok"})
