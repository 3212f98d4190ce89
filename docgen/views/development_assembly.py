"""The 会议记录 of the 支部党员大会 on 发展党员: the meeting that 接收 a 发展对象 as 预备党员,
or the one that decides a 预备党员's 转正 (按期转正, 延长预备期, 取消预备党员资格).

The record's keys are those of the minutes view (:mod:`docgen.views.minutes`), kept under
``assembly`` so they do not meet the 支委会 record's (:mod:`docgen.views.development_committee`);
the template binds them for the record blocks of :mod:`docgen.style.catalog.records`. A
roster's record is of its latest such meeting, with every candidate discussed that day, each
on their own and voted on alone (细则第二十一条). Only 正式党员 vote: the 有表决权 counts are the
vote's, the 预备党员 who came are counted beside them. What the data does not give (the
place, the host, who was absent) is left blank for the recorder, never guessed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from docgen.data.models.development import Candidate, Development
from docgen.data.rules.development import probation_end
from docgen.data.workdays import add_years
from docgen.views.common import count_text, date_text, list_text, sentence
from docgen.views.development_meeting import (
    FULL_FINDING,
    Vote,
    admission_decision,
    admission_vote,
    attendance_sentence,
    full_decision,
    full_vote,
)
from docgen.views.development_record import training_amount
from docgen.views.minutes import sign_line
from docgen.views.minutes_parts import votes_intro

#: The keys the template binds for the record blocks (see ``fazhan_dahui_jilu``).
RECORD_KEYS = (
    "time_text",
    "location",
    "host_text",
    "recorder_text",
    "due_text",
    "present_text",
    "due_voting_text",
    "present_voting_text",
    "attendees_text",
    "absent_text",
    "observers_text",
    "form",
    "agenda",
    "proceedings",
    "quorum_text",
    "votes_intro",
    "votes",
    "resolutions",
    "host_summary",
    "follow_up",
    "note",
    "sign_line",
)

#: How each meeting names its fields (place, host, recorder, 预备党员 present, absent).
_PREFIX = {"admit": "admit", "full": "full"}


def latest_assembly(model: Development) -> tuple[dt.date, str, list[Candidate]] | None:
    """The day of the latest 支部大会 on 发展党员, its kind (``admit``/``full``) and who was
    discussed; ``None`` when no candidate has come before one. A 接收 and a 转正 on the same
    day are two matters of one meeting: the 接收 goes first, as it came first."""
    held = [(p.admitted, "admit", p) for p in model.candidates if p.admitted is not None]
    held += [
        (p.full_meeting, "full", p)
        for p in model.candidates
        if p.full_meeting is not None and p.admitted is not None
    ]
    if not held:
        return None
    day = max(d for d, _, _ in held)
    kinds = [k for d, k, _ in held if d == day]
    kind = "admit" if "admit" in kinds else "full"
    return day, kind, [p for d, k, p in held if d == day and k == kind]


def assembly_context(model: Development, branch: str) -> dict[str, Any]:
    """``assembly`` (the record's minutes-shaped keys, ``show`` false when no 支部大会 is on
    record) and ``assembly_title`` (the record's title, also its file name)."""
    latest = latest_assembly(model)
    if latest is None:
        title = "支部党员大会记录"
        return {"assembly_title": title, "assembly": {"show": False, "kind": ""}}
    day, kind, people = latest
    superior = model.superior or "上级党委"
    names = "、".join(p.name for p in people)
    if kind == "admit":
        title = f"讨论{names}同志入党问题的支部党员大会记录"
    else:
        title = f"讨论{names}同志转正问题的支部党员大会记录"
    votes = [_vote(p, kind) for p in people]
    first = votes[0]
    record = {
        "show": True,
        "kind": kind,
        "time_text": date_text(day),
        **_particulars(people, kind),
        **_attendance(first, people, kind),
        "attendees_text": "",
        "observers_text": f"发展对象{names}" if kind == "admit" else "",
        "form": {"show": False},
        "agenda": [_topic(p, kind) for p in people],
        "proceedings": [_proceeding(p, kind, branch) for p in people],
        "quorum_text": _quorum(first),
        "votes_intro": (
            votes_intro(len(people)).replace("逐项讨论、逐项表决", "逐人讨论、逐人表决")
            if len(people) > 1
            else ""
        ),
        "votes": [_vote_view(p, kind, v) for p, v in zip(people, votes, strict=True)],
        "resolutions": [_decision(p, kind, superior) for p in people],
        "host_summary": "",
        "follow_up": _follow_up(people, kind, superior),
        "note": "",
        "sign_line": sign_line([]),
    }
    return {"assembly_title": title, "assembly": record}


def _field(p: Candidate, kind: str, what: str) -> Any:
    return getattr(p, f"{_PREFIX[kind]}_{what}")


def _first(people: list[Candidate], kind: str, what: str) -> Any:
    """The first value any candidate of the meeting gives (they share one meeting)."""
    return next((v for p in people if (v := _field(p, kind, what)) not in (None, "")), None)


def _particulars(people: list[Candidate], kind: str) -> dict[str, str]:
    return {
        "location": _first(people, kind, "place") or "",
        "host_text": _first(people, kind, "host") or "",
        "recorder_text": _first(people, kind, "recorder") or "",
        "absent_text": _first(people, kind, "absent") or "",
    }


def _vote(p: Candidate, kind: str) -> Vote:
    return admission_vote(p) if kind == "admit" else full_vote(p)


def _attendance(vote: Vote, people: list[Candidate], kind: str) -> dict[str, str]:
    """应到/实到 of the whole meeting and of those with a vote. The 预备党员 who came are
    counted in 实到 only when the data says how many; the whole 应到 is left to the recorder
    (the roster is of another day, and the data counts only those with a vote)."""
    probationary = _first(people, kind, "probationary")
    present = None
    if vote.present is not None and probationary is not None:
        present = vote.present + probationary
    voting_present = count_text(vote.present, "名") if vote.present is not None else ""
    if voting_present and probationary:
        voting_present += f"（另有预备党员{count_text(probationary, '名')}到会，不参加表决）"
    return {
        "due_text": "",
        "present_text": count_text(present, "名") if present is not None else "",
        "due_voting_text": count_text(vote.entitled, "名") if vote.entitled is not None else "",
        "present_voting_text": voting_present,
    }


def _quorum(vote: Vote) -> str:
    """The quorum sentence (细则第二十条), with the rule the vote follows."""
    if vote.entitled is None or vote.present is None:
        return ""
    return attendance_sentence(vote).replace("会议有效", "可以进行表决")


def _topic(p: Candidate, kind: str) -> str:
    if kind == "admit":
        return f"讨论{p.name}同志的入党问题"
    return f"讨论预备党员{p.name}同志的转正问题"


def _speech(speaker: str, content: str) -> dict[str, str]:
    return {"speaker": f"{speaker}：", "content": content}


def _proceeding(p: Candidate, kind: str, branch: str) -> dict[str, Any]:
    speeches = _admit_speeches(p) if kind == "admit" else _full_speeches(p)
    speeches.append(
        _speech(
            "到会党员",
            f"对{p.name}同志"
            + ("能否入党" if kind == "admit" else "能否转为正式党员")
            + "进行了讨论。",
        )
    )
    return {"topic": _topic(p, kind), "summary": "", "speeches": speeches, "after": []}


def _on(day: dt.date | None, what: str) -> str:
    return f"{date_text(day)}{what}" if day else ""


def _admit_speeches(p: Candidate) -> list[dict[str, str]]:
    introducers = list_text(p.introducers, empty="")
    amount = training_amount(p)
    facts = [
        _on(p.applied, "递交入党申请书"),
        _on(p.activist, "确定为入党积极分子"),
        _on(p.prospect, "确定为发展对象"),
        f"政治审查的结论是“{p.review_conclusion}”" if p.review_conclusion else "",
        f"参加发展对象集中培训{amount}" if amount else "",
        _on(p.pre_review, "经上级党委预审合格"),
    ]
    said = "，".join(x for x in facts if x)
    review = f"{p.name}同志{said}。" if said else ""
    return [
        _speech(
            p.name,
            "汇报了本人对党的认识和入党动机、本人履历、家庭和主要社会关系情况，"
            "以及需要向党组织说明的问题。",
        ),
        _speech(
            f"入党介绍人{introducers}" if introducers else "入党介绍人",
            f"分别介绍了{p.name}同志的现实表现和培养考察情况，并对其能否入党表明了意见。",
        ),
        _speech(
            "支部委员会",
            f"报告了对{p.name}同志的审查意见。{review}"
            "支部委员会经集体讨论，认为其基本具备党员条件，提请支部大会讨论。",
        ),
    ]


def _full_speeches(p: Candidate) -> list[dict[str, str]]:
    assert p.admitted is not None  # noqa: S101 -- latest_assembly asks for the 接收 first
    end = add_years(p.admitted, 1)
    if p.full_result == "延长预备期" and p.extension_months:
        extended = probation_end(p)
        plan = f"延长预备期{count_text(p.extension_months, '个月')}"
        plan += f"（至{date_text(extended)}止）" if extended else ""
    elif p.full_result == "取消预备党员资格":
        plan = "取消其预备党员资格"
    else:
        plan = "按期转为正式党员"
    finding = FULL_FINDING[p.full_result or "按期转正"]
    return [
        _speech(p.name, "宣读了转正申请，汇报了预备期间的思想、学习和工作情况。"),
        _speech(
            "支部委员会",
            f"介绍了{p.name}同志预备期间的教育考察情况和党小组、党员群众的意见。"
            f"{p.name}同志于{date_text(p.admitted)}经支部大会接收为中共预备党员，"
            f"预备期一年，至{date_text(end)}期满。支部委员会认为其{finding}，"
            f"提出{plan}的意见。",
        ),
    ]


def _vote_view(p: Candidate, kind: str, vote: Vote) -> dict[str, str]:
    """One candidate's ballot: the subject, and the counts phrased as the 决议 has them."""
    if kind == "admit":
        subject = f"接收{p.name}同志为中共预备党员"
    else:
        subject = {
            "延长预备期": f"延长{p.name}同志的预备期",
            "取消预备党员资格": f"取消{p.name}同志的预备党员资格",
        }.get(p.full_result or "", f"{p.name}同志按期转为中共正式党员")
    return {
        "subject": subject,
        "subject_text": f"表决事项：{sentence(subject)}",
        "record": _counts(vote),
    }


def _n(value: int | None, unit: str) -> str:
    return count_text(value, unit) if value is not None else f"　　{unit}"


def _counts(vote: Vote) -> str:
    """“采取无记名投票方式，到会有表决权的正式党员投票：赞成20票，反对0票，弃权0票；会前书面
    表示赞成的1名。赞成共21票，超过应到会有表决权的正式党员22名的半数，表决通过。”"""
    text = (
        f"采取{vote.method}方式，到会有表决权的正式党员投票：赞成{_n(vote.votes_for, '票')}，"
        f"反对{count_text(vote.against, '票')}，弃权{count_text(vote.abstain, '票')}"
    )
    if vote.written:
        written = count_text(vote.written, "名")
        text += f"；因故未到会的有表决权的正式党员会前书面表示赞成的{written}"
    text += "。"
    if vote.votes_for is not None and vote.entitled is not None:
        favour = vote.votes_for + vote.written
        carried = favour * 2 > vote.entitled
        over, result = ("超过", "表决通过") if carried else ("未超过", "未获通过")
        text += (
            f"赞成共{count_text(favour, '票')}，{over}应到会有表决权的正式党员"
            f"{count_text(vote.entitled, '名')}的半数，{result}。"
        )
    return text


def _decision(p: Candidate, kind: str, superior: str) -> str:
    text = admission_decision(p, superior) if kind == "admit" else full_decision(p, superior)[1]
    return text.removeprefix("根据表决结果，")


#: What the branch does after a 转正 meeting, by its result.
_AFTER_FULL = {
    "按期转正": "审批结果通知本人，并在支部党员大会上宣布。",
    "延长预备期": "审批后支部继续对其教育考察，延长期满时及时讨论其能否转为正式党员。",
    "取消预备党员资格": "审批结果通知本人，并做好思想工作。",
}


def _follow_up(people: list[Candidate], kind: str, superior: str) -> list[str]:
    if kind == "admit":
        return [
            f"将支部大会决议写入入党志愿书，连同有关材料及时报{superior}审批。",
            "审批后组织新党员面向党旗进行入党宣誓，编入党小组继续教育考察。",
        ]
    after = dict.fromkeys(_AFTER_FULL[p.full_result or "按期转正"] for p in people)
    return [f"将支部大会决议写入入党志愿书，及时报{superior}审批。", *after]


__all__ = ["RECORD_KEYS", "assembly_context", "latest_assembly"]
