"""verify_package on hand-built packages: parse errors, duplicate ids, broken relationships."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

import docgen
from docgen.engine import ooxml, zipout
from docgen.engine.verify import check_parts
from tests.docx_builder import make_docx, p
from tests.hostile_docx import DTD_DOCUMENT, MB, bad_crc, lying_member, with_entries

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
BASE = make_docx(p("正文"), header=p("页眉"))


def patched(changes: dict[str, str | bytes]) -> bytes:
    """``BASE`` with some members replaced or added."""
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(BASE)) as src, zipfile.ZipFile(buf, "w") as dst:
        for name in src.namelist():
            if name not in changes:
                dst.writestr(name, src.read(name))
        for name, data in changes.items():
            dst.writestr(name, data)
    return buf.getvalue()


def drawing(shape_id: int) -> str:
    """A paragraph holding a minimal inline drawing with the given docPr id."""
    return (
        '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="1" cy="1"/>'
        f'<wp:docPr id="{shape_id}" name="p{shape_id}"/></wp:inline></w:drawing></w:r></w:p>'
    )


def document(body: str) -> bytes:
    """The document.xml of a package with ``body``."""
    with zipfile.ZipFile(io.BytesIO(make_docx(body))) as zf:
        return zf.read("word/document.xml")


def rels(*targets: tuple[str, str]) -> str:
    """A document relationship part with (target, mode) pairs."""
    items = "".join(
        f'<Relationship Id="rId{i}" Type="{R_NS}/image" Target="{t}"'
        + (f' TargetMode="{mode}"' if mode else "")
        + "/>"
        for i, (t, mode) in enumerate(targets, 10)
    )
    header = f'<Relationship Id="rId1" Type="{R_NS}/header" Target="header1.xml"/>'
    return f'<Relationships xmlns="{RELS_NS}">{header}{items}</Relationships>'


def test_sound_package_has_no_problems() -> None:
    """A well-formed package with resolvable relationships passes."""
    assert docgen.verify_package(BASE) == []


@pytest.mark.parametrize(
    ("changes", "codes"),
    [
        pytest.param(
            {"word/document.xml": b"<w:document><broken"},
            ["part_not_well_formed"],
            id="body-does-not-parse",
        ),
        pytest.param(
            {"word/header1.xml": b"<a><b></a>"},
            ["part_not_well_formed"],
            id="header-does-not-parse",
        ),
        pytest.param(
            {"word/_rels/document.xml.rels": b"<Relationships"},
            ["part_not_well_formed"],
            id="rels-do-not-parse",
        ),
        pytest.param(
            {"word/_rels/document.xml.rels": rels(("media/none.png", ""))},
            ["broken_relationship"],
            id="missing-target",
        ),
        pytest.param(
            {"word/_rels/document.xml.rels": rels(("../word/media/none.png", ""))},
            ["broken_relationship"],
            id="missing-relative-target",
        ),
        pytest.param(
            {"word/_rels/document.xml.rels": rels(("/word/media/none.png", ""))},
            ["broken_relationship"],
            id="missing-absolute-target",
        ),
        pytest.param(
            {"word/_rels/document.xml.rels": rels(("https://x.example/a.png", "External"))},
            [],
            id="external-target-ignored",
        ),
        pytest.param(
            {"word/_rels/document.xml.rels": rels(("media/a.png", "")), "word/media/a.png": b"png"},
            [],
            id="existing-target",
        ),
        pytest.param(
            {
                "word/_rels/document.xml.rels": rels(("../word/media/a.png", "")),
                "word/media/a.png": b"png",
            },
            [],
            id="existing-relative-target",
        ),
        pytest.param(
            {"word/document.xml": document(drawing(7) + drawing(7))},
            ["duplicate_docpr_id"],
            id="duplicate-docpr",
        ),
        pytest.param(
            {
                "word/document.xml": document(drawing(7)),
                "word/header1.xml": (
                    '<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
                    + drawing(7)
                    + "</w:hdr>"
                ),
            },
            ["duplicate_docpr_id"],
            id="duplicate-docpr-across-parts",
        ),
        pytest.param(
            {"word/document.xml": document(drawing(7) + drawing(8))}, [], id="distinct-docpr"
        ),
        pytest.param(
            {
                "word/document.xml": document(
                    '<w:p><w:bookmarkStart w:id="3" w:name="a"/><w:bookmarkEnd w:id="3"/>'
                    '<w:bookmarkStart w:id="3" w:name="b"/><w:bookmarkEnd w:id="3"/></w:p>'
                )
            },
            ["duplicate_bookmark_id"],
            id="duplicate-bookmark",
        ),
    ],
)
def test_verify_package_flags(changes: dict[str, str | bytes], codes: list[str]) -> None:
    """Each kind of damage is reported under its code; sound variants report nothing."""
    problems = docgen.verify_package(patched(changes))
    assert [x.code for x in problems] == codes


def test_broken_relationship_names_part_and_target() -> None:
    """A broken relationship's problem names its rels part, id and target."""
    (problem,) = docgen.verify_package(
        patched({"word/_rels/document.xml.rels": rels(("media/none.png", ""))})
    )
    assert problem.location.part == "word/_rels/document.xml.rels"
    assert "rId10" in problem.message_en
    assert "media/none.png" in problem.message_en


def test_duplicate_footnote_ids_flagged() -> None:
    """Two footnotes with one id are reported."""
    notes = (
        '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:footnote w:id="1"><w:p/></w:footnote><w:footnote w:id="1"><w:p/></w:footnote>'
        "</w:footnotes>"
    )
    problems = docgen.verify_package(patched({"word/footnotes.xml": notes}))
    assert [x.code for x in problems] == ["duplicate_footnote_id"]


def test_check_parts_only_parses_xml_parts() -> None:
    """check_parts parses .xml and .rels members and ignores media."""
    problems = check_parts(
        {"word/a.xml": b"<a>", "word/media/x.png": b"<not xml", "b.rels": b"<r/>"}
    )
    assert [(x.code, x.location.part) for x in problems] == [("part_not_well_formed", "word/a.xml")]


def test_parser_never_resolves_external_entities(tmp_path: Path) -> None:
    """The hardened parser leaves an external entity unresolved: no file content leaks in."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    evil = f'<!DOCTYPE a [<!ENTITY x SYSTEM "{secret.as_uri()}">]><a>&x;</a>'.encode()
    assert b"TOP-SECRET" not in etree.tostring(ooxml.parse(evil))


@pytest.mark.parametrize(
    ("damage", "code"),
    [
        pytest.param(lambda b: bad_crc(b, "word/document.xml"), "bad_crc", id="bad-crc"),
        pytest.param(lambda b: b[: len(b) // 2], "not_a_zip", id="truncated"),
        pytest.param(
            lambda b: with_entries(b, lying_member("word/media/image1.png", MB, 16 * MB)),
            "member_size_mismatch",
            id="lying-media",
        ),
        pytest.param(
            lambda b: with_entries(b, *[zipout.deflated_entry("word/x.xml", b"<x/>")] * 2),
            "duplicate_member",
            id="duplicate-member",
        ),
        pytest.param(
            lambda b: with_entries(b, zipout.deflated_entry("word/x.xml", DTD_DOCUMENT + b"<x/>")),
            "dtd_in_part",
            id="dtd",
        ),
    ],
)
def test_damaged_zip_is_reported_not_raised(damage: Callable[[bytes], bytes], code: str) -> None:
    """verify_package reports zip-level damage as a problem instead of raising BadZipFile."""
    problems = docgen.verify_package(damage(BASE))
    assert [x.code for x in problems] == [code]
