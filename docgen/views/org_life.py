"""The 组织生活会 view: an :class:`OrgLifeMeeting` as the context of its templates.

The meeting's procedure is derived from what the data holds (domain.md §2.2):
通报会前准备情况, 支委会对照检查, 批评和自我批评, then 民主评议 when there is an
appraisal and a 上级点评 when a leader of a higher organisation attends. Each
step present gets its ordinal here, so a presiding script numbers 第一项, 第二项…
without gaps whatever is left out. Counts are in digits (23名), the form the
typed data has (GB/T 15835: one form per document); lists read “无” or are left
out, never “None”.
"""

from __future__ import annotations

from typing import Any

from docgen.data.models.common import Person
from docgen.data.models.org_life import Appraisal, BranchReview, OrgLifeMeeting, Preparation
from docgen.views.common import (
    NONE_TEXT,
    bare_items,
    branch_name,
    count_text,
    date_text,
    sealed,
    sentence,
    signoff,
)
from docgen.views.org_life_docs import org_life_documents
from docgen.zh import format_date_paren, join_enumeration, to_chinese

#: Words in an observer's role that mark a leader of a higher organisation.
_LEADER_WORDS = ("党委", "党工委", "党总支", "组织部", "纪委")
_STEPS = {
    "prep": "通报会前准备情况",
    "criticism": "支委委员和党员逐一发言，开展批评和自我批评",
    "appraisal": "民主评议党员",
    "comment": "上级党组织领导点评",
}


def org_life_context(model: OrgLifeMeeting) -> dict[str, Any]:
    """The template context: the model's own fields plus the derived ones."""
    branch = branch_name(model)
    short = model.roster.short_name if model.roster and model.roster.short_name else branch
    meeting = meeting_name(model)
    day = model.time.start if model.time else None
    sign = model.signoff
    resolutions = bare_items(model.resolutions)
    return {
        **model.model_dump(mode="python"),
        "branch": branch,
        "branch_short": short,
        "title": model.title or f"{branch}{meeting}情况报告",
        "meeting_name": meeting,
        "meeting_full": f"{short}{meeting}",
        "date_text": date_text(day),
        "date_paren": format_date_paren(day) if day else "",
        "location": model.location or "",
        "host_name": model.host.name if model.host else "",
        "host_line": host_line(model.host),
        **attendance_view(model),
        **observers_view(model),
        **preparation_view(model.preparation),
        **review_view(model.branch_review, model.host),
        **speakers_view(model),
        **appraisal_view(model.democratic_appraisal),
        "resolutions": [sentence(r) for r in resolutions],
        "resolutions_text": join_enumeration(resolutions),
        "resolutions_count": count_text(len(resolutions)),
        **procedure_view(model),
        "stage": stage_notes(model),
        "signoff": signoff(
            (sign.org if sign and sign.org else "") or branch,
            sign.date if sign else None,
            sign.show if sign else None,
            sealed=sealed(sign),
        ),
        # The notice and the 对照检查材料 keep their wording under their own keys.
        **org_life_documents(model, meeting),
    }


def meeting_name(model: OrgLifeMeeting) -> str:
    """“2026年度组织生活会”: the theme when it names the meeting, else from the year."""
    theme = (model.theme or "").strip()
    if theme.endswith("组织生活会"):
        return theme
    year = model.year or (model.time.start.year if model.time else None)
    return f"{year}年度组织生活会" if year else "组织生活会"


def host_line(host: Person | None) -> str:
    """The line under the title: “支部书记　孟庆岚”, the name alone, or ``""``."""
    if host is None:
        return ""
    return f"{host.role}\u3000{host.name}" if host.role else host.name


