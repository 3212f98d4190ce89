"""The built-in bundles on paper: merged PDFs show every part in order, numbered as the recipe says.

One LibreOffice conversion of the three merged documents is shared by the
module; ``--pdf`` on ``bundle`` and ``batch`` is then checked end to end.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.bundle import Bundle
from docgen.cli import main
from docgen.convert import to_pdf
from tests.batching.conftest import RECIPE, write_roster
from tests.docx_builder import make_docx, p
from tests.templates.reading import Docx

pytestmark = pytest.mark.real

BUILTIN = ("niandu", "zhenggai", "zuzhi-shenghuohui")
_FOOTER = re.compile(r"—\s*(\d+)\s*—")


@dataclass(frozen=True)
class Part:
    """A part of a merged bundle: its title and whether its page numbers restart."""

    title: str
    restart: bool


@dataclass(frozen=True)
class Printed:
    """A merged bundle as printed: its parts and each page's squeezed text and number."""

    parts: list[Part]
    pages: list[str]
    numbers: list[int | None]


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _title(blob: bytes) -> str:
    return _squeeze(next(p.text for p in Docx(blob).paragraphs() if p.style == "Title"))


def _pages(pdf: Path) -> tuple[list[str], list[int | None]]:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = [page for page in text.split("\f") if page.strip()]
    numbers = []
    for page in pages:
        last = [line for line in page.splitlines() if line.strip()][-1]
        found = _FOOTER.search(last)
        numbers.append(int(found.group(1)) if found else None)
    return [_squeeze(page) for page in pages], numbers


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Printed]:
    """Each built-in bundle built, its merged .docx converted once (one pool for all three)."""
    out = tmp_path_factory.mktemp("printed")
    merged: dict[str, Path] = {}
    parts: dict[str, list[Part]] = {}
    for name in BUILTIN:
        result = Bundle.load(name).build(out / name, sample=True)
        assert result.failures == []
        docs = {o.step: o for o in result.outputs if o.kind == "document"}
        merged[name] = next(o.path for o in result.outputs if o.kind == "merged")
        steps = {s.id: s for s in Bundle.load(name).recipe.steps}
        parts[name] = [
            Part(_title(o.path.read_bytes()), steps[o.step].merge.restart_page_numbers)
            for o in result.outputs
            if o.kind == "document" and o.step is not None and steps[o.step].merge.include
        ]
        assert docs
    converted = to_pdf(list(merged.values()))
    assert converted.failures == [], converted.failures
    return {
        name: Printed(parts[name], *_pages(merged[name].with_suffix(".pdf"))) for name in BUILTIN
    }


@pytest.mark.parametrize("name", BUILTIN)
def test_every_part_in_order_numbered_as_the_recipe_says(
    printed: dict[str, Printed], name: str
) -> None:
    """Each part's title opens a later page than the last; its number is 1 or continues."""
    book = printed[name]
    assert book.numbers[0] is None  # the cover carries no page number
    page = 1
    for part in book.parts:
        start = next((i for i in range(page, len(book.pages)) if part.title in book.pages[i]), None)
        assert start is not None, f"{part.title} not found after page {page + 1}"
        expected = 1 if part.restart else (book.numbers[start - 1] or 0) + 1
        assert book.numbers[start] == expected, (part.title, book.numbers)
        page = start + 1
    numbered = [n for n in book.numbers[1:] if n is not None]
    assert len(numbered) == len(book.pages) - 1  # every page after the cover is numbered


def test_the_year_bundle_has_a_part_that_continues(printed: dict[str, Printed]) -> None:
    """The study schedule continues the plan's numbering; each record restarts at 1."""
    book = printed["niandu"]
    assert [p.restart for p in book.parts[:3]] == [True, False, True]
    assert book.numbers.count(1) == 13  # the plan and the twelve records


def test_bundle_pdf_option_converts_every_document(tmp_path: Path) -> None:
    """``docgen bundle zhenggai --pdf``: a PDF beside each .docx, the merged one included."""
    args = ["bundle", "zhenggai", "--sample", "--pdf", "-o", str(tmp_path)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    docx = sorted(tmp_path.rglob("*.docx"))
    pdfs = sorted(tmp_path.rglob("*.pdf"))
    assert len(docx) == 4
    assert [p.with_suffix(".docx") for p in pdfs] == docx
    assert all(p.read_bytes().startswith(b"%PDF") for p in pdfs)
    assert sum(line.endswith(".pdf") for line in result.stdout.splitlines()) == 4


def test_batch_pdf_option_converts_and_lists_pdfs(tmp_path: Path) -> None:
    """``docgen batch --pdf``: each row's PDF on disk and in manifest.json."""
    (tmp_path / "tiny.docx").write_bytes(make_docx(p("{{ name }}") + p("编号 {{ code }}")))
    recipe = tmp_path / "recipe.yaml"
    recipe.write_text(RECIPE, encoding="utf-8")
    roster = write_roster(tmp_path / "roster.xlsx", 2)
    out = tmp_path / "out"
    args = ["batch", str(recipe), "--roster", str(roster), "-o", str(out), "--pdf", "--quiet"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    kinds = {rel: e["kind"] for rel, e in manifest["outputs"].items()}
    assert kinds == {
        "0000-党员0.docx": "document",
        "0001-党员1.docx": "document",
        "0000-党员0.pdf": "pdf",
        "0001-党员1.pdf": "pdf",
    }
    assert (out / "0001-党员1.pdf").read_bytes().startswith(b"%PDF")
