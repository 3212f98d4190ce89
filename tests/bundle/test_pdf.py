"""The built-in bundles on paper: merged volumes as bound books, measured on the PDF.

Each volume is built laid out (its 目录's page numbers from one layout pass) and its
merged .docx converted once; one warm office pool serves all of it. ``--pdf`` on
``bundle`` and ``batch`` is then checked end to end.
"""

from __future__ import annotations

import json
import re
import shutil
import statistics
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest
from click.testing import CliRunner

from docgen.bundle import Bundle
from docgen.bundle.production import RenderOptions
from docgen.bundle.volume import shared_office
from docgen.cli import main
from docgen.convert import OfficePool
from docgen.fonts.mapping import stand_in
from docgen.inspect import GBT_9704, Inspection, inspect_pdf
from docgen.inspect.inspection import document_findings
from docgen.inspect.lines import EM_ABOVE
from docgen.inspect.spec import pt_to_mm
from docgen.style.house import DEFAULT_STYLE
from tests.batching.conftest import RECIPE, write_roster
from tests.docx_builder import make_docx, p
from tests.templates.reading import Docx

pytestmark = pytest.mark.real

BUILTIN = ("niandu", "zhenggai", "zuzhi-shenghuohui")
_FOOTER = re.compile(r"—\s*(\d+)\s*—")
_ALONE = re.compile(r"^\s*—\s*(\d+)\s*—\s*$")
_ENTRY = re.compile(r"\.{4,}\s*(\d+)$")


@dataclass(frozen=True)
class Part:
    """A part of a merged bundle: its title and whether its step restarts page numbers."""

    title: str
    restart: bool
    #: The 附件 label it carries (``attachment_of`` in the recipe), else ``""``.
    label: str = ""


@dataclass(frozen=True)
class Printed:
    """A merged volume as printed: its parts, each page's squeezed text and number, the PDF."""

    parts: list[Part]
    pages: list[str]
    numbers: list[int | None]
    through: bool
    pdf: Path
    docx: Path

    def starts(self) -> list[int]:
        """The 0-based page each part opens on: its title at the top (a 附件 label may come
        first), after the cover and 目录."""
        found, page = [], self.first_body()
        for part in self.parts:
            top = len(part.title) + 8
            start = next((i for i in range(page, len(self.pages))
                          if part.title in self.pages[i][:top]), None)  # fmt: skip
            assert start is not None, f"{part.title} not found after page {page + 1}"
            found.append(start)
            page = start + 1
        return found

    def first_body(self) -> int:
        """The first page after the cover and the 目录 (the first numbered page)."""
        return next(i for i, n in enumerate(self.numbers) if n is not None)


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _title(blob: bytes) -> str:
    return _squeeze(next(p.text for p in Docx(blob).paragraphs() if p.style == "Title"))


