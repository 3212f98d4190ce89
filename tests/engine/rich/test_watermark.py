"""Watermarks: in every section's header, on every page of the PDF."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import docx
import pdfplumber
import pytest
from lxml import etree
from PIL import Image

import docgen
from docgen.engine.ooxml import NSMAP
from docgen.engine.rich import watermark
from docgen.engine.rich.watermark import Watermark, add_watermark
from tests.docx_builder import make_docx, p
from tests.engine.rich.pictures import seal_png
from tests.engine.rich.sample import Sample

W = NSMAP["w"]
R = NSMAP["r"]
MM_PER_PT = 25.4 / 72


def _zip(blob: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(blob))


def _with_settings(blob: bytes, settings: str) -> bytes:
    """``blob`` with a settings part (even/odd headers), related from the main part."""
    source, out = _zip(blob), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/_rels/document.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    f'<Relationship Id="rIdSet" Type="{R}/settings" Target="settings.xml"/>'
                    "</Relationships>".encode(),
                )
            target.writestr(name, data)
        target.writestr("word/settings.xml", f'<w:settings xmlns:w="{W}">{settings}</w:settings>')
    return out.getvalue()


def _sections(blob: bytes) -> list[etree._Element]:
    root = etree.fromstring(_zip(blob).read("word/document.xml"))
    return root.findall(".//w:sectPr", NSMAP)


def test_a_document_without_headers_gets_one_with_the_mark() -> None:
    """No header at all: a new header part, its override, its relationship and reference."""
    out = add_watermark(make_docx(p("正文")), "草稿")
    assert docgen.verify_package(out) == []
    (section,) = _sections(out)
    refs = section.findall("w:headerReference", NSMAP)
    assert [r.get(f"{{{W}}}type") for r in refs] == ["default"]
    header = docx.Document(io.BytesIO(out)).sections[0].header
    assert not header.is_linked_to_previous
    xml = etree.tostring(header._element, encoding="unicode")
    assert "草稿" in xml
    assert 'behindDoc="1"' in xml
    types = _zip(out).read("[Content_Types].xml").decode()
    assert "/word/header1.xml" in types


def test_every_page_kind_and_section_is_covered() -> None:
    """Even pages (evenAndOddHeaders), a distinct first page and a second section that
    inherits: each kind gets a header once; existing header content stays, after the mark."""
    body = p("第一节") + "<w:p><w:pPr><w:sectPr><w:titlePg/></w:sectPr></w:pPr></w:p>" + p("第二节")
    blob = _with_settings(make_docx(body, header=p("页眉文字")), "<w:evenAndOddHeaders/>")
    out = add_watermark(blob, Watermark("征求意见稿"))
    assert docgen.verify_package(out) == []
    first, second = _sections(out)
    kinds = sorted(r.get(f"{{{W}}}type") for r in first.findall("w:headerReference", NSMAP))
    assert kinds == ["default", "even", "first"]
    # The last section keeps the template's default header and inherits the new even one.
    kinds = sorted(r.get(f"{{{W}}}type") for r in second.findall("w:headerReference", NSMAP))
    assert kinds == ["default"]
    archive = _zip(out)
    headers = [n for n in archive.namelist() if n.startswith("word/header")]
    assert len(headers) == 4  # the template's, plus first-section default, even, first
    for name in headers:
        assert archive.read(name).decode().count("征求意见稿") == 1, name
    own = archive.read("word/header1.xml").decode()
    assert own.index("征求意见稿") < own.index("页眉文字")
    ids = [int(i) for n in headers for i in etree.fromstring(archive.read(n)).xpath(
        ".//wp:docPr/@id", namespaces=NSMAP)]  # fmt: skip
    assert len(set(ids)) == len(ids)


SECTIONED = {
    "one section": p("正文"),
    "sections in paragraphs": p("一") + "<w:p><w:pPr><w:sectPr><w:titlePg/></w:sectPr></w:pPr>"
    "</w:p>" + p("二") + '<w:p><w:pPr><w:sectPr w:rsidR="1"/></w:pPr></w:p>' + p("三"),
    "tracked section change": p("一") + "<w:p><w:pPr><w:sectPr><w:sectPrChange w:id=\"1\">"
    '<w:sectPr><w:titlePg/></w:sectPr></w:sectPrChange></w:sectPr></w:pPr></w:p>' + p("二"),
}


@pytest.mark.parametrize("body", list(SECTIONED.values()), ids=list(SECTIONED))
def test_sections_found_in_the_bytes_as_when_parsed_whole(
    body: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The main part with only its section properties rewritten: the same, canonically, as
    the whole part parsed and written; the rest of the body byte for byte as it was."""
    blob = _with_settings(make_docx(body), "<w:evenAndOddHeaders/>")
    spliced = add_watermark(blob, "草稿")
    monkeypatch.setattr(watermark, "_can_splice", lambda _xml: False)
    whole = add_watermark(blob, "草稿")
    assert docgen.verify_package(spliced) == []
    for name in ("word/document.xml", "word/_rels/document.xml.rels"):
        ours, theirs = _zip(spliced).read(name), _zip(whole).read(name)
        assert etree.tostring(etree.fromstring(ours), method="c14n") == etree.tostring(
            etree.fromstring(theirs), method="c14n"
        ), name
    before = _zip(blob).read("word/document.xml")
    after = _zip(spliced).read("word/document.xml")
    if b"sectPrChange" not in before:
        assert _without_sections(after) == _without_sections(before)
        assert after.count(b"<w:headerReference") >= 2  # default and even, on the first


