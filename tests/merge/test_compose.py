"""merge(): lists, ids, sections, headers, styles and breaks of the merged package."""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

import pytest
from docx import Document

import docgen
from docgen.exceptions import BundleError
from docgen.merge import CoverPage, Part, merge
from tests.merge.builder import Doc, para
from tests.merge.support import (
    R,
    W,
    doc_a,
    doc_b,
    doc_c,
    doc_d,
    names,
    page_sizes,
    pdf_pages,
    to_pdf,
    xml,
)


@pytest.fixture(scope="module")
def bundle() -> bytes:
    """甲 (portrait), 乙 (landscape, restart), 丙 (master's headers), 丁 (page break)."""
    return merge([
        Part(doc_a().build(), title="甲"),
        Part(doc_b().build(), restart_page_numbers=True, title="乙"),
        Part(doc_c().build(), keep_headers=False, title="丙"),
        Part(doc_d().build(), start="page", title="丁"),
    ])  # fmt: skip


def _sections(blob: bytes) -> list:
    return list(xml(blob).iter(f"{W}sectPr"))


def _attr(el, name: str) -> str | None:
    return el.get(f"{W}{name}")


def test_package_verifies(bundle: bytes) -> None:
    """docPr, bookmark and relationship ids are unique and every relationship resolves."""
    assert docgen.verify_package(bundle) == []
    doc = xml(bundle)
    docpr = [el.get("id") for el in doc.iter("{*}docPr")]
    assert len(docpr) == 2
    assert len(set(docpr)) == 2
    marks = [_attr(el, "name") for el in doc.iter(f"{W}bookmarkStart")]
    assert sorted(marks) == ["mark", "mark_2"]


def test_media_of_every_part_carried(bundle: bytes) -> None:
    """Both parts' pictures resolve; the identical picture is stored once."""
    media = [n for n in names(bundle) if n.startswith("word/media/")]
    assert media == ["word/media/image1.png"]
    rels = xml(bundle, "word/_rels/document.xml.rels")
    embeds = [el.get(f"{R}embed") for el in xml(bundle).iter("{*}blip")]
    targets = {r.get("Id"): r.get("Target") for r in rels}
    assert all(targets[rid] == "media/image1.png" for rid in embeds)


def test_lists_restart_per_part(bundle: bytes) -> None:
    """Each part's list gets its own num and abstractNum, without shared nsid."""
    doc = xml(bundle)
    used = [el.get(f"{W}val") for el in doc.iter(f"{W}numId")]
    assert used[0] == used[1]
    assert used[2] == used[3]
    assert used[0] != used[2]
    numbering = xml(bundle, "word/numbering.xml")
    nums = {n.get(f"{W}numId"): n.find(f"{W}abstractNumId").get(f"{W}val")
            for n in numbering.iter(f"{W}num")}  # fmt: skip
    assert nums[used[0]] != nums[used[2]]
    nsids = Counter(el.get(f"{W}val") for el in numbering.iter(f"{W}nsid"))
    assert all(count == 1 for count in nsids.values())


def test_sections_keep_page_setup(bundle: bytes) -> None:
    """甲 portrait, 乙 landscape with a next-page break, 丙 portrait; 丁 joins 丙's section."""
    sects = _sections(bundle)
    assert len(sects) == 3
    widths = [_attr(s.find(f"{W}pgSz"), "w") for s in sects]
    assert widths == ["11906", "16838", "11906"]
    assert _attr(sects[1].find(f"{W}pgSz"), "orient") == "landscape"
    assert [_attr(s.find(f"{W}type"), "val") for s in sects[1:]] == ["nextPage", "nextPage"]


def test_page_numbers_restart_only_where_asked(bundle: bytes) -> None:
    """乙 restarts at 1; 丙 continues."""
    starts = [(s.find(f"{W}pgNumType") is not None and _attr(s.find(f"{W}pgNumType"), "start"))
              for s in _sections(bundle)]  # fmt: skip
    assert starts == [False, "1", False]