def _pages(pdf: Path) -> tuple[list[str], list[int | None]]:
    """Every page's text, blank pages included (a blank page is one of the volume's sides)."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")[:-1]  # the text ends with a form feed
    numbers, texts = [], []
    for page in pages:
        lines = [line for line in page.splitlines() if line.strip()]
        found = _FOOTER.search(lines[-1]) if lines else None
        if found is None:
            # A landscape page's number, turned to the sheet's foot, is a line of its own where
            # pdftotext puts it (first on an even page, last on an odd one).
            alone = [line for line in lines if _ALONE.match(line)]
            found = _ALONE.match(alone[0]) if alone else None
            lines = [line for line in lines if line not in alone] + alone
        numbers.append(int(found.group(1)) if found else None)
        texts.append(_squeeze("".join(lines)))
    return texts, numbers


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Printed]:
    """Each built-in bundle produced laid out, its merged .docx converted once."""
    out = tmp_path_factory.mktemp("printed")
    books: dict[str, Printed] = {}
    with OfficePool(1) as pool, shared_office(pool):
        merged: dict[str, Path] = {}
        parts: dict[str, list[Part]] = {}
        for name in BUILTIN:
            bundle = Bundle.load(name)
            made = bundle.produce(sample=True, options=RenderOptions(paginate=True))
            assert made.failures == []
            steps = {s.id: s for s in bundle.recipe.steps}
            volume = next(a for a in made.artifacts if a.kind == "merged")
            assert volume.blob is not None
            merged[name] = out / f"{name}.docx"
            merged[name].write_bytes(volume.blob)
            plan = bundle.plan(sample=True)
            labels = {plan.relpath(d.name): d.context.get("attachment_label", "")
                      for d in plan.documents}  # fmt: skip
            parts[name] = [
                Part(_title(a.blob), steps[a.step].merge.restart_page_numbers,
                     labels.get(a.relpath, ""))
                for a in made.artifacts
                if a.kind == "document" and a.blob is not None and a.step is not None
                and steps[a.step].merge.include
            ]  # fmt: skip
        converted = pool.convert(list(merged.values()))
        assert converted.failures == [], converted.failures
    for name in BUILTIN:
        recipe = Bundle.load(name).recipe
        assert recipe.merged is not None
        pdf = merged[name].with_suffix(".pdf")
        books[name] = Printed(parts[name], *_pages(pdf), recipe.merged.page_numbers == "volume",
                              pdf, merged[name])  # fmt: skip
    return books


@pytest.mark.parametrize("name", BUILTIN)
def test_every_part_in_order_numbered_as_the_recipe_says(
    printed: dict[str, Printed], name: str
) -> None:
    """Each part opens a later page; its number is 1, or runs on (volume: through the book)."""
    book = printed[name]
    assert book.numbers[0] is None  # the cover carries no page number
    starts = book.starts()
    first = starts[0]
    for part, start in zip(book.parts, starts, strict=True):
        if book.through:
            expected = start - first + 1  # blank pages count, unprinted
        elif part.restart or start == first:
            expected = 1
        else:
            expected = (book.numbers[start - 1] or 0) + 1
        assert book.numbers[start] == expected, (part.title, book.numbers)
    for index in range(first, len(book.pages)):
        blank = book.pages[index] == ""
        # GB/T 9704 §7.5: a blank page carries no number; every other page does.
        assert (book.numbers[index] is None) == blank, (index + 1, book.numbers)


@pytest.mark.parametrize("name", BUILTIN)
def test_each_document_starts_on_a_right_hand_page(printed: dict[str, Printed], name: str) -> None:
    """Duplex: the 目录 and every part that is a document of its own open an odd page;
    an attachment that continues its document follows on the next page."""
    book = printed[name]
    starts = book.starts()
    for part, start in zip(book.parts, starts, strict=True):
        if part.restart:
            assert start % 2 == 0, (part.title, start + 1)  # 0-based even = odd page
        else:
            assert book.pages[start - 1] != "", part.title  # no blank before an attachment
    contents = [i for i, text in enumerate(book.pages[: starts[0]]) if text.startswith("目录")]
    assert all(i % 2 == 0 for i in contents)


@pytest.mark.parametrize("name", BUILTIN)
def test_contents_list_every_part_at_its_printed_page(
    printed: dict[str, Printed], name: str
) -> None:
    """A volume of more than three parts has a 目录 whose numbers are the pages printed where
    each part starts (read from the PDF); a volume of three has none."""
    book = printed[name]
    with pdfplumber.open(book.pdf) as pdf:
        front = [pdf.pages[i].extract_text() or "" for i in range(book.first_body())]
    opens = next((i for i, t in enumerate(front) if _squeeze(t).startswith("目录")), None)
    contents = front[opens:] if opens is not None else []  # the 目录 runs to the first part
    if len(book.parts) <= 3:
        assert contents == []
        return
    lines = [line.strip() for text in contents for line in text.splitlines()]
    listed = [int(m.group(1)) for line in lines if (m := _ENTRY.search(line))]
    printed_at = [book.numbers[start] for start in book.starts()]
    assert listed == printed_at
    assert len(set(listed)) == len(listed) if book.through else listed[0] == 1
    joined = _squeeze("".join(contents))
    assert all(part.title in joined for part in book.parts)


@pytest.fixture(scope="module")
def inspected(printed: dict[str, Printed]) -> dict[str, Inspection]:
    """Each volume's PDF inspected once, with its merged .docx."""
    return {name: inspect_pdf(book.pdf, source=book.docx) for name, book in printed.items()}


