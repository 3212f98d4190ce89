"""Charts on the printed page: drawn by the real LibreOffice from the chart parts, measured.

One house-style document with a column chart and a pie chart, converted once. The
chart's frame is the drawing area at the size asked for; inside it the bars stand in
category order with heights in proportion to the numbers, and the slices are there.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest

import docgen
from docgen.convert import to_pdf
from docgen.style import Para, TemplateSpec, Title

pytestmark = [pytest.mark.real, pytest.mark.slow]

PT_PER_MM = 72 / 25.4
RED, ORANGE, GREY = (0.753, 0.0, 0.0), (0.941, 0.627, 0.188), (0.357, 0.42, 0.482)
ROWS = [
    {"月份": "9月", "应到": 23, "实到": 21},
    {"月份": "10月", "应到": 23, "实到": 22},
    {"月份": "11月", "应到": 24, "实到": 20},
]
VOTES = {"优秀": 15, "合格": 7, "基本合格": 1}


@dataclass(frozen=True)
class Box:
    x0: float
    top: float
    x1: float
    bottom: float

    def holds(self, obj: dict[str, float]) -> bool:
        return (
            self.x0 - 1 <= obj["x0"] and obj["x1"] <= self.x1 + 1
            and self.top - 1 <= obj["top"] and obj["bottom"] <= self.bottom + 1
        )  # fmt: skip


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[pdfplumber.page.Page]:
    """The first page of the document (fails, never skips, without LibreOffice)."""
    assert shutil.which("soffice"), "LibreOffice (soffice) is needed; see scripts/apt-packages.txt"
    spec = TemplateSpec(
        genre="tests", name="chart", kind="plain", title="图表", description="测试用模板",
        output="chart.docx", fields=("rows", "votes"),
        blocks=(
            Title("图表示例"),
            Para("{{ rows|chart('column', title='各月到会人数', category='月份') }}"),
            Para("{{ votes|chart('pie', title='民主评议结果', width=100, height=60) }}"),
        ),
    )  # fmt: skip
    blob = docgen.Template(spec.build(), "chart.docx").render(
        {"rows": ROWS, "votes": VOTES}, check=True
    )
    folder: Path = tmp_path_factory.mktemp("chart")
    source = folder / "chart.docx"
    source.write_bytes(blob)
    result = to_pdf([source], folder, workers=1)
    assert result.ok, [f.message for f in result.failures]
    with pdfplumber.open(result.outputs[0].path) as pdf:
        yield pdf.pages[0]


def _colour(obj: dict[str, object]) -> tuple[float, ...]:
    return tuple(round(float(c), 3) for c in obj.get("non_stroking_color") or ())  # type: ignore[union-attr]


def _frame(page: pdfplumber.page.Page, width_mm: float, height_mm: float) -> Box:
    """The unfilled outline LibreOffice draws around a chart of the given size."""
    for curve in page.curves:
        w = (curve["x1"] - curve["x0"]) / PT_PER_MM
        h = (curve["bottom"] - curve["top"]) / PT_PER_MM
        if not curve["fill"] and abs(w - width_mm) < 1 and abs(h - height_mm) < 1:
            return Box(curve["x0"], curve["top"], curve["x1"], curve["bottom"])
    raise AssertionError(f"no chart frame of {width_mm}×{height_mm} mm on the page")


def test_column_chart_draws_its_bars_in_proportion(page: pdfplumber.page.Page) -> None:
    """The 140 × 85 mm drawing area holds three bars per series, left to right in the
    data's order, each as tall as its number (the value axis starts at zero)."""
    frame = _frame(page, 140, 85)
    bars = [r for r in page.rects if r["fill"] and frame.holds(r)]
    for colour, series in ((RED, "应到"), (ORANGE, "实到")):
        mine = sorted((b for b in bars if _colour(b) == colour), key=lambda b: b["x0"])
        assert len(mine) == 3, series
        numbers = [row[series] for row in ROWS]
        heights = [b["height"] for b in mine]
        for height, value in zip(heights, numbers, strict=True):
            assert height / heights[0] == pytest.approx(value / numbers[0], rel=0.02)
        bottoms = {round(b["bottom"], 1) for b in mine}
        assert len(bottoms) == 1  # all stand on the same axis
    text = "".join(c["text"] for c in page.chars if frame.holds(c))
    for label in ("各月到会人数", "9月", "10月", "11月", "应到", "实到", "23", "24", "21"):
        assert label in text.replace(" ", ""), label


def test_pie_chart_draws_a_slice_per_category(page: pdfplumber.page.Page) -> None:
    """The 100 × 60 mm pie holds one filled slice in each of the three colours."""
    frame = _frame(page, 100, 60)
    slices = {_colour(c) for c in page.curves if c["fill"] and frame.holds(c)}
    assert {RED, ORANGE, GREY} <= slices
    text = "".join(c["text"] for c in page.chars if frame.holds(c))
    for label in ("民主评议结果", "优秀", "合格", "基本合格", "15", "7", "1"):
        assert label in text, label
