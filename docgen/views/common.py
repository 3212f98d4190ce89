"""Wording shared by every view: dates, deadlines, people, lists, the branch name, the sign-off.

These helpers return finished Chinese text, never ``None``: an absent list reads
“无”, an absent person is an empty string the template leaves out, a deadline of
长期坚持 reads as such.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import BaseModel

from docgen.style.attachments import AttachmentNote
from docgen.style.signoff import SignoffLines
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


def attachment_names(names: Iterable[str]) -> list[str]:
    """The names a 附件说明 lists (GB/T 9704 §7.3.4): without a typed ordinal and without
    punctuation after the name; empty ones dropped."""
    kept = [n.strip().rstrip("。；;，,、") for n in bare_items(names)]
    return [n for n in kept if n]


def attachment_lines(names: Iterable[str]) -> list[str]:
    """The 附件说明's names as text: one alone as written, several numbered ``1.签到表``,
    ``2.活动照片``."""
    kept = attachment_names(names)
    if len(kept) <= 1:
        return kept
    return [f"{i}.{n}" for i, n in enumerate(kept, 1)]


def attachment_note(names: Iterable[str]) -> AttachmentNote:
    """The 附件说明 as the paragraphs a template places with ``{{p attachment_note }}``."""
    return AttachmentNote(tuple(attachment_names(names)))


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


def sealed(sign: Any) -> bool:
    """Whether a data sign-off (or ``None``) asks for the sealed layout (加盖印章)."""
    return bool(getattr(sign, "sealed", None))


def addressee_text(text: str | None) -> str:
    """The 主送机关 line (GB/T 9704 §7.3.2): the body's name ending in a full-width colon
    (“中共××学院委员会：”), however it was typed; ``""`` for none."""
    name = (text or "").strip().rstrip(":：").rstrip()
    return f"{name}：" if name else ""


def signoff(
    org: str,
    date: dt.date | str | None,
    show: bool | None = None,
    sealed: bool | None = None,
) -> dict[str, Any]:
    """The sign-off (落款): ``org`` and ``date`` as plain text, and ``lines``, the two
    paragraphs placed by alignment and indent per GB/T 9704 §7.3.5 (:mod:`docgen.style.signoff`:
    unsealed by default, ``sealed`` leaving room for a seal). ``date`` may be a date already
    written out (``2026年　　月　　日`` for the secretary's pen). ``show`` false, or nothing
    to show, gives ``show: False`` and the template leaves the block out.
    """
    day = date if isinstance(date, str) else date_text(date)
    if show is False or not (org or day):
        org, day = "", ""
    return {
        "show": bool(org or day),
        "org": org,
        "date": day,
        # The same texts under the names templates of their own may use in a paragraph of
        # the 落款单位/成文日期 style (``{{ signoff.org_text|seal(stamp) }}``): no padding.
        "org_text": org,
        "date_text": day,
        "sealed": bool(sealed),
        "lines": SignoffLines(org, day, bool(sealed)),
    }


__all__ = [
    "NONE_TEXT",
    "addressee_text",
    "attachment_lines",
    "attachment_names",
    "attachment_note",
    "bare",
    "bare_items",
    "branch_name",
    "committee_name",
    "count_text",
    "date_text",
    "deadline_text",
    "enumerate_text",
    "list_text",
    "numbered_lines",
    "person_text",
    "sealed",
    "sentence",
    "signoff",
    "text_width",
]
