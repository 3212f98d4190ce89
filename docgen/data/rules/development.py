"""Rules for 发展党员: the national rules of the 《中国共产党发展党员工作细则》 (2014, cited as
细则) and the 党章, each message naming its article; local practice (公示 length, 大会 after
预审) from ``config.local_rules``. Limits reached exactly are met (see
:mod:`docgen.data.workdays`)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from docgen.data.models.development import NOTICES, Candidate, Development
from docgen.data.rules.base import Finding, RuleContext, rule
from docgen.data.workdays import add_months, add_years, workdays_between
from docgen.exceptions import NoHolidaySchedule, Severity

#: Steps in the order they must happen: (field, what it is in a sentence).
ORDER = (
    ("applied", "申请入党"),
    ("talked", "谈话"),
    ("activist", "确定为入党积极分子"),
    ("prospect", "确定为发展对象"),
    ("pre_review", "上级党委预审"),
    ("admitted", "支部大会接收"),
    ("approved", "上级党委审批"),
    ("full_meeting", "支部大会讨论转正"),
    ("full_approved", "上级党委审批转正"),
)


def _d(value: dt.date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def _each(doc: Development) -> Iterator[tuple[int, Candidate]]:
    yield from enumerate(doc.candidates)


def probation_end(person: Candidate) -> dt.date | None:
    """The day the 预备期 is over: one year from the 支部大会 (党章第七条), plus an extension."""
    if person.admitted is None:
        return None
    end = add_years(person.admitted, 1)
    if person.full_result == "延长预备期" and person.extension_months:
        end = add_months(end, person.extension_months)
    return end


@rule(Development)
def development_order(doc: Development, ctx: RuleContext) -> Iterator[Finding]:
    """Each step's date is not before the step it follows."""
    for index, person in _each(doc):
        done = [(f, zh, getattr(person, f)) for f, zh in ORDER if getattr(person, f) is not None]
        for (_, zh_a, a), (field, zh_b, b) in itertools.pairwise(done):
            if b < a:
                yield Finding(
                    "development_order",
                    f"{person.name}{zh_b}的日期{_d(b)}早于{zh_a}的日期{_d(a)}，请核对",
                    f"{person.name}: {field} ({b.isoformat()}) is before the step before it",
                    ("candidates", index, field),
                )


@rule(Development)
def development_application(doc: Development, ctx: RuleContext) -> Iterator[Finding]:
    """At least 18 on applying (细则第五条); the talk within one month of it (细则第七条)."""
    for index, person in _each(doc):
        path = ("candidates", index)
        if person.birth and person.applied and add_years(person.birth, 18) > person.applied:
            yield Finding(
                "development_age",
                f"{person.name}出生于{_d(person.birth)}，{_d(person.applied)}申请入党时未满十八周岁；"
                "《发展党员工作细则》第五条规定年满十八岁方可申请入党",
                f"{person.name} was under 18 on applying (Rules on Recruitment, Art. 7)",
                (*path, "applied"),
            )
        if person.applied and person.talked:
            limit = add_months(person.applied, 1)
            if person.talked > limit:
                yield Finding(
                    "development_talk_late",
                    f"{person.name}{_d(person.applied)}递交入党申请书，{_d(person.talked)}才谈话，"
                    f"超过一个月（应不晚于{_d(limit)}）；《发展党员工作细则》第七条规定"
                    "党组织收到入党申请书后一个月内派人谈话",
                    f"{person.name}: the talk came more than a month after the application "
                    "(Art. 9)",
                    (*path, "talked"),
                )


@rule(Development)
def development_prospect(doc: Development, ctx: RuleContext) -> Iterator[Finding]:
    """A year or more as 积极分子 before becoming 发展对象 (细则第十三条)."""
    for index, person in _each(doc):
        if person.activist and person.prospect:
            limit = add_years(person.activist, 1)
            if person.prospect < limit:
                yield Finding(
                    "development_prospect_early",
                    f"{person.name}{_d(person.activist)}确定为入党积极分子，{_d(person.prospect)}"
                    f"确定为发展对象，培养考察不满一年（应不早于{_d(limit)}）；"
                    "《发展党员工作细则》第十三条规定经过一年以上培养教育和考察",
                    f"{person.name}: less than a year as an activist (Art. 13)",
                    ("candidates", index, "prospect"),
                )