def test_headers_per_part(bundle: bytes) -> None:
    """甲 and 乙 keep their own header parts; 丙 points at the master's (甲's)."""
    sects = _sections(bundle)
    refs = [[r.get(f"{R}id") for r in s.iter(f"{W}headerReference")] for s in sects]
    assert refs[0] != refs[1]
    assert refs[2] == refs[0]
    rels = {r.get("Id"): r.get("Target") for r in xml(bundle, "word/_rels/document.xml.rels")}
    texts = ["".join(xml(bundle, f"word/{rels[r[0]]}").itertext()) for r in refs]
    assert texts == ["甲页眉", "乙页眉", "甲页眉"]


def test_no_trailing_or_inner_page_breaks(bundle: bytes) -> None:
    """The page breaks that ended 甲 and 丁 are gone; 丁 starts with pageBreakBefore."""
    doc = xml(bundle)
    assert not [b for b in doc.iter(f"{W}br") if _attr(b, "type") == "page"]
    body = doc.find(f"{W}body")
    last_p = body.findall(f"{W}p")[-1]
    assert "".join(last_p.itertext()) == "丁正文"
    starts = [p for p in body.iter(f"{W}p") if p.find(f"{W}pPr/{W}pageBreakBefore") is not None]
    assert ["".join(p.itertext()) for p in starts] == ["丁部分标题"]


def test_opens_in_python_docx_in_order(bundle: bytes) -> None:
    """python-docx reads every part's text, in order."""
    texts = [p.text for p in Document(io.BytesIO(bundle)).paragraphs if p.text]
    heads = [t for t in texts if t.endswith("部分标题")]
    assert heads == ["甲部分标题", "乙部分标题", "丙部分标题", "丁部分标题"]


def test_different_default_font_kept(bundle: bytes) -> None:
    """乙's defaults (Serif) are folded into a copied Normal that its paragraphs name."""
    styles = xml(bundle, "word/styles.xml")
    by_id = {s.get(f"{W}styleId"): s for s in styles.iter(f"{W}style")}
    doc = xml(bundle)
    para_b = next(p for p in doc.iter(f"{W}p") if "".join(p.itertext()) == "乙一项")
    sid = para_b.find(f"{W}pPr/{W}pStyle").get(f"{W}val")
    fonts = by_id[sid].find(f"{W}rPr/{W}rFonts")
    assert sid != "Normal"
    assert fonts.get(f"{W}eastAsia") == "Noto Serif CJK SC"
    head_b = next(p for p in doc.iter(f"{W}p") if "".join(p.itertext()) == "乙部分标题")
    head_id = head_b.find(f"{W}pPr/{W}pStyle").get(f"{W}val")
    assert head_id != "Heading1"
    assert by_id[head_id].find(f"{W}rPr/{W}sz").get(f"{W}val") == "44"
    assert by_id[head_id].find(f"{W}basedOn").get(f"{W}val") == sid


def test_identical_styles_are_not_copied() -> None:
    """Parts with the master's exact styles add no styles."""
    blob = doc_c().build()
    merged = merge([Part(blob), Part(blob), Part(blob)])
    ids = [s.get(f"{W}styleId") for s in xml(merged, "word/styles.xml").iter(f"{W}style")]
    assert ids == ["Normal", "Heading1", "TableNormal"]


def test_inner_continuous_break_kept() -> None:
    """A part's own continuous section break stays continuous after the merge."""
    inner = ('<w:p><w:pPr><w:sectPr><w:type w:val="continuous"/><w:pgSz w:w="11906" '
             'w:h="16838"/></w:sectPr></w:pPr><w:r><w:t>上节</w:t></w:r></w:p>')  # fmt: skip
    second = Doc(inner + para("下节")).build()
    merged = merge([Part(doc_c().build()), Part(second)])
    types = [_attr(s.find(f"{W}type"), "val") if s.find(f"{W}type") is not None else None
             for s in _sections(merged)]  # fmt: skip
    assert types == [None, "nextPage", None]