def attendance_view(model: OrgLifeMeeting) -> dict[str, Any]:
    """Counts in words and the absentees with their reasons (“无” when nobody is absent)."""
    att = model.attendance
    absent = [
        f"{a.name}同志因{a.reason}" if a.reason else f"{a.name}同志" for a in att.absent or []
    ]
    missing = (att.due or 0) - (att.present or 0)
    if att.absent is None and att.due is not None and att.present is not None and missing > 0:
        absent = [f"{count_text(missing)}名同志"]  # the names were not recorded
    quorum = att.due is not None and att.present is not None and att.present * 2 > att.due
    return {
        "due_text": count_text(att.due) if att.due is not None else "",
        "present_text": count_text(att.present) if att.present is not None else "",
        "absent_text": "、".join(absent) if absent else NONE_TEXT,
        "has_absent": bool(absent),
        "quorum": quorum,
    }


def observers_view(model: OrgLifeMeeting) -> dict[str, Any]:
    """Observers as spoken (“学院党委副书记苏曼宁同志”), and the leader who comments."""
    observers = model.attendance.observers or []
    people = [_spoken(p) for p in observers]
    leader = next(
        (p for p in observers if any(w in (p.role or "") for w in _LEADER_WORDS)),
        None,
    )
    return {
        "observers_text": "、".join(people),
        "commenter": _spoken(leader) if leader else "",
        "commenter_name": f"{leader.name}同志" if leader else "",
        "commenter_role": (leader.role or "") if leader else "",
    }


def _spoken(person: Person) -> str:
    return f"{person.role or ''}{person.name}同志"


def preparation_view(prep: Preparation | None) -> dict[str, Any]:
    """The preparations as one enumerated sentence (``prep_text``) and their number."""
    if prep is None:
        return {"prep_text": "", "prep_count": ""}
    items = []
    if prep.study:
        items.append("组织集中学习，重点学习了" + "、".join(s.strip("。") for s in prep.study))
    if prep.talks:
        talks = prep.talks.strip().rstrip("。")
        # The data often says 开展谈心谈话 itself; the lead-in is added only when it does not.
        items.append(talks if "谈心" in talks else "开展谈心谈话，" + talks)
    opinions = _opinions(prep)
    if opinions:
        items.append(opinions)
    return {
        "prep_text": join_enumeration(items) if len(items) > 1 else sentence("".join(items)),
        "prep_count": count_text(len(items)) if len(items) > 1 else "",
    }


def _opinions(prep: Preparation) -> str:
    channels = "、".join(prep.opinion_channels)
    how = f"通过{channels}等方式" if channels else ""
    if prep.opinions_collected:
        return f"{how}征求到意见建议{count_text(prep.opinions_collected)}条"
    return f"{how}广泛征求意见建议" if how else ""


def review_view(review: BranchReview | None, host: Person | None) -> dict[str, Any]:
    """Who presents the committee's 对照检查 (“我” when the host does) and what it covers."""
    presenter = (review.presenter or "") if review else ""
    by_host = not presenter or (host is not None and presenter == host.name)
    actor = "我" if by_host and host is not None else (f"{presenter}同志" if presenter else "")
    problems = review.problems if review else []
    categories = list(dict.fromkeys(p.category for p in problems if p.category))
    scope = f"{count_text(len(problems))}个问题" if problems else ""
    if problems and categories:
        scope = f"{_and(categories)}{count_text(len(categories))}个方面的{scope}"
    return {
        "review_actor": actor or "支部书记",
        "review_by_host": actor == "我",
        "review_scope": scope,
        "review_measures": count_text(len(review.measures)) if review and review.measures else "",
    }


def _and(items: list[str]) -> str:
    """“甲、乙和丙”."""
    return items[0] if len(items) == 1 else "、".join(items[:-1]) + "和" + items[-1]


def speakers_view(model: OrgLifeMeeting) -> dict[str, Any]:
    """The speaking order; ``host_first`` when the host opens with his own self-criticism."""
    names = [r.member for r in model.member_reviews]
    host = model.host.name if model.host else None
    first = bool(names) and names[0] == host
    others = names[1:] if first else names
    return {
        "host_first": first,
        "other_speakers": "、".join(others),
        "speaker_count": count_text(len(names)) if names else "",
    }


