"""The 民主评议 documents on paper: ballots numbered one a page with every name, the tally
workbook filled in as tellers would and read back, and the 评定意见 and 通报 from it."""

from __future__ import annotations

import io
import random
import subprocess
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import docx as python_docx
import openpyxl
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


def _ballots(names: list[str], valid: int, seed: int) -> list[dict[str, str]]:
    """``valid`` filled-in ballots: a grade ticked for every member (most 合格, a few 优秀 for
    some members, one member marked down now and then)."""
    rnd = random.Random(seed)  # noqa: S311 -- varied test data, the same every run
    liked = set(rnd.sample(names, 5))
    ballots = []
    for _ in range(valid):
        ticks = {}
        for name in names:
            roll = rnd.random()
            if name in liked:
                ticks[name] = "优秀" if roll < 0.8 else "合格"
            else:
                ticks[name] = "优秀" if roll < 0.2 else ("合格" if roll < 0.95 else "基本合格")
        ballots.append(ticks)
    return ballots


def _fill(workbook: Path, ballots: list[dict[str, str]], issued: int, spoiled: int) -> None:
    """Type the counts in as the tellers do: find each name's row and each grade's column by
    the printed headers, write the numbers (0 where a grade got none), then the ballots."""
    book = openpyxl.load_workbook(workbook)
    sheet = book["测评统计"]
    header = next(r for r in sheet.iter_rows() if any(c.value == "姓名" for c in r))
    columns = {c.value: c.column for c in header}
    for row in sheet.iter_rows(min_row=header[0].row + 1):
        name = row[columns["姓名"] - 1].value
        if not name or name == "合计":
            continue
        for grade in ("优秀", "合格", "基本合格", "不合格"):
            count = sum(1 for b in ballots if b[name] == grade)
            sheet.cell(row=row[0].row, column=columns[grade], value=count)
    counts = book["票数"]
    wanted = {"发出票数": issued, "收回票数": len(ballots) + spoiled, "无效票数": spoiled}
    for row in counts.iter_rows():
        if row[0].value in wanted:
            row[1].value = wanted[row[0].value]
    book.save(workbook)


@pytest.fixture
def counted(tmp_path: Path) -> tuple[Path, list[str], list[dict[str, str]]]:
    """The blank tally workbook rendered from the data, filled in, and named as tally_file."""
    data = _data(tmp_path)
    names = [row["name"] for row in context_for(docgen.load_data(data))["rows"]]
    sheet = tmp_path / "测评统计表.xlsx"
    docgen.render_to_file("plans/minzhu-pingyi-tongji-xlsx", data, sheet)
    blank = openpyxl.load_workbook(sheet)["测评统计"]
    assert [c.value for c in blank["D"][3:26]] == [None] * 23  # nothing typed for the tellers
    ballots = _ballots(names, 21, seed=23)
    _fill(sheet, ballots, issued=22, spoiled=1)
    return _data(tmp_path, 统计表文件=sheet.name), names, ballots


def test_the_filled_tally_workbook_reads_back(
    counted: tuple[Path, list[str], list[dict[str, str]]],
) -> None:
    """Every member's count per grade as the tellers typed it, the ballots and the valid
    ones (returned less spoiled, 有效 left blank)."""
    data, names, ballots = counted
    model = docgen.load_data(data)
    assert model.tally is not None
    assert (model.tally.issued, model.tally.returned, model.tally.spoiled) == (22, 22, 1)
    assert model.tally.counted == 21
    read = {row.name: row.votes for row in model.tally.rows}
    for name in names:
        for grade in ("优秀", "合格", "基本合格", "不合格"):
            assert read[name][grade] == sum(1 for b in ballots if b[name] == grade), name


def _leading(ballots: list[dict[str, str]], name: str) -> str | None:
    """The grade most ballots gave ``name`` (None on a tie), counted here from the ballots."""
    tally = Counter(b[name] for b in ballots)
    (first, most), *rest = tally.most_common()
    return None if rest and rest[0][1] == most else first


def test_the_decision_carries_the_counts_of_the_filled_workbook(
    counted: tuple[Path, list[str], list[dict[str, str]]],
) -> None:
    """The 评定意见 rendered from the data naming the filled workbook: the ballots (22 issued
    and returned, 21 valid, 1 spoiled), each member's votes per grade and grade as counted
    from the ballots in the test, and the number of members in each grade with the names."""
    data, names, ballots = counted
    blob = docgen.render("reports/minzhu-pingyi-pingding", data, check=True)
    assert docgen.verify_package(blob) == []
    document = python_docx.Document(io.BytesIO(blob))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "应到23人，实到22人；发出测评表22份，收回22份，其中有效21份、无效1份。" in text
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "序号")
    header = [c.text for c in table.rows[0].cells]
    grade_names = ["优秀", "合格", "基本合格", "不合格"]
    assert header == ["序号", "姓名", *grade_names, "最高得票率", "评定等次"]
    grades = {}
    for row in table.rows[1:]:
        cells = [c.text for c in row.cells]
        name = cells[1]
        for grade, cell in zip(("优秀", "合格", "基本合格", "不合格"), cells[2:6], strict=True):
            assert int(cell) == sum(1 for b in ballots if b[name] == grade), (name, grade)
        leading = _leading(ballots, name)
        grades[name] = leading
        assert cells[7] == (leading or "待定"), name
        if leading:
            share = Decimal(sum(1 for b in ballots if b[name] == leading) * 100) / 21
            assert cells[6] == f"{share.quantize(Decimal('0.1'), ROUND_HALF_UP)}%", name
    assert list(grades) == names
    excellent = [n for n in names if grades[n] == "优秀"]
    assert f"评定为优秀等次的党员{len(excellent)}名：{'、'.join(excellent)}。" in text
    qualified = sum(1 for n in names if grades[n] == "合格")
    assert f"评定为合格等次的党员{qualified}名。" in text


def test_the_notice_reports_the_same_grades(
    counted: tuple[Path, list[str], list[dict[str, str]]],
) -> None:
    """The 结果通报 from the same workbook: the ballots, the 优秀 named, the 合格 counted."""
    data, names, ballots = counted
    blob = docgen.render("reports/minzhu-pingyi-tongbao", data, check=True)
    text = "\n".join(p.text for p in python_docx.Document(io.BytesIO(blob)).paragraphs)
    assert "发出测评表22份，收回22份，其中有效21份、无效1份" in text
    grades = {n: _leading(ballots, n) for n in names}
    excellent = [n for n in names if grades[n] == "优秀"]
    assert f"评定为优秀等次的党员{len(excellent)}名：{'、'.join(excellent)}。" in text
    assert f"评定为合格等次的党员{sum(g == '合格' for g in grades.values())}名。" in text
    assert text.rstrip().endswith("2026年12月28日")