@rule(Development)
def development_admission(doc: Development, ctx: RuleContext) -> Iterator[Finding]:
    """Before the 支部大会: two 正式 introducers, a 政审 conclusion, training of 3 days or
    24 学时, the 志愿书 after the 预审."""
    members = {m.name: m for m in ctx.branch.members} if ctx.branch else {}
    for index, person in _each(doc):
        if person.admitted is None:
            continue
        path = ("candidates", index)
        if len(person.introducers) != 2:
            yield Finding(
                "development_introducers",
                f"{person.name}的入党介绍人应为两名正式党员，填写的是{len(person.introducers)}名；"
                "党章第五条、《发展党员工作细则》第十四条",
                f"{person.name} needs two full members as introducers (Constitution Art. 5)",
                (*path, "introducers"),
            )
        for name in person.introducers:
            member = members.get(name)
            if member is not None and member.status != "正式":
                yield Finding(
                    "development_introducer_probationary",
                    f"{person.name}的入党介绍人{name}是{member.status}党员；预备党员不能作入党介绍人"
                    "（党章第五条、《发展党员工作细则》第十四条），请改由正式党员介绍",
                    f"{name} is not a full member and cannot introduce {person.name}",
                    (*path, "introducers"),
                )
        if not (person.review_conclusion or "").strip():
            yield Finding(
                "development_no_review",
                f"{person.name}没有政治审查结论；《发展党员工作细则》第十六条规定"
                "未经政治审查或者政治审查不合格的，不能发展入党",
                f"{person.name} has no political review conclusion (Art. 16)",
                (*path, "review_conclusion"),
            )
        days, hours = person.training_days or 0, person.training_hours or 0
        if days < 3 and hours < 24:
            yield Finding(
                "development_training",
                f"{person.name}的集中培训为{days}天、{hours}学时；《发展党员工作细则》第十七条规定"
                "发展对象的培训一般不少于3天（或不少于24个学时）",
                f"{person.name}: training under 3 days and under 24 hours (Art. 17)",
                (*path, "training_days"),
            )
        if person.pre_review is None:
            yield Finding(
                "development_no_pre_review",
                f"{person.name}没有上级党委预审的日期；《发展党员工作细则》第十九条规定"
                "经预审合格后方可填写入党志愿书、提交支部大会讨论",
                f"{person.name} has no pre-review date (Art. 19)",
                (*path, "pre_review"),
            )
        elif person.form_date is not None and person.form_date < person.pre_review:
            yield Finding(
                "development_form_before_review",
                f"{person.name}{_d(person.form_date)}填写入党志愿书，早于{_d(person.pre_review)}"
                "的预审；《发展党员工作细则》第十九条规定预审合格后才发放入党志愿书",
                f"{person.name} filled in the application form before the pre-review (Art. 19)",
                (*path, "form_date"),
            )
        within = ctx.config.local_rules.development_meeting_within_months
        if within and person.pre_review and person.admitted > add_months(person.pre_review, within):
            yield Finding(
                "development_meeting_late",
                f"{person.name}{_d(person.pre_review)}预审，{_d(person.admitted)}才召开支部大会，"
                f"超过本地规定的{within}个月",
                f"{person.name}: the branch meeting came more than {within} month(s) after the "
                "pre-review (local rule)",
                (*path, "admitted"),
                "warning",
            )


@dataclass(frozen=True)
class _Meeting:
    """How the rules name one of the two 支部大会 and its counts.

    ``label`` (接收大会/转正大会) opens the messages, ``code`` prefixes the finding codes,
    ``fields`` names the data fields (entitled, present, for, written, against, abstain),
    ``quorum`` and ``majority`` cite the articles: the 转正 meeting's counts follow the
    接收 meeting's (细则第三十三条)."""

    label: str
    code: str
    fields: tuple[str, str, str, str, str, str]
    quorum: str
    majority: str


_ADMISSION = _Meeting(
    "接收大会",
    "development",
    ("vote_entitled", "vote_present", "votes_for", "written_for", "votes_against", "votes_abstain"),
    "《发展党员工作细则》第二十条",
    "《发展党员工作细则》第二十一条",
)
_FULL = _Meeting(
    "转正大会",
    "development_full",
    (
        "full_vote_entitled",
        "full_vote_present",
        "full_votes_for",
        "full_written_for",
        "full_votes_against",
        "full_votes_abstain",
    ),
    "《发展党员工作细则》第三十三条（同第二十条）",
    "《发展党员工作细则》第三十三条（同第二十一条）",
)


