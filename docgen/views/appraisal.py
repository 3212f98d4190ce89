"""The 民主评议党员 view: ballots to print, the tellers' workbook, and the verdicts.

One context serves the four appraisal templates:

- ``ballots`` and ``rows`` for the 民主测评表 (plans/minzhu-ceping-biao): ``copies``
  numbered ballots, each with every rated member's name printed and the four grades to
  tick; ``dimension_text`` the optional matrix (each member's items to mark);
- ``tally_rows`` and ``ballot_rows`` for the tally workbook (plans/minzhu-pingyi-tongji-xlsx):
  the counts when the data has them, blank cells for the tellers otherwise;
- ``results`` for the 评定意见 (reports/minzhu-pingyi-pingding) and the 结果通报
  (reports/minzhu-pingyi-tongbao): votes, shares and grade per member, the counts of
  each grade, and the sentences reporting them.

Arithmetic is :mod:`docgen.data.appraisal_results`' (shares half up, a tie proposes no
grade); every text here is finished, never ``None``.
"""

from __future__ import annotations

from typing import Any

from docgen.data.appraisal_results import ROUNDING_ZH, MemberResult, Results, build_results, share
from docgen.data.models.appraisal import DemocraticAppraisal, Tally
from docgen.views.common import (
    branch_name,
    committee_name,
    date_text,
    list_text,
    sealed,
    sentence,
    signoff,
)

KIND = "appraisal"

#: The grades printed on the ballot and in the workbook, in this order (the national four).
GRADES = ("优秀", "合格", "基本合格", "不合格")
#: Keys of the four grades in the rows (Jinja names).
GRADE_KEYS = ("excellent", "qualified", "basic", "unqualified")
#: The result lines before any grade is known.
PENDING = "测评票尚未统计，各名党员的等次待支委会根据测评结果研究评定。"
#: What each dimension of the matrix is marked with.
DIMENSION_MARKS = "好、较好、一般、差"


def context(model: DemocraticAppraisal) -> dict[str, Any]:
    """The template context (see the module docstring)."""
    branch = branch_name(model)
    results = build_results(model, model.checked_config)
    rated = model.rated()
    copies = model.copies or model.due or len(rated)
    width = len(str(copies))
    title = (model.title or "").strip() or f"{branch}{model.year}年度民主评议党员测评表"
    sign = model.signoff
    org = (sign.org if sign and sign.org else None) or branch
    notice_date = model.notice_date or (sign.date if sign else None)
    return {
        "branch": branch,
        "year": model.year,
        "title": title,
        "date_text": date_text(model.date),
        "place": model.place or "",
        "host": model.host or "",
        "superior": model.superior or "",
        "copies": copies,
        "ballots": [
            {"number": f"{n:0{width}d}", "number_text": f"编号：{n:0{width}d}（共{copies}份）"}
            for n in range(1, copies + 1)
        ],
        "rows": [
            {"seq": n, "name": m.name, "status": _status(m.status), "group": m.group or ""}
            for n, m in enumerate(rated, 1)
        ],
        "ballot_intro": _ballot_intro(),
        "ballot_date": f"测评日期：{date_text(model.date) or '　　　　年　　月　　日'}",
        "dimensions": list(model.dimensions),
        "dimension_text": "　".join(f"{d}（　　）" for d in model.dimensions),
        "dimension_note": (
            f"分项评价：在每一项后的括号内填写{DIMENSION_MARKS}之一。" if model.dimensions else ""
        ),
        "tally_title": f"{branch}{model.year}年度民主评议党员测评统计表",
        "tally_info": _tally_info(model),
        "tally_rows": _tally_rows(results),
        "ballot_rows": _ballot_rows(model.tally),
        "tellers_text": list_text(model.tally.tellers if model.tally else [], empty=""),
        "results": _results(model, results, branch),
        "rounding": f"说明：{ROUNDING_ZH}。",
        "decision_title": f"{committee_name(branch)}关于{model.year}年度民主评议党员的评定意见",
        "notice_title": f"{branch}关于{model.year}年度民主评议党员结果的通报",
        "notice_opening": _notice_opening(model, branch),
        "committee_date_text": date_text(model.committee_date),
        "signoff": signoff(org, notice_date, sign.show if sign else None, sealed=sealed(sign)),
    }


def _status(status: str) -> str:
    return "预备党员" if status == "预备" else "正式党员"


def _ballot_intro() -> str:
    return (
        "填表说明：请在每名党员对应的等次栏内划“√”，每行只选一个等次，多选或不选的按无效处理；"
        "评为基本合格、不合格的，请在“存在问题”栏写明主要问题。本表不记名，填好后投入票箱。"
    )


def _tally_info(model: DemocraticAppraisal) -> str:
    parts = []
    if model.date is not None:
        parts.append(f"测评日期：{date_text(model.date)}")
    if model.place:
        parts.append(f"地点：{model.place}")
    if model.present is not None:
        parts.append(f"实到：{model.present}人")
    return "　　".join(parts) or "测评日期：　　年　　月　　日"


def _tally_rows(results: Results) -> list[dict[str, Any]]:
    """One row a member: the counts when the tally has them, else blank cells to fill."""
    rows = []
    for m in results.members:
        row: dict[str, Any] = {
            "seq": m.index + 1,
            "name": m.member.name,
            "status": _status(m.member.status),
            "problems": (m.row.problems if m.row and m.row.problems else ""),
        }
        for key, grade in zip(GRADE_KEYS, GRADES, strict=True):
            row[key] = m.votes.get(grade, 0) if m.row is not None else None  # an empty cell
        rows.append(row)
    return rows