def test_own_restart_removed_when_not_asked() -> None:
    """A part that restarted its numbers on its own continues when merged without restart."""
    second = Doc(para("续页"), sect_extra='<w:pgNumType w:fmt="decimal" w:start="1"/>').build()
    merged = merge([Part(doc_c().build()), Part(second)])
    num = _sections(merged)[1].find(f"{W}pgNumType")
    assert _attr(num, "start") is None
    assert _attr(num, "fmt") == "decimal"


def test_part_without_headers_gets_empty_ones() -> None:
    """A part keeping its (absent) headers does not inherit the previous part's."""
    merged = merge([Part(doc_a().build()), Part(doc_d().build())])
    refs = [r.get(f"{R}id") for r in _sections(merged)[1].iter(f"{W}headerReference")]
    rels = {r.get("Id"): r.get("Target") for r in xml(merged, "word/_rels/document.xml.rels")}
    assert len(refs) == 1
    assert "".join(xml(merged, f"word/{rels[refs[0]]}").itertext()) == ""


def test_section_break_after_table_uses_tiny_paragraph() -> None:
    """A part ending in a table closes its section in a one-twip paragraph."""
    table = ('<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid><w:tr><w:tc>'
             "<w:tcPr/><w:p><w:r><w:t>格</w:t></w:r></w:p></w:tc></w:tr></w:tbl>")  # fmt: skip
    merged = merge([Part(Doc(table).build()), Part(doc_c().build())])
    body = xml(merged).find(f"{W}body")
    carrier = body[1]
    assert body[0].tag == f"{W}tbl"
    assert carrier.find(f"{W}pPr/{W}sectPr") is not None
    assert carrier.find(f"{W}pPr/{W}spacing").get(f"{W}line") == "20"


def test_cover_and_toc() -> None:
    """A generated cover, then a TOC field pre-filled with each part's title and page 1."""
    parts = [Part(doc_c().build(), restart_page_numbers=True),
             Part(doc_d().build(), restart_page_numbers=True)]  # fmt: skip
    merged = merge(parts, cover=CoverPage("汇编封面", ("某党支部",)), toc=True)
    assert docgen.verify_package(merged) == []
    doc = xml(merged)
    instr = "".join(el.text or "" for el in doc.iter(f"{W}instrText"))
    assert 'TOC \\o "1-1"' in instr
    assert instr.count("PAGEREF _TocMg") == 2
    links = [el.get(f"{W}anchor") for el in doc.iter(f"{W}hyperlink")]
    assert links == ["_TocMg1", "_TocMg2"]
    settings = xml(merged, "word/settings.xml") if "word/settings.xml" in names(merged) else None
    assert settings is None  # the test documents have no settings part to carry the flag
    texts = [t for t in ("".join(p.itertext(f"{W}t")) for p in doc.iter(f"{W}p")) if t]
    assert texts[:4] == ["汇编封面", "某党支部", "目　录", "丙部分标题1"]


def test_toc_sets_update_fields_in_settings() -> None:
    """When the master has settings, w:updateFields is switched on."""
    blob = _rendered(1)[0]
    merged = merge([Part(blob), Part(blob)], toc=True)
    settings = xml(merged, "word/settings.xml")
    assert settings.find(f"{W}updateFields").get(f"{W}val") == "true"
    assert docgen.verify_package(merged) == []


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (lambda: merge([]), "no documents"),
        (lambda: Part(b"x", start="odd"), "start must be"),  # type: ignore[arg-type]
        (lambda: Part(b"x", start="page", restart_page_numbers=True), "needs start='section'"),
        (lambda: merge([Part(b"not a zip", title="坏文件")]), "坏文件"),
        (lambda: merge([Part(doc_c().build())], toc_levels=0), "toc_levels"),
    ],
)
def test_errors_are_bundle_errors(call, fragment: str) -> None:
    """Bad input raises BundleError naming the part or option."""
    with pytest.raises(BundleError) as err:
        call()
    assert fragment in err.value.message_en + err.value.message_zh


