"""Forms pre-filled from a plan, for the secretary to complete (``minutes_form`` in recipes).

The 年度 bundle prints one 主题党日 record per month before the year starts. What
the annual plan already says — the month, the theme, what is studied, who is to
take part (参加对象, not 出席人员: nobody has attended yet), who is responsible, the
form — is filled in; what only the meeting can tell (the day and hour, place,
host, attendance, the actions done, what happened and what was said) is left as
blank space long enough to write in by hand, never as “无” or “None”: “缺席人员：无”
on a form would be a claim. No note about where the data came from is printed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from docgen.data.fields import field_context
from docgen.data.models.annual_plan import AnnualPlan, ScheduleEntry
from docgen.data.models.minutes import Minutes
from docgen.exceptions import BundleError
from docgen.views.minutes import minutes_context

#: Blank space for a day of the month written by hand (two characters wide).
DAY_BLANK = "\u3000\u3000"
#: Lines left in a cell for writing the activity's course and the discussion by hand.
WRITING_LINES = 8

#: Context keys of the minutes view that only the meeting itself can fill.
_TO_FILL = (
    "location",
    "host_text",
    "recorder_text",
    "due_text",
    "present_text",
    "absent_text",
    "observers_text",
    "fixed_actions_text",
    "optional_actions_text",
    "actions_summary",
    "dues_text",
)


def minutes_form(plan: Any, entry: Any) -> dict[str, Any]:
    """The context of a meeting-record template for schedule ``entry`` of annual ``plan``.

    Raises :class:`BundleError` when the arguments are not an annual plan and one
    of its schedule rows (say, the plan's data file lacks ``kind: annual_plan``).
    """
    if not isinstance(plan, AnnualPlan) or not isinstance(entry, ScheduleEntry):
        raise BundleError(
            "minutes_form(plan, entry) 需要年度计划（kind: annual_plan）及其安排表中的一行，"
            f"得到的是 {_type(plan)} 和 {_type(entry)}",
            "minutes_form(plan, entry) needs an annual plan (kind: annual_plan) and one row "
            f"of its schedule, got {_type(plan)} and {_type(entry)}",
        )
    year = plan.year
    model = Minutes.model_validate(
        {
            "kind": "minutes",
            "meeting_type": entry.meeting_type or "主题党日",
            "time": dt.date(year, entry.month, 1),
            "theme": entry.theme,
            "agenda": list(entry.content),
        },
        context=field_context(),  # a form to fill in: the rules apply to the filled record
    )
    model.attach_roster(plan.roster)
    context = minutes_context(model)
    context.update(dict.fromkeys(_TO_FILL, ""))
    day = f"{year}年{entry.month}月{DAY_BLANK}日"
    context.update(
        date_text=day,
        time_text=f"{day}{DAY_BLANK}时{DAY_BLANK}分至{DAY_BLANK}时{DAY_BLANK}分",
        attendees_text="",
        absent_text="\n",  # two lines: names and reasons take room
        audience=entry.participants or "",
        note="",
        form_month=entry.month,
        form={
            "show": True,
            "owner": entry.owner or "",
            "way": planned_way(entry),
            # A cell of this many empty lines is the space to write in.
            "space": "\n" * (WRITING_LINES - 1),
        },
    )
    return context


def planned_way(entry: ScheduleEntry) -> str:
    """How the activity is to be held, as the schedule says: the form when it says more
    than the meeting type (参观见学), and the schedule's own note (线上)."""
    parts = []
    if entry.form and entry.form != entry.meeting_type:
        parts.append(entry.form)
    if entry.note:
        parts.append(entry.note)
    return "，".join(parts)


def _type(value: object) -> str:
    return type(value).__name__


__all__ = ["DAY_BLANK", "WRITING_LINES", "minutes_form", "planned_way"]
