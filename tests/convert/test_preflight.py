"""Converting a document that links outside itself: LibreOffice reads no file and no URL."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.convert import OfficePool
from docgen.convert.preflight import prepare
from tests.convert.outside import pdf_images, pdf_text, reaching_out
from tests.hostile_docx import GOOD, bad_crc

pytestmark = pytest.mark.real


def test_linked_pictures_and_fields_are_never_read(
    office_pool: OfficePool, server: tuple[str, list[str]], tmp_path: Path
) -> None:
    """Linked file: and http: pictures and an INCLUDEPICTURE: no request, no image in the PDF."""
    url, hits = server
    source = reaching_out(tmp_path, url, "转换正文")
    result = office_pool.convert([source], tmp_path / "pdf")
    assert result.ok, [f.message for f in result.failures]
    removed = [w for w in result.warnings if w.code == "external_reference_removed"]
    assert len(removed) == 3
    assert all(w.location.file == str(source) for w in removed)
    assert result.outputs[0].source == source
    pdf = result.outputs[0].path
    assert pdf.name == "外链.pdf"
    assert hits == []
    assert pdf_images(pdf) == []
    assert "转换正文" in pdf_text(pdf)


def test_damaged_document_is_refused_before_libreoffice(
    office_pool: OfficePool, tmp_path: Path
) -> None:
    """A bad CRC fails that file with a reason naming the member; no office is asked."""
    source = tmp_path / "坏.docx"
    source.write_bytes(bad_crc(GOOD, "word/document.xml"))
    result = office_pool.convert([source], tmp_path)
    (failure,) = result.failures
    assert failure.source == source
    assert "word/document.xml" in failure.message
    assert "CRC" in failure.message


def test_clean_document_is_handed_over_as_it_is(tmp_path: Path) -> None:
    """Nothing to remove: LibreOffice gets the original file, not a copy."""
    source = tmp_path / "干净.docx"
    source.write_bytes(GOOD)
    ready = prepare(source, tmp_path / "scratch")
    assert ready.path == source
    assert ready.warnings == ()
    assert not (tmp_path / "scratch").exists()
