"""Text fidelity: the alignment on its own, then .docx against a PDF LibreOffice really made."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from docgen.inspect.fidelity import ANCHOR, align, check_text, normalised
from tests.docx_builder import make_docx, p

PAGE_BREAK = '<w:r><w:br w:type="page"/></w:r>'


def _lost(expected: str, printed: str) -> str:
    return "".join(c for c, k in zip(expected, align(expected, printed), strict=True) if k is None)


def test_same_text_aligns_one_to_one() -> None:
    """Every character finds the character at its own place."""
    text = "民主评议按照个人自评、党员互评、民主测评的程序进行，参加评议的党员23名。"
    assert align(text, text) == list(range(len(text)))


def test_a_lost_mark_is_found_among_additions() -> None:
    """A dropped "，" is reported; page numbers and list numbers the PDF adds are not."""
    expected = "民主评议按照个人自评的程序进行，参加评议的党员23名。会后形成问题清单。"
    printed = "—1—民主评议按照个人自评的程序进行参加评议的党员23名。—2—1.会后形成问题清单。"
    assert _lost(expected, printed) == "，"


def test_losses_at_the_start_and_the_end() -> None:
    """The first and the last character can be lost too."""
    expected = "（一）支部学习情况较好。"
    assert _lost(expected, "一）支部学习情况较好") == "（。"


def test_repeated_characters_do_not_hide_a_loss() -> None:
    """In a run of the same mark, one missing is still one lost."""
    expected = "甲" * 40 + "，，，" + "乙" * 40
    assert len(_lost(expected, "甲" * 40 + "，，" + "乙" * 40)) == 1


def test_random_deletions_are_all_found() -> None:
    """Delete random characters from a long text: exactly those count as lost."""
    rng = random.Random(9)  # noqa: S311 - test data, not secrets
    words = ["党支部", "组织生活会", "整改", "，", "、", "。", "学习", "2026年", "台账", "落实"]
    expected = "".join(rng.choice(words) for _ in range(3000))
    gone = set(rng.sample(range(len(expected)), 60))
    printed = "".join(c for k, c in enumerate(expected) if k not in gone)
    lost = [k for k, partner in enumerate(align(expected, printed)) if partner is None]
    # Within a run of equal characters either copy may be the lost one: compare counts.
    assert len(lost) == len(gone)
    assert sorted(expected[k] for k in lost) == sorted(expected[k] for k in gone)


def test_anchor_is_longer_than_a_word() -> None:
    """Re-synchronising needs more than a common word, so a loss is not matched far away."""
    assert ANCHOR >= 6


def test_normalised_keeps_the_original_for_the_report() -> None:
    """Full-width and half-width compare equal; the report shows what the .docx holds."""
    seen, shown = normalised("进行，参加 评议\u200b")
    assert seen == "进行,参加评议"
    assert shown == "进行，参加评议"


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A two-page document converted by LibreOffice."""
    from docgen.convert import to_pdf

    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) is needed for this test"
    folder = tmp_path_factory.mktemp("fidelity")
    source = folder / "two_pages.docx"
    body = p("第一页上的正文，有标点。") + p(PAGE_BREAK) + p("第二页开头的一段话，还有下文。")
    source.write_bytes(make_docx(body))
    to_pdf([source], folder).raise_for_failures()
    return source.with_suffix(".pdf")


@pytest.mark.real
def test_a_faithful_pdf_passes(printed: Path) -> None:
    """The PDF made from the .docx holds all of its characters."""
    result = check_text(printed.with_suffix(".docx"), printed)
    assert result.passed, result.describe()
    assert result.expected == len("第一页上的正文，有标点。第二页开头的一段话，还有下文。")


@pytest.mark.real
def test_a_character_the_pdf_lacks_is_reported_with_its_page(printed: Path, tmp_path: Path) -> None:
    """Compared with a .docx holding one more "，" on page 2, that "，" is lost on page 2."""
    richer = tmp_path / "richer.docx"
    body = p("第一页上的正文，有标点。") + p(PAGE_BREAK) + p("第二页开头的一段话，，还有下文。")
    richer.write_bytes(make_docx(body))
    result = check_text(richer, printed)
    assert not result.passed
    assert result.lost_chars == 1
    (lost,) = result.lost
    assert (lost.page, lost.text, lost.before[-3:], lost.out_of_order) == (2, "，", "段话，", False)
    assert "第 2 页" in result.describe(english=False)


@pytest.mark.real
def test_text_printed_out_of_order_is_reported_as_such(printed: Path, tmp_path: Path) -> None:
    """A .docx whose pages are swapped: the PDF holds the words, not in that order."""
    swapped = tmp_path / "swapped.docx"
    swapped.write_bytes(
        make_docx(p("第二页开头的一段话，还有下文。") + p("第一页上的正文，有标点。"))
    )
    result = check_text(swapped, printed)
    assert not result.passed
    assert any(item.out_of_order for item in result.lost)
