"""Wording shared by every view: dates, deadlines, people, lists, the branch name, the sign-off.

These helpers return finished Chinese text, never ``None``: an absent list reads
“无”, an absent person is an empty string the template leaves out, a deadline of
长期坚持 reads as such.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import BaseModel

from docgen.style.house import DEFAULT_STYLE, HouseStyle
from docgen.zh import format_date, join_enumeration
from docgen.zh.title_break import text_width

NONE_TEXT = "无"
#: An ordinal typed at the start of a list item: 一是, 第一，, （一）, （1）, 一、, 1. 1、 1）, ①.
#: A digit run followed by another digit (“1.5倍”, “2026.1”) is text, not an ordinal.
_TYPED_ORDINAL = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+是[，,、：:]?"
    r"|第[一二三四五六七八九十]+[，,、：:]"
    r"|[（(][一二三四五六七八九十\d]+[）)]"
    r"|[一二三四五六七八九十]+、"
    r"|\d+(?:[.．、]|[）)])(?!\d)"
    r"|[①-⑳])\s*"
)
_IDEOGRAPHIC_SPACE = "\u3000"
_EN_SPACE = "\u2002"


def date_text(value: dt.date | None) -> str:
    """``2026年12月30日`` (GB/T 9704 §7.3.5.4: no leading zeros), or ``""``."""
    if value is None:
        return ""
    day = value.date() if isinstance(value, dt.datetime) else value
    return format_date(day)


def deadline_text(value: dt.date | str | None, suffix: str = "") -> str:
    """A deadline as text: a date (with ``suffix``, e.g. 前), or the words as written."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return date_text(value) + suffix
    return value


def person_text(person: Any) -> str:
    """``孟庆岚（支部书记）``, ``孟庆岚``, or ``""`` for nobody."""
    if person is None:
        return ""
    role = getattr(person, "role", None)
    name: str = person.name
    return f"{name}（{role}）" if role else name


def count_text(n: int, unit: str = "") -> str:
    """A count before its measure word, in Arabic digits: ``12个``, ``23名``, ``2项``.

    GB/T 15835-2011 writes counts in Arabic digits and asks one form for numbers of one
    kind in one document; what secretaries type (“46人次”, “发出测评表22份”) is in digits,
    so the counts the views add are too — never “二十三名” next to “22份”. Ordinals
    (第二项, 一是) stay in words.
    """
    return f"{n}{unit}"


def list_text(items: Iterable[str], sep: str = "、", empty: str = NONE_TEXT) -> str:
    """Items joined by ``sep``; ``empty`` (“无”) when there are none."""
    kept = [i for i in items if i]
    return sep.join(kept) if kept else empty


def bare(text: str) -> str:
    """A list item without the ordinal typed at its start (“1. 加强学习” → “加强学习”).

    Library templates number list items themselves, so a typed ordinal is taken off
    rather than adopted: “1.1.” and “一是 1.” never print.
    """
    return _TYPED_ORDINAL.sub("", text, count=1).strip()


def bare_items(items: Iterable[str]) -> list[str]:
    """The non-empty items, each without its typed ordinal (see :func:`bare`)."""
    return [b for b in (bare(i) for i in items) if b]


def enumerate_text(items: Sequence[str]) -> str:
    """One item as written; several as ``一是……；二是……。``; none as ``""``."""
    kept = bare_items(items)
    if not kept:
        return ""
    if len(kept) == 1:
        return kept[0]
    return join_enumeration(kept)


def sentence(text: str) -> str:
    """``text`` ending with a full stop (“。”) unless it already ends a sentence.

    A lead-in ending in a colon (“在此，我提出几点要求：”) keeps it, full-width: it
    announces what follows, and a full stop would cut it off.
    """
    text = text.strip()
    if not text or text[-1] in "。！？…”』）)：":
        return text
    if text[-1] == ":":
        return text[:-1].rstrip() + "："
    return text.rstrip("；;，,、") + "。"


def numbered_lines(items: Sequence[str]) -> str:
    """Items on separate lines as ``1.…`` (for a table cell); one item unnumbered."""
    kept = bare_items(items)
    if len(kept) <= 1:
        return kept[0] if kept else ""
    return "\n".join(f"{n}.{text}" for n, text in enumerate(kept, 1))


def branch_name(model: BaseModel) -> str:
    """The branch's full name: from the resolved roster, else the ``branch`` text when it
    is a name rather than an id (ids such as ``xxgc-jg1`` are ASCII)."""
    roster = getattr(model, "roster", None)
    if roster is not None:
        return str(roster.name)
    branch = getattr(model, "branch", None)
    if isinstance(branch, str) and not branch.isascii():
        return branch
    return ""


