"""The 影像资料页 printed: 2, 4 or 6 photos a page, each in its grid cell, measured on the PDF."""

from __future__ import annotations

import io
import itertools
import re
import shutil
import zipfile
from pathlib import Path

import pdfplumber
import pytest

import docgen
from docgen.style.photos import LAYOUTS, Layout
from tests.style.printed import convert

ROOT = Path(__file__).resolve().parents[2]
MINUTES = ROOT / "fixtures/school/xxgc-jg1/2026/minutes"
SAMPLE = MINUTES / "2026-11-zhuti-dangri.yaml"
MM = 72 / 25.4
#: The GB/T 9704 type area: 156 mm wide from 28 mm, 225 mm high from 37 mm.
LEFT, TOP, WIDTH, HEIGHT = 28.0, 37.0, 156.0, 225.0


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    """The sample record's six photos printed in each layout (one LibreOffice batch)."""
    folder = tmp_path_factory.mktemp("photos")
    blobs = {}
    for layout in LAYOUTS:
        record = folder / f"r{layout.per_page}"
        shutil.copytree(MINUTES / "photos", record / "photos")
        text = SAMPLE.read_text(encoding="utf-8").replace(
            "photos_per_page: 4", f"photos_per_page: {layout.per_page}"
        )
        text = text.replace("branch: xxgc-jg1", "branch: 中共星河大学信息工程学院教工第一党支部")
        (record / "rec.yaml").write_text(text, encoding="utf-8")
        blob = docgen.render("reports/yingxiang-ziliao", record / "rec.yaml", deterministic=True)
        blobs[str(layout.per_page)] = blob
    return {int(k): v for k, v in convert(blobs, folder / "out").items()}


def _images(pdf: Path) -> list[list[tuple[float, float, float, float]]]:
    """Per page, each picture's (x0, top, width, height) in mm."""
    with pdfplumber.open(pdf) as doc:
        return [
            [(i["x0"] / MM, i["top"] / MM, i["width"] / MM, i["height"] / MM) for i in page.images]
            for page in doc.pages
        ]


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda lay: f"{lay.per_page}-a-page")
def test_photos_sit_in_their_grid_cells(printed: dict[int, Path], layout: Layout) -> None:
    pages = _images(printed[layout.per_page])
    counts = [len(p) for p in pages]
    expected = [layout.per_page] * (6 // layout.per_page) + (
        [6 % layout.per_page] if 6 % layout.per_page else []
    )
    assert counts == expected, counts
    column = WIDTH / layout.columns
    centres = [LEFT + column * (n + 0.5) for n in range(layout.columns)]
    box_w, box_h = layout.box_mm
    for page in pages:
        rows: dict[int, list[float]] = {}
        for n, (x0, top, w, h) in enumerate(page):
            # Fitted into its box, aspect kept (one side fills it), inside the type area.
            assert w <= box_w + 0.3, (w, h)
            assert h <= box_h + 0.3, (w, h)
            assert abs(w - box_w) < 0.3 or abs(h - box_h) < 0.3, (w, h)
            assert x0 >= LEFT - 0.5
            assert x0 + w <= LEFT + WIDTH + 0.5
            assert top >= TOP - 0.5
            assert top + h <= TOP + HEIGHT + 0.5
            # Centred in its column, in reading order (left to right, then down).
            assert abs(x0 + w / 2 - centres[n % layout.columns]) < 1.0, (n, x0, w)
            rows.setdefault(n // layout.columns, []).append(top)
        tops = [min(r) for _, r in sorted(rows.items())]
        assert tops == sorted(tops)
        for r in rows.values():
            assert max(r) - min(r) < 0.5  # a row's pictures start on one line
        if len(tops) > 1:
            pitch = {round(b - a) for a, b in itertools.pairwise(tops)}
            assert len(pitch) == 1  # a regular grid whatever the pictures' shapes


def test_the_first_page_carries_the_title_and_the_intro(printed: dict[int, Path]) -> None:
    with pdfplumber.open(printed[4]) as doc:
        first = re.sub(r"\s", "", doc.pages[0].extract_text())
        second = re.sub(r"\s", "", doc.pages[1].extract_text())
    assert "主题党日活动影像资料" in first
    assert "共6张照片。" in first
    assert "内容：党员活动站重温入党誓词" in first
    assert "影像资料" not in second  # later pages hold photos only
    assert "内容：通报支部工作并收缴党费" in second


def test_alternative_text_is_the_caption() -> None:
    blob = docgen.render("reports/yingxiang-ziliao", SAMPLE, deterministic=True)
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    descr = re.findall(r'<wp:docPr [^>]*descr="([^"]*)"', xml)
    assert len(descr) == 6
    assert descr[0] == "党员活动站重温入党誓词，2026年11月18日 14:30，学生公寓5号楼党员活动站"
    assert not any("签名" in d for d in descr)
