"""The copy LibreOffice reads holds only the styles the document uses; the pages do not change."""

from __future__ import annotations

import hashlib
import re
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

from docgen.convert import OfficePool, punctuation
from docgen.convert.punctuation import for_office
from docgen.convert.styles import SLIM_FROM


def _word_like(path: Path, field: str | None = None) -> Path:
    """A document on python-docx's default package (a Word-sized styles.xml): headings, a
    numbered and a bulleted list (styles with numbering), a table style, a run style, a header."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "页眉：第一党支部"
    document.add_heading("关于开展主题党日活动的通知", 0)
    document.add_heading("一、活动目的", 1)
    document.add_paragraph("为深入学习，现将有关事项通知如下。" * 5)
    for n in range(3):
        document.add_paragraph(f"第{n + 1}项安排，按时参加。", style="List Number")
        document.add_paragraph(f"要点{n + 1}", style="List Bullet")
    table = document.add_table(rows=3, cols=3)
    table.style = "Light Grid Accent 1"
    for r in range(3):
        for c in range(3):
            table.cell(r, c).text = f"第{r}行{c}列"
    paragraph = document.add_paragraph("强调：")
    paragraph.add_run("引文").style = "Quote Char"
    if field is not None:
        run = document.add_paragraph().add_run()
        instr = run._r.makeelement(docx.oxml.ns.qn("w:instrText"), {})
        instr.text = field
        run._r.append(instr)
    document.save(str(path))
    return path


def _style_ids(path: Path) -> set[str]:
    with zipfile.ZipFile(path) as archive:
        styles = archive.read("word/styles.xml")
    return set(re.findall(r'w:styleId="([^"]*)"', styles.decode("utf-8")))


def test_unused_styles_are_left_out_and_used_ones_kept_with_their_bases(tmp_path: Path) -> None:
    """Used styles, what they are based on or linked to, and the defaults stay; the rest go."""
    source = _word_like(tmp_path / "通知.docx")
    with zipfile.ZipFile(source) as archive:
        assert len(archive.read("word/styles.xml")) > SLIM_FROM
    before = _style_ids(source)
    copy = for_office(source, tmp_path / "in")
    assert copy != source
    after = _style_ids(copy)
    used = {"Title", "Heading1", "ListNumber", "ListBullet", "LightGrid-Accent1", "QuoteChar"}
    bases = {"Normal", "Heading1Char", "TitleChar", "Quote", "TableNormal"}
    assert used | bases <= after
    assert "LightShading" in before
    assert "LightShading" not in after
    assert len(after) < len(before) / 3
    # Everything else is carried over as it was.
    with zipfile.ZipFile(copy) as archive, zipfile.ZipFile(source) as original:
        assert archive.namelist() == original.namelist()
        assert archive.read("word/document.xml") == original.read("word/document.xml")


@pytest.mark.parametrize("field", [' STYLEREF "Heading 1" ', ' TOC \\t "Heading 1,1" '])
def test_fields_naming_styles_keep_every_style(tmp_path: Path, field: str) -> None:
    """STYLEREF and TOC look styles up by name when laid out: nothing is left out."""
    source = _word_like(tmp_path / "字段.docx", field)
    copy = for_office(source, tmp_path / "in")
    assert _style_ids(copy) == _style_ids(source)


def _pages(pdf: Path) -> list[str]:
    out = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(out)], check=True)
    pages = sorted(pdf.parent.glob(f"{out.name}*.png"))
    return [hashlib.sha256(p.read_bytes()).hexdigest() for p in pages]


@pytest.mark.real
def test_pages_are_the_same_with_and_without_the_unused_styles(
    office_pool: OfficePool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """LibreOffice prints the slim copy exactly as the whole file (pixel for pixel, same text)."""
    source = _word_like(tmp_path / "通知.docx")
    with monkeypatch.context() as patched:
        patched.setattr(punctuation, "drop_unused_styles", lambda *_args: False)
        office_pool.convert([source], tmp_path / "whole").raise_for_failures()
    office_pool.convert([source], tmp_path / "slim").raise_for_failures()
    whole, slim = tmp_path / "whole" / "通知.pdf", tmp_path / "slim" / "通知.pdf"
    assert _pages(whole) == _pages(slim)
    text = [
        subprocess.run(["pdftotext", str(p), "-"], capture_output=True).stdout
        for p in (whole, slim)
    ]
    assert text[0] == text[1]
    assert "第3项安排" in text[1].decode("utf-8").replace(" ", "")
