"""The house style measured on the printed page: 28 characters on every full body line.

GB/T 9704 §5.2.3 asks for 22 lines of 28 characters. A 3号 character is 16 pt and the line
156 mm (442.2 pt), so 28 characters only fit with a little negative character spacing; the
style sets it (``HouseStyle.char_spacing_twentieths``) so Word and LibreOffice both set 28.
"""

from __future__ import annotations

import random

import pytest

from docgen.style import Para, TemplateSpec, Title
from docgen.style import styles as st
from docgen.style.house import DEFAULT_STYLE, mm
from tests.style.printed import PrintedLine, convert, printed_lines

pytestmark = pytest.mark.real

#: Common characters of the genre; paragraphs are drawn from them without punctuation, so
#: a full line's count depends on the spacing alone.
_CHARS = (
    "党支部委员会组织生活学习教育工作计划总结整改措施责任落实思想建设政治理论基层服务"
    "群众师生教学科研队伍发展党员干部制度监督检查推进开展加强提高完善坚持规范质量"
)

LEFT = mm(DEFAULT_STYLE.margins.left) / 20
RIGHT = LEFT + DEFAULT_STYLE.text_width_twips() / 20


def _paragraphs(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)  # noqa: S311 -- sample text, not secrets
    return ["".join(rng.choice(_CHARS) for _ in range(rng.randint(60, 400))) for _ in range(count)]


def _spec(name: str, texts: list[str], style: str) -> TemplateSpec:
    return TemplateSpec(
        genre="test",
        name=name,
        kind="narrative",
        title="测试",
        description="",
        output="x.docx",
        fields=(),
        blocks=(Title("行宽测试"), *(Para(t, style=style) for t in texts)),
    )


@pytest.fixture(scope="module")
def lines(tmp_path_factory: pytest.TempPathFactory) -> list[PrintedLine]:
    """Indented and flush-left paragraphs of random length, two documents in one batch."""
    docs = {
        "indented": _spec("indented", _paragraphs(1, 30), st.BODY).build(),
        "flush": _spec("flush", _paragraphs(2, 30), st.FLUSH).build(),
    }
    pdfs = convert(docs, tmp_path_factory.mktemp("house"))
    return [line for pdf in pdfs.values() for line in printed_lines(pdf)]


def _full_body_lines(lines: list[PrintedLine]) -> list[PrintedLine]:
    """Body-size lines that end within half a character of the text block's right edge
    (a justified line that is not a paragraph's last is stretched to the edge)."""
    return [t for t in lines if abs(t.size - 16) < 0.3 and t.x1 > RIGHT - 8]


def test_every_full_line_holds_28_characters(lines: list[PrintedLine]) -> None:
    """Each full line starting at the margin holds 28 ideographs, an indented one 26."""
    full = _full_body_lines(lines)
    assert len(full) > 200
    counts = {len(t.glyphs) + (2 if t.x0 > LEFT + 16 else 0) for t in full}
    assert counts == {28}, [t.text for t in full if len(t.glyphs) not in (26, 28)][:3]


def test_full_lines_fill_28_cells(lines: list[PrintedLine]) -> None:
    """Measured as cells (line extent over the character pitch), every full line is 28."""
    cells = {round(c) for t in _full_body_lines(lines) if (c := t.cells(LEFT)) is not None}
    assert cells == {28}


def test_nothing_overhangs_the_right_margin(lines: list[PrintedLine]) -> None:
    """The spacing makes 28 fit inside the 156 mm line, not hang past it."""
    assert max(t.x1 for t in lines) <= RIGHT + 0.5
