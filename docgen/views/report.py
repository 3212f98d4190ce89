"""The report view: a :class:`Report` as the context of 问题与对策, 经验交流材料 and 工作总结.

Every report is a title, an opening, headed sections (paragraphs, numbered items,
nested subsections) and a closing. The view cleans what a template would
otherwise test in Jinja: blank paragraphs are dropped, item titles lose their end
punctuation for a heading and gain a full stop for a sentence, a subtitle gets its
leading “——”, and in a 问题与对策 report each countermeasure opens with the
problems it answers (its ``addresses``), phrased from their titles.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docgen.data.models.common import Section, SectionItem
from docgen.data.models.report import Report
from docgen.views.common import addressee_text, branch_name, sealed, sentence, signoff

#: Headed levels a template lays out (一、 （一） 1.); deeper subsections are run into
#: their parent's paragraphs rather than dropped.
MAX_DEPTH = 3
DASH = "——"
_END_MARKS = "。；;，,、：:！!？?"
#: Subkinds read aloud at a meeting: no sign-off unless the data asks for one.
_SPOKEN = ("experience_exchange",)


def report_context(model: Report) -> dict[str, Any]:
    """The template context: the model's own fields plus the derived ones."""
    branch = branch_name(model)
    problems = list(model.sections[0].items) if model.sections else []
    sections = [section_view(s, 1, problems if n > 0 else []) for n, s in enumerate(model.sections)]
    return {
        **model.model_dump(mode="python", exclude={"sections", "signoff"}),
        "branch": branch,
        "title": model.title.strip(),
        "subtitle": subtitle_text(model.subtitle),
        "intro": (model.intro or "").strip(),
        "outro": (model.outro or "").strip(),
        "sections": sections,
        "addressee": addressee_text(model.addressee),
        "signoff": _signoff(model, branch),
    }


def subtitle_text(text: str | None) -> str:
    """``——……`` with exactly one leading dash pair, or ``""``."""
    body = (text or "").strip().lstrip("—－-―─ ").strip()
    return DASH + body if body else ""


def section_view(section: Section, depth: int, problems: Sequence[SectionItem]) -> dict[str, Any]:
    """A section's heading, paragraphs, items and subsections, ready to lay out.

    ``items_headed`` says whether the items get their own heading lines (some
    item has a body) or are numbered sentences; ``problems`` are the first
    section's items, which this section's items may answer.
    """
    paras = [p.strip() for p in section.paras if p.strip()]
    subsections: list[dict[str, Any]] = []
    for sub in section.subsections:
        if depth < MAX_DEPTH:
            subsections.append(section_view(sub, depth + 1, problems))
        else:
            paras.extend(_flattened(sub))
    items = [item_view(i, problems) for i in section.items]
    return {
        "heading": section.heading.strip().rstrip(_END_MARKS),
        "paras": paras,
        "items": items,
        "items_headed": any(i["body"] for i in items),
        "subsections": subsections,
    }


def item_view(item: SectionItem, problems: Sequence[SectionItem]) -> dict[str, str]:
    """An item as a heading (``title``) with its ``body``, or as one ``sentence``.

    When the item answers problems, both the body and the sentence open with
    “针对……的问题，”.
    """
    title = item.title.strip().rstrip(_END_MARKS)
    lead = answers_lead(item.addresses, problems)
    body = (item.body or "").strip()
    return {
        "title": title,
        "body": lead + sentence(body) if body else "",
        "sentence": sentence(lead + title),
        "answers": lead.removesuffix("，"),
    }


def answers_lead(addresses: Sequence[int], problems: Sequence[SectionItem]) -> str:
    """“针对学习形式单一、吸引力不强的问题，” for the problems numbered in ``addresses``.

    Numbers outside the first section are skipped (validation warns about them),
    so a stale number never prints as a gap.
    """
    seen: list[int] = []
    for n in addresses:
        if 1 <= n <= len(problems) and n not in seen:
            seen.append(n)
    phrases = [_problem_phrase(problems[n - 1].title) for n in seen]
    phrases = [p for p in phrases if p]
    if not phrases:
        return ""
    joined = phrases[0] if len(phrases) == 1 else "、".join(phrases[:-1]) + "和" + phrases[-1]
    return f"针对{joined}的问题，"


def _problem_phrase(title: str) -> str:
    """A problem's title as a noun phrase: commas inside become 、 (the phrase sits in a
    clause of its own), a trailing “的问题”/“问题” goes (the lead adds it back)."""
    text = title.strip().rstrip(_END_MARKS).replace("，", "、").replace(",", "、")
    for tail in ("的问题", "问题"):
        if text.endswith(tail) and len(text) > len(tail):
            return text.removesuffix(tail)
    return text


def _flattened(section: Section) -> list[str]:
    """A too-deep subsection as paragraphs: its heading as a sentence, then its text."""
    out = [sentence(section.heading)] if section.heading.strip() else []
    out += [p.strip() for p in section.paras if p.strip()]
    out += [sentence(i.title) + (i.body or "").strip() for i in section.items]
    for sub in section.subsections:
        out += _flattened(sub)
    return out


def _signoff(model: Report, branch: str) -> dict[str, Any]:
    """The sign-off; without one in the data a written report is signed by the branch,
    a spoken one (经验交流材料) is not signed."""
    sign = model.signoff
    if sign is None and model.subkind in _SPOKEN:
        return signoff("", None, show=False)
    org = (sign.org if sign and sign.org else "") or branch
    return signoff(
        org, sign.date if sign else None, sign.show if sign else None, sealed=sealed(sign)
    )


__all__ = [
    "MAX_DEPTH",
    "answers_lead",
    "item_view",
    "report_context",
    "section_view",
    "subtitle_text",
]


KIND = "report"
context = report_context