@pytest.mark.parametrize("name", BUILTIN)
def test_inspect_judges_each_part_of_the_volume_on_its_pages(
    printed: dict[str, Printed], inspected: dict[str, Inspection], name: str
) -> None:
    """``docgen inspect`` finds the parts where the recipe put them (a part of its own where
    the numbers restart or the 目录 leads), passes the restarts, and judges each part's numbers
    on its own pages; judged as one document, the same volume fails its numbering."""
    book, report = printed[name], inspected[name]
    assert report.layout is not None
    has_contents = len(book.parts) > 3
    expected = [start + 1 for part, start in zip(book.parts, book.starts(), strict=True)
                if has_contents or part.restart or start == book.first_body()]  # fmt: skip
    assert [part[0] for part in report.layout.parts] == expected
    front = range(book.first_body())
    assert report.layout.front == tuple(i + 1 for i in front if book.pages[i] != "")
    assert [f.code for f in report.findings if f.status == "fail"] == []
    for part in report.parts:
        numbers = {f.code: f.status for f in part.findings}
        assert numbers["page_number_form"] == "pass", (part.pages, part.measurements.title)
    whole = {f.code: f.status for f in document_findings(report.measurements, GBT_9704)}
    if not book.through:
        assert whole["page_number_form"] == "fail"  # the restarts, read as one document


@pytest.mark.parametrize("name", BUILTIN)
def test_volumes_pass_inspect_part_by_part(
    printed: dict[str, Printed], inspected: dict[str, Inspection], name: str
) -> None:
    """Every built-in volume passes every check, each upright part's title found as its title."""
    report = inspected[name]
    assert report.failures == []
    titles = {part.title for part in printed[name].parts}
    for part in report.parts:
        if not part.measurements.pages[0].width_mm > part.measurements.pages[0].height_mm:
            assert _squeeze(part.measurements.title) in titles, part.pages


@pytest.mark.parametrize("name", BUILTIN)
def test_each_part_opens_in_the_first_grid_row(printed: dict[str, Printed], name: str) -> None:
    """The first line of every upright part sits in the text block's first row, 37 mm down,
    like every later page (an empty header added by the merge set it 5.9 mm higher)."""
    book = printed[name]
    with pdfplumber.open(book.pdf) as pdf:
        for start in book.starts():
            page = pdf.pages[start]
            if page.width > page.height:
                continue
            height = float(page.height)
            top = min((c for c in page.chars if c["upright"]), key=lambda c: -c["matrix"][5])
            baseline, size = height - top["matrix"][5], float(top["size"])
            row_top = baseline - EM_ABOVE * size - (28.95 - size) / 2
            assert pt_to_mm(row_top) == pytest.approx(37, abs=1), (start + 1, top["text"])


@pytest.mark.parametrize("name", BUILTIN)
def test_attachments_labelled_and_listed_on_paper(printed: dict[str, Printed], name: str) -> None:
    """GB/T 9704 §7.3.4, §7.3.7 in the volume: each attachment (the landscape 台账 or 安排表)
    opens with its label in 16 pt 黑体 (the family 黑体 prints in on Linux) flush left on the
    first line and its title on the third; the page before lists it in the parent's 附件说明."""
    book = printed[name]
    attached = [(part, start) for part, start in zip(book.parts, book.starts(), strict=True)
                if part.label]  # fmt: skip
    assert attached, "the volume binds in an attachment"
    family = stand_in(DEFAULT_STYLE.label_font)
    assert family is not None
    with pdfplumber.open(book.pdf) as pdf:
        for part, start in attached:
            page = pdf.pages[start]
            landscape = page.width > page.height
            margins = DEFAULT_STYLE.landscape_margins() if landscape else DEFAULT_STYLE.margins
            chars = sorted((c for c in page.chars if c["upright"] and c["text"].strip()),
                           key=lambda c: (round(c["bottom"]), c["x0"]))  # fmt: skip
            first = [c for c in chars if round(c["bottom"]) == round(chars[0]["bottom"])]
            assert "".join(c["text"] for c in first) == part.label
            assert all(c["fontname"].split("+")[-1].startswith(family) for c in first)
            assert all(c["size"] == pytest.approx(16, abs=0.05) for c in first)
            assert pt_to_mm(first[0]["x0"]) == pytest.approx(margins.left, abs=0.2)
            title = next(c for c in chars if c["size"] == DEFAULT_STYLE.title_pt)
            row = (title["bottom"] - margins.top / 25.4 * 72) // DEFAULT_STYLE.line_pt
            assert row == 2, (part.title, title["bottom"])  # the third line
            assert f"附件：{part.title}" in book.pages[start - 1] or (
                f"{part.label.removeprefix('附件')}.{part.title}" in book.pages[start - 1]
            ), (part.title, book.pages[start - 1][-200:])


