"""The 民主评议 documents on paper: ballots numbered one a page with every name, the tally
workbook filled in as tellers would and read back, and the 评定意见 and 通报 from it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pdfplumber
import pytest
import yaml

import docgen
from docgen.views import context_for

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "fixtures" / "school" / "xxgc-jg1" / "2026" / "appraisal.yaml"


def _data(tmp_path: Path, **changes: object) -> Path:
    """The sample school's 评议 beside ``tmp_path`` (roster path absolute), without its
    tally unless ``changes`` give one."""
    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    data["branch_file"] = str(ROOT / "fixtures" / "school" / "branches" / "xxgc-jg1.yaml")
    data.pop("测评统计", None)
    data.update(changes)
    path = tmp_path / "appraisal.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _pdf(docx: Path) -> Path:
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(docx.parent), str(docx)],
        capture_output=True,
        check=True,
        timeout=180,
    )
    return docx.with_suffix(".pdf")


@pytest.mark.real
def test_thirty_ballots_for_a_branch_of_twenty_three(tmp_path: Path) -> None:
    """印制份数 30: 30 pages, the n-th numbered n of 30, each with the 23 names in roster
    order and the four grades; no ballot runs onto a second page."""
    data = _data(tmp_path)
    names = [row["name"] for row in context_for(docgen.load_data(data))["rows"]]
    assert len(names) == 23
    out = tmp_path / "测评表.docx"
    docgen.render_to_file("plans/minzhu-ceping-biao", data, out)
    with pdfplumber.open(_pdf(out)) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    assert len(pages) == 30
    for number, text in enumerate(pages, start=1):
        squeezed = text.replace(" ", "")
        assert f"编号：{number:02d}（共30份）" in squeezed, number
        at = [squeezed.find(name) for name in names]
        assert -1 not in at, number
        assert at == sorted(at), number  # in roster order
        for grade in ("优秀", "合格", "基本合格", "不合格", "存在问题"):
            assert grade in squeezed


def test_dimensions_add_their_matrix(tmp_path: Path) -> None:
    """测评维度: a second table, each member's dimensions with a bracket to mark."""
    data = _data(tmp_path, dimensions=["政治表现", "学习情况", "作用发挥"], copies=22)
    blob = docgen.render("plans/minzhu-ceping-biao", data)
    from tests.templates.reading import Docx

    doc = Docx(blob)
    text = "\n".join(p.text for p in doc.paragraphs())
    assert text.count("政治表现（　　）　学习情况（　　）　作用发挥（　　）") == 22 * 23
    assert "在每一项后的括号内填写好、较好、一般、差之一" in text
