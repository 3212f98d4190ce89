"""The speech view: a :class:`Speech` as the context of every 讲话稿 template.

A speech is read aloud, so the view prepares what a speaker would stumble
over if left to Jinja: the speaker line under the title (“支部书记　孟庆岚”), the
date in parentheses, the salutation with its full-width colon, opening and
closing as paragraphs, and a point's sub-items with generated markers. Markers
typed into the data (“一是”, “（一）”, “1.”) are taken off first, so the
document's markers are always generated and never doubled. Two renderings of
the sub-items are offered: ``一是……；二是……。`` in one paragraph (short
items) or one paragraph per item, and ``（一）`` run-in leads for a 党课.
"""

from __future__ import annotations

import re
from typing import Any

from docgen.data.models.common import Person
from docgen.data.models.speech import Closing, Opening, Point, Speech
from docgen.views.common import bare, sentence
from docgen.zh import enumeration, format_date_paren, heading_ordinal, join_enumeration

#: The year of the party's founding: a 七一 speech counts its anniversary from it.
FOUNDING_YEAR = 1921
DEFAULT_SALUTATION = "同志们"
#: Items up to this many characters, one sentence each, are joined into one paragraph.
_INLINE_MAX = 40
#: A 党课 sub-item's first sentence becomes its run-in lead when it is this short.
_LEAD_MAX = 24

#: Ordinal words a speaker types that are not the generated 一是: 二要, 三则, 首先, 其次,
#: 第一, 一方面. When any item opens with one, the items keep their own words.
_OWN_ORDINAL = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[要则来]|首先|其次|再次|最后|第[一二三四五六七八九十]+|一方面|另一方面)"
)
_ITEM_END = "。；;，,、！!？? "


def speech_context(model: Speech) -> dict[str, Any]:
    """The template context: the model's own fields plus the derived ones."""
    return {
        **model.model_dump(mode="python", exclude={"opening", "points", "closing"}),
        "branch": "",
        "title": model.title.strip(),
        "title_inline": inline_title(model.title),
        "subtitle": subtitle_text(model.subtitle),
        "speaker_text": speaker_line(model.speaker),
        "date_text": format_date_paren(model.date) if model.date else "",
        "party_years": model.date.year - FOUNDING_YEAR if model.date else None,
        "salutation_text": salutation_line(model.salutation),
        "opening_paras": opening_paras(model.opening),
        "purpose": sentence(model.purpose or ""),
        "transition": sentence(model.transition or ""),
        "points": [point_view(p) for p in model.points],
        "closing_paras": closing_paras(model.closing),
    }


def inline_title(title: str) -> str:
    """The title as quoted in a sentence: the spaces that split it over two halves
    (“重温入党誓词　坚定理想信念”) become a comma."""
    return re.sub(r"[\s\u3000]+", "，", title.strip())


def subtitle_text(subtitle: str | None) -> str:
    """The subtitle as printed: “——在……上的讲话” gets its dash when typed without one."""
    text = (subtitle or "").strip()
    if text.startswith("在") and not text.startswith("——"):
        return "——" + text
    return text


def speaker_line(speaker: Person | None) -> str:
    """“支部书记　孟庆岚” (role, an ideographic space, name), the name alone, or ``""``."""
    if speaker is None:
        return ""
    return f"{speaker.role}\u3000{speaker.name}" if speaker.role else speaker.name


def salutation_line(salutation: str | None) -> str:
    """The salutation ending with one full-width colon; “同志们：” when none is given."""
    text = (salutation or "").strip().rstrip("：:，,。")
    return (text or DEFAULT_SALUTATION) + "："


def opening_paras(opening: Opening | None) -> list[str]:
    """The occasion and the welcome in one paragraph, the thanks in the next."""
    if opening is None:
        return []
    first = "".join(sentence(t) for t in (opening.occasion, opening.welcome) if t)
    return [p for p in (first, sentence(opening.thanks or "")) if p]


def closing_paras(closing: Closing | None) -> list[str]:
    """Summary, wish and thanks, one paragraph each (a speech ends on short lines)."""
    if closing is None:
        return []
    return [sentence(t) for t in (closing.summary, closing.wish, closing.thanks) if t and t.strip()]


def strip_marker(text: str) -> str:
    """``text`` without an ordinal typed at its start (一是, 第一，, （一）, 一、, 1.)."""
    return bare(text)


def point_view(point: Point) -> dict[str, Any]:
    """A main point: ``heading``, ``paras`` and its sub-items in every rendering.

    ``sub_inline`` tells whether the items are short enough to read as one
    ``sub_text`` sentence; ``sub`` holds each item as ``text`` (“一是……。”) and as a
    ``lead`` (“（一）……。”, for a 楷体 run-in) with the ``rest`` of it.
    """
    typed = [s.strip() for s in point.sub if s.strip()]
    # The speaker's own ordinal words (二要, 首先) are kept: adding 一是 would print
    # “二是二要”. 一是 is generated only when no other ordinal word was typed.
    own = any(_OWN_ORDINAL.match(s) for s in typed)
    items = typed if own else [strip_marker(s) for s in typed if strip_marker(s)]
    paras = [p.strip() for p in point.paras if p.strip()]
    if own:
        sub_text = "；".join(i.rstrip(_ITEM_END) for i in items) + "。" if items else ""
    else:
        sub_text = join_enumeration(items) if items else ""
    return {
        "heading": point.heading.strip().rstrip("。；;，,、：:"),
        "paras": paras,
        "sub": [sub_item(text, n, marked=not own) for n, text in enumerate(items, 1)],
        "sub_inline": bool(items) and all(_is_short(i) for i in items),
        "sub_text": sub_text,
        "has_body": bool(paras or items),
    }


def sub_item(text: str, seq: int, marked: bool = True) -> dict[str, str]:
    """One sub-item: ``text`` with its 一是 marker (none when not ``marked``: the item
    carries its own ordinal word), ``lead``/``rest`` with its （一） ordinal."""
    head, mark, rest = text.partition("。")
    ordinal = heading_ordinal(seq, 2)
    if mark and rest.strip() and len(head) <= _LEAD_MAX:
        lead, body = ordinal + head + mark, rest.strip()
    elif len(text) <= _LEAD_MAX:
        lead, body = ordinal + text, ""
    else:
        lead, body = ordinal, sentence(text)
    marker = enumeration(seq) if marked else ""
    return {"text": marker + sentence(text), "lead": lead, "rest": body}


def _is_short(item: str) -> bool:
    body = item.rstrip("。；;！!")
    return len(body) <= _INLINE_MAX and not re.search("[。；;！!？?]", body)


__all__ = [
    "DEFAULT_SALUTATION",
    "FOUNDING_YEAR",
    "closing_paras",
    "inline_title",
    "opening_paras",
    "point_view",
    "salutation_line",
    "speaker_line",
    "speech_context",
    "strip_marker",
    "sub_item",
    "subtitle_text",
]


KIND = "speech"
context = speech_context
