"""HTML on the printed page: one house-style document converted once by the real LibreOffice.

Measured on the PDF with pdfplumber and pdftotext: the text in order, list numbers
drawn by Word numbering, heading levels in their GB/T 9704 faces, the table with its
merged cells, the colour, and the data-URI picture at its size.
"""

from __future__ import annotations

import base64
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest

import docgen
from docgen.convert import to_pdf
from docgen.style import Para, TemplateSpec, Title
from tests.engine.rich.html_corpus import png

pytestmark = [pytest.mark.real, pytest.mark.slow]

PICTURE = base64.b64encode(png(60, 30)).decode()
HTML = (
    "<h2>一、总体要求</h2><p>坚持<b>问题导向</b>，"
    '<span style="color:#ff0000">立行立改</span>。</p>'
    "<h3>（一）工作步骤</h3><ol><li>查摆问题</li><li>制定措施<ul><li>明确责任人</li></ul></li>"
    "<li>跟踪问效</li></ol>"
    "<table><thead><tr><th>类别</th><th>问题</th></tr></thead><tbody>"
    "<tr><td rowspan=\"2\">思想建设</td><td>学习不够系统</td></tr>"
    "<tr><td>研讨不够深入</td></tr></tbody></table>"
    f'<p>示意图：<img src="data:image/png;base64,{PICTURE}" style="width:40mm"></p>'
)
ORDER = [
    "一、总体要求", "坚持问题导向，立行立改。", "（一）工作步骤", "1.查摆问题", "2.制定措施",
    "明确责任人", "3.跟踪问效", "类别", "问题", "学习不够系统", "研讨不够深入", "示意图：",
]  # fmt: skip
# The merged cell's text is centred between its two rows, so pdftotext reads it between
# them; the table test reads the cells themselves.


@dataclass(frozen=True)
class Printed:
    pdf: Path
    text: str


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Printed:
    """The document rendered with the house style and converted (fails without LibreOffice)."""
    assert shutil.which("soffice"), "LibreOffice (soffice) is needed; see scripts/apt-packages.txt"
    spec = TemplateSpec(
        genre="tests", name="html", kind="plain", title="HTML 内容", description="测试用模板",
        output="html.docx", fields=("body",), blocks=(Title("HTML 内容"), Para("{{p body|html }}")),
    )  # fmt: skip
    blob = docgen.Template(spec.build(), "html.docx").render({"body": HTML}, check=True)
    folder = tmp_path_factory.mktemp("html")
    source = folder / "html.docx"
    source.write_bytes(blob)
    result = to_pdf([source], folder, workers=1)
    assert result.ok, [f.message for f in result.failures]
    pdf = result.outputs[0].path
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return Printed(pdf, re.sub(r"\s", "", text.stdout))


def test_text_and_list_numbers_print_in_order(printed: Printed) -> None:
    """Every piece of text is on the page in the order written; list numbers are drawn."""
    at = 0
    for piece in ORDER:
        found = printed.text.find(piece, at)
        assert found >= 0, (piece, printed.text[at : at + 80])
        at = found + len(piece)
    assert "◦明确责任人" in printed.text  # the second level's bullet


def test_headings_print_in_the_level_faces(printed: Printed) -> None:
    """The highest heading (h2) prints in 黑体, the next (h3) in 楷体, body in 仿宋."""
    with pdfplumber.open(printed.pdf) as pdf:
        chars = pdf.pages[0].chars

    def face(text: str) -> set[str]:
        joined = "".join(c["text"] for c in chars)
        start = joined.index(text)
        return {c["fontname"].split("+")[-1] for c in chars[start : start + len(text)]}

    assert face("总体要求") == {"FandolHei-Regular"}
    assert face("工作步骤") == {"FandolKai-Regular"}
    assert face("查摆问题") == {"FandolFang-Regular"}


def test_colour_table_and_picture_are_where_they_belong(printed: Printed) -> None:
    """The red run prints red; the table has its merged cell two rows tall; the picture
    is 40 mm wide."""
    with pdfplumber.open(printed.pdf) as pdf:
        page = pdf.pages[0]
        red = [c for c in page.chars if c["text"] in "立行立改"]
        assert red
        assert {tuple(c["non_stroking_color"]) for c in red} == {(1, 0, 0)}
        (table,) = page.find_tables()
        rows = table.extract()
        assert rows[0] == ["类别", "问题"]
        assert rows[1][0] == "思想建设"
        assert rows[2][0] in (None, "")  # covered by the merged cell
        merged = next(c for c in table.cells if page.crop(c).extract_text() == "思想建设")
        single = next(c for c in table.cells if page.crop(c).extract_text() == "学习不够系统")
        assert merged[3] - merged[1] == pytest.approx(2 * (single[3] - single[1]), rel=0.05)
        (image,) = page.images
        assert (image["x1"] - image["x0"]) * 25.4 / 72 == pytest.approx(40, abs=0.5)