def _votes(person: Candidate, index: int, meeting: _Meeting, motion: str) -> Iterator[Finding]:
    """The counts of one 支部大会 on ``person``: given, a quorum of those with a vote, no
    more ballots than voters present, written opinions only from those absent, and more
    than half of the 有表决权的正式党员 in favour (written opinions counted) for ``motion``."""
    path = ("candidates", index)
    f_entitled, f_present, f_for, f_written = meeting.fields[:4]
    entitled, present = getattr(person, f_entitled), getattr(person, f_present)
    votes_for = getattr(person, f_for)
    written: int = getattr(person, f_written)
    against, abstain = (getattr(person, f) for f in meeting.fields[4:])
    name, label = person.name, meeting.label
    if entitled is None or present is None or votes_for is None:
        yield Finding(
            f"{meeting.code}_vote_missing",
            f"请填写{name}{label}的有表决权的正式党员人数、到会人数和赞成票数",
            f"give the vote of {name}'s branch meeting ({label})",
            (*path, f_entitled if entitled is None else f_for),
        )
        return
    if present * 2 <= entitled:
        yield Finding(
            f"{meeting.code}_quorum",
            f"{name}的{label}应到有表决权的党员{entitled}名，到会{present}名，未超过半数，"
            f"会议不能表决；{meeting.quorum}",
            f"{present} of {entitled} present is not more than half ({label})",
            (*path, f_present),
        )
    cast = votes_for + against + abstain
    if cast > present:
        extra = f"（书面意见{written}份另计）" if written else ""
        yield Finding(
            f"{meeting.code}_votes_exceed",
            f"{name}的{label}赞成、反对、弃权票共{cast}张{extra}，多于到会有表决权的{present}名"
            f"党员；{meeting.majority}",
            f"{cast} ballots from {present} present ({label})",
            (*path, f_for),
        )
    absent = max(entitled - present, 0)
    if written > absent:
        yield Finding(
            f"{meeting.code}_written_exceed",
            f"{name}的{label}有书面赞成意见{written}份，多于因故未到会的有表决权党员{absent}名"
            f"（应到{entitled}名、到会{present}名）；书面意见只能由未到会的有表决权的正式党员"
            f"在会前提出，{meeting.majority}",
            f"{written} written opinions from {absent} absent ({label})",
            (*path, f_written),
        )
    favour = votes_for + written
    if favour * 2 <= entitled:
        yield Finding(
            f"{meeting.code}_not_passed",
            f"{name}获赞成{favour}票（含书面意见{written}份），未超过应到会有表决权的正式党员"
            f"{entitled}名的半数，不能通过{motion}的决议；{meeting.majority}",
            f"{favour} in favour of {entitled} is not more than half ({label})",
            (*path, f_for),
        )


@rule(Development)
def development_vote(doc: Development, ctx: RuleContext) -> Iterator[Finding]:
    """At the 支部大会 more than half of those with a vote present (细则第二十条) and more
    than half of the 正式 members with a vote in favour, written opinions counted, by
    secret ballot (细则第二十一条)."""
    for index, person in _each(doc):
        if person.admitted is None:
            continue
        yield from _votes(person, index, _ADMISSION, "接收预备党员")
        if person.vote_method != "无记名投票":
            yield Finding(
                "development_vote_method",
                f"{person.name}的接收大会表决方式为“{person.vote_method}”；《发展党员工作细则》"
                "第二十一条规定采取无记名投票方式表决，逐个讨论和表决",
                f"the vote on {person.name} must be by secret ballot (Art. 21)",
                ("candidates", index, "vote_method"),
            )


#: What the 转正 meeting resolves, for each result, as “不能通过…的决议” names it.
_FULL_MOTION = {
    "按期转正": "按期转为正式党员",
    "延长预备期": "延长预备期",
    "取消预备党员资格": "取消预备党员资格",
}


@rule(Development)
def development_full_vote(doc: Development, ctx: RuleContext) -> Iterator[Finding]:
    """The 转正 meeting's counts as the 接收 meeting's (细则第三十三条): a quorum, more than
    half of the 正式 members with a vote in favour of the result recorded, written opinions
    counted; and a vote taken has its result (细则第三十二条)."""
    for index, person in _each(doc):
        if person.full_meeting is None or person.admitted is None:
            continue
        motion = _FULL_MOTION.get(person.full_result or "", "转为正式党员")
        yield from _votes(person, index, _FULL, motion)
        yield from _full_result(person, index)


