"""The benchmark compares like with like: docgen and docxtpl render the same text.

Also: the CLI renders the benchmark template, rendering is deterministic, and the committed
template and sample data are what their generators produce.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml
from docx import Document
from docxtpl import DocxTemplate

import docgen
from bench import data, make_template

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "bench" / "rectification.docx"
SAMPLE = ROOT / "bench" / "sample.yaml"


def _texts(docx_bytes: bytes) -> dict[str, Any]:
    """Every top-level paragraph's text and every table cell's text, as python-docx reads them."""
    doc = Document(io.BytesIO(docx_bytes))
    return {
        "paragraphs": [p.text for p in doc.paragraphs],
        "tables": [[[cell.text for cell in row.cells] for row in t.rows] for t in doc.tables],
    }


def _docxtpl(ctx: dict[str, Any]) -> bytes:
    tpl = DocxTemplate(TEMPLATE)
    tpl.render(ctx, autoescape=True)
    buf = io.BytesIO()
    tpl.save(buf)
    return buf.getvalue()


def test_docgen_text_equals_docxtpl_text_with_escaping() -> None:
    """docgen and docxtpl (autoescape on) give equal paragraph and cell texts for 30 rows."""
    ctx = data.make_context(30, seed=0)
    ours = _texts(docgen.load(TEMPLATE).render(ctx))
    theirs = _texts(_docxtpl(ctx))

    assert ours["paragraphs"] == theirs["paragraphs"]
    assert ours["tables"] == theirs["tables"]
    # The comparison must cover what it claims: a header plus 30 data rows of six cells, the
    # title with its substitutions, and the XML-special characters as typed.
    (table,) = ours["tables"]
    assert len(table) == 31
    assert all(len(row) == 6 for row in table)
    assert table[1][0] == "1"
    assert table[30][0] == "30"
    assert (
        ours["paragraphs"][0] == f"{ctx['branch']}关于{ctx['year']}年度组织生活会检视问题的整改措施"
    )
    cells = [cell for row in table for cell in row]
    assert data.SPECIAL_CATEGORY in cells
    assert any(cell.startswith(data.SPECIAL_PROBLEM) for cell in cells)
    assert any(cell.startswith(data.SPECIAL_MEASURE) for cell in cells)
    assert any(data.SPECIAL_SECTION_SUFFIX in p for p in ours["paragraphs"])
    assert not any("{{" in p or "{%" in p for p in ours["paragraphs"] + cells)


def test_cli_renders_benchmark_template(tmp_path: Path) -> None:
    """``python -m docgen render`` on the benchmark template writes a .docx with the title."""
    out = tmp_path / "out.docx"
    proc = subprocess.run(
        [sys.executable, "-m", "docgen", "render", str(TEMPLATE), str(SAMPLE), "-o", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    sample = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    doc = Document(str(out))
    title = doc.paragraphs[0].text
    assert sample["branch"] in title
    assert title == f"{sample['branch']}关于{sample['year']}年度组织生活会检视问题的整改措施"
    assert len(doc.tables[0].rows) == 1 + len(sample["problems"])


def test_rendering_twice_is_byte_identical() -> None:
    """The same template and data give the same bytes, across renders and equal contexts."""
    tpl = docgen.load(TEMPLATE)
    first = tpl.render(data.make_context(30, seed=0))
    second = tpl.render(data.make_context(30, seed=0))
    assert first == second
    assert first != tpl.render(data.make_context(30, seed=1))


def test_committed_template_and_sample_are_up_to_date(tmp_path: Path) -> None:
    """bench/rectification.docx and bench/sample.yaml equal what their generators write."""
    assert TEMPLATE.read_bytes() == make_template.build()
    fresh = tmp_path / "sample.yaml"
    data.write_sample(fresh)
    assert SAMPLE.read_text(encoding="utf-8") == fresh.read_text(encoding="utf-8")