def _ballot_rows(tally: Tally | None) -> list[dict[str, Any]]:
    """The ballots sheet's rows; ``None`` (an empty cell) for a count not known yet."""
    issued = tally.issued if tally else None
    returned = tally.returned if tally else None
    spoiled = tally.spoiled if tally and tally.returned is not None else None
    valid = tally.counted if tally else None
    return [
        {"item": "发出票数", "count": issued, "note": "发出的测评表份数"},
        {"item": "收回票数", "count": returned, "note": "投入票箱的测评表份数"},
        {"item": "无效票数", "count": spoiled, "note": "空白、涂改难辨或整表无法识别的"},
        {"item": "有效票数", "count": valid, "note": "收回票数减无效票数"},
    ]


def _results(model: DemocraticAppraisal, results: Results, branch: str) -> dict[str, Any]:
    counts = results.counts()
    members = [_member(m, results.valid) for m in results.members]
    lines = []
    for grade in GRADES:
        graded = results.graded(grade)
        if grade == "合格":
            lines.append(f"评定为合格等次的党员{len(graded)}名。")
        elif graded:
            names = "、".join(m.member.name for m in graded)
            lines.append(f"评定为{grade}等次的党员{len(graded)}名：{names}。")
    follow_ups = [
        f"{m.member.name}（{m.grade}）：{_follow_up(m)}"
        for m in results.members
        if m.grade in ("基本合格", "不合格")
    ]
    undecided = [m.member.name for m in results.undecided]
    summary = _summary(counts, len(results.members))
    if not any(m.grade for m in results.members):
        # Nothing counted or decided yet: no “合格0名” claimed, one sentence saying so.
        lines, summary, undecided = [PENDING], "", []
    return {
        "counted": results.valid is not None,
        "members": members,
        "counts": {key: counts.get(g, 0) for key, g in zip(GRADE_KEYS, GRADES, strict=True)},
        "rated": len(results.members),
        "ballots_text": _ballots_text(model),
        "meeting_text": _meeting_text(model, branch),
        "grade_lines": lines,
        "summary": summary,
        "follow_ups": follow_ups,
        "undecided_text": (
            f"{'、'.join(undecided)}得票最多的等次并列（或尚未计票），由支委会另行研究确定。"
            if undecided
            else ""
        ),
        "report_text": (
            f"评定结果经支部党员大会通报后，报{model.superior}审核备案。" if model.superior else ""
        ),
    }


def _member(m: MemberResult, valid: int | None) -> dict[str, Any]:
    row: dict[str, Any] = {"seq": m.index + 1, "name": m.member.name, "grade": m.grade or "待定"}
    for key, grade in zip(GRADE_KEYS, GRADES, strict=True):
        row[key] = m.votes.get(grade, 0) if m.row is not None else ""
    leading = m.proposed
    row["share"] = share(m.votes.get(leading, 0), valid) if leading else ""
    return row


def _follow_up(m: MemberResult) -> str:
    parts = []
    if m.member.problems:
        parts.append(f"存在问题：{sentence(m.member.problems)}")
    elif m.row is not None and m.row.problems:
        parts.append(f"存在问题：{sentence(m.row.problems)}")
    if m.member.follow_up:
        parts.append(f"处理意见：{sentence(m.member.follow_up)}")
    return "".join(parts) or "由支委会确定帮教措施。"


def _ballots_text(model: DemocraticAppraisal) -> str:
    """“应到23人，实到22人；发出测评表22份，收回22份，其中有效21份、无效1份。”"""
    head = []
    due = model.due if model.due is not None else len(model.rated())
    head.append(f"应到{due}人")
    if model.present is not None:
        head.append(f"实到{model.present}人")
    text = "，".join(head)
    tally = model.tally
    if tally is None:
        return text + "。"
    ballots = []
    if tally.issued is not None:
        ballots.append(f"发出测评表{tally.issued}份")
    if tally.returned is not None:
        ballots.append(f"收回{tally.returned}份")
    valid = tally.counted
    if valid is not None:
        ballots.append(f"其中有效{valid}份、无效{tally.spoiled}份")
    text += "；" + "，".join(ballots) if ballots else ""
    if tally.tellers:
        text += f"。计票人：{'、'.join(tally.tellers)}"
    return text + "。"


def _meeting_text(model: DemocraticAppraisal, branch: str) -> str:
    when = date_text(model.date)
    where = f"在{model.place}" if model.place else ""
    head = f"{when}，" if when else ""
    who = branch or "支部"
    return f"{head}{who}{where}召开会议，开展{model.year}年度民主评议党员，组织党员进行民主测评。"


def _notice_opening(model: DemocraticAppraisal, branch: str) -> str:
    """The 通报's first paragraph: the 测评, the ballots, and who decided the grades."""
    decided = date_text(model.committee_date)
    when = f"于{decided}" if decided else ""
    return (
        f"{_meeting_text(model, branch)}{_ballots_text(model)}"
        f"支委会{when}结合党员日常表现和测评结果研究评定了各名党员的等次，现将评议结果通报如下。"
    )


def _summary(counts: dict[str, int], rated: int) -> str:
    parts = [f"{g}{counts.get(g, 0)}名" for g in GRADES]
    return f"参评党员{rated}名，评定{'、'.join(parts)}。"


__all__ = ["GRADES", "GRADE_KEYS", "KIND", "context"]
