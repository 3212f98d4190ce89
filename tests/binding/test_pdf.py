"""The sample school's 2026Q3 volume on paper: converted by the real LibreOffice and read back.

The cover names the period and the branch; the 目录 lists every record by date, type and
topic; and the page number each entry gives is the number printed at the foot of the page
on which that record's title stands at the top.
"""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest

from docgen.binding import Period, bind_to_file
from tests.binding.conftest import BRANCH, MINUTES

pytestmark = pytest.mark.real

_FOOTER = re.compile(r"—\s*(\d+)\s*—\s*$")


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_contents_lead_to_the_pages_the_records_start_on(tmp_path: Path) -> None:
    done = bind_to_file(MINUTES, Period(2026, 3), tmp_path / "2026Q3.docx", pdf=True)
    assert done.pdf == tmp_path / "2026Q3.pdf"
    with pdfplumber.open(done.pdf) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    cover = _squeeze(pages[0])
    assert cover.startswith("2026年第三季度“三会一课”记录")
    assert _squeeze(BRANCH) in cover
    assert "共17份记录" in cover
    # The 目录 starts on the right-hand page after the cover's blank back and runs on.
    assert _squeeze(pages[1]) == ""
    assert _squeeze(pages[2]).startswith("目录")
    contents = "".join(_squeeze(p) for p in pages[2:4])
    printed: dict[int, int] = {}
    for index, text in enumerate(pages):
        lines = text.strip().splitlines()
        found = _FOOTER.search(lines[-1]) if lines else None
        if found is not None:
            printed[int(found.group(1))] = index
    records = done.volume.records
    assert len(records) == 17
    # Every entry's words, and one page number per entry, at the end of its last line.
    for record in records:
        assert _squeeze(record.entry) in contents, record.entry
    numbers = [int(m.group(1)) for p in pages[2:4]
               for m in re.finditer(r"\.{2,}\s*(\d+)\s*$", p, re.M)]  # fmt: skip
    assert len(numbers) == len(records)
    for record, number in zip(records, numbers, strict=True):
        page = _squeeze(pages[printed[number]])
        assert page.startswith(_squeeze(record.title)), (record.path.name, number, page[:60])
    # In date order, each on a right-hand page (odd number) after the one before.
    assert numbers == sorted(numbers)
    assert numbers[0] == 1
    assert all(n % 2 == 1 for n in numbers)
