"""Every template × its full and minimal fixture, measured on the PDF (GB/T 9704 §7.3.5):

- no page holds only the sign-off (署名, 成文日期), the 附注 (联系人), a signature line, a
  附件说明 or a closing line (“今天的党课就讲到这里，谢谢大家！”);
- every table header label and every head-table person (“孟庆岚（支部书记）”) prints whole,
  on one line: no “整改状 / 态”, no “孟庆岚（支部书 / 记）”.

All 42 documents are converted in one LibreOffice batch.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from docgen.style import styles as st
from docgen.style.house import DEFAULT_STYLE
from tests.style.printed import PrintedLine, convert, printed_lines
from tests.templates.conftest import case_id
from tests.templates.reading import Docx, q

pytestmark = pytest.mark.real

_PAGE_NUMBER = re.compile(r"^—\d+—$")
_PERSON = re.compile(r"^[\u4e00-\u9fff]{2,4}（[^）]{2,12}）$")
_SIGN_STYLES = {st.SIGNOFF, st.SIGNOFF_DATE, st.SIGN_LINE}
_CLOSINGS = {"谢谢大家！", "谢谢！"}


def _plain(text: str) -> str:
    return re.sub(r"\s", "", text)


@pytest.fixture(scope="module")
def printed(
    rendered: dict[tuple[str, str], Docx], tmp_path_factory: pytest.TempPathFactory
) -> dict[tuple[str, str], list[PrintedLine]]:
    """The printed lines of every rendered template, from one conversion batch."""
    names = {case_id(case).replace("/", "__"): case for case in rendered}
    pdfs: dict[str, Path] = convert(
        {name: rendered[case].blob for name, case in names.items()},
        tmp_path_factory.mktemp("layout"),
    )
    return {names[stem]: list(printed_lines(pdf)) for stem, pdf in pdfs.items()}


def _sign_texts(doc: Docx) -> set[str]:
    """The lines that must not stand alone on a page: the sign-off, signature and 附注
    lines, closing formulas, the document's last line (a speech's closing words, whatever
    they say) and a 附件说明 with everything after it."""
    texts = set(_CLOSINGS)
    paras = doc.paragraphs()
    filled = [p for p in paras if p.text.strip()]
    if filled:
        texts.add(_plain(filled[-1].text))
    note = next((n for n, p in enumerate(filled) if p.text.startswith("附件：")), len(filled))
    texts.update(_plain(p.text) for p in filled[note:])
    for n, p in enumerate(paras):
        if p.style in _SIGN_STYLES and p.text.strip():
            texts.add(_plain(p.text))
            following = paras[n + 1].text if n + 1 < len(paras) else ""
            if p.style == st.SIGNOFF_DATE and following.startswith("（联系人"):
                texts.add(_plain(following))
    return texts


def test_every_document_was_printed(
    printed: dict[tuple[str, str], list[PrintedLine]], rendered: dict[tuple[str, str], Docx]
) -> None:
    """One PDF per rendered document, none empty."""
    assert set(printed) == set(rendered)
    assert all(printed.values())


def test_no_page_holds_only_a_signoff(
    printed: dict[tuple[str, str], list[PrintedLine]], rendered: dict[tuple[str, str], Docx]
) -> None:
    """A page always carries body text besides any sign-off, 附注 or closing line."""
    lonely = []
    for case, lines in printed.items():
        sign = _sign_texts(rendered[case])
        pages: dict[int, list[str]] = {}
        for line in lines:
            text = _plain(line.text)
            if not _PAGE_NUMBER.match(text):
                pages.setdefault(line.page, []).append(text)
        for page, texts in pages.items():
            if all(t in sign for t in texts):
                lonely.append((case_id(case), page, texts))
    assert lonely == []


def test_labels_and_people_print_whole(
    printed: dict[tuple[str, str], list[PrintedLine]], rendered: dict[tuple[str, str], Docx]
) -> None:
    """Each table header label and head-table person is found whole on one printed line."""
    broken = []
    checked = 0
    for case, lines in printed.items():
        texts = [_plain(t.text) for t in lines]
        doc = rendered[case]
        wanted = {
            _plain(p.text)
            for p in doc.paragraphs()
            if (p.style in (st.TABLE_HEADER, st.TABLE_HEADER_SMALL) and p.text.strip())
            or (p.style == st.TABLE_TEXT and _PERSON.match(p.text.strip()))
        }
        for word in wanted:
            checked += 1
            if not any(word in t for t in texts):
                broken.append((case_id(case), word))
    assert checked > 100
    assert broken == []


_ADDRESSED = ("reports/wenti-duice", "reports/zhenggai-qingkuang-baogao")
_ADDRESSEE = "中共星河大学信息工程学院委员会："


def _margin_left() -> float:
    return DEFAULT_STYLE.margins.left / 25.4 * 72


def test_addressee_flush_left_a_line_under_the_title(
    printed: dict[tuple[str, str], list[PrintedLine]],
) -> None:
    """主送机关 (GB/T 9704 §7.3.2): after one blank line under the title, flush left, ending
    in “：”; the body starts on the next line, two characters in."""
    seen = []
    for case, lines in printed.items():
        if not case_id(case).startswith(_ADDRESSED) or "min" in case_id(case):
            continue
        page_one = [ln for ln in lines if ln.page == 1]
        index = next(n for n, ln in enumerate(page_one) if _plain(ln.text) == _ADDRESSEE)
        title, line, body = page_one[index - 1], page_one[index], page_one[index + 1]
        pitch = DEFAULT_STYLE.line_twips / 20
        seen.append(case_id(case))
        assert title.size > line.size  # the line above is the title's last line
        # One empty line between: two pitches from the title's baseline (± rounding).
        assert abs(line.top - title.top - 2 * pitch) <= 1.5, case
        assert abs(line.x0 - _margin_left()) <= 0.5, case
        assert abs(body.top - line.top - pitch) <= 1.5, case
        assert abs(body.x0 - _margin_left() - 2 * body.size) <= 1.0, case
    assert len(seen) == 2


def test_note_two_characters_in_under_the_date(
    printed: dict[tuple[str, str], list[PrintedLine]], rendered: dict[tuple[str, str], Docx]
) -> None:
    """附注 (GB/T 9704 §7.3.6): “（联系人：…）” on the line under the 成文日期, two characters
    from the left margin, in round brackets (not flush left, not before the 落款)."""
    checked = 0
    for case, lines in printed.items():
        notes = [
            p.text
            for p in rendered[case].paragraphs()
            if p.text.startswith("（联系人") and p.text.endswith("）")
        ]
        for note in notes:
            index = next(n for n, ln in enumerate(lines) if _plain(ln.text) == _plain(note))
            date, line = lines[index - 1], lines[index]
            checked += 1
            assert re.search(r"\d+年.*月.*日$", date.text), (case, date.text)
            assert abs(line.top - date.top - DEFAULT_STYLE.line_twips / 20) <= 1.5, case
            assert abs(line.x0 - _margin_left() - 2 * line.size) <= 1.0, case
    assert checked >= 1


_MONTH = re.compile(r"^\d{1,2}月$")


def _month_rows(doc: Docx) -> list[tuple[str, str]]:
    """``(month, topic)`` for each row of the schedule's table, the month carried down a
    vertically merged cell."""
    table = next(t for t in doc.body.iter(q("w:tbl")) if "月份" in "".join(t.itertext()))
    rows, month = [], ""
    for tr in table.iter(q("w:tr")):
        cells = ["".join(tc.itertext()).strip() for tc in tr.iter(q("w:tc"))]
        if len(cells) < 2 or cells[0] == "月份":
            continue
        month = _plain(cells[0]) or month
        rows.append((month, _plain(cells[1])))
    return rows


@pytest.mark.parametrize("variant", ["full", "min"])
def test_a_month_is_printed_on_every_page_its_rows_are_on(
    variant: str,
    printed: dict[tuple[str, str], list[PrintedLine]],
    rendered: dict[tuple[str, str], Docx],
) -> None:
    """学习活动年度安排表: a month's rows are never printed on a page without their merged
    “3月” cell (Word and LibreOffice print a merged cell's text once, on its first page)."""
    case = ("plans/xuexi-anpai-biao", variant)
    lines = printed[case]
    header = next(ln for ln in lines if "月份" in _plain(ln.text))
    fen = next(g for g in header.glyphs if g.text == "份")
    column_right = fen.x1 + 6  # the month cell's text ends inside its column
    labels: dict[int, set[str]] = {}
    for line in lines:
        label = "".join(g.text for g in line.glyphs if g.x1 <= column_right).strip()
        if _MONTH.match(_plain(label)):
            labels.setdefault(line.page, set()).add(_plain(label))
    missing, at = [], 0
    for month, topic in _month_rows(rendered[case]):
        if not topic:
            continue
        at = next(n for n in range(at, len(lines)) if topic[:4] in _plain(lines[n].text))
        page = lines[at].page
        if month not in labels.get(page, set()):
            missing.append((variant, month, topic, page))
    assert len(labels) >= (2 if variant == "full" else 1)
    assert missing == []
