"""The 附件 label and the 附件说明 measured on the PDF (GB/T 9704 §7.3.4, §7.3.7).

The sample 整改 data is rendered three ways and converted in one LibreOffice batch: the
landscape 整改台账 as the only attachment (label “附件”), the portrait 整改方案 as the second
one (“附件2”), and the 整改方案 as a parent listing a long 台账 title and a short name in its
附件说明. Each PDF also passes ``docgen inspect`` with its .docx (no character lost).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import docgen
from docgen.fonts.mapping import stand_in
from docgen.inspect import inspect_pdf
from docgen.library import find_template
from docgen.style.house import DEFAULT_STYLE
from docgen.views import context_for
from docgen.views.common import attachment_note
from tests.style.printed import PrintedLine, convert, printed_lines

pytestmark = pytest.mark.real

DATA = Path(__file__).resolve().parents[2] / "fixtures/school/xxgc-jg1/2026/rectification.yaml"
#: A 台账 title long enough to wrap in the 附件说明 (the known bad case: wrapped lines must
#: stand under the name, not under “附件：” or the margin).
LONG = "中共星河大学信息工程学院教工第一党支部2026年度组织生活会查摆问题整改落实情况台账"
PITCH = DEFAULT_STYLE.line_pt
PT_PER_MM = 72 / 25.4


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, list[PrintedLine]]]:
    """``ledger``/``plan``/``parent`` → (the .docx, the PDF's lines)."""
    context = context_for(docgen.load_data(DATA))
    ledger = docgen.load(find_template("plans/zhenggai-taizhang"))
    plan = docgen.load(find_template("plans/zhenggai-fangan"))
    blobs = {
        "ledger": ledger.render({**context, "attachment_label": "附件"}),
        "plan": plan.render({**context, "attachment_label": "附件2"}),
        "parent": plan.render(
            {**context, "attachment_note": attachment_note([LONG, "学习安排表"])}
        ),
    }
    folder = tmp_path_factory.mktemp("attachments")
    pdfs = convert(blobs, folder)
    return {k: (folder / f"{k}.docx", list(printed_lines(pdf))) for k, pdf in pdfs.items()}


def _label_and_title(lines: list[PrintedLine]) -> tuple[PrintedLine, PrintedLine]:
    first = [ln for ln in lines if ln.page == 1]
    return first[0], first[1]


def _line_index(line: PrintedLine, top_mm: float) -> int:
    """Which line of the type area (0 for the first) holds ``line``'s baseline."""
    return int((line.top - top_mm * PT_PER_MM) // PITCH)


@pytest.mark.parametrize(
    ("name", "label", "landscape"), [("ledger", "附件", True), ("plan", "附件2", False)]
)
def test_label_heiti_top_left_and_title_on_line_three(
    printed: dict[str, tuple[Path, list[PrintedLine]]], name: str, label: str, landscape: bool
) -> None:
    """“附件”/“附件2” in 16 pt of the family 黑体 prints in on Linux, at the left margin on
    the first line; the title two line pitches lower, on the third line."""
    _, lines = printed[name]
    head, title = _label_and_title(lines)
    assert head.text == label
    family = stand_in(DEFAULT_STYLE.label_font)
    assert family is not None
    assert all(g.font.split("+")[-1].startswith(family) for g in head.glyphs), head.glyphs
    assert all(abs(g.size - 16) < 0.05 for g in head.glyphs)
    margins = DEFAULT_STYLE.landscape_margins() if landscape else DEFAULT_STYLE.margins
    assert abs(head.x0 - margins.left * PT_PER_MM) < 0.5
    assert _line_index(head, margins.top) == 0
    assert _line_index(title, margins.top) == 2
    # Baselines two pitches apart, plus what the larger title face sits lower in its line
    # (the lines' baselines are read to the nearest point, hence the 1 pt below).
    assert 2 * PITCH - 1 <= title.top - head.top <= 2 * PITCH + (title.size - head.size)
    assert title.size == DEFAULT_STYLE.title_pt


def test_note_lists_names_in_order_with_hanging_indent(
    printed: dict[str, tuple[Path, list[PrintedLine]]],
) -> None:
    """The parent's 附件说明: “附件：1.” two characters in, the long name's wrapped line under
    its first character, “2.” under the “1.”, the names in order."""
    _, lines = printed["parent"]
    start = next(i for i, ln in enumerate(lines) if ln.text.startswith("附件："))
    first, wrapped, second = lines[start : start + 3]
    assert (first.text + wrapped.text).replace("附件：1.", "", 1) == LONG
    assert second.text == "2.学习安排表"
    left = DEFAULT_STYLE.margins.left * PT_PER_MM
    assert abs(first.x0 - left - 2 * 16) < 0.5
    name_x = next(g.x0 for g in first.glyphs if g.text == LONG[0])
    assert abs(wrapped.x0 - name_x) < 0.3
    assert abs(second.glyphs[2].x0 - name_x) < 0.3  # 学 under 中
    number_x = next(g.x0 for g in first.glyphs if g.text == "1")
    assert abs(second.x0 - number_x) < 0.5
    assert second.top - wrapped.top == pytest.approx(PITCH, abs=1)


@pytest.mark.parametrize("name", ["ledger", "plan", "parent"])
def test_inspect_passes(printed: dict[str, tuple[Path, list[PrintedLine]]], name: str) -> None:
    """``docgen inspect`` with the .docx: every character printed, the layout as GB/T 9704."""
    docx, _ = printed[name]
    report = inspect_pdf(docx.parent / "pdf" / f"{name}.pdf", source=docx)
    assert report.fidelity is not None
    assert report.fidelity.passed, report.fidelity
    assert report.passed, [f.describe() for f in report.failures]
