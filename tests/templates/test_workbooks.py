"""Every shipped workbook template, rendered with its full and its minimal data, opened with
openpyxl: Chinese headers, frozen header row, A4 print set-up, formulas over every row."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import docgen
from docgen.context import read_data
from docgen.convert import to_pdf
from docgen.library import Manifest
from tests.templates.conftest import ROOT, built_workbooks

CASES = [(m, v) for m in built_workbooks() for v in ("full", "min")]
_RANGE = re.compile(r"([A-Z]+)(\d+):([A-Z]+)(\d+)")

#: What each workbook's PDF must show (its full fixture), checked by LibreOffice below.
EXPECTED = {
    "plans/dangfei-taizhang-xlsx": [
        "党费收缴台账",
        "甘海涛",
        "29,578.08",
        "柒仟肆佰贰拾玖元壹角柒分",
        "季度上交汇总",
    ],
    "plans/minzhu-pingyi-tongji-xlsx": [
        "民主评议党员测评统计表",
        "甘海涛",
        "基本合格",
        "计票人：黎晓雯、祁峰",
        "核对：收回减无效为21票",
    ],
    "reports/fazhan-jijifenzi-mingce-xlsx": [
        "入党积极分子名册",
        "确定为积极分子时间",
        "乔语桐",
        "沈若溪、石鸣川",
        "共2人。",
    ],
    "reports/fazhan-duixiang-mingce-xlsx": [
        "发展对象名册",
        "入党介绍人",
        "简书白",
        "政审情况",
        "共2人。",
    ],
    "reports/fazhan-yubei-mingce-xlsx": [
        "预备党员名册",
        "预备期满时间",
        "卢安歌",
        "2026年11月15日",
        "共3人。",
    ],
    "plans/zhenggai-taizhang-xlsx": [
        "整改台账",
        "整改措施",
        "程一帆",
        "共12个问题",
        "已完成”的3个",
    ],
}


def _render(manifest: Manifest, variant: str) -> bytes:
    data = ROOT / (manifest.fixture if variant == "full" else manifest.minimal)
    context = read_data(data, manifest.kind, wanted_by=manifest.name).context
    return docgen.load(manifest.template).render(context, check=True)


@pytest.fixture(scope="module")
def books() -> dict[tuple[str, str], bytes]:
    return {(m.name, v): _render(m, v) for m, v in CASES}


def _sheets(blob: bytes) -> list[Any]:
    return openpyxl.load_workbook(io.BytesIO(blob)).worksheets


def _header_row(ws: Any) -> int:
    """The frozen panes start right under the header row."""
    return int(re.sub(r"[A-Z$]", "", ws.freeze_panes)) - 1


def test_workbooks_are_shipped() -> None:
    assert {m.name for m in built_workbooks()} == set(EXPECTED)


@pytest.mark.parametrize(("manifest", "variant"), CASES, ids=lambda c: getattr(c, "name", c))
def test_headers_panes_and_print_setup(
    books: dict[tuple[str, str], bytes], manifest: Manifest, variant: str
) -> None:
    for ws in _sheets(books[(manifest.name, variant)]):
        header = _header_row(ws)
        texts = [c.value for c in ws[header] if c.value is not None]
        assert texts
        assert all(re.search(r"[\u4e00-\u9fff]", str(t)) for t in texts), texts
        assert all(c.font.bold for c in ws[header] if c.value is not None)
        assert ws.print_title_rows == f"${header}:${header}"
        setup = ws.page_setup
        assert (int(setup.paperSize), setup.orientation) == (9, "landscape")  # 9: A4
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True
        assert "&P" in ws.oddFooter.center.text


@pytest.mark.parametrize(("manifest", "variant"), CASES, ids=lambda c: getattr(c, "name", c))
def test_no_none_no_tags_and_widths_fit_chinese(
    books: dict[tuple[str, str], bytes], manifest: Manifest, variant: str
) -> None:
    for ws in _sheets(books[(manifest.name, variant)]):
        for row in ws.iter_rows():
            for cell in row:
                text = "" if cell.value is None else str(cell.value)
                assert "None" not in text, cell.coordinate
                assert "{{" not in text, cell.coordinate
                assert "{%" not in text, cell.coordinate
        header = _header_row(ws)
        for cell in ws[header]:
            if cell.value is not None:
                width = ws.column_dimensions[cell.column_letter].width
                # Each Chinese character of a header needs two width units.
                assert width >= 2 * len(str(cell.value).split("\n")[0]), cell.value


@pytest.mark.parametrize(("manifest", "variant"), CASES, ids=lambda c: getattr(c, "name", c))
def test_formulas_cover_every_data_row(
    books: dict[tuple[str, str], bytes], manifest: Manifest, variant: str
) -> None:
    """Each column range in a formula below the table runs from the first to the last data
    row; a range along a row (a member's months) stays in the formula's own row."""
    for ws in _sheets(books[(manifest.name, variant)]):
        header = _header_row(ws)
        formulas = [
            c for row in ws.iter_rows(min_row=header + 1) for c in row if c.data_type == "f"
        ]
        assert formulas
        # The table's rows are boxed; a totals row is labelled 合计; notes have no border.
        boxed = [
            c.row
            for (c,) in ws.iter_rows(min_row=header + 1, max_col=1)
            if c.border.left.style == "thin" and c.value != "合计"
        ]
        last_data = max(boxed)
        assert boxed == list(range(header + 1, last_data + 1))
        ranges = [(c.row, m.groups()) for c in formulas for m in _RANGE.finditer(str(c.value))]
        assert ranges
        for row, (c1, first, c2, last) in ranges:
            if c1 == c2:
                assert (int(first), int(last)) == (header + 1, last_data)
            else:
                assert int(first) == int(last) == row
                assert header < row <= last_data


@pytest.mark.real
def test_pdf_shows_the_data(books: dict[tuple[str, str], bytes], tmp_path: Path) -> None:
    """LibreOffice prints each full workbook with its data and computed formulas."""
    for tool in ("soffice", "pdftotext"):
        assert shutil.which(tool), f"{tool} is needed (scripts/apt-packages.txt)"
    paths = []
    for (name, variant), blob in books.items():
        if variant == "full":
            path = tmp_path / (name.replace("/", "__") + ".xlsx")
            path.write_bytes(blob)
            paths.append((name, path))
    result = to_pdf([p for _n, p in paths], workers=1)
    assert not result.failures, [f.describe() for f in result.failures]
    for name, path in paths:
        text = subprocess.run(
            ["pdftotext", "-layout", str(path.with_suffix(".pdf")), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.replace(" ", "")
        for phrase in EXPECTED[name]:
            assert phrase in text, (name, phrase)
        assert "第1页" in text
