"""What the branch sends its 上级党委 about 发展党员: the 备案报告 of a 支委会 decision, the
预审请示 for the 发展对象 and the 报批请示 after the 支部大会.

Each is addressed to the roster's 上级党委 (“上级党委：” when the roster names none) and
signed by the branch. Each rests on one step of the data: the latest 支委会 decision
(备案), the candidates now 发展对象 (预审), the latest 接收 meeting (报批); what the data
does not hold is not claimed (no “公示期间未收到反映” the data does not record).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from docgen.data.models.development import Candidate, Development
from docgen.views.common import addressee_text, count_text, date_text, list_text, sealed, signoff
from docgen.views.development_committee import DECISION, latest_decisions
from docgen.views.development_meeting import admission_vote, attendance_sentence, passed
from docgen.views.development_notice import BLANK_DATE, identity_text
from docgen.views.development_record import period_text, training_amount


def _on(day: dt.date | None, what: str) -> str:
    return f"{date_text(day)}{what}" if day else ""


def _recommended(method: str | None) -> str:
    """“经党员推荐”, “经群团组织推优” (a way that says it recommends is not said twice)."""
    if not method:
        return "被推荐"
    return f"经{method}" if "推" in method else f"经{method}推荐"


def _names(people: list[Candidate]) -> str:
    if len(people) <= 3:
        return "、".join(p.name for p in people)
    return f"{people[0].name}等{count_text(len(people), '名')}"


def _sign(model: Development, branch: str, day: dt.date | str | None) -> dict[str, Any]:
    sign = model.signoff
    org = (sign.org if sign and sign.org else None) or branch
    return signoff(org, day, sign.show if sign else None, sealed=sealed(sign))


def _addressee(model: Development) -> str:
    return addressee_text(model.superior) or "上级党委："


def _none(title: str) -> dict[str, Any]:
    return {"show": False, "title": title, "paras": [], "addressee": ""}


def filing_context(model: Development, branch: str) -> dict[str, Any]:
    """``filing``: the 备案报告 of the latest 支委会 decision, dated the end of its 公示 (or
    the decision's day when the 公示 is not recorded)."""
    latest = latest_decisions(model)
    if latest is None:
        return _none("备案报告")
    day, items = latest
    kinds = {kind for kind, _ in items}
    what = "、".join(DECISION[k] for k in ("activist", "prospect") if k in kinds)
    people = [p for _, p in items]
    paras = [
        f"{date_text(day)}，党支部委员会研究确定{_names(people)}同志为{what}。"
        "现将有关情况报告如下。"
    ]
    ends: list[dt.date] = []
    for kind, p in items:
        notice_from = getattr(p, f"{kind}_notice_from")
        notice_to = getattr(p, f"{kind}_notice_to")
        if notice_to is not None:
            ends.append(notice_to)
        if kind == "activist":
            steps = [
                _on(p.applied, "递交入党申请书"),
                _on(p.recommended, _recommended(p.recommend_method)),
                f"培养联系人为{list_text(p.contacts)}" if p.contacts else "",
            ]
        else:
            steps = [
                _on(p.activist, "确定为入党积极分子"),
                f"入党介绍人为{list_text(p.introducers)}" if p.introducers else "",
            ]
        if notice_from and notice_to:
            steps.append(f"{period_text(notice_from, notice_to)}在党支部范围内进行了公示")
        paras.append("，".join(x for x in (identity_text(p), *steps) if x) + "。")
    paras.append("特此报告，请予备案。")
    title = f"关于确定{_names(people)}同志为{what}的备案报告"
    return {
        "show": True,
        "title": title,
        "addressee": _addressee(model),
        "paras": paras,
        "signoff": _sign(model, branch, max(ends) if ends else day),
    }


def prereview_context(model: Development, branch: str) -> dict[str, Any]:
    """``prereview``: the 预审请示 for the 发展对象 (stage 3) still waiting for their 预审,
    with what has been done for each, dated the roster's 成文日期; when all have had it, the
    request for those pre-reviewed last, its date left blank unless the 成文日期 comes
    before the 预审."""
    prospects = [p for p in model.candidates if p.stage == 3]
    if not prospects:
        return _none("预审请示")
    written = model.signoff.date if model.signoff else None
    sign_date: dt.date | str | None = written
    people = [p for p in prospects if p.pre_review is None]
    if not people:
        last = max(p.pre_review for p in prospects if p.pre_review is not None)
        people = [p for p in prospects if p.pre_review == last]
        if written is None or written > last:
            sign_date = BLANK_DATE
    paras = [
        f"按照发展党员工作的程序，{_names(people)}同志已经过发展对象阶段的考察，"
        "党支部委员会研究认为具备提交支部党员大会讨论的条件。现将有关情况报告如下，请予预审。"
    ]
    for p in people:
        training = ""
        amount = training_amount(p)
        if amount:
            when = period_text(p.training_from, p.training_to)
            training = (
                f"{when}参加发展对象集中培训{amount}" if when else f"参加发展对象集中培训{amount}"
            )
        steps = [
            _on(p.applied, "递交入党申请书"),
            _on(p.activist, "确定为入党积极分子"),
            _on(p.prospect, "确定为发展对象"),
            f"入党介绍人为{list_text(p.introducers)}" if p.introducers else "",
            training,
            f"政治审查的结论是：{p.review_conclusion}"
            if p.review_conclusion
            else "政治审查尚未完成",
        ]
        paras.append("，".join(x for x in (identity_text(p), *steps) if x) + "。")
    paras.append("以上意见当否，请予预审。")
    return {
        "show": True,
        "title": f"关于对{_names(people)}同志进行发展党员预审的请示",
        "addressee": _addressee(model),
        "paras": paras,
        "signoff": _sign(model, branch, sign_date),
    }


def approval_context(model: Development, branch: str) -> dict[str, Any]:
    """``approval``: the 报批请示 after the latest 接收 meeting, each candidate's vote from the
    data; dated the 成文日期 when it falls between the meeting and the approval, else the
    meeting's day."""
    met = [p for p in model.candidates if p.admitted is not None]
    if not met:
        return _none("报批请示")
    day = max(p.admitted for p in met if p.admitted is not None)
    people = [p for p in met if p.admitted == day]
    paras = [
        f"{date_text(day)}，党支部召开支部党员大会，逐个讨论了{_names(people)}同志的入党问题，"
        "采取无记名投票方式进行了表决。现将讨论情况报告如下。"
    ]
    for p in people:
        vote = admission_vote(p)
        counts = attendance_sentence(vote).removesuffix("。")
        favour = "" if vote.votes_for is None else count_text(vote.votes_for + vote.written, "票")
        outcome = {
            True: f"大会通过了接收{p.name}同志为中共预备党员的决议",
            False: f"大会未通过接收{p.name}同志为中共预备党员的决议",
            None: "",
        }[passed(vote)]
        review = _on(p.pre_review, f"经{model.superior or '上级党委'}预审合格")
        ballot = (
            f"赞成{favour}（含书面意见{p.written_for}份）" if p.written_for else f"赞成{favour}"
        )
        steps = [
            review,
            f"入党介绍人为{list_text(p.introducers)}" if p.introducers else "",
            f"大会{counts}；{ballot}，反对{p.votes_against}票，弃权{p.votes_abstain}票"
            if favour
            else "",
            outcome,
        ]
        paras.append("，".join(x for x in (identity_text(p), *steps) if x) + "。")
    paras.append("现将入党志愿书和有关材料一并报上，请审批。")
    sign_date = model.signoff.date if model.signoff else None
    latest_ok = min((p.approved for p in people if p.approved), default=None)
    if sign_date is None or sign_date < day or (latest_ok and sign_date > latest_ok):
        sign_date = day
    return {
        "show": True,
        "title": f"关于接收{_names(people)}同志为中共预备党员的请示",
        "addressee": _addressee(model),
        "paras": paras,
        "signoff": _sign(model, branch, sign_date),
    }


__all__ = ["approval_context", "filing_context", "prereview_context"]
