"""Every built template renders with its fixtures and passes the package checks and layout rules."""

from __future__ import annotations

import io
import re

import docx as python_docx
import openpyxl
import pytest

import docgen
from docgen.context import read_data
from docgen.data.kinds import KINDS
from docgen.library import list_templates
from docgen.zh import heading_ordinal
from tests.templates.conftest import ROOT, built_templates, case_id, cases
from tests.templates.reading import NS, Docx, q

CASES = cases()
HEADINGS = ("Heading1", "Heading2", "Heading3", "Heading4")


def test_catalogue_is_in_the_library() -> None:
    """The three reference templates are shipped, each with both fixtures."""
    names = {m.name for m in built_templates()}
    assert {"plans/zhenggai-fangan", "plans/zhenggai-taizhang", "reports/zhiweihui-jilu"} <= names


@pytest.mark.parametrize("manifest", list_templates(), ids=lambda m: m.name)
def test_manifest_kind_is_a_data_kind(manifest: docgen.library.Manifest) -> None:
    """Every shipped manifest names a data kind docgen knows, and its template checks clean."""
    assert manifest.kind in KINDS
    errors = [p for p in docgen.check_template(manifest.template) if p.severity == "error"]
    assert errors == []


@pytest.mark.parametrize("manifest", list_templates(), ids=lambda m: m.name)
def test_example_renders(manifest: docgen.library.Manifest) -> None:
    """Every shipped template renders with the example beside its manifest."""
    assert manifest.example_path is not None
    context = read_data(manifest.example_path, manifest.kind, wanted_by=manifest.name).context
    blob = docgen.load(manifest.template).render(context)
    if manifest.template.suffix == ".xlsx":
        assert openpyxl.load_workbook(io.BytesIO(blob)).worksheets  # a workbook that reads
    else:
        assert docgen.verify_package(blob) == []


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_package_checks(rendered: dict[tuple[str, str], Docx], case: tuple[str, str]) -> None:
    """The rendered document passes the engine's package checks."""
    assert docgen.verify_package(rendered[case].blob) == []


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_page_setup(rendered: dict[tuple[str, str], Docx], case: tuple[str, str]) -> None:
    """A4 with margins 37/35/28/26 mm (turned for landscape), footer 25 mm, 579-twip grid."""
    for sect in rendered[case].sections():
        size = sect.find("w:pgSz", NS)
        margins = sect.find("w:pgMar", NS)
        grid = sect.find("w:docGrid", NS)
        dims = (size.get(q("w:w")), size.get(q("w:h")))
        sides = [margins.get(q(f"w:{s}")) for s in ("top", "bottom", "left", "right")]
        if size.get(q("w:orient")) == "landscape":
            assert dims == ("16838", "11906")
            assert sides == ["1587", "1474", "1984", "2098"]
            # The footer moves down by what the turned bottom margin lost (35 − 26 mm), so the
            # page number sits as far below the block as on portrait pages; no line grid, which
            # LibreOffice would centre 1.4 mm low in the 15.3-row turned block.
            assert margins.get(q("w:footer")) == "907"
            assert (grid.get(q("w:type")), grid.get(q("w:linePitch"))) == (None, "579")
        else:
            assert dims == ("11906", "16838")
            assert sides == ["2098", "1984", "1587", "1474"]
            assert margins.get(q("w:footer")) == "1417"
            assert (grid.get(q("w:type")), grid.get(q("w:linePitch"))) == ("lines", "579")


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_fonts_come_from_styles_and_no_run_repeats_them(
    rendered: dict[tuple[str, str], Docx], case: tuple[str, str]
) -> None:
    """Every paragraph style used has its East Asian font; python-docx sees no run naming a font
    or size of its own, so "修改样式" in Word changes the text (issue 9 §6)."""
    doc = rendered[case]
    for style in {p.style for p in doc.paragraphs()}:
        assert doc.east_asian_font(style), style
    opened = python_docx.Document(io.BytesIO(doc.blob))
    runs = [r for p in opened.paragraphs for r in p.runs]
    cells = [c for t in opened.tables for row in t.rows for c in row.cells]
    runs += [r for c in cells for p in c.paragraphs for r in p.runs]
    assert runs
    for run in runs:
        assert (run.font.name, run.font.size) == (None, None), run.text
        props = run._r.rPr
        assert props is None or props.find(q("w:rFonts")) is None, run.text
        if props is not None and props.find(q("w:rStyle")) is not None:
            assert run.style.element.find(f"{q('w:rPr')}/{q('w:rFonts')}") is not None


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_body_text_size_and_spacing(
    rendered: dict[tuple[str, str], Docx], case: tuple[str, str]
) -> None:
    """Body text: 3号 (16 pt) 仿宋_GB2312, exactly 28.95 pt, first line indented 2 characters."""
    doc = rendered[case]
    normal = doc.style("Normal")
    assert normal.find("w:rPr/w:sz", NS).get(q("w:val")) == "32"
    spacing = normal.find("w:pPr/w:spacing", NS)
    assert (spacing.get(q("w:line")), spacing.get(q("w:lineRule"))) == ("579", "exact")
    ind = normal.find("w:pPr/w:ind", NS)
    assert (ind.get(q("w:firstLineChars")), ind.get(q("w:firstLine"))) == ("200", "640")
    assert doc.east_asian_font("Normal") == "仿宋_GB2312"
    assert doc.east_asian_font("Title") == "方正小标宋简体"


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_heading_numbering(rendered: dict[tuple[str, str], Docx], case: tuple[str, str]) -> None:
    """Ordinals run 一、二、三… per level, restart under a new parent; no heading is empty."""
    counters = [0, 0, 0, 0]
    for para in rendered[case].paragraphs():
        if para.style not in HEADINGS:
            continue
        level = HEADINGS.index(para.style) + 1
        counters[level - 1] += 1
        counters[level:] = [0] * (4 - level)
        expected = heading_ordinal(counters[level - 1], level)
        assert para.text.startswith(expected), (para.text, expected)
        assert para.text[len(expected) :].strip(), f"empty heading {para.text!r}"


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_no_placeholders_left(rendered: dict[tuple[str, str], Docx], case: tuple[str, str]) -> None:
    """No “None”, no tag, no dangling “：” (signature lines excepted: the space is for a pen;
    salutations and addressees end with their colon by rule). A lead-in sentence may end
    with its colon when text follows it (“……提三点希望：” before the points)."""
    paragraphs = rendered[case].paragraphs()
    for index, para in enumerate(paragraphs):
        assert "None" not in para.text
        assert "{{" not in para.text
        assert "{%" not in para.text
        assert not re.search("：[；。，、]", para.text), para.text
        if para.style not in ("SignLine", "Salutation") and para.text.rstrip().endswith("："):
            after = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            assert after is not None, para.text
            assert after.text.strip(), para.text
            assert after.style != "SignLine", para.text


