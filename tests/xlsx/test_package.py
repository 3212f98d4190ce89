"""A rendered workbook is stamped like a .docx and its title property is its printed title."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

import docgen
from docgen import stamp
from tests.core_dates import clock_window, dates, title, within

ROOT = Path(__file__).resolve().parents[2]
WORKBOOKS = ["plans/zhenggai-taizhang-xlsx", "plans/dangfei-taizhang-xlsx"]


def _render(name: str, **options: bool) -> bytes:
    return docgen.render(name, ROOT / "templates" / name / "example.yaml", **options)


@pytest.fixture
def no_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    """The suite sets SOURCE_DATE_EPOCH (tests/conftest.py); the default needs it unset."""
    monkeypatch.delenv(stamp.ENV, raising=False)


@pytest.mark.parametrize("name", WORKBOOKS)
def test_default_workbook_is_stamped_with_the_render_time(name: str, no_epoch: None) -> None:
    with clock_window() as window:
        blob = _render(name)
    assert within(blob, window), dates(blob)


@pytest.mark.parametrize("name", WORKBOOKS)
def test_deterministic_workbook_is_fixed_and_byte_identical(name: str, no_epoch: None) -> None:
    first, second = _render(name, deterministic=True), _render(name, deterministic=True)
    assert dates(first) == (stamp.FIXED, stamp.FIXED)
    assert first == second


def test_source_date_epoch_stamps_the_workbook(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(stamp.ENV, "1767312000")
    created, modified = dates(_render(WORKBOOKS[0]))
    assert created == modified
    assert stamp.w3cdtf(created) == "2026-01-02T00:00:00Z"


@pytest.mark.parametrize("name", WORKBOOKS)
def test_title_property_is_the_printed_title(name: str) -> None:
    """Excel's 信息 › 标题 reads the first sheet's title line, fields filled in."""
    blob = _render(name)
    printed = openpyxl.load_workbook(io.BytesIO(blob)).worksheets[0]["A1"].value
    assert printed
    assert "{" not in printed
    assert title(blob) == printed
    # The template itself keeps the tag (and the fixed documented dates).
    template = (ROOT / "templates" / name / "template.xlsx").read_bytes()
    assert "{{" in title(template)
    assert dates(template) == (stamp.FIXED, stamp.FIXED)
