"""|photo: a picture fitted into its box (aspect kept), its caption as alternative text."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

import docgen
from docgen.engine.images import Mm
from docgen.engine.rich.photo import photo_filter
from tests.docx_builder import make_docx, p
from tests.photos import jpeg

_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


@pytest.mark.parametrize(
    ("size", "box", "expected"),
    [
        ((480, 360), (72, 54), (72, 54)),  # 4:3 in a 4:3 box: the whole box
        ((360, 480), (72, 54), (40.5, 54)),  # upright: height-bound
        ((800, 200), (72, 54), (72, 18)),  # a panorama: width-bound
        ((48, 36), (140, 62), (82.7, 62)),  # a small picture is enlarged to the box
    ],
)
def test_the_picture_fits_its_box_aspect_kept(
    size: tuple[int, int], box: tuple[float, float], expected: tuple[float, float]
) -> None:
    image = photo_filter(jpeg(None, size), *box, descr="说明")
    assert not isinstance(image, str)
    assert image.width <= Mm(box[0])
    assert image.height <= Mm(box[1])
    assert (round(image.width / 36000, 1), round(image.height / 36000, 1)) == expected
    assert abs(image.width / image.height - size[0] / size[1]) < 0.01


def test_nothing_leaves_the_place_blank_and_sizes_are_checked() -> None:
    assert photo_filter(None) == ""
    assert photo_filter("  ") == ""
    with pytest.raises(ValueError, match="照片宽度 5 毫米不合理"):
        photo_filter(jpeg(None), 5, 50)


def test_the_caption_is_the_alternative_text_in_the_document() -> None:
    template = docgen.Template(make_docx(p("{{ img|photo(60, 45, cap) }}")))
    blob = template.render({"img": jpeg(None), "cap": "重温入党誓词，2026年11月18日"})
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    (doc_pr,) = root.iter(f"{_WP}docPr")
    assert doc_pr.get("descr") == "重温入党誓词，2026年11月18日"
    extent = next(root.iter(f"{_WP}extent"))
    assert (int(extent.get("cx", "0")), int(extent.get("cy", "0"))) == (Mm(60), Mm(45))


def test_a_file_name_is_read_only_from_the_image_folder() -> None:
    template = docgen.Template(make_docx(p("{{ img|photo }}")))
    with pytest.raises(docgen.RenderError, match="没有指定图片文件夹"):
        template.render({"img": "a.jpg"})
