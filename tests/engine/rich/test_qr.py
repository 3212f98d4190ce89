"""QR codes: the symbol encodes the text, sized in mm, refused when it cannot be made."""

from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path

import docx
import pdfplumber
import pytest

import docgen
from docgen.engine.images import Mm, read_image
from docgen.engine.rich import QRCode
from docgen.engine.rich.lines import unclip_pictures
from tests.docx_builder import make_docx, p
from tests.engine.rich.sample import LINK, Sample


def _decode(png: Path) -> list[str]:
    found = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(png)], capture_output=True, text=True, check=False
    )
    return found.stdout.splitlines()


def test_qr_png_decodes_to_the_text(tmp_path: Path) -> None:
    """zbarimg reads back exactly the text, Chinese included."""
    code = QRCode("支部档案 https://example.org/a?b=1&c=2")
    png = tmp_path / "code.png"
    png.write_bytes(code.info.blob)
    assert _decode(png) == ["支部档案 https://example.org/a?b=1&c=2"]


def test_qr_is_square_of_the_given_size() -> None:
    """Width and height are the size asked for; the default is 25 mm."""
    assert (QRCode("x", Mm(40)).width, QRCode("x", Mm(40)).height) == (Mm(40), Mm(40))
    assert QRCode("x").width == Mm(25)
    info = read_image(QRCode("x").info.blob)
    assert info.px_width == info.px_height


@pytest.mark.parametrize("value", [None, "", "   "])
def test_empty_content_is_refused(value: object) -> None:
    """An empty QR code would be silently wrong: it is an error naming the problem."""
    with pytest.raises(ValueError, match="二维码的内容为空"):
        QRCode(value)


def test_too_long_and_bad_level_are_refused() -> None:
    """Content beyond the symbol's capacity and unknown error levels are clear errors."""
    with pytest.raises(ValueError, match="过长"):
        QRCode("字" * 3000, error="H")
    with pytest.raises(ValueError, match="纠错等级"):
        QRCode("x", error="Z")


def test_filter_from_data_renders_a_picture_and_check_knows_it() -> None:
    """``{{ link|qrcode(30) }}`` makes a 30 mm picture; ``docgen check`` has no complaint."""
    blob = make_docx(p("{{ link|qrcode(30) }}"))
    assert docgen.check_template(blob) == []
    out = docgen.Template(blob).render({"link": "abc"}, check=True)
    assert docgen.verify_package(out) == []
    shapes = docx.Document(io.BytesIO(out)).inline_shapes
    assert len(shapes) == 1
    assert shapes[0].width == Mm(30)


def test_filter_size_out_of_range_names_the_place() -> None:
    """A QR size of 1 mm from the data is refused with the tag's place."""
    template = docgen.Template(make_docx(p("{{ link|qrcode(size) }}")))
    with pytest.raises(docgen.RenderError, match="二维码尺寸") as caught:
        template.render({"link": "abc", "size": 1})
    assert caught.value.location is not None
    assert caught.value.location.part == "word/document.xml"


def test_tall_picture_line_is_not_clipped_by_exact_spacing() -> None:
    """A paragraph with a picture taller than a line gets auto spacing; others keep theirs."""
    tall = f'<wp:inline><wp:extent cx="1" cy="{Mm(30)}"/></wp:inline>'
    small = f'<wp:inline><wp:extent cx="1" cy="{Mm(5)}"/></wp:inline>'
    exact = '<w:pPr><w:pStyle w:val="Normal"/><w:spacing w:line="579" w:lineRule="exact"/></w:pPr>'
    body = make_docx(
        f"<w:p>{exact}<w:r><w:drawing>{tall}</w:drawing></w:r></w:p>"
        f"<w:p>{exact}<w:r><w:drawing>{small}</w:drawing></w:r></w:p>"
        f"<w:p><w:r><w:drawing>{tall}</w:drawing></w:r></w:p>"
    )
    xml = zipfile.ZipFile(io.BytesIO(body)).read("word/document.xml")
    fixed = unclip_pictures(xml).decode()
    first, second, third = fixed.split("</w:p>")[:3]
    assert 'w:line="240" w:lineRule="auto"' in first
    assert 'w:lineRule="exact"' in second
    assert '<w:p><w:pPr><w:spacing w:line="240" w:lineRule="auto"/></w:pPr><w:r>' in third


@pytest.mark.real
def test_qr_in_the_pdf_is_30mm_and_decodes(rich_sample: Sample, tmp_path: Path) -> None:
    """On the PDF page the QR picture is 30 mm square, and its pixels decode to the link."""
    with pdfplumber.open(rich_sample.pdf) as pdf:
        images = pdf.pages[0].images
    assert len(images) == 1
    side_mm = [(images[0]["x1"] - images[0]["x0"]) * 25.4 / 72,
               (images[0]["bottom"] - images[0]["top"]) * 25.4 / 72]  # fmt: skip
    assert side_mm == pytest.approx([30, 30], abs=0.5)
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", str(rich_sample.pdf),
         str(tmp_path / "page")], check=True,
    )  # fmt: skip
    assert _decode(next(tmp_path.glob("page*.png"))) == [LINK]
