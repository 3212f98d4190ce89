"""Shared, expensive things for the conversion tests: one warm pool and one converted PDF."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from docgen.convert import ConversionResult, OfficePool
from docgen.i18n import set_language
from tests.convert.chinese_docs import house_document
from tests.convert.outside import counting_server


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    """Messages in Chinese (the default) whatever DOCGEN_LANG says."""
    set_language("zh")
    yield
    set_language(None)


@pytest.fixture(scope="session")
def office_pool() -> Iterator[OfficePool]:
    """Two warm offices shared by the PDF tests of this process."""
    with OfficePool(2) as pool:
        yield pool


@pytest.fixture(scope="session")
def house_pdf(
    office_pool: OfficePool, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, ConversionResult]:
    """The house-style sample converted once: (the PDF, the conversion result)."""
    folder = tmp_path_factory.mktemp("house")
    source = house_document(folder / "支部 学习, 意见.docx")  # space and comma: pipe escaping
    result = office_pool.convert([source], folder / "pdf")
    assert result.ok, [f.message for f in result.failures]
    return result.outputs[0].path, result


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    """A web server on 127.0.0.1 that serves a picture and records every request."""
    with counting_server() as served:
        yield served
