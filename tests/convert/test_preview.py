"""Page previews: one PNG per page, or one page, from a PDF or a .docx."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.convert import OfficePool, preview
from docgen.convert.preview import page_count
from docgen.exceptions import ConversionError
from tests.convert.chinese_docs import pages_document

pytestmark = pytest.mark.real

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def three_pages(office_pool: OfficePool, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A three-page PDF."""
    folder = tmp_path_factory.mktemp("pages")
    source = pages_document(folder / "三页.docx", 3)
    return office_pool.convert([source], folder).raise_for_failures().outputs[0].path


def test_every_page_becomes_a_png(three_pages: Path, tmp_path: Path) -> None:
    """Three pages, three images named NAME-1..3.png."""
    assert page_count(three_pages) == 3
    result = preview(three_pages, tmp_path, dpi=30)
    assert [p.name for p in result.paths] == ["三页-1.png", "三页-2.png", "三页-3.png"]
    assert all(p.read_bytes().startswith(PNG) for p in result.paths)


def test_one_page_only(three_pages: Path, tmp_path: Path) -> None:
    """--page 2 writes only page 2."""
    result = preview(three_pages, tmp_path, page=2, dpi=30)
    assert [p.name for p in result.paths] == ["三页-2.png"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["三页-2.png"]


def test_page_out_of_range(three_pages: Path, tmp_path: Path) -> None:
    """Asking for page 5 of 3 says how many pages there are."""
    with pytest.raises(ConversionError, match="共 3 页"):
        preview(three_pages, tmp_path, page=5)


def test_docx_is_converted_first(tmp_path: Path) -> None:
    """A .docx is turned into a PDF in a scratch folder; only the image is left behind."""
    source = pages_document(tmp_path / "一页.docx", 1)
    result = preview(source, tmp_path / "out", dpi=30)
    assert [p.name for p in result.paths] == ["一页-1.png"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["一页-1.png"]
