"""The page in a real browser: fill 支委会记录, fix an error, preview, download; a 整改 bundle and
a batch from a roster. Screenshots of each step go to the test's output folder."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from playwright.sync_api import Page

from tests.serve.browser import browser_page, external, shoot
from tests.serve.conftest import Server

pytestmark = [pytest.mark.real, pytest.mark.slow]


def _text(content: bytes) -> str:
    doc = Document(io.BytesIO(content))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def _field(page: Page, path: str) -> str:
    return f'[data-schemapath="root.{path}"]'


def _download(page: Page, button: str) -> bytes:
    with page.expect_download() as info:
        page.click(button)
    path = info.value.path()
    return Path(path).read_bytes()


def test_fill_minutes_check_preview_and_download(server: Server, tmp_path: Path) -> None:
    shots = tmp_path / "screenshots"
    with browser_page(server.url, shots) as (page, requested):
        page.goto("/")
        page.wait_for_selector('button.card[data-template="reports/zhiweihui-jilu"]')
        shoot(page, shots, "1-choose")
        page.click('button.card[data-template="reports/zhiweihui-jilu"]')
        page.wait_for_function("() => window.__docgenEditor && window.__docgenEditor.ready")
        page.fill('[name="root[location]"]', "信息楼A座418会议室")
        page.fill('[name="root[host][name]"]', "孟庆岚")
        page.fill('[name="root[attendance][due]"]', "5")
        page.fill('[name="root[attendance][present]"]', "7")  # more present than due: an error
        attendees = _field(page, "attendance.attendees_list")
        page.click(f"{attendees} button.json-editor-btn-add")
        page.fill('[name="root[attendance][attendees_list][0]"]', "程一帆")
        page.locator('[name="root[attendance][attendees_list][0]"]').blur()
        error = page.locator(f"{_field(page, 'attendance.present')} .errmsg")
        error.wait_for()
        assert "实到" in error.inner_text()
        assert not error.inner_text().strip().endswith(".")  # shown as the API words it
        assert page.locator("#problems ul.error li[data-field='attendance.present']").count() == 1
        error.scroll_into_view_if_needed()
        shoot(page, shots, "2-error-next-to-field")

        page.fill('[name="root[attendance][present]"]', "5")
        page.locator('[name="root[attendance][present]"]').blur()
        page.wait_for_selector("#preview img.page")
        assert not error.is_visible()
        shoot(page, shots, "3-fixed-and-preview")

        docx = _download(page, "#get-docx")
        pdf = _download(page, "#get-pdf")
        shoot(page, shots, "4-downloaded")
    text = _text(docx)
    assert "信息楼A座418会议室" in text
    assert "程一帆" in text
    pdf_path = tmp_path / "minutes.pdf"
    pdf_path.write_bytes(pdf)
    import pdfplumber

    with pdfplumber.open(pdf_path) as opened:
        printed = "".join(page.extract_text() or "" for page in opened.pages).replace(" ", "")
    assert "信息楼A座418会议室" in printed
    assert "程一帆" in printed
    assert external(requested, server.url) == []


def test_bundle_from_starter_spreadsheet_and_batch(
    server: Server, repo: Path, tmp_path: Path
) -> None:
    shots = tmp_path / "screenshots"
    sheet = repo / "fixtures/school/rectification.xlsx"
    branches = {"一支部.yaml": "测试学院第一党支部", "二支部.yaml": "测试学院第二党支部"}
    roster = _roster(tmp_path, list(branches))
    with browser_page(server.url, shots) as (page, requested):
        page.goto("/")
        page.click('button.card[data-bundle="zhenggai"]')
        page.set_input_files("#bundle-file", str(sheet))
        shoot(page, shots, "1-bundle")
        zipped = _download(page, "#bundle-zip")
        merged = _download(page, "#bundle-merged")
        shoot(page, shots, "2-bundle-downloaded")

        page.set_input_files("#batch-roster", str(roster))
        page.set_input_files("#batch-files", _branch_files(repo, tmp_path, branches))
        page.click("#batch-start")
        page.wait_for_selector("#batch-progress:not([hidden])")
        shoot(page, shots, "3-batch-running")
        page.wait_for_selector("#batch-links:not([hidden])", timeout=300_000)
        assert page.eval_on_selector("#batch-progress", "p => [p.value, p.max]") == [2, 2]
        assert "失败 0 行" in page.inner_text("#batch-status")
        shoot(page, shots, "4-batch-done")
        result = page.eval_on_selector("#batch-result", "a => a.href")
    names = zipfile.ZipFile(io.BytesIO(zipped)).namelist()
    assert len(names) == 3
    merged_text = _text(merged).replace(" ", "")
    assert "理论学习的系统性和深度不够" in merged_text
    assert external(requested, server.url) == []
    with server.client() as http:
        archive = zipfile.ZipFile(io.BytesIO(http.get(result).content))
    assert "批量结果.xlsx" in archive.namelist()
    for branch in branches.values():
        assert f"{branch}整改材料/{branch}整改材料合订本.docx" in archive.namelist()
    report = openpyxl.load_workbook(io.BytesIO(archive.read("批量结果.xlsx")))["结果"]
    assert [row[2] for row in report.iter_rows(min_row=2, max_row=3, values_only=True)] == [
        "成功",
        "成功",
    ]


def _branch_files(repo: Path, folder: Path, branches: dict[str, str]) -> list[str]:
    """The fixture's rectification data, once per branch, under each branch's own name."""
    import yaml

    source = repo / "fixtures/school/xxgc-jg1/2026/rectification.yaml"
    paths = []
    for name, branch in branches.items():
        data = yaml.safe_load(source.read_text("utf-8"))
        data.pop("branch_file")
        data["branch"] = branch
        (folder / name).write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
        paths.append(str(folder / name))
    return paths


def _roster(folder: Path, files: list[str]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["编号", "整改数据"])
    for number, name in enumerate(files, start=1):
        sheet.append([number, name])
    path = folder / "花名册.xlsx"
    book.save(path)
    return path