def _without_sections(xml: bytes) -> bytes:
    return re.sub(rb"<w:sectPr\b[^>]*/>|<w:sectPr\b.*?</w:sectPr>", b"", xml, flags=re.DOTALL)


def test_through_render_and_check() -> None:
    """``render(watermark=…)``: the package checks pass, python-docx opens it."""
    template = docgen.Template(make_docx(p("{{ x }}")))
    out = template.render({"x": "正文"}, check=True, watermark="草稿")
    assert docgen.verify_package(out) == []
    assert docx.Document(io.BytesIO(out)).paragraphs[0].text == "正文"
    plain = template.render({"x": "正文"})
    assert not [n for n in _zip(plain).namelist() if n.startswith("word/header")]


def test_picture_watermark_is_washed_out_and_behind() -> None:
    """A picture mark: a media part related from the header, behind the text, washed out."""
    out = add_watermark(make_docx(p("正文")), Watermark.picture(seal_png(), washout=True))
    assert docgen.verify_package(out) == []
    archive = _zip(out)
    header = archive.read("word/header1.xml").decode()
    assert '<a:lum bright="70000" contrast="-70000"/>' in header
    assert 'behindDoc="1"' in header
    rels = archive.read("word/_rels/header1.xml.rels").decode()
    assert "media/docgen_" in rels
    assert [n for n in archive.namelist() if n.startswith("word/media/")]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({}, "文字或图片之一"), ({"text": "草稿", "colour": "grey"}, "颜色"),
     ({"image": b"not a picture"}, "图片格式")],
)  # fmt: skip
def test_bad_watermarks_are_refused(kwargs: dict[str, object], message: str) -> None:
    """Nothing to show, a colour that is no colour, bytes that are no picture."""
    with pytest.raises((ValueError, docgen.RenderError), match=message):
        Watermark(**kwargs)  # type: ignore[arg-type]


@pytest.mark.real
def test_text_watermark_is_in_the_pdf_on_every_page(watermarked: dict[str, Path]) -> None:
    """pdftotext finds 征求意见稿 once per page of the two-page sample, centred on the type area."""
    text = subprocess.run(
        ["pdftotext", str(watermarked["text"]), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")[:-1]
    assert len(pages) == 2
    assert [page.count("征求意见稿") for page in pages] == [1, 1]
    with pdfplumber.open(watermarked["text"]) as document:
        for page in document.pages:
            chars = [c for c in page.chars if c["text"] in "征求意见稿"]
            big = [c for c in chars if c["size"] > 40]
            assert len(big) == 5
            centre_x = (big[0]["x0"] + big[-1]["x1"]) / 2 * MM_PER_PT
            assert centre_x == pytest.approx(28 + 156 / 2, abs=1.5)  # the type area's middle


def _grey_share(png: Path) -> float:
    """How much of the page's middle is light grey (the diagonal mark's colour)."""
    image = Image.open(png).convert("RGB")
    w, h = image.size
    middle = image.crop((w // 4, h // 3, 3 * w // 4, 2 * h // 3))
    raw = middle.tobytes()
    pixels = [raw[i : i + 3] for i in range(0, len(raw), 3)]
    grey = [px for px in pixels if 180 <= px[0] <= 235 and abs(px[0] - px[2]) < 12]
    return len(grey) / len(pixels)


@pytest.mark.real
def test_diagonal_and_picture_watermarks_show_on_every_page(
    watermarked: dict[str, Path], rich_sample: Sample, tmp_path: Path
) -> None:
    """The diagonal mark greys the middle of every page (far more than the plain sample's); the
    picture mark is one more picture per page, 120 mm wide, centred on the type area."""
    shares = {}
    for name, pdf in (("diagonal", watermarked["diagonal"]), ("plain", rich_sample.pdf)):
        subprocess.run(["pdftoppm", "-r", "40", "-png", pdf, tmp_path / name], check=True)
        shares[name] = [_grey_share(png) for png in sorted(tmp_path.glob(f"{name}-*.png"))]
    assert len(shares["diagonal"]) == 2
    # Anti-aliased text greys a few per cent of the plain pages' middle; the mark many more.
    for marked, plain in zip(shares["diagonal"], shares["plain"], strict=True):
        assert marked > 0.08, shares
        assert marked > 3 * plain, shares
    with pdfplumber.open(watermarked["picture"]) as document:
        for page in document.pages:
            marks = [im for im in page.images if (im["x1"] - im["x0"]) * MM_PER_PT > 100]
            assert len(marks) == 1
            (mark,) = marks
            assert (mark["x1"] - mark["x0"]) * MM_PER_PT == pytest.approx(120, abs=0.5)
            assert (mark["x0"] + mark["x1"]) / 2 * MM_PER_PT == pytest.approx(28 + 78, abs=0.5)
            assert (mark["top"] + mark["bottom"]) / 2 * MM_PER_PT == pytest.approx(
                37 + 225 / 2, abs=0.5
            )
