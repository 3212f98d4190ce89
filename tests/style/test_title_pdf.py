"""Titles on the printed page: LibreOffice sets exactly the lines the title block chose.

The breaks are chosen by :mod:`docgen.zh.title_break` from estimated widths; this checks
the estimate against the PDF: no chosen line is wrapped again, none runs past the margin,
and each line is centred.
"""

from __future__ import annotations

import pytest

import docgen
from docgen.style import Para, Subtitle, TemplateSpec, Title
from docgen.style.house import DEFAULT_STYLE, mm
from docgen.zh.title_break import break_title
from tests.style.printed import PrintedLine, convert, printed_lines
from tests.zh.titles import titles

pytestmark = pytest.mark.real

LEFT = mm(DEFAULT_STYLE.margins.left) / 20
RIGHT = LEFT + DEFAULT_STYLE.text_width_twips() / 20
#: Every fourth generated title: all subjects, many branch lengths, one document.
TITLES = titles()[::4]
SUBTITLE = "——在信息工程学院教工第一党支部庆祝中国共产党成立105周年主题党日活动上的讲话"


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> list[PrintedLine]:
    """All titles in one document (each followed by a body line), converted once."""
    blocks = [b for t in TITLES for b in (Title(t), Para("正文。"))]
    spec = TemplateSpec(
        genre="test",
        name="titles",
        kind="narrative",
        title="标题",
        description="",
        output="x.docx",
        fields=(),
        blocks=(*blocks, Title("讲话标题", blank_after=False), Subtitle(SUBTITLE)),
    )
    folder = tmp_path_factory.mktemp("titles")
    (folder / "template.docx").write_bytes(spec.build())
    rendered = docgen.load(folder / "template.docx").render({})
    pdfs = convert({"titles": rendered}, folder)
    return list(printed_lines(pdfs["titles"]))


def test_pdf_shows_the_chosen_lines(printed: list[PrintedLine]) -> None:
    """The 2号 lines of the PDF are exactly the lines break_title chose, in order."""
    expected = [line for t in TITLES for line in break_title(t, 20.33)] + ["讲话标题"]
    got = [t.text for t in printed if abs(t.size - 22) < 0.3]
    assert len(expected) > len(TITLES) * 2
    assert got == expected


def test_title_lines_stay_inside_and_centred(printed: list[PrintedLine]) -> None:
    """No title line runs past the type area; each is centred on it within a point."""
    for line in (t for t in printed if abs(t.size - 22) < 0.3):
        assert line.x0 >= LEFT - 0.5, line.text
        assert line.x1 <= RIGHT + 0.5, line.text
        assert abs((line.x0 + line.x1) / 2 - (LEFT + RIGHT) / 2) < 1.5, line.text


def test_subtitle_breaks_by_sense_on_the_page(printed: list[PrintedLine]) -> None:
    """The long 楷体 subtitle prints as the two lines chosen for it, not “成立105 / 周年”."""
    lines = [t.text for t in printed if abs(t.size - 16) < 0.3 and t.text != "正文。"]
    assert lines[-2:] == [
        "——在信息工程学院教工第一党支部",
        "庆祝中国共产党成立105周年主题党日活动上的讲话",
    ]