def _full_result(person: Candidate, index: int) -> Iterator[Finding]:
    """The result matches the vote: a 转正 vote names what it decided, and only an
    extension has months."""
    path = ("candidates", index)
    if person.full_result is None and person.full_votes_for is not None:
        yield Finding(
            "development_full_result_missing",
            f"{person.name}的转正大会已经表决，请填写转正结果（按期转正、延长预备期或取消预备党员"
            "资格）；《发展党员工作细则》第三十二条",
            f"{person.name}: the vote on full membership has no result (Art. 32)",
            (*path, "full_result"),
        )
    if person.extension_months is not None and person.full_result != "延长预备期":
        result = person.full_result or "未填"
        yield Finding(
            "development_full_result_months",
            f"{person.name}的转正结果是“{result}”，却填了延长月数{person.extension_months}个月；"
            "只有延长预备期的决议才有延长时间，《发展党员工作细则》第三十二条",
            f"{person.name}: extension months without an extension (Art. 32)",
            (*path, "extension_months"),
        )


@rule(Development)
def development_probation(doc: Development, ctx: RuleContext) -> Iterator[Finding]:
    """Approval within 3 months, at most 6 (细则第二十三条); 转正 not before the 预备期 of one
    year ends; an extension of 6 to 12 months (党章第七条)."""
    for index, person in _each(doc):
        if person.admitted is None:
            continue
        path = ("candidates", index)
        if person.approved is not None:
            if person.approved > add_months(person.admitted, 6):
                yield _approval(person, person.admitted, person.approved, index, 6, "error")
            elif person.approved > add_months(person.admitted, 3):
                yield _approval(person, person.admitted, person.approved, index, 3, "warning")
        if person.full_result == "延长预备期":
            months = person.extension_months
            if months is None or not 6 <= months <= 12:
                yield Finding(
                    "development_extension",
                    f"{person.name}延长预备期{months if months is not None else '（未填）'}个月；"
                    "党章第七条、《发展党员工作细则》第三十二条规定延长预备期最少半年，"
                    "最长不超过一年",
                    f"an extension is 6 to 12 months (Constitution Art. 7), not {months}",
                    (*path, "extension_months"),
                )
        end = add_years(person.admitted, 1)
        if person.full_meeting is not None and person.full_meeting < end:
            yield Finding(
                "development_full_early",
                f"{person.name}{_d(person.admitted)}接收为预备党员，预备期一年，{_d(end)}期满；"
                f"{_d(person.full_meeting)}讨论转正早于期满；党章第七条、《发展党员工作细则》"
                "第三十二条规定预备期满才讨论转正",
                f"{person.name}'s probation ends on {end.isoformat()}; the vote on full "
                "membership is earlier",
                (*path, "full_meeting"),
            )


def _approval(
    person: Candidate,
    admitted: dt.date,
    approved: dt.date,
    index: int,
    months: int,
    severity: Severity,
) -> Finding:
    rule_zh = "一般在三个月内审批" if months == 3 else "审批最长不超过六个月"
    return Finding(
        "development_approval_late" if months == 6 else "development_approval_slow",
        f"{person.name}{_d(admitted)}经支部大会通过，{_d(approved)}才审批，超过{months}个月；"
        f"《发展党员工作细则》第二十三条规定上级党委{rule_zh}",
        f"{person.name}: approved more than {months} months after the meeting (Art. 23)",
        ("candidates", index, "approved"),
        severity,
    )


@rule(Development)
def development_notices(doc: Development, ctx: RuleContext) -> Iterator[Finding]:
    """Each 公示 lasts the configured days: working days by the State Council's holiday
    schedule (default 5), or calendar days where the locality says so."""
    local = ctx.config.local_rules
    need, workdays = local.development_notice_days, local.development_notice_workdays
    unit = "个工作日" if workdays else "天"
    for index, person in _each(doc):
        for prefix, what in NOTICES.items():
            first = getattr(person, f"{prefix}_notice_from")
            last = getattr(person, f"{prefix}_notice_to")
            path = ("candidates", index, f"{prefix}_notice_to")
            if first is None or last is None:
                continue
            try:
                got = workdays_between(first, last) if workdays else (last - first).days + 1
            except NoHolidaySchedule as exc:
                yield Finding("no_holiday_schedule", exc.message_zh, exc.message_en, path)
                continue
            if got < need:
                yield Finding(
                    "development_notice_short",
                    f"{person.name}的{what}公示自{_d(first)}至{_d(last)}，只有{got}{unit}，"
                    f"应不少于{need}{unit}",
                    f"{person.name}: the notice runs {got} day(s), {need} needed",
                    path,
                )


__all__ = [
    "ORDER",
    "development_admission",
    "development_application",
    "development_full_vote",
    "development_notices",
    "development_order",
    "development_probation",
    "development_prospect",
    "development_vote",
    "probation_end",
]
