"""Tests for heading ordinals, 一是 enumerations and 第N ordinals."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from docgen.zh.numerals import to_chinese
from docgen.zh.ordinals import enumeration, heading_ordinal, join_enumeration, ordinal_di


@pytest.mark.parametrize(
    ("n", "level", "expected"),
    [
        (1, 1, "一、"),
        (10, 1, "十、"),
        (11, 1, "十一、"),
        (21, 1, "二十一、"),
        (1, 2, "\uff08一\uff09"),
        (12, 2, "（十二）"),
        (1, 3, "1."),
        (12, 3, "12."),
        (1, 4, "\uff081\uff09"),
        (12, 4, "（12）"),
    ],
)
def test_heading_ordinal_levels(n: int, level: int, expected: str) -> None:
    """Each GB/T 9704 level has its own numeral style and marks."""
    assert heading_ordinal(n, level) == expected


def test_heading_ordinal_defaults_to_level_one() -> None:
    """Without a level the ordinal is the first-level 一、 form."""
    assert heading_ordinal(3) == "三、"


def test_heading_ordinal_level_three_uses_ascii_full_stop() -> None:
    """The third level ends in U+002E, not the ideographic full stop or a full-width dot."""
    assert heading_ordinal(2, 3)[-1] == "\u002e"


@pytest.mark.parametrize(("n", "level"), [(0, 1), (-1, 2), (1, 0), (1, 5), (1, -1)])
def test_heading_ordinal_rejects_out_of_range(n: int, level: int) -> None:
    """Positions below 1 and levels outside 1..4 raise ValueError naming the value."""
    with pytest.raises(ValueError, match=str(n if n < 1 else level)):
        heading_ordinal(n, level)


@pytest.mark.parametrize(("n", "level"), [("1", 1), (1, "2"), (True, 1), (1.0, 1)])
def test_heading_ordinal_rejects_non_integers(n: object, level: object) -> None:
    """The core function takes ints only; filters do the coercion."""
    with pytest.raises(TypeError):
        heading_ordinal(n, level)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("n", "expected"), [(1, "一是"), (2, "二是"), (10, "十是"), (11, "十一是"), (20, "二十是")]
)
def test_enumeration(n: int, expected: str) -> None:
    """In-paragraph markers read the position and add 是."""
    assert enumeration(n) == expected


@pytest.mark.parametrize(
    ("n", "expected"), [(1, "第一"), (2, "第二"), (10, "第十"), (12, "第十二"), (101, "第一百零一")]
)
def test_ordinal_di(n: int, expected: str) -> None:
    """第N prefixes the Chinese numeral."""
    assert ordinal_di(n) == expected


@pytest.mark.parametrize("func", [enumeration, ordinal_di])
@pytest.mark.parametrize("n", [0, -3])
def test_positions_start_at_one(func: Callable[[int], str], n: int) -> None:
    """Positions below 1 raise ValueError for every ordinal helper."""
    with pytest.raises(ValueError, match=str(n)):
        func(n)


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([], ""),
        (["加强学习"], "一是加强学习。"),
        (["加强学习", "严格考勤", "注重实效"], "一是加强学习；二是严格考勤；三是注重实效。"),
        (["加强学习。", "严格考勤；", "注重实效."], "一是加强学习；二是严格考勤；三是注重实效。"),
        (["加强学习;", "严格考勤，", "注重实效,"], "一是加强学习；二是严格考勤；三是注重实效。"),
        (["加强学习。；", " 严格考勤 "], "一是加强学习；二是严格考勤。"),
        (["一是加强学习", "二是严格考勤"], "一是加强学习；二是严格考勤。"),
        (["二是加强学习"], "一是二是加强学习。"),
        (["学习“两个确立”！", "对吗?"], "一是学习“两个确立”；二是对吗。"),
        (["等等……"], "一是等等……。"),
        (("甲", "乙"), "一是甲；二是乙。"),
    ],
)
def test_join_enumeration(items: list[str], expected: str) -> None:
    """Items lose their end punctuation, gain 一是/二是 and are joined with ；…。."""
    assert join_enumeration(items) == expected


@pytest.mark.parametrize(
    ("items", "fragment"),
    [("加强学习", "加强学习"), (["甲", 2], "2"), (["甲", "。"], "'。'"), (["  ；"], "'  ；'")],
)
def test_join_enumeration_rejects_bad_items(items: object, fragment: str) -> None:
    """A bare string, a non-string item or an empty item raises ValueError quoting it."""
    with pytest.raises(ValueError, match=fragment):
        join_enumeration(items)  # type: ignore[arg-type]


_ITEM = st.text(alphabet="党员学习教育组织生活会整改落实", min_size=1, max_size=12)


@given(st.lists(_ITEM, min_size=1, max_size=15))
def test_join_enumeration_shape(items: list[str]) -> None:
    """There is one marker per item, one ； between items and a single closing 。."""
    text = join_enumeration(items)
    assert text.endswith("。")
    assert text.count("；") == len(items) - 1
    for index, part in enumerate(text[:-1].split("；"), start=1):
        assert part == f"{to_chinese(index)}是{items[index - 1]}"
