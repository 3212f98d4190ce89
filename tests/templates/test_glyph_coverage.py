"""No character of the sample data falls back to a font outside the shipped mapping."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml

from docgen.fonts.glyphs import check_glyphs, missing_glyphs
from tests.templates.conftest import case_id
from tests.templates.reading import Docx

ROOT = Path(__file__).resolve().parents[2]
FONTS = ("仿宋_GB2312", "楷体_GB2312", "黑体", "宋体", "方正小标宋简体")


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _fixture_text() -> str:
    parts: list[str] = []
    for path in sorted((ROOT / "fixtures").rglob("*")):
        if "invalid" in path.parts or not path.is_file():
            continue
        if "ime" in path.parts and not path.name.endswith(".clean.yaml"):
            continue  # IME-typed YAML is not plain YAML; its clean twin holds the same text
        if path.suffix in (".yaml", ".yml"):
            parts.extend(_strings(yaml.safe_load(path.read_text("utf-8"))))
        elif path.suffix == ".xlsx":
            book = openpyxl.load_workbook(path, read_only=True)
            for sheet in book.worksheets:
                for row in sheet.iter_rows(values_only=True):
                    parts.extend(str(c) for c in row if c is not None)
        elif path.suffix == ".csv":
            raw = path.read_bytes()
            text = (
                raw.decode("utf-8-sig")
                if raw.startswith(b"\xef\xbb\xbf")
                else raw.decode("gb18030")
            )
            parts.extend(c for row in csv.reader(io.StringIO(text)) for c in row)
    return "".join(parts)


def _east_asian(text: str) -> str:
    """The characters Word sets in the East Asian font slot (not Latin letters and digits)."""
    return "".join(sorted({c for c in text if ord(c) > 0x2000} | {"〇"}))


@pytest.mark.real
@pytest.mark.parametrize("font", FONTS)
def test_fixture_characters_have_glyphs(font: str) -> None:
    """Every East Asian character of every fixture, and 〇, is in each mapped font."""
    assert missing_glyphs(font, _east_asian(_fixture_text())) == []


@pytest.mark.real
def test_rendered_templates_need_no_fallback(
    rendered: dict[tuple[str, str], Docx], tmp_path: Path
) -> None:
    """The glyph check finds nothing to warn about in any rendered template."""
    warnings = []
    for (name, variant), doc in rendered.items():
        path = tmp_path / f"{case_id((name, variant)).replace('/', '__')}.docx"
        path.write_bytes(doc.blob)
        warnings.extend(p.describe() for p in check_glyphs(path))
    assert warnings == []
