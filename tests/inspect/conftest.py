"""Fixtures for the inspection tests: messages in Chinese, the shared converted PDFs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from docgen.i18n import set_language
from tests.inspect.house_docx import shared_pdfs


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    """Messages in Chinese (the default) whatever DOCGEN_LANG says."""
    set_language("zh")
    yield
    set_language(None)


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The house-style test documents as PDFs, converted once by LibreOffice for the session."""
    return shared_pdfs(tmp_path_factory)
