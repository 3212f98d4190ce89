"""Did-you-mean: the known name closest to a mistyped one (field, filter, template).

``difflib``'s ratio alone misses the usual slip in a short Chinese name: one
wrong character of three (主持任 for 主持人) scores 0.67. A name of up to four
characters that differs in one character is therefore accepted as well.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(word: str, choices: Iterable[str], *, cutoff: float = 0.75) -> str | None:
    """The choice ``word`` most likely stands for, or ``None`` when none is close."""
    options = list(dict.fromkeys(choices))
    if not word or not options:
        return None
    folded = {o.lower(): o for o in options}
    if word.lower() in folded:
        return folded[word.lower()]
    found = difflib.get_close_matches(word.lower(), list(folded), n=1, cutoff=cutoff)
    if found:
        return folded[found[0]]
    near = [o for o in options if _one_apart(word, o)]
    return near[0] if near else None


def _one_apart(word: str, other: str) -> bool:
    """Same length (2–4 characters) and exactly one character different."""
    if len(word) != len(other) or not 2 <= len(word) <= 4:
        return False
    return sum(a != b for a, b in zip(word, other, strict=True)) == 1


__all__ = ["closest"]