def appraisal_view(appraisal: Appraisal | None) -> dict[str, Any]:
    """民主评议: method, participants in words, results phrased from the counts."""
    if appraisal is None:
        keys = ("appraisal_method", "participants_text", "results_text", "excellent_text")
        return {"has_appraisal": False, "appraisal_note": "", **dict.fromkeys(keys, "")}
    given = [(g, n) for g, n in appraisal.results.items() if n]
    none = [g for g, n in appraisal.results.items() if not n]
    results = "、".join(f"{g}{count_text(n)}名" for g, n in given)
    if results and none:
        results += f"，没有评为{_and(none)}的党员"
    return {
        "has_appraisal": True,
        "appraisal_method": appraisal.method or "",
        "participants_text": count_text(appraisal.participants) if appraisal.participants else "",
        "results_text": results,
        "excellent_text": "、".join(appraisal.excellent),
        "appraisal_note": sentence(appraisal.note or ""),
    }


def procedure_view(model: OrgLifeMeeting) -> dict[str, Any]:
    """The steps the data calls for, in order, with their ordinals.

    ``step`` maps each present step (prep, review, criticism, appraisal, comment)
    to its number in words; ``procedure_text`` lists them as “一是……；二是……。”.
    """
    review = review_view(model.branch_review, model.host)
    names = {
        "prep": _STEPS["prep"],
        "review": f"{_third_person(review['review_actor'], model.host)}代表支委会作对照检查",
        "criticism": _STEPS["criticism"],
    }
    if model.democratic_appraisal is not None:
        names["appraisal"] = _STEPS["appraisal"]
    if observers_view(model)["commenter"]:
        names["comment"] = _STEPS["comment"]
    return {
        # Every step has a key, "" when absent, so a template can test any of them.
        "step": {
            # An ordinal, so 第二项 (never 第两项).
            key: to_chinese(list(names).index(key) + 1) if key in names else ""
            for key in ("prep", "review", "criticism", "appraisal", "comment")
        },
        "procedure_count": count_text(len(names)),
        "procedure_text": join_enumeration(list(names.values())),
    }


def stage_notes(model: OrgLifeMeeting) -> dict[str, str]:
    """What happens between the host's lines, for the bracketed stage notes of the script
    (“孟庆岚同志代表支委会作对照检查”); ``""`` for a step the meeting does not have.

    The host introduces each step and sums it up afterwards; the note in between tells
    the reader of the script who speaks then, so the script reads as a running order.
    """
    host = f"{model.host.name}同志" if model.host else ""
    review = model.branch_review
    presenter = f"{review.presenter}同志" if review and review.presenter else host
    speakers = speakers_view(model)
    if speakers["host_first"]:
        talks = f"{host}带头发言，其他同志依次发言，开展批评和自我批评"
    else:
        talks = "支委委员和党员依次发言，开展批评和自我批评"
    commenter = observers_view(model)["commenter_name"]
    return {
        "review": f"{presenter or '支部书记'}代表支委会作对照检查",
        "criticism": talks,
        "appraisal": "党员填写民主测评表，工作人员现场统计"
        if model.democratic_appraisal is not None
        else "",
        "comment": f"{commenter}点评讲话" if commenter else "",
    }


def _third_person(actor: str, host: Person | None) -> str:
    """The presenter as the agenda names him: the host's role rather than “我”."""
    if actor != "我":
        return actor
    if host is None:
        return "支部书记"
    return host.role or f"{host.name}同志"


__all__ = [
    "appraisal_view",
    "attendance_view",
    "host_line",
    "meeting_name",
    "observers_view",
    "org_life_context",
    "preparation_view",
    "procedure_view",
    "review_view",
    "speakers_view",
    "stage_notes",
]


KIND = "org_life_meeting"
context = org_life_context
