"""Tests for Chinese numerals: integer readings and digit-by-digit years."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from docgen.zh.numerals import LIMIT, YEAR_DIGITS, digits_to_chinese, to_chinese

_LOWER = "零一二三四五六七八九"


def _read_back(text: str) -> int:
    """Parse a reading produced by to_chinese back into an int (test oracle)."""
    small = {"十": 10, "百": 100, "千": 1000}
    total = section = digit = 0
    for ch in text:
        if ch in _LOWER:
            digit = _LOWER.index(ch)
        elif ch in small:
            section += (digit or 1) * small[ch]
            digit = 0
        elif ch == "万":
            total += (section + digit) * 10**4
            section = digit = 0
        elif ch == "亿":
            total = (total + section + digit) * 10**8
            section = digit = 0
        else:
            raise AssertionError(f"unexpected character {ch!r} in {text!r}")
    return total + section + digit


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "零"),
        (1, "一"),
        (10, "十"),
        (11, "十一"),
        (20, "二十"),
        (21, "二十一"),
        (100, "一百"),
        (101, "一百零一"),
        (110, "一百一十"),
        (1001, "一千零一"),
        (1010, "一千零一十"),
        (1100, "一千一百"),
        (10000, "一万"),
        (10001, "一万零一"),
        (10010, "一万零一十"),
        (100000, "十万"),
        (100010, "十万零一十"),
        (110000, "十一万"),
        (107000, "十万七千"),
        (1000000, "一百万"),
        (1000010, "一百万零一十"),
        (20001000, "二千万一千"),
        (100000000, "一亿"),
        (100000010, "一亿零一十"),
        (100001000, "一亿零一千"),
        (120000001, "一亿二千万零一"),
        (1000000000, "十亿"),
        (999999999999, "九千九百九十九亿九千九百九十九万九千九百九十九"),
    ],
)
def test_to_chinese_reads_integers(n: int, expected: str) -> None:
    """Each integer reads by the standard zero and 一十 rules."""
    assert to_chinese(n) == expected


@pytest.mark.parametrize("n", [-1, -100, LIMIT, LIMIT * 10])
def test_to_chinese_rejects_out_of_range(n: int) -> None:
    """Negative and too-large integers raise ValueError naming the number."""
    with pytest.raises(ValueError, match=str(n)):
        to_chinese(n)


@pytest.mark.parametrize("value", [True, 1.0, "1", None])
def test_to_chinese_rejects_non_integers(value: object) -> None:
    """Anything but a real int (bool included) is a TypeError."""
    with pytest.raises(TypeError):
        to_chinese(value)  # type: ignore[arg-type]


@given(st.integers(min_value=0, max_value=LIMIT - 1))
def test_to_chinese_reads_back_to_the_same_number(n: int) -> None:
    """Parsing the reading gives the number back, so no digit or unit is lost."""
    assert _read_back(to_chinese(n)) == n


@given(st.integers(min_value=1, max_value=LIMIT - 1))
def test_to_chinese_zero_rules_hold(n: int) -> None:
    """No doubled 零, no trailing 零, and a bare 十 only opens the number."""
    text = to_chinese(n)
    assert "零零" not in text
    assert not text.endswith("零")
    assert not text.startswith("一十")
    for pos, ch in enumerate(text):
        if ch == "十" and pos > 0:
            assert text[pos - 1] in _LOWER[1:], text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (2026, "二〇二六"),
        ("2026", "二〇二六"),
        (2000, "二〇〇〇"),
        (0, "〇"),
        ("007", "〇〇七"),
        (" 1949 ", "一九四九"),
        (1234567890, "一二三四五六七八九〇"),
    ],
)
def test_digits_to_chinese_spells_each_digit(value: str | int, expected: str) -> None:
    """Years are spelled digit by digit with 〇 for zero."""
    assert digits_to_chinese(value) == expected


def test_digits_to_chinese_zero_is_ideographic() -> None:
    """The zero is U+3007, not 零, U+25CB or a full-width letter O."""
    zero = digits_to_chinese(0)
    assert zero == "\u3007"
    assert zero not in ("零", "\u25cb", "Ｏ", "0")


@pytest.mark.parametrize("value", [-1, "", "20a6", "-2026", "２０２６", "²", "20 26"])
def test_digits_to_chinese_rejects_non_digits(value: str | int) -> None:
    """Negative numbers and strings with anything but ASCII digits raise ValueError."""
    shown = str(value) if isinstance(value, int) else repr(value)
    with pytest.raises(ValueError, match=re.escape(shown)):
        digits_to_chinese(value)


@pytest.mark.parametrize("value", [True, 20.26, None, b"2026"])
def test_digits_to_chinese_rejects_other_types(value: object) -> None:
    """Values that are neither str nor int raise TypeError."""
    with pytest.raises(TypeError):
        digits_to_chinese(value)  # type: ignore[arg-type]


@given(st.integers(min_value=0, max_value=10**30))
def test_digits_to_chinese_is_one_glyph_per_digit(n: int) -> None:
    """Output has one year digit per input digit, 〇 exactly where 0 was, and never 零."""
    text = digits_to_chinese(n)
    assert "零" not in text
    assert len(text) == len(str(n))
    assert all(ch in YEAR_DIGITS for ch in text)
    assert [i for i, ch in enumerate(text) if ch == "〇"] == [
        i for i, ch in enumerate(str(n)) if ch == "0"
    ]