def committee_name(branch: str) -> str:
    """The branch committee's name, one rule for title and sign-off: “…党支部” →
    “…党支部委员会”; a name already ending in 委员会 (or empty) is kept as it is."""
    if not branch or branch.endswith("委员会"):
        return branch
    return f"{branch}委员会" if branch.endswith("支部") else f"{branch}支部委员会"


#: LibreOffice's automatic space between a Chinese character and a digit or Latin letter,
#: in characters of the line: 3.47 pt measured at 16 pt (5 gaps in “2026年10月28日”).
AUTO_SPACE_CHARS = 0.22


def printed_width(text: str) -> float:
    """:func:`text_width` plus the automatic space at each Chinese/Latin boundary."""
    wide = [unicodedata.east_asian_width(c) in "WF" for c in text]
    return text_width(text) + AUTO_SPACE_CHARS * sum(a != b for a, b in itertools.pairwise(wide))


def sealed(sign: Any) -> bool:
    """Whether a data sign-off (or ``None``) asks for the sealed layout (加盖印章)."""
    return bool(getattr(sign, "sealed", None))


def addressee_text(text: str | None) -> str:
    """The 主送机关 line (GB/T 9704 §7.3.2): the body's name ending in a full-width colon
    (“中共××学院委员会：”), however it was typed; ``""`` for none."""
    name = (text or "").strip().rstrip(":：").rstrip()
    return f"{name}：" if name else ""


def padding(chars: float) -> str:
    """Blank space up to ``chars`` wide: ideographic spaces, plus an en space for a half."""
    chars = max(chars, 0)
    whole = int(chars)
    half = _EN_SPACE if chars - whole >= 0.5 else ""
    return _IDEOGRAPHIC_SPACE * whole + half


def line_chars(style: HouseStyle = DEFAULT_STYLE, landscape: bool = False) -> float:
    """How many body characters fit on a line of the type area (28.07 for GB/T 9704, the
    character spacing included; 40.4 on a landscape page)."""
    return style.chars_fitting(style.body_pt, landscape)


def signoff(
    org: str,
    date: dt.date | None,
    show: bool | None = None,
    width: float | None = None,
    sealed: bool | None = None,
) -> dict[str, Any]:
    """The sign-off, placed per GB/T 9704 §7.3.5.

    Without a seal (§7.3.5.2, the default) the organisation ends two characters from
    the right margin; the date starts two characters right of the organisation's first
    character; when the date is the longer line, it ends two characters from the margin
    and the organisation moves left with it. With ``sealed`` (§7.3.5.1) the date ends four
    characters from the right margin and the organisation is centred on the date (moved
    left when centring would run it past the margin), leaving room for the seal. Both
    lines are placed with leading blank space (``org_text``, ``date_text``) on a line
    ``width`` characters wide (the house style's by default): trailing space in a
    right-aligned line is ignored by LibreOffice, leading space is honoured by every
    reader. ``show`` false, or nothing to show, gives ``show: False`` and the template
    leaves the block out.
    """
    day = date_text(date)
    if show is False or not (org or day):
        return {"show": False, "org": "", "date": "", "org_text": "", "date_text": ""}
    line = line_chars() if width is None else width
    org_w, date_w = text_width(org), text_width(day)
    if sealed:
        # The date's digits carry LibreOffice's automatic Chinese/Latin spacing: measured
        # as printed, so the date ends four characters from the margin, not three.
        date_w, org_w = printed_width(day), printed_width(org)
        # Rounded to the half character the padding can place (padding floors).
        date_start = round((line - 4 - date_w) * 2) / 2
        centred = date_start + (date_w - org_w) / 2
        org_start = min(centred, line - org_w) if day else line - 4 - org_w
    else:
        org_start = line - 2 - org_w
        date_start = org_start + 2 if org else line - 2 - date_w
        if date_start + date_w > line - 2:
            date_start = line - 2 - date_w
            org_start = date_start - 2
    return {
        "show": True,
        "org": org,
        "date": day,
        "org_text": padding(org_start) + org if org else "",
        "date_text": padding(date_start) + day if day else "",
    }


__all__ = [
    "NONE_TEXT",
    "addressee_text",
    "bare",
    "bare_items",
    "branch_name",
    "committee_name",
    "count_text",
    "date_text",
    "deadline_text",
    "enumerate_text",
    "line_chars",
    "list_text",
    "numbered_lines",
    "padding",
    "person_text",
    "printed_width",
    "sealed",
    "sentence",
    "signoff",
    "text_width",
]
