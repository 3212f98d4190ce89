"""Which 发展党员 documents a candidate's stage calls for, so a bundle or a batch over a
roster makes each person only the papers of the stage they are at.

The papers of earlier stages were made when those stages were reached; the 全程纪实表
goes with every stage, since it is kept up to date throughout.
"""

from __future__ import annotations

from typing import Any

from docgen.data.models.development import STAGES, Candidate, Development
from docgen.exceptions import BundleError

#: The record every stage keeps up to date.
RECORD = "reports/fazhan-jishi-biao"
#: The 公示 of the stage (:mod:`docgen.views.development_notice` picks which one).
NOTICE = "reports/fazhan-gongshi"
#: The 支委会 record of the decision that opens stages 2 and 3.
COMMITTEE = "reports/fazhan-zhiweihui-jilu"
#: The 推荐票 and its 统计表, for the recommendation that opens stage 2.
BALLOT = "reports/fazhan-tuijian-piao"
TALLY = "reports/fazhan-tuijian-tongji"
#: The 入党谈话记录 (stage 1).
TALK = "reports/fazhan-tanhua-jilu"
#: The 档案材料目录, made when the file is closed on 转正 (stage 5).
ARCHIVE = "reports/fazhan-guidang-mulu"
#: The 备案报告 of the 支委会's decision (stages 2 and 3).
FILING = "reports/fazhan-beian-baogao"
#: The 政审's 函调信 and its 综合报告 (stage 3).
INQUIRY = "reports/fazhan-hantiao-xin"
REVIEW = "reports/fazhan-zhengshen-baogao"
#: The 支部党员大会 表决票 for the meeting that ends stages 3 (接收) and 4 (转正).
VOTE = "reports/fazhan-biaojue-piao"
COUNT = "reports/fazhan-jipiao-dan"
SCRIPT = "reports/fazhan-dahui-zhuchici"
#: The 预审请示 for the 发展对象 (stage 3).
PREREVIEW = "reports/fazhan-yushen-qingshi"
#: The 报批请示 after the 接收 meeting (stage 4).
APPROVAL = "reports/fazhan-baopi-qingshi"
#: The 支部党员大会 决议 (接收 at stage 4, 转正 at stage 5).
RESOLUTION = "reports/fazhan-dahui-jueyi"
#: The 支部党员大会 会议记录 of the same meetings (接收 at stage 4, 转正 at stage 5).
MINUTES = "reports/fazhan-dahui-jilu"

#: The documents each stage (1–5) calls for, in the order they are made, by library name.
STAGE_DOCUMENTS: dict[int, tuple[str, ...]] = {
    1: (TALK, RECORD),
    2: (BALLOT, TALLY, COMMITTEE, NOTICE, FILING, RECORD),
    3: (COMMITTEE, NOTICE, FILING, INQUIRY, REVIEW, PREREVIEW, SCRIPT, VOTE, COUNT, RECORD),
    4: (NOTICE, SCRIPT, VOTE, COUNT, MINUTES, RESOLUTION, APPROVAL, RECORD),
    5: (NOTICE, MINUTES, RESOLUTION, RECORD, ARCHIVE),
}
assert STAGE_DOCUMENTS.keys() == STAGES.keys()  # noqa: S101 -- every stage has its list


def documents_for_stage(stage: int) -> tuple[str, ...]:
    """The library names of the documents stage ``stage`` (1–5) calls for."""
    return STAGE_DOCUMENTS[stage]


def documents_for(person: Candidate) -> tuple[str, ...]:
    """The documents ``person``'s stage calls for."""
    return documents_for_stage(person.stage)


#: The fields each stage first records (stages 2–5; identity and stage 1 are always kept),
#: so a file can be looked at as it stood when an earlier stage's papers were made.
STAGE_FIELDS: dict[int, tuple[str, ...]] = {
    2: (
        "recommended",
        "recommend_method",
        "activist",
        "contacts",
        "inspections",
        "activist_notice_from",
        "activist_notice_to",
    ),
    3: (
        "prospect",
        "introducers",
        "review_date",
        "review_conclusion",
        "training_from",
        "training_to",
        "training_days",
        "training_hours",
        "pre_review",
        "form_date",
        "prospect_notice_from",
        "prospect_notice_to",
    ),
    4: (
        "admitted",
        "vote_entitled",
        "vote_present",
        "votes_for",
        "written_for",
        "votes_against",
        "votes_abstain",
        "vote_method",
        "admit_place",
        "admit_host",
        "admit_recorder",
        "admit_probationary",
        "admit_absent",
        "approved",
        "approved_by",
        "admit_notice_from",
        "admit_notice_to",
    ),
    5: (
        "full_meeting",
        "full_vote_entitled",
        "full_vote_present",
        "full_votes_for",
        "full_written_for",
        "full_votes_against",
        "full_votes_abstain",
        "full_place",
        "full_host",
        "full_recorder",
        "full_probationary",
        "full_absent",
        "full_result",
        "extension_months",
        "full_approved",
        "full_notice_from",
        "full_notice_to",
    ),
}
_ALWAYS = {"name", "gender", "ethnicity", "birth", "education", "unit", "note"}
_ALWAYS |= {"applied", "talked", "talker", "talk_notes"}
# Every field has its stage, so a field added to the model must be placed here too.
assert _ALWAYS | {f for fs in STAGE_FIELDS.values() for f in fs} == set(Candidate.model_fields)  # noqa: S101

