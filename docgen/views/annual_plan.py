"""The annual-plan view: an :class:`AnnualPlan` as the context of 年度工作计划, 学习活动年度安排表
and 主题党日年度计划.

Wording the templates should not compute lives here: default titles from the
branch and year, goals split into 总体/具体 only when both are given, tasks
with their items as sentences, the schedule grouped by month (for the landscape
table and the plan's month summary), the 主题党日 rows with their time
arrangement and participants phrased from the data, and the sign-off placed for
a portrait or a landscape line.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from docgen.data.dues_ledger import quarter_months
from docgen.data.models.annual_plan import AnnualPlan, Goals, ScheduleEntry, Task
from docgen.views.common import (
    bare,
    bare_items,
    branch_name,
    count_text,
    list_text,
    numbered_lines,
    sealed,
    sentence,
    signoff,
)
from docgen.views.rectification import safeguard_view

THEME_DAY = "主题党日"
ALL_MEMBERS = "全体党员"
#: Words in a row's note that mark an activity held online.
_ONLINE = "线上"
_BAOBEI = "“三会一课”计划报备表"
#: A quarter's ordinal in a title (第二季度), in words as the document's ordinals are.
_QUARTER_ZH = "一二三四"


def annual_plan_context(model: AnnualPlan) -> dict[str, Any]:
    """The template context: the model's own fields plus the derived ones."""
    branch = branch_name(model)
    rows = [schedule_row(e) for e in model.schedule]
    sign = model.signoff
    org = (sign.org if sign and sign.org else "") or branch
    day = sign.date if sign else None
    show = sign.show if sign else None
    tasks = [task_view(t) for t in model.tasks]
    return {
        **model.model_dump(mode="python", exclude={"goals", "tasks", "schedule", "signoff"}),
        "branch": branch,
        "year": model.year,
        "title": model.title or _titled(branch, f"{model.year}年", "工作计划"),
        "table_title": f"{model.year}年学习活动年度安排表",
        "theme_day_title": _titled(branch, f"{model.year}年", "主题党日活动计划"),
        "guiding_thought": model.guiding_thought or "",
        "goals": goals_view(model.goals),
        "tasks": tasks,
        "tasks_detailed": any(t["items"] for t in tasks),
        "schedule": rows,
        "months": month_groups(rows),
        "month_plan": month_plan(model.schedule),
        "theme_day": theme_day_view(model.schedule),
        "baobei": baobei_view(model, branch, org),
        "safeguards": [safeguard_view(s) for s in model.safeguards],
        "signoff": signoff(org, day, show, sealed=sealed(sign)),
    }


def _titled(branch: str, year: str, genre: str) -> str:
    """“{支部}{年}{文种}”; without a branch name, “{年}党支部{文种}”."""
    return f"{branch}{year}{genre}" if branch else f"{year}党支部{genre}"


def goals_view(goals: Goals) -> dict[str, Any]:
    """工作目标: ``overall``, ``specific`` as sentences; ``both`` when each part is given
    (the plan then heads them 总体目标/具体目标), ``any`` when there is anything at all."""
    overall = sentence(goals.overall or "")
    specific = [sentence(s) for s in bare_items(goals.specific)]
    return {
        "overall": overall,
        "specific": specific,
        "both": bool(overall and specific),
        "any": bool(overall or specific),
    }


def task_view(task: Task) -> dict[str, Any]:
    """A main task: ``heading``, ``items`` as sentences, ``sentence`` for a task stated alone."""
    return {
        "heading": bare(task.heading).rstrip("。；;，,"),
        "items": [sentence(i) for i in bare_items(task.items)],
        "sentence": sentence(bare(task.heading)),
    }


