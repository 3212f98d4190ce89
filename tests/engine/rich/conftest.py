"""The rich sample rendered and converted once per test session."""

from __future__ import annotations

import pytest

import docgen
from docgen.convert import to_pdf
from tests.engine.rich.sample import DATA, PICTURES, Sample, template


@pytest.fixture(scope="session")
def rich_sample(tmp_path_factory: pytest.TempPathFactory) -> Sample:
    """The sample rendered, checked, and converted to PDF with the real LibreOffice."""
    folder = tmp_path_factory.mktemp("rich")
    images = folder / "images"
    images.mkdir()
    for name, blob in PICTURES.items():
        (images / name).write_bytes(blob)
    blob = docgen.Template(template(), "rich.docx").render(DATA, check=True, images=images)
    source = folder / "rich.docx"
    source.write_bytes(blob)
    result = to_pdf([source], folder, workers=1)
    assert result.ok, [f.message for f in result.failures]
    return Sample(blob, result.outputs[0].path, images)