#: The two scopes of a 发展党员 bundle: the papers of the stage reached, or of every stage so far.
SCOPES = ("本阶段", "全程")


def at_stage(person: Candidate, stage: int) -> Candidate:
    """``person`` as the file stood at ``stage``: every later stage's fields back to their
    defaults (a stage not yet reached, or the one reached, gives ``person`` unchanged)."""
    if stage >= person.stage:
        return person
    later = [f for s, fields in STAGE_FIELDS.items() if s > stage for f in fields]
    blank = {f: Candidate.model_fields[f].get_default(call_default_factory=True) for f in later}
    return person.model_copy(update=blank)


def file_at_stage(model: Development, stage: int) -> Development:
    """A file for one person as it stood at ``stage`` (:func:`at_stage`); an earlier stage's
    papers are dated from their own steps, so the file's 成文日期 is dropped for them."""
    person = one_candidate(model)
    if stage >= person.stage:
        return model
    signoff = model.signoff.model_copy(update={"date": None}) if model.signoff else None
    return model.model_copy(update={"candidates": [at_stage(person, stage)], "signoff": signoff})


def one_candidate(model: Development) -> Candidate:
    """The one candidate of a file for one person (:func:`candidate_file` makes one)."""
    if len(model.candidates) != 1:
        names = "、".join(p.name for p in model.candidates) or "（无）"
        raise BundleError(
            f"发展党员数据应只有一名发展对象，现有 {len(model.candidates)} 名：{names}；"
            "请在花名册“姓名”列或 --set candidate=姓名 指定一人",
            f"the 发展党员 data should hold one candidate, it holds {len(model.candidates)}: "
            f"{names}; name one in the roster's 姓名 column or with --set candidate=NAME",
        )
    return model.candidates[0]


def candidate_file(model: Development, name: str) -> Development:
    """The file for the candidate called ``name`` out of a roster (``name`` empty: the
    file itself, which must then hold one candidate)."""
    if not name:
        one_candidate(model)
        return model
    chosen = [p for p in model.candidates if p.name == name]
    if len(chosen) != 1:
        names = "、".join(p.name for p in model.candidates) or "（无）"
        found = "没有" if not chosen else f"有 {len(chosen)} 名"
        raise BundleError(
            f"发展党员数据中{found}名为“{name}”的发展对象（现有：{names}）",
            f"the 发展党员 data has {len(chosen)} candidates called {name!r} (there are: {names})",
        )
    return model.model_copy(update={"candidates": chosen})


def planned_documents(model: Development, scope: str) -> list[tuple[int, str]]:
    """The ``(stage, template)`` pairs a bundle for the file's one candidate makes, in order.

    ``本阶段``: :func:`documents_for` the candidate. ``全程``: every stage reached, each its
    :func:`documents_for_stage`, with the 全程纪实表 once, at the stage reached (it is kept up
    to date throughout, so its latest state is the whole record).
    """
    person = one_candidate(model)
    if scope not in SCOPES:
        raise BundleError(
            f"发展党员材料的范围“{scope}”无效：请写 本阶段 或 全程",
            f"invalid 发展党员 scope {scope!r}: write 本阶段 (this stage) or 全程 (every stage)",
        )
    if scope == "本阶段":
        return [(person.stage, t) for t in documents_for(person)]
    return [
        (s, t)
        for s in range(1, person.stage + 1)
        for t in documents_for_stage(s)
        if t != RECORD or s == person.stage
    ]


def documents_context(model: Development, scope: str) -> dict[str, Any]:
    """What a recipe asks of a file for one person: ``name``, ``stage``, ``stage_name``
    and ``planned`` (:func:`planned_documents`, as ``"<stage>:<template>"`` texts)."""
    person = one_candidate(model)
    return {
        "name": person.name,
        "stage": person.stage,
        "stage_name": STAGES[person.stage],
        "planned": [f"{s}:{t}" for s, t in planned_documents(model, scope)],
    }


__all__ = [
    "APPROVAL",
    "ARCHIVE",
    "BALLOT",
    "COMMITTEE",
    "COUNT",
    "FILING",
    "INQUIRY",
    "NOTICE",
    "PREREVIEW",
    "RECORD",
    "RESOLUTION",
    "REVIEW",
    "SCOPES",
    "SCRIPT",
    "STAGE_DOCUMENTS",
    "STAGE_FIELDS",
    "TALK",
    "TALLY",
    "VOTE",
    "at_stage",
    "candidate_file",
    "documents_context",
    "documents_for",
    "documents_for_stage",
    "file_at_stage",
    "one_candidate",
    "planned_documents",
]
