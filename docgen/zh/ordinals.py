"""Chinese ordinals: GB/T 9704 heading numbers, 一是/二是 enumerations and 第N."""

from __future__ import annotations

from collections.abc import Sequence

from docgen.i18n import tr
from docgen.zh.numerals import to_chinese

#: Characters stripped from the end of an enumerated item before it is joined, so that an
#: item written as a full sentence ("加强学习。") does not end up as "加强学习。；". ！ and ？
#: go too: inside one 一是…；二是…。 sentence they would leave "！；" or "？。".
_ITEM_END = "。；;.，,、！!？? \t\u3000"


def heading_ordinal(n: int, level: int = 1) -> str:
    """The heading number for the ``n``-th heading at one of the four GB/T 9704 levels.

    Args:
        n: the position, from 1.
        level: 1 → ``一、``; 2 → ``（一）``; 3 → ``1.`` (ASCII full stop);
            4 → ``（1）`` (full-width parentheses around ASCII digits).

    Returns:
        The ordinal, including its trailing mark or brackets.

    Raises:
        ValueError: ``n < 1`` or ``level`` outside 1..4.
        TypeError: ``n`` or ``level`` is not an ``int``.
    """
    _check_position(n)
    if isinstance(level, bool) or not isinstance(level, int):
        raise TypeError(
            tr(f"标题层级必须是整数：{level!r}", f"heading level must be an int: {level!r}")
        )
    if level == 1:
        return f"{to_chinese(n)}、"
    if level == 2:
        return f"（{to_chinese(n)}）"
    if level == 3:
        return f"{n}."
    if level == 4:
        return f"（{n}）"
    raise ValueError(
        tr(f"标题层级只有 1 到 4 级，收到：{level}", f"heading level must be 1 to 4, got: {level}")
    )


def enumeration(n: int) -> str:
    """The in-paragraph enumeration marker ``一是``, ``二是``, … ``十一是``.

    Args:
        n: the position, from 1.

    Returns:
        The marker, with no punctuation after it.

    Raises:
        ValueError: ``n < 1``.
        TypeError: ``n`` is not an ``int``.
    """
    _check_position(n)
    return f"{to_chinese(n)}是"


def join_enumeration(items: Sequence[str]) -> str:
    """Join items into one enumerated sentence: ``一是……；二是……；三是……。``.

    Each item loses its trailing 。；;.，,、！!？? and blanks, items are joined with 「；」 and the
    whole ends with 「。」. An item that already opens with its own marker (the third item
    starting with 三是) keeps it rather than getting a second one, because data is often
    typed that way.

    Args:
        items: the item texts, in order.

    Returns:
        The sentence, or ``""`` for no items.

    Raises:
        ValueError: ``items`` is a bare string, or an item is not a string or is empty once
            its end punctuation is stripped.
    """
    if isinstance(items, str):
        raise ValueError(
            tr(
                f"列举需要一组条目，收到的是单个字符串：{items!r}",
                f"an enumeration needs a list of items, got a single string: {items!r}",
            )
        )
    parts: list[str] = []
    for index, item in enumerate(items, start=1):
        if not isinstance(item, str):
            raise ValueError(
                tr(
                    f"列举的第 {index} 条不是文字：{item!r}",
                    f"enumeration item {index} is not text: {item!r}",
                )
            )
        body = item.strip().rstrip(_ITEM_END)
        marker = enumeration(index)
        body = body.removeprefix(marker)
        if not body.strip():
            raise ValueError(
                tr(
                    f"列举的第 {index} 条是空的：{item!r}",
                    f"enumeration item {index} is empty: {item!r}",
                )
            )
        parts.append(marker + body)
    return "；".join(parts) + "。" if parts else ""


def ordinal_di(n: int) -> str:
    """The ordinal ``第一``, ``第二``, … ``第十二``.

    Args:
        n: the position, from 1.

    Returns:
        第 followed by the Chinese numeral.

    Raises:
        ValueError: ``n < 1``.
        TypeError: ``n`` is not an ``int``.
    """
    _check_position(n)
    return f"第{to_chinese(n)}"


def _check_position(n: object) -> None:
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(tr(f"序号必须是整数：{n!r}", f"an ordinal position must be an int: {n!r}"))
    if n < 1:
        raise ValueError(tr(f"序号从 1 开始，收到：{n}", f"ordinal positions start at 1, got: {n}"))
