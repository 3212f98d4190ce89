"""``docgen render`` and bundles write a workbook template's output as they write a .docx."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from docgen.bundle import Bundle
from docgen.cli import main

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "fixtures/school/xxgc-jg1/2026/rectification.yaml"


def test_render_writes_xlsx_and_adds_the_suffix(tmp_path: Path) -> None:
    out = tmp_path / "台账"
    result = CliRunner().invoke(
        main, ["render", "plans/zhenggai-taizhang-xlsx", str(DATA), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    written = out.with_suffix(".xlsx")
    ws = openpyxl.load_workbook(written).active
    assert ws["C2"].value == "存在问题"
    assert ws.max_row > 12


def test_render_refuses_a_docx_name_for_a_workbook(tmp_path: Path) -> None:
    out = tmp_path / "台账.docx"
    result = CliRunner().invoke(
        main, ["render", "plans/zhenggai-taizhang-xlsx", str(DATA), "-o", str(out)]
    )
    assert result.exit_code == 2
    assert ".xlsx" in result.output
    assert not out.exists()


def test_bundle_writes_the_workbook_beside_the_merged_volume(tmp_path: Path) -> None:
    """A workbook step is a file of the bundle; the merged .docx binds only the documents."""
    recipe = tmp_path / "recipe.yaml"
    recipe.write_text(
        f"name: 台账\ninputs:\n  d: {{path: {DATA}, kind: rectification}}\n"
        "steps:\n"
        "  - {id: fangan, template: plans/zhenggai-fangan, data: d}\n"
        "  - {id: excel, template: plans/zhenggai-taizhang-xlsx, data: d}\n"
        "package:\n  merged: {output: 合订本}\n",
        "utf-8",
    )
    production = Bundle.load(recipe).produce()
    assert not production.failures, [f.message_zh for f in production.failures]
    names = {a.relpath: a for a in production.artifacts}
    (book,) = [n for n in names if n.endswith(".xlsx")]
    assert book.endswith("整改台账.xlsx")
    assert "合订本.docx" in names
    blob = names[book].blob
    assert blob is not None
    ws = openpyxl.load_workbook(io.BytesIO(blob)).active
    assert ws.freeze_panes == "A3"
