"""inspect_pdf on documents LibreOffice really rendered: the house style passes, wrong ones fail."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from docgen.inspect import FontRoles, Inspection, LayoutSpec, inspect_pdf
from docgen.inspect.fonts import family_of
from tests.inspect.house_docx import DOCUMENTS, build_docx

pytestmark = pytest.mark.real

ROLES = ("title", "body", "h1", "h2", "h3", "h4")
FONT_CODES = {f"font_{role}" for role in ROLES}


@pytest.fixture(scope="module")
def reports(pdfs: dict[str, Path]) -> dict[str, Inspection]:
    """Each shared PDF inspected once against GB/T 9704, with the .docx it was made from."""
    return {
        name: inspect_pdf(path, source=path.with_suffix(".docx")) for name, path in pdfs.items()
    }


def failing(report: Inspection) -> set[str]:
    """Codes of the failing findings, fonts left out (they depend on the installed faces)."""
    return {f.code for f in report.failures} - FONT_CODES


def test_house_style_passes_every_layout_check(reports: dict[str, Inspection]) -> None:
    """The house-style document passes margins, size, pitch, lines, characters and numbers."""
    report = reports["good"]
    assert failing(report) == set()
    assert not [f.code for f in report.findings if f.status == "skip"]


def test_house_style_margins_within_a_millimetre(reports: dict[str, Inspection]) -> None:
    """Margins measured on the page are the 37/35/28/26 mm of the section, within ±1 mm."""
    margins = reports["good"].measurements.margins
    assert margins.top == pytest.approx(37, abs=1)
    assert margins.bottom == pytest.approx(35, abs=1)
    assert margins.left == pytest.approx(28, abs=0.5)
    assert margins.right == pytest.approx(26, abs=1)


def test_house_style_body_figures(reports: dict[str, Inspection]) -> None:
    """16 pt body on a 28.95 pt pitch: 22 lines on a full page, 28 characters."""
    body = reports["good"].measurements.body
    assert body.size == 16
    assert body.pitch == pytest.approx(28.95, abs=0.1)
    assert body.lines_per_page == 22
    assert body.full_page in {1, 2, 3}
    assert body.chars_per_line == 28


def test_page_numbers_alternate_sides(reports: dict[str, Inspection]) -> None:
    """Odd numbers sit right, even numbers left, one 4号 character in, dash line about 7 mm down."""
    numbers = reports["good"].measurements.page_numbers
    assert [n.value for n in numbers] == [1, 2, 3, 4]
    assert [n.side for n in numbers] == ["right", "left", "right", "left"]
    assert all(3.9 <= n.gap_mm <= 6.6 for n in numbers)
    assert all(n.from_ink for n in numbers)
    assert all(n.below_block_mm is not None and 6 <= n.below_block_mm <= 8 for n in numbers)


def test_fonts_are_the_ones_the_pdf_embeds(
    pdfs: dict[str, Path], reports: dict[str, Inspection]
) -> None:
    """Every font reported for the body is a font pdffonts lists for the file."""
    listed = subprocess.run(
        ["pdffonts", str(pdfs["good"])], check=True, capture_output=True, text=True
    ).stdout
    embedded = {line.split()[0].split("+", 1)[-1] for line in listed.splitlines()[2:]}
    fonts = reports["good"].measurements.fonts
    assert set(fonts["body"]) <= embedded
    assert set(fonts["page_number"]) <= embedded


def test_font_checks_follow_the_expected_family(pdfs: dict[str, Path]) -> None:
    """Font checks judge the family of the embedded face; expecting those families passes all."""
    report = inspect_pdf(pdfs["good"])
    fonts = report.measurements.fonts
    families = {role: family_of(fonts[role].most_common(1)[0][0]) for role in ROLES}
    body = next(f for f in report.findings if f.code == "font_body")
    assert (body.status == "pass") == (families["body"] == "fangsong")
    assert None not in families.values()
    as_printed = LayoutSpec(fonts=FontRoles(**{k: str(v) for k, v in families.items()}))
    assert inspect_pdf(pdfs["good"], as_printed).passed


def test_wrong_margin_and_body_size_fail_their_checks(reports: dict[str, Inspection]) -> None:
    """30 mm top margin and 12 pt body: margins, size and characters fail; lines still 22.

    LibreOffice centres the 22-line grid in the taller body area, so the printed block moves
    down: the top margin reads about 34 mm, the bottom about 38.5 mm, and the page numbers,
    which stay put, end up 10 mm below the block.
    """
    report = reports["bad"]
    assert failing(report) == {
        "margin_top",
        "margin_bottom",
        "body_size",
        "chars_per_line",
        "page_number_height",
    }
    assert report.measurements.body.size == 12
    assert report.measurements.body.chars_per_line == 36
    assert report.measurements.body.lines_per_page == 22
    assert report.measurements.margins.top == pytest.approx(33.8, abs=0.5)


def test_wrong_page_numbers_fail_their_checks(reports: dict[str, Inspection]) -> None:
    """Hyphens, a 17.5 mm footer and no indent fail form, height and both placements."""
    report = reports["numbers"]
    assert failing(report) == {
        "page_number_form",
        "page_number_height",
        "page_number_odd",
        "page_number_even",
    }
    numbers = report.measurements.page_numbers
    assert numbers[0].text == "- 1 -"
    assert all(n.gap_mm < 1 for n in numbers)


def test_single_page_skips_what_needs_a_full_page(reports: dict[str, Inspection]) -> None:
    """One page: bottom margin, lines per page and even numbers are skipped, not failed."""
    report = reports["short"]
    skipped = {f.code for f in report.findings if f.status == "skip"}
    assert {"margin_bottom", "lines_per_page", "page_number_even"} <= skipped
    assert failing(report) == set()
    assert report.measurements.margins.top == pytest.approx(37, abs=1)


def test_report_reads_in_both_languages(reports: dict[str, Inspection]) -> None:
    """The text report names checks in Chinese by default and in English on request."""
    from docgen.i18n import set_language

    report = reports["bad"]
    assert "上白边（天头）" in report.describe()
    set_language("en")
    text = report.describe()
    assert "top margin" in text
    assert "check(s) failed" in text


@pytest.fixture(scope="module")
def through_convert(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Inspection]:
    """The good and the bad document converted by docgen.convert (Fandol aliases), inspected."""
    from docgen.convert import to_pdf

    folder = tmp_path_factory.mktemp("through-convert")
    sources = []
    for name in ("good", "bad"):
        sources.append(folder / f"{name}.docx")
        sources[-1].write_bytes(build_docx(DOCUMENTS[name]))
    result = to_pdf(sources, folder / "pdf", workers=1).raise_for_failures()
    return {p.stem: inspect_pdf(p) for p in result.paths}


def test_house_style_through_docgen_convert_passes_everything(
    through_convert: dict[str, Inspection],
) -> None:
    """With docgen's font mapping the body prints in FandolFang, headings in FandolHei/Kai."""
    report = through_convert["good"]
    assert report.failures == [], report.describe()
    fonts = report.measurements.fonts
    assert fonts["body"].most_common(1)[0][0].startswith("FandolFang")
    assert fonts["h1"].most_common(1)[0][0].startswith("FandolHei")
    assert fonts["h2"].most_common(1)[0][0].startswith("FandolKai")


def test_wrong_document_through_docgen_convert_fails_the_same_checks(
    through_convert: dict[str, Inspection],
) -> None:
    """The font mapping does not rescue a 30 mm margin and a 12 pt body."""
    report = through_convert["bad"]
    assert {f.code for f in report.failures} == {
        "margin_top",
        "margin_bottom",
        "body_size",
        "chars_per_line",
        "page_number_height",
    }
