"""Tests for RMB amounts in Chinese capitals."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from docgen.zh.money import UPPER_DIGITS, rmb_upper

_UNITS = {"拾": 10, "佰": 100, "仟": 1000}


def _read_integer(text: str) -> int:
    """Parse a capital integer such as 壹拾万零贰佰 (test oracle)."""
    total = section = digit = 0
    for ch in text:
        if ch in UPPER_DIGITS:
            digit = UPPER_DIGITS.index(ch)
        elif ch in _UNITS:
            assert digit, f"unit without a digit in {text!r}"
            section += digit * _UNITS[ch]
            digit = 0
        elif ch == "万":
            total += (section + digit) * 10**4
            section = digit = 0
        elif ch == "亿":
            total = (total + section + digit) * 10**8
            section = digit = 0
        else:
            raise AssertionError(f"unexpected {ch!r} in {text!r}")
    return total + section + digit


def _read_amount(text: str) -> Decimal:
    """Parse a full capital amount back into yuan (test oracle)."""
    sign = -1 if text.startswith("负") else 1
    text = text.removeprefix("负").removesuffix("整")
    yuan_text, _, rest = text.rpartition("元") if "元" in text else ("", "", text)
    match = re.fullmatch(r"零?(?:(.)角)?(?:(.)分)?", rest)
    assert match, f"bad jiao/fen part {rest!r}"
    jiao = UPPER_DIGITS.index(match.group(1)) if match.group(1) else 0
    fen = UPPER_DIGITS.index(match.group(2)) if match.group(2) else 0
    yuan = _read_integer(yuan_text) if yuan_text else 0
    return sign * (Decimal(yuan) + Decimal(jiao) / 10 + Decimal(fen) / 100)


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (123.4, "壹佰贰拾叁元肆角"),
        (123, "壹佰贰拾叁元整"),
        (0.05, "伍分"),
        (0.5, "伍角"),
        (0.55, "伍角伍分"),
        (100.05, "壹佰元零伍分"),
        (1005, "壹仟零伍元整"),
        (10000, "壹万元整"),
        (100200, "壹拾万零贰佰元整"),
        (10, "壹拾元整"),
        (0, "零元整"),
        (1.20, "壹元贰角"),
        ("1.20", "壹元贰角"),
        (1409.50, "壹仟肆佰零玖元伍角"),
        (6007.14, "陆仟零柒元壹角肆分"),
        (16409.02, "壹万陆仟肆佰零玖元零贰分"),
        (325.04, "叁佰贰拾伍元零肆分"),
        (1680.32, "壹仟陆佰捌拾元叁角贰分"),
        (107000.53, "壹拾万柒仟元伍角叁分"),
        (120000001, "壹亿贰仟万零壹元整"),
        (Decimal("999999999999.99"), "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
        ("  12  ", "壹拾贰元整"),
        ("1e3", "壹仟元整"),
    ],
)
def test_rmb_upper(amount: int | float | str | Decimal, expected: str) -> None:
    """Amounts follow the banking rules for 零, 整 and the leading 壹拾."""
    assert rmb_upper(amount) == expected


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (1.005, "壹元零壹分"),
        ("2.675", "贰元陆角捌分"),
        (Decimal("0.125"), "壹角叁分"),
        ("0.004", "零元整"),
        ("0.005", "壹分"),
        ("9.995", "壹拾元整"),
    ],
)
def test_rmb_upper_rounds_half_up_to_the_fen(amount: float | str | Decimal, expected: str) -> None:
    """Extra decimals round half up on the decimal value, never on the binary float."""
    assert rmb_upper(amount) == expected


@pytest.mark.parametrize(
    ("amount", "expected"),
    [(-5, "负伍元整"), ("-100.05", "负壹佰元零伍分"), (-0.001, "零元整"), ("-0", "零元整")],
)
def test_rmb_upper_negative(amount: int | float | str, expected: str) -> None:
    """Negative amounts get 负; one that rounds to zero does not."""
    assert rmb_upper(amount) == expected


@pytest.mark.parametrize(
    "amount",
    ["abc", "", "nan", "inf", "-Infinity", "1e30", 10**12, -(10**12), "999999999999.995"],
)
def test_rmb_upper_rejects_bad_amounts(amount: int | str) -> None:
    """Non-numbers, non-finite and too-large amounts raise ValueError quoting the input."""
    with pytest.raises(ValueError, match=re.escape(repr(amount))):
        rmb_upper(amount)


@pytest.mark.parametrize("amount", [None, True, [1], b"1"])
def test_rmb_upper_rejects_other_types(amount: object) -> None:
    """Values of other types raise ValueError too, quoting the value."""
    with pytest.raises(ValueError, match=re.escape(repr(amount))):
        rmb_upper(amount)  # type: ignore[arg-type]


_AMOUNTS = st.decimals(
    min_value=Decimal("-999999999999.99"),
    max_value=Decimal("999999999999.99"),
    places=2,
    allow_nan=False,
    allow_infinity=False,
)


@given(_AMOUNTS)
def test_rmb_upper_reads_back(amount: Decimal) -> None:
    """Parsing the capitals gives the amount back, so no digit or unit is lost."""
    assert _read_amount(rmb_upper(amount)) == amount


@given(_AMOUNTS)
def test_rmb_upper_shape(amount: Decimal) -> None:
    """Every result ends in 整, 角 or 分 and uses only capital digits."""
    text = rmb_upper(amount)
    assert text[-1] in "整角分"
    assert "零零" not in text
    assert not set(text) & set("一二三四五六七八九十百千")
    assert text.endswith("整") == (amount == amount.to_integral_value())
