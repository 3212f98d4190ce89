"""Rules for 发展党员: the national rules of the 《中国共产党发展党员工作细则》 (2014, cited as
细则) and the 党章, each message naming its article; local practice (公示 length, 大会 after
预审) from ``config.local_rules``. Limits reached exactly are met (see
:mod:`docgen.data.workdays`)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator

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
    """At least 18 on applying (细则第七条); the talk within one month of it (细则第九条)."""
    for index, person in _each(doc):
        path = ("candidates", index)
        if person.birth and person.applied and add_years(person.birth, 18) > person.applied:
            yield Finding(
                "development_age",
                f"{person.name}出生于{_d(person.birth)}，{_d(person.applied)}申请入党时未满十八周岁；"
                "《发展党员工作细则》第七条规定年满十八岁方可申请入党",
                f"{person.name} was under 18 on applying (Rules on Recruitment, Art. 7)",
                (*path, "applied"),
            )
        if person.applied and person.talked:
            limit = add_months(person.applied, 1)
            if person.talked > limit:
                yield Finding(
                    "development_talk_late",
                    f"{person.name}{_d(person.applied)}递交入党申请书，{_d(person.talked)}才谈话，"
                    f"超过一个月（应不晚于{_d(limit)}）；《发展党员工作细则》第九条规定"
                    "党组织收到入党申请书后一个月内派人谈话",
                    f"{person.name}: the talk came more than a month after the application "
                    "(Art. 9)",
                    (*path, "talked"),
                )


@rule(Development)
def development_prospect(doc: Development, ctx: RuleContext) -> Iterator[Finding]:
    """A year or more as 积极分子 before becoming 发展对象 (细则第十五条)."""
    for index, person in _each(doc):
        if person.activist and person.prospect:
            limit = add_years(person.activist, 1)
            if person.prospect < limit:
                yield Finding(
                    "development_prospect_early",
                    f"{person.name}{_d(person.activist)}确定为入党积极分子，{_d(person.prospect)}"
                    f"确定为发展对象，培养考察不满一年（应不早于{_d(limit)}）；"
                    "《发展党员工作细则》第十五条规定经过一年以上培养教育和考察",
                    f"{person.name}: less than a year as an activist (Art. 15)",
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
                "党章第五条、《发展党员工作细则》第十六条",
                f"{person.name} needs two full members as introducers (Constitution Art. 5)",
                (*path, "introducers"),
            )
        for name in person.introducers:
            member = members.get(name)
            if member is not None and member.status != "正式":
                yield Finding(
                    "development_introducer_probationary",
                    f"{person.name}的入党介绍人{name}是{member.status}党员；预备党员不能作入党介绍人"
                    "（党章第五条、《发展党员工作细则》第十六条），请改由正式党员介绍",
                    f"{name} is not a full member and cannot introduce {person.name}",
                    (*path, "introducers"),
                )
        if not (person.review_conclusion or "").strip():
            yield Finding(
                "development_no_review",
                f"{person.name}没有政治审查结论；《发展党员工作细则》第十七条规定"
                "未经政治审查或者政治审查不合格的，不能发展入党",
                f"{person.name} has no political review conclusion (Art. 17)",
                (*path, "review_conclusion"),
            )
        days, hours = person.training_days or 0, person.training_hours or 0
        if days < 3 and hours < 24:
            yield Finding(
                "development_training",
                f"{person.name}的集中培训为{days}天、{hours}学时；《发展党员工作细则》第十八条规定"
                "发展对象的培训一般不少于3天（或不少于24个学时）",
                f"{person.name}: training under 3 days and under 24 hours (Art. 18)",
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


@rule(Development)
def development_vote(doc: Development, ctx: RuleContext) -> Iterator[Finding]:
    """At the 支部大会 more than half of those with a vote present (细则第二十条) and more
    than half of the 正式 members with a vote in favour, written opinions counted, by
    secret ballot (细则第二十一条)."""
    for index, person in _each(doc):
        if person.admitted is None:
            continue
        path = ("candidates", index)
        entitled, present = person.vote_entitled, person.vote_present
        if entitled is None or present is None or person.votes_for is None:
            yield Finding(
                "development_vote_missing",
                f"请填写{person.name}接收大会的有表决权的正式党员人数、到会人数和赞成票数",
                f"give the vote of {person.name}'s branch meeting",
                (*path, "vote_entitled" if entitled is None else "votes_for"),
            )
            continue
        if present * 2 <= entitled:
            yield Finding(
                "development_quorum",
                f"{person.name}的接收大会应到有表决权的党员{entitled}名，到会{present}名，未超过半数，"
                "会议不能表决；《发展党员工作细则》第二十条",
                f"{present} of {entitled} present is not more than half (Art. 20)",
                (*path, "vote_present"),
            )
        cast = person.votes_for + person.votes_against + person.votes_abstain
        if cast > present:
            yield Finding(
                "development_votes_exceed",
                f"{person.name}的赞成、反对、弃权票共{cast}张，多于到会有表决权的{present}名党员",
                f"{cast} votes from {present} present",
                (*path, "votes_for"),
            )
        favour = person.votes_for + person.written_for
        if favour * 2 <= entitled:
            yield Finding(
                "development_not_passed",
                f"{person.name}获赞成{favour}票（含书面意见{person.written_for}份），未超过应到会"
                f"有表决权的正式党员{entitled}名的半数，不能通过接收预备党员的决议；"
                "《发展党员工作细则》第二十一条",
                f"{favour} in favour of {entitled} is not more than half (Art. 21)",
                (*path, "votes_for"),
            )
        if person.vote_method != "无记名投票":
            yield Finding(
                "development_vote_method",
                f"{person.name}的接收大会表决方式为“{person.vote_method}”；《发展党员工作细则》"
                "第二十一条规定采取无记名投票方式表决，逐个讨论和表决",
                f"the vote on {person.name} must be by secret ballot (Art. 21)",
                (*path, "vote_method"),
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
                    "党章第七条规定延长预备期最少半年，最长不超过一年",
                    f"an extension is 6 to 12 months (Constitution Art. 7), not {months}",
                    (*path, "extension_months"),
                )
        end = add_years(person.admitted, 1)
        if person.full_meeting is not None and person.full_meeting < end:
            yield Finding(
                "development_full_early",
                f"{person.name}{_d(person.admitted)}接收为预备党员，预备期一年，{_d(end)}期满；"
                f"{_d(person.full_meeting)}讨论转正早于期满（党章第七条）",
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
    "development_notices",
    "development_order",
    "development_probation",
    "development_prospect",
    "development_vote",
    "probation_end",
]
