"""The rich sample rendered and converted once per test session (and once watermarked)."""

from __future__ import annotations

from pathlib import Path

import pytest

import docgen
from docgen.convert import to_pdf
from docgen.engine.rich.watermark import Watermark
from tests.engine.rich.pictures import seal_png
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


@pytest.fixture(scope="session")
def watermarked(rich_sample: Sample, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The two-page sample with a text, a diagonal and a picture watermark, converted at once."""
    folder = tmp_path_factory.mktemp("watermark")
    template_ = docgen.Template(template(), "rich.docx")
    marks = {
        "text": "征求意见稿",
        "diagonal": Watermark("草稿", diagonal=True),
        "picture": Watermark(image=seal_png()),
    }
    sources = []
    for name, mark in marks.items():
        blob = template_.render(DATA, check=True, images=rich_sample.images, watermark=mark)
        sources.append(folder / f"{name}.docx")
        sources[-1].write_bytes(blob)
    result = to_pdf(sources, folder, workers=1)
    assert result.ok, [f.message for f in result.failures]
    return {name: folder / f"{name}.pdf" for name in marks}