def schedule_row(entry: ScheduleEntry) -> dict[str, Any]:
    """A row of the 学习活动年度安排表, every cell as text (blank cells stay blank)."""
    participants = entry.participants or ""
    if not participants and entry.party_group:
        participants = f"{entry.party_group}党员"
    return {
        "month": entry.month,
        "month_text": f"{entry.month}月",
        "theme": entry.theme or "",
        "content": numbered_lines(entry.content),
        "form": form_text(entry),
        "owner": cell_owner(entry.owner),
        "participants": participants,
        "note": entry.note or "",
    }


def form_text(entry: ScheduleEntry) -> str:
    """学习形式, naming the meeting it is held at on a second line when that differs:
    “集中学习\n（支委会）”."""
    form, meeting = entry.form or "", entry.meeting_type or ""
    if form and meeting and meeting != form:
        return f"{form}\n（{meeting}）"
    return form or meeting


def cell_owner(owner: str | None) -> str:
    """责任人 for a narrow cell: “支部书记 孟庆岚” breaks after the role, not inside the name."""
    return (owner or "").strip().replace(" ", "\n", 1)


def month_groups(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows grouped by month, months in calendar order, rows in their given order."""
    by_month: dict[int, list[dict[str, Any]]] = {}
    for row in rows:
        by_month.setdefault(row["month"], []).append(row)
    return [{"month_text": f"{m}月", "rows": by_month[m]} for m in sorted(by_month)]


def month_plan(entries: list[ScheduleEntry]) -> list[dict[str, str]]:
    """The plan's 月度安排: one row per month, its activities as numbered lines
    “支委会：研究部署全年工作”."""
    by_month: dict[int, list[str]] = {}
    for entry in entries:
        line = activity_line(entry)
        if line:
            by_month.setdefault(entry.month, []).append(line)
    return [
        {"month_text": f"{m}月", "activities": numbered_lines(by_month[m])}
        for m in sorted(by_month)
    ]


def activity_line(entry: ScheduleEntry) -> str:
    """One activity as “会议类型：主题”; either part alone when the other is missing."""
    label = entry.meeting_type or entry.form or ""
    if entry.party_group and label == "党小组会":
        label = f"党小组会（{entry.party_group}）"
    theme = entry.theme or "、".join(entry.content)
    if label and theme and label not in theme:
        return f"{label}：{theme}"
    return theme or label


def theme_day_view(entries: list[ScheduleEntry]) -> dict[str, Any]:
    """The 主题党日 plan's data: ``rows`` (months in order), ``time_text`` (how often and
    when), ``online_text``, ``participants_text`` and ``missing_text`` (months without
    a theme yet); texts are empty when there is nothing to say."""
    chosen = sorted((e for e in entries if THEME_DAY in e.meeting_types()), key=lambda e: e.month)
    months = sorted({e.month for e in chosen})
    missing = [m for m in range(1, 13) if m not in months]
    return {
        "rows": [theme_day_row(e) for e in chosen],
        "time_text": _time_text(len(chosen), months),
        "online_text": _online_text(chosen),
        "participants_text": participants_text(chosen),
        "missing_text": _missing_text(missing) if chosen else "",
    }


def theme_day_row(entry: ScheduleEntry) -> dict[str, str]:
    """A row of the 月度主题 table; the content cell falls back on the form
    (志愿服务, 参观见学) when no content is listed."""
    content = numbered_lines(entry.content)
    if not content and entry.form and entry.form != THEME_DAY:
        content = entry.form
    return {
        "month_text": f"{entry.month}月",
        "theme": entry.theme or "",
        "content": content,
        "owner": cell_owner(entry.owner),
        "note": entry.note or "",
    }


def _time_text(count: int, months: list[int]) -> str:
    if count == 0:
        return "每月相对固定一天开展主题党日，具体日期由支部提前通知。"
    if months == list(range(1, 13)) and count == 12:
        return "每月相对固定一天开展主题党日，全年共12次，具体日期由支部提前通知。"
    when = list_text(f"{m}月" for m in months)
    times = count_text(count)
    return f"全年安排主题党日{times}次，分别在{when}开展，具体日期由支部提前通知。"


def _online_text(entries: list[ScheduleEntry]) -> str:
    months = sorted({e.month for e in entries if _ONLINE in (e.note or "")})
    if not months:
        return ""
    return f"{list_text(f'{m}月' for m in months)}的主题党日采取线上方式进行。"


def participants_text(entries: list[ScheduleEntry]) -> str:
    """参加对象: 全体党员, and the others some activities invite, most frequent first."""
    others: Counter[str] = Counter()
    for entry in entries:
        for who in (entry.participants or "").split("、"):
            who = who.strip()
            if who and who != ALL_MEMBERS:
                others[who] += 1
    text = "支部全体党员。"
    if others:
        invited = "、".join(name for name, _ in others.most_common())
        text += f"根据活动内容，部分活动同时邀请{invited}参加。"
    return text


def _missing_text(months: list[int]) -> str:
    if not months:
        return ""
    # A long run of months reads as a list to skip; “其余月份” says the same.
    when = list_text(f"{m}月" for m in months) if len(months) <= 3 else "其余月份"
    return f"{when}的主题党日由支委会结合当月工作另行确定主题。"


def baobei_view(model: AnnualPlan, branch: str, org: str = "") -> dict[str, Any]:
    """The 三会一课 报备表: the rows with a meeting type in the plan's ``quarter`` (the whole
    year without one), numbered, each with its types, month, topic, host and note, and its
    own ``signoff`` (``org``, dated by :func:`baobei_date`)."""
    months = quarter_months(model.quarter) if model.quarter else tuple(range(1, 13))
    period = f"第{_QUARTER_ZH[model.quarter - 1]}季度" if model.quarter else "全年"
    entries = [e for e in model.schedule if e.month in months and e.meeting_types()]
    entries.sort(key=lambda e: e.month)  # stable: a month's rows keep the plan's order
    rows = [
        {
            "no": str(i),
            "types": "、".join(e.meeting_types()),
            "when": f"{e.month}月",
            "theme": (e.theme or "").strip(),
            "host": cell_owner(e.owner),
            "note": (e.note or "").strip(),
        }
        for i, e in enumerate(entries, 1)
    ]
    counts = Counter(t for e in entries for t in e.meeting_types())
    summary = "，".join(f"{t}{n}次" for t, n in counts.items())
    return {
        "title": _titled(branch, f"{model.year}年{period if model.quarter else ''}", _BAOBEI),
        "period": period,
        "rows": rows,
        "summary": f"本{'季度' if model.quarter else '年度'}计划召开{summary}。" if summary else "",
        "signoff": signoff(
            org or branch,
            baobei_date(model),
            sign.show if (sign := model.signoff) else None,
            sealed=sealed(sign),
        ),
    }


#: A date to write in by hand, the year too (a first quarter is often reported in December).
_BLANK_DATE = "　　　　年　　月　　日"


def baobei_date(model: AnnualPlan) -> dt.date | str:
    """The 报备表's 落款 date: its ``report_date``; without one, a whole-year 报备表 goes
    with the plan (the plan's 落款 date), while a quarter's is made later and gets a date
    line to fill in — never the plan's date passed off as the 报备's. From the second
    quarter on the year is the plan's; the first may be reported in the year before."""
    if model.report_date is not None:
        return model.report_date
    if model.quarter is None:
        day = model.signoff.date if model.signoff else None
        return day if day is not None else ""
    if model.quarter == 1:
        return _BLANK_DATE
    return f"{model.year}年　　月　　日"


__all__ = [
    "activity_line",
    "annual_plan_context",
    "baobei_date",
    "baobei_view",
    "cell_owner",
    "form_text",
    "goals_view",
    "month_groups",
    "month_plan",
    "participants_text",
    "schedule_row",
    "task_view",
    "theme_day_row",
    "theme_day_view",
]


KIND = "annual_plan"
context = annual_plan_context