# -- real: LibreOffice ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pdfs(bundle: bytes, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The bundle and a cover+TOC variant, converted in one soffice call."""
    front = merge([Part(doc_c().build()), Part(doc_d().build(), restart_page_numbers=True)],
                  cover=CoverPage("汇编封面"), toc=True)  # fmt: skip
    docs = {"bundle": bundle, "front": front}
    rendered = _rendered(3)
    docs.update({f"rendered{i}": blob for i, blob in enumerate(rendered)})
    docs["rendered_merged"] = merge([Part(b, restart_page_numbers=True) for b in rendered])
    return to_pdf(docs, tmp_path_factory.mktemp("merge-pdf"))


def _rendered(count: int) -> list[bytes]:
    from bench.data import make_context

    tpl = docgen.load(Path(__file__).resolve().parents[2] / "bench" / "rectification.docx")
    return [tpl.render(make_context(10, seed=seed)) for seed in range(count)]


@pytest.mark.real
def test_pdf_rendered_parts_keep_their_page_counts(pdfs: dict[str, Path]) -> None:
    """Three rendered 整改措施 documents merged: as many pages as the three alone, in order."""
    alone = [pdf_pages(pdfs[f"rendered{i}"]) for i in range(3)]
    merged = pdf_pages(pdfs["rendered_merged"])
    assert len(merged) == sum(len(pages) for pages in alone)
    at = 0
    for pages in alone:
        first_line = pages[0].strip().splitlines()[0].strip()
        assert merged[at].strip().splitlines()[0].strip() == first_line
        at += len(pages)


@pytest.mark.real
def test_pdf_page_count_and_order(pdfs: dict[str, Path]) -> None:
    """Four parts on four pages (甲's picture on its second): no blank page anywhere."""
    pages = pdf_pages(pdfs["bundle"])
    heads = [re.findall(r"[甲乙丙丁]部分标题", page) for page in pages]
    assert heads == [["甲部分标题"], ["乙部分标题"], ["丙部分标题"], ["丁部分标题"]]
    assert all(page.strip() for page in pages)


@pytest.mark.real
def test_pdf_lists_restart(pdfs: dict[str, Path]) -> None:
    """Each part's list begins at 1."""
    pages = pdf_pages(pdfs["bundle"])
    assert re.search(r"1\.\s*甲一项", pages[0])
    assert re.search(r"2\.\s*甲二项", pages[0])
    assert re.search(r"1\.\s*乙一项", pages[1])
    assert re.search(r"2\.\s*乙二项", pages[1])


@pytest.mark.real
def test_pdf_landscape_between_portrait(pdfs: dict[str, Path]) -> None:
    """Page 2 (乙) is landscape, its neighbours portrait."""
    sizes = page_sizes(pdfs["bundle"])
    assert [w > h for w, h in sizes] == [False, True, False, False]


@pytest.mark.real
def test_pdf_page_numbers_and_headers(pdfs: dict[str, Path]) -> None:
    """Footers read 1, 1 (乙 restarts), 2, 3; headers 甲, 乙, 甲 (master's), 甲."""
    pages = pdf_pages(pdfs["bundle"])
    numbers = [re.findall(r"PG\s*(\d+)", page) for page in pages]
    assert numbers == [["1"], ["1"], ["2"], ["3"]]
    assert [re.findall(r"[甲乙]页眉", page) for page in pages] == [
        ["甲页眉"],
        ["乙页眉"],
        ["甲页眉"],
        ["甲页眉"],
    ]


@pytest.mark.real
def test_pdf_fonts_of_both_defaults(pdfs: dict[str, Path]) -> None:
    """乙's Serif default font survives next to the master's Sans."""
    import subprocess

    fonts = subprocess.run(["pdffonts", str(pdfs["bundle"])], check=True, capture_output=True,
                           text=True).stdout  # fmt: skip
    assert "NotoSerifCJK" in fonts
    assert "NotoSansCJK" in fonts


@pytest.mark.real
def test_pdf_cover_and_toc(pdfs: dict[str, Path]) -> None:
    """Cover, contents, then 丙 and 丁 each on one page; nothing after 丁."""
    pages = pdf_pages(pdfs["front"])
    assert len(pages) == 4
    assert "汇编封面" in pages[0]
    assert "目" in pages[1]
    assert "丙部分标题" in pages[1]
    assert "丙部分标题" in pages[2]
    assert "丁部分标题" in pages[3]
