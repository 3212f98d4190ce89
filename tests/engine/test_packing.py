"""Relationships and content types a render adds: written into the parts' bytes, the same
parts (canonically) as parsing and writing them (docgen.engine.packing)."""

from __future__ import annotations

import pytest
from lxml import etree

from docgen.engine import packing
from docgen.engine.ooxml import CT, PKG_RELS

DECL = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
RELS = {
    "usual": f'{DECL}<Relationships xmlns="{PKG_RELS}"><Relationship Id="rId1" Type="t/styles" '
    'Target="styles.xml"/><Relationship Id="rId2" Type="t/x" Target="a&amp;b.xml"/>'
    "</Relationships>\n",
    "empty": f'<Relationships xmlns="{PKG_RELS}"/>',
    "single quotes": f"{DECL}<Relationships xmlns='{PKG_RELS}'><Relationship Id='rId5' "
    "Type='t/x' Target='x.xml'/></Relationships>",
    "prefixed": f'<pr:Relationships xmlns:pr="{PKG_RELS}"><pr:Relationship Id="rId5" '
    'Type="t/x" Target="x.xml"/></pr:Relationships>',
}
TYPES = {
    "usual": f'{DECL}<Types xmlns="{CT}"><Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="PNG" ContentType="image/png"/><Override PartName="/word/document.xml" '
    'ContentType="d"/></Types>',
    "prefixed": f'<ct:Types xmlns:ct="{CT}"><ct:Default Extension="xml" ContentType="x"/>'
    "</ct:Types>",
}
WANTED = [
    ("rId5", "t/image", "media/a.png"),
    ("rId9", "t/chart", 'charts/c"1&.xml'),
    ("rId2", "t/x", "a&b.xml"),  # present already: not added twice
]


def canonical(xml: bytes) -> bytes:
    return etree.tostring(etree.fromstring(xml), method="c14n")


@pytest.mark.parametrize("name", list(RELS))
def test_relationships_as_the_parsed_path_writes_them(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    xml = RELS[name].encode()
    written = packing._with_rels(xml, WANTED)
    monkeypatch.setattr(packing, "_appended", lambda *_args: None)
    assert canonical(written) == canonical(packing._with_rels(xml, WANTED))
    root = etree.fromstring(written)
    ids = [el.get("Id") for el in root]
    assert len(ids) == len(set(ids))
    assert 'charts/c"1&.xml' in [el.get("Target") for el in root]


class _Package:
    def __init__(self, types: bytes) -> None:
        self.types = types

    def read(self, name: str) -> bytes:
        assert name == "[Content_Types].xml"
        return self.types


@pytest.mark.parametrize("name", list(TYPES))
def test_content_types_as_the_parsed_path_writes_them(name: str) -> None:
    xml = TYPES[name].encode()
    edits = packing.PackageEdits(
        media={
            "word/media/a.png": ("png", b"", "image/png"),
            "word/media/b.gif": ("gif", b"", "image/gif"),
            "word/media/c.jpeg": ("jpeg", b"", "image/jpeg"),
        },
        parts={
            "word/charts/c1.xml": ("chart+xml", b""),
            "word/charts/_rels/c1.xml.rels": ("", b""),
        },
    )
    written = packing._with_types(_Package(xml), edits)  # type: ignore[arg-type]
    assert canonical(written) == canonical(packing._with_types_parsed(xml, edits))
    root = etree.fromstring(written)
    defaults = [el.get("Extension") for el in root if el.tag == f"{{{CT}}}Default"]
    assert defaults.count("png") + defaults.count("PNG") == 1  # known in any case: not twice
    assert "gif" in defaults
    assert [el.get("PartName") for el in root if el.tag == f"{{{CT}}}Override"][-1] == (
        "/word/charts/c1.xml"
    )


@pytest.mark.parametrize("name", list(TYPES))
def test_an_override_as_the_parsed_path_writes_it(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    xml = TYPES[name].encode()
    written = packing.add_override(xml, "word/header9.xml", "header+xml")
    monkeypatch.setattr(packing, "_appended", lambda *_args: None)
    assert canonical(written) == canonical(
        packing.add_override(xml, "word/header9.xml", "header+xml")
    )


@pytest.mark.parametrize("name", list(RELS))
def test_relationship_ids_from_the_bytes_or_parsed(name: str) -> None:
    xml = RELS[name].encode()
    assert packing.relationship_ids(xml) == {el.get("Id") for el in etree.fromstring(xml)}
