"""Chinese numerals: integers read aloud (一百零一) and years spelled digit by digit (二〇二六)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from docgen.i18n import tr

#: Everyday lower-case digits. Index 0 is 零, the *spoken* zero used inside a number.
LOWER_DIGITS = "零一二三四五六七八九"
#: Units inside one four-digit group, indexed by position (ones, tens, hundreds, thousands).
LOWER_UNITS = ("", "十", "百", "千")
#: Units that close a four-digit group: nothing, 万 (10^4), 亿 (10^8).
GROUP_UNITS = ("", "万", "亿")

#: The year digits. 〇 (U+3007) is the ideographic zero; 零 is wrong in a spelled-out year.
YEAR_DIGITS = "〇一二三四五六七八九"

#: Exclusive upper bound: three four-digit groups (…亿…万…) cover everything below 10^12.
LIMIT = 10**12

_ASCII_DIGITS = re.compile(r"[0-9]+")


def to_chinese(n: int) -> str:
    """Read a non-negative integer as Chinese numerals.

    Follows the usual reading rules: a run of zeros inside the number is read as a single
    零, zeros at the end of a four-digit group are silent, and a leading 一十 is shortened
    to 十 only when it opens the whole number (10 → 十, 100000 → 十万, but 110 → 一百一十).

    Args:
        n: the integer, ``0 <= n < 10**12``.

    Returns:
        The reading, e.g. ``120000001`` → ``"一亿二千万零一"``.

    Raises:
        TypeError: ``n`` is not an ``int`` (``bool`` is refused too).
        ValueError: ``n`` is negative or too large.
    """
    _check_int(n)
    return spell_integer(n, LOWER_DIGITS, LOWER_UNITS, short_ten=True)


def spell_integer(n: int, digits: str, units: Sequence[str], *, short_ten: bool) -> str:
    """Spell ``0 <= n < 10**12`` with the given digit and in-group unit characters.

    Shared by :func:`to_chinese` (一二三, 十百千) and the RMB capitals in
    :mod:`docgen.zh.money` (壹贰叁, 拾佰仟), which differ only in glyphs and in whether a
    leading 一十 may be shortened to 十.

    Args:
        n: the integer; the caller has already checked its type and range.
        digits: ten characters, zero first.
        units: four in-group units (ones, tens, hundreds, thousands).
        short_ten: whether a number opening with 一十 drops the 一.

    Returns:
        The spelled number.
    """
    if n == 0:
        return digits[0]
    text = str(n)
    out: list[str] = []
    zero_pending = False
    for i, ch in enumerate(text):
        place = len(text) - 1 - i
        value = int(ch)
        if value == 0:
            zero_pending = True
        else:
            if zero_pending:
                out.append(digits[0])
                zero_pending = False
            if not (short_ten and value == 1 and place % 4 == 1 and i == 0):
                out.append(digits[value])
            out.append(units[place % 4])
        if place % 4 == 0 and place > 0:
            group = text[max(0, i - 3) : i + 1]
            if int(group) != 0:
                out.append(GROUP_UNITS[place // 4])
                # Zeros at the tail of a group are silent (二千万一千, not 二千万零一千);
                # a wholly empty group keeps its zero so 一亿零一 still reads the gap.
                zero_pending = False
    return "".join(out)


def digits_to_chinese(value: str | int) -> str:
    """Spell a number digit by digit, the way years are written: 2026 → 二〇二六.

    Args:
        value: a non-negative ``int`` or a string of ASCII digits (surrounding blanks allowed).

    Returns:
        One Chinese digit per input digit; zero is always 〇 (U+3007), never 零.

    Raises:
        TypeError: ``value`` is neither ``str`` nor ``int`` (``bool`` is refused).
        ValueError: a negative number, or a string that is not all ASCII digits.
    """
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise TypeError(
            tr(
                f"逐位转写需要整数或数字字符串，收到 {type(value).__name__}：{value!r}",
                f"digit-by-digit spelling needs an int or a digit string, "
                f"got {type(value).__name__}: {value!r}",
            )
        )
    if isinstance(value, int):
        if value < 0:
            raise ValueError(
                tr(f"不能逐位转写负数：{value}", f"cannot spell a negative number: {value}")
            )
        text = str(value)
    else:
        text = value.strip()
        # fullmatch on ASCII digits only: str.isdigit() would also admit ²、٣ and the like.
        if not _ASCII_DIGITS.fullmatch(text):
            raise ValueError(
                tr(
                    f"逐位转写只接受阿拉伯数字，收到：{value!r}",
                    f"digit-by-digit spelling accepts ASCII digits only, got: {value!r}",
                )
            )
    return "".join(YEAR_DIGITS[int(ch)] for ch in text)


def _check_int(n: object) -> None:
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(
            tr(
                f"汉字数字需要整数，收到 {type(n).__name__}：{n!r}",
                f"Chinese numerals need an int, got {type(n).__name__}: {n!r}",
            )
        )
    if n < 0:
        raise ValueError(
            tr(
                f"汉字数字不支持负数：{n}",
                f"negative numbers have no Chinese numeral reading here: {n}",
            )
        )
    if n >= LIMIT:
        raise ValueError(
            tr(
                f"数字过大（须小于 10^12，即一万亿）：{n}",
                f"number too large (must be below 10^12): {n}",
            )
        )