def test_full_fixture_reaches_the_document(rendered: dict[tuple[str, str], Docx]) -> None:
    """Data from the fixtures shows up where the templates put it."""
    plan = "\n".join(rendered[("plans/zhenggai-fangan", "full")].outline())
    assert "五、保障措施" in plan
    assert "（六）制度建设方面" in plan
    assert "整改时限：长期坚持。" in plan
    ledger = "\n".join(rendered[("plans/zhenggai-taizhang", "full")].outline())
    assert "[table 13x9]" in ledger
    minutes = "\n".join(rendered[("reports/zhiweihui-jilu", "full")].outline())
    assert "赞成5票，不赞成0票，弃权0票" in minutes
    assert "缺席人员及原因 | 无" in minutes


def test_minimal_fixture_keeps_numbering_continuous(
    rendered: dict[tuple[str, str], Docx],
) -> None:
    """With only problems given, the plan's one section is 一、 and the others are absent."""
    doc = rendered[("plans/zhenggai-fangan", "min")]
    headings = [p.text for p in doc.paragraphs() if p.style == "Heading1"]
    assert headings == ["一、问题清单及整改措施"]
    ledger = rendered[("plans/zhenggai-taizhang", "min")]
    assert ledger.sections()[-1].find("w:pgSz", NS).get(q("w:orient")) == "landscape"


def test_example_beside_manifest_is_the_minimal_fixture() -> None:
    """Each built template's example.yaml is its minimal fixture, byte for byte."""
    for manifest in built_templates():
        assert manifest.example_path is not None
        assert manifest.example_path.read_bytes() == (ROOT / manifest.minimal).read_bytes()


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_document_title_is_the_printed_title(
    rendered: dict[tuple[str, str], Docx], case: tuple[str, str]
) -> None:
    """dc:title (Word's 文件 → 属性) reads the title the page prints (issue 9 §6)."""
    doc = rendered[case]
    # The printed title may be broken into lines by sense; the property is the one-line title.
    titles = [re.sub(r"\s", "", p.text) for p in doc.paragraphs() if p.style == "Title"]
    title = python_docx.Document(io.BytesIO(doc.blob)).core_properties.title
    assert titles
    assert re.sub(r"\s", "", title) in ("".join(titles), titles[0]), (title, titles)
    assert "{" not in title