@pytest.mark.parametrize("name", BUILTIN)
def test_landscape_pages_number_at_the_foot_of_the_sheet(
    inspected: dict[str, Inspection], name: str
) -> None:
    """GB/T 9704-2012 §8 in the bound volume: every landscape page's number is turned with
    the sheet to its foot (the page's left edge, reading top to bottom) and sits, on the sheet
    held upright, where the upright pages' numbers sit: same side by parity, the same gap from
    the block's edge and the same height below it, within 0.5 mm. The table's head is the
    landscape page's top, 28 mm from it, i.e. along the sheet's left edge: the binding edge of
    an odd page, the fore-edge of an even one."""
    report = inspected[name]
    numbers = [n for part in report.parts for n in part.measurements.page_numbers]
    wide = [n for n in numbers if n.landscape]
    upright = [n for n in numbers if not n.landscape]
    assert wide, "the volume has landscape pages"
    assert all(n.turned and n.from_ink for n in wide), [n.page for n in wide if not n.turned]
    for parity, side in ((1, "right"), (0, "left")):
        ours = [n for n in wide if (n.value or 0) % 2 == parity]
        theirs = [n for n in upright if (n.value or 0) % 2 == parity]
        assert ours
        assert theirs
        assert {n.side for n in ours} == {side}
        gap = statistics.median(n.gap_mm for n in theirs)
        below = statistics.median(n.below_block_mm or 0 for n in theirs)
        for n in ours:
            assert n.gap_mm == pytest.approx(gap, abs=0.5), n
            assert n.below_block_mm == pytest.approx(below, abs=0.5), n
    for part in report.parts:
        codes = {f.code: f for f in part.findings}
        if any(n.landscape for n in part.measurements.page_numbers):
            assert codes["page_number_landscape"].status == "pass", part.pages
            assert codes["margin_landscape"].status == "pass", part.pages
            margins = part.measurements.turned_margins
            assert margins is not None
            assert margins.top == pytest.approx(28, abs=1)


def test_cover_is_placed_down_the_page(printed: dict[str, Printed]) -> None:
    """The cover's title sits in the upper third of the page, its unit and date lower down,
    each centred; measured on the PDF."""
    book = printed["zuzhi-shenghuohui"]
    with pdfplumber.open(book.pdf) as pdf:
        page = pdf.pages[0]
        lines = page.extract_text_lines()
        width, height = float(page.width), float(page.height)
    title, *rest = lines
    assert "组织生活会材料" in title["text"]
    assert 0.30 * height < title["top"] < 0.45 * height, title["top"] / height
    assert [_squeeze(x["text"]) for x in rest] == ["中共星河大学信息工程学院教工第一党支部",
                                                   "2026年12月23日"]  # fmt: skip
    assert 0.6 * height < rest[0]["top"] < rest[1]["top"] < 0.85 * height
    for line in lines:
        centre = (line["x0"] + line["x1"]) / 2
        assert abs(centre - width / 2) < 16, line["text"]  # within one character of centre


def test_volume_title_is_the_covers(printed: dict[str, Printed]) -> None:
    """The merged .docx's dc:title is the volume's title, not its first document's."""
    import zipfile

    for name, title in (("zuzhi-shenghuohui", "2026年度组织生活会材料"),
                        ("niandu", "2026年度工作材料"), ("zhenggai", "整改材料")):  # fmt: skip
        with zipfile.ZipFile(printed[name].docx) as package:
            core = package.read("docProps/core.xml").decode()
        assert f"<dc:title>{title}</dc:title>" in core


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
