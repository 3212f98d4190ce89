"""Tests for full-width punctuation normalisation of Chinese text."""

from __future__ import annotations

import string
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from docgen.zh.punctuation import is_cjk, normalize_punctuation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("我们要加强学习,提高认识.", "我们要加强学习，提高认识。", id="comma-stop"),
        pytest.param("议题;表决:通过?是!", "议题；表决：通过？是！", id="all-marks"),
        pytest.param("真的吗?!", "真的吗？！", id="mark-run"),
        pytest.param("人数15.", "人数15。", id="after-number"),
        pytest.param("圆周率约为3.14,很重要.", "圆周率约为3.14，很重要。", id="decimal"),
        pytest.param("会议于14:30开始.", "会议于14:30开始。", id="time"),
        pytest.param("时间:14:30", "时间：14:30", id="colon-before-time"),
        pytest.param("共1,000人;其中", "共1,000人；其中", id="thousands"),
        pytest.param("使用Python,提高效率", "使用Python，提高效率", id="embedded-word"),
        pytest.param("使用 Python, 提高", "使用 Python， 提高", id="spaces-kept"),
        pytest.param("采用Microsoft Word,提高", "采用Microsoft Word，提高", id="phrase-comma"),
        pytest.param("联系邮箱:abc@example.com.", "联系邮箱：abc@example.com。", id="email"),
        pytest.param("详见https://a.cn/x?b=1,c.", "详见https://a.cn/x?b=1,c。", id="url-tail"),
        pytest.param("格式(PDF)文件", "格式（PDF）文件", id="paren-latin-touching-cjk"),
        pytest.param("(1)加强学习", "（1）加强学习", id="paren-level4"),
        pytest.param("(注:见附件)", "（注：见附件）", id="paren-cjk-content"),
        pytest.param("（1)加强", "（1）加强", id="paren-half-done"),
        pytest.param("(a)(b)(c)中", "（a）（b）（c）中", id="paren-chain"),
        pytest.param('他说"好的"然后', "他说“好的”然后", id="double-quotes"),
        pytest.param('他说"OK"然后', "他说“OK”然后", id="double-quotes-latin-inside"),
        pytest.param('"一"和"二"', "“一”和“二”", id="two-pairs"),
        pytest.param('“中文"', "“中文”", id="quote-half-done"),
        pytest.param("他说'好'", "他说‘好’", id="single-quotes"),
        pytest.param("it's '中文' ok", "it's ‘中文’ ok", id="apostrophe-skipped"),
        pytest.param("他说:“好”.", "他说：“好”。", id="after-curly-quote"),
        pytest.param("等等...", "等等……", id="ascii-ellipsis"),
        pytest.param("等等......", "等等……", id="long-ellipsis"),
        pytest.param("等等。。。", "等等……", id="kuhao-ellipsis"),
        pytest.param("党建--业务", "党建——业务", id="dash"),
        pytest.param("--经验交流材料", "——经验交流材料", id="subtitle-dash"),
    ],
)
def test_normalize_converts(text: str, expected: str) -> None:
    """Half-width marks in Chinese context become their full-width forms."""
    assert normalize_punctuation(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("1.加强学习\n2.严格考勤", id="list-numbers"),
        pytest.param("要求 2.严格", id="list-number-after-blank"),
        pytest.param("他说Hello, world.然后离开", id="latin-sentence"),
        pytest.param("第1.2节", id="section-number"),
        pytest.param("比例为3:2。", id="ratio"),
        pytest.param("如e.g.所示", id="abbreviation"),
        pytest.param("访问https://example.com/a,b;c.html查看", id="url"),
        pytest.param("发送至a.b@example.com", id="email"),
        pytest.param("函数f(x)的值", id="function-call"),
        pytest.param("使用Python(3.11)开发", id="glued-paren"),
        pytest.param("使用--help参数", id="cli-option"),
        pytest.param("文件名为report.docx", id="file-name"),
        pytest.param("see (RFC 9110), then stop.", id="english-line"),
        pytest.param('He said "hi"... Done!', id="english-quotes"),
        pytest.param("Wait...", id="english-ellipsis"),
        pytest.param("已经规范：“好”。", id="already-normal"),
    ],
)
def test_normalize_keeps(text: str) -> None:
    """Numbers, list numbers, Latin text, links and ASCII-only lines stay as they are."""
    assert normalize_punctuation(text) == text


def test_normalize_works_line_by_line() -> None:
    """Each line is judged on its own and line breaks are kept exactly."""
    text = "第一行,结束.\r\nEnglish line, too.\n\n第三行"
    assert normalize_punctuation(text) == "第一行，结束。\r\nEnglish line, too.\n\n第三行"


@pytest.mark.parametrize("value", [None, 1, b"abc", ["a"]])
def test_normalize_rejects_non_text(value: object) -> None:
    """Only strings are normalised."""
    with pytest.raises(TypeError):
        normalize_punctuation(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("ch", "expected"),
    [
        *[("中", True), ("〇", True), ("，", True), ("\u3000", True), ("𠀀", True)],
        *[("a", False), ("1", False), (",", False), ("“", False), ("…", False), ("—", False)],
    ],
)
def test_is_cjk(ch: str, expected: bool) -> None:
    """Han, 〇 and full-width marks are CJK context; ASCII, curly quotes, … and — are not."""
    assert is_cjk(ch) is expected


_FRAGMENTS = st.sampled_from(
    [
        *"中文学习党员好",
        *"abXYz",
        *"0123",
        *",.;:?!()\"'-",
        *"。，（）“”‘’…—",
        *[" ", "\n", "https://a.cn/x", "a@b.cn", "...", "--", "1.", "3.14", "14:30"],
        "Hello, world.",
    ]
)
_TEXT = st.lists(_FRAGMENTS, max_size=40).map("".join)


@given(_TEXT)
def test_normalize_is_idempotent(text: str) -> None:
    """Normalising twice gives the same result as normalising once."""
    once = normalize_punctuation(text)
    assert normalize_punctuation(once) == once


@given(_TEXT | st.text())
def test_normalize_only_touches_punctuation(text: str) -> None:
    """Every non-punctuation character (letters, digits, Han, blanks) survives in order."""

    def kept(s: str) -> list[str]:
        return [c for c in s if not unicodedata.category(c).startswith("P")]

    assert kept(normalize_punctuation(text)) == kept(text)


@given(st.text(alphabet=string.printable))
def test_normalize_leaves_ascii_text_alone(text: str) -> None:
    """Text without any CJK character is never changed."""
    assert normalize_punctuation(text) == text
