"""The branch's three 名册 of the 发展党员 roster (reports/fazhan-*-mingce-xlsx): the
入党积极分子, the 发展对象 and the 预备党员 as they stand now, one row each.

Who is on which list follows :attr:`Candidate.standing`, so a 预备党员 whose 预备期 was
extended stays on the 预备党员名册 and one whose 转正 is approved leaves it. Each cell is
finished text from the data; what the data does not hold is an empty cell.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from docgen.data.models.development import Candidate, Development
from docgen.data.rules.development import probation_end
from docgen.views.common import date_text, list_text
from docgen.views.development_record import period_text, training_amount

#: Each 名册: the standing its people have now, and the title after the branch's name.
ROSTERS = {
    "activist": ("入党积极分子", "入党积极分子名册"),
    "prospect": ("发展对象", "发展对象名册"),
    "probation": ("预备党员", "预备党员名册"),
}


def month_text(value: dt.date | None) -> str:
    """``1996年4月`` (a 名册's 出生年月), or ``""``."""
    return f"{value.year}年{value.month}月" if value is not None else ""


def training_text(p: Candidate) -> str:
    """``2026年3月23日至3月25日，3天、24学时``; what the data holds of it, or ``""``."""
    amount = training_amount(p)
    return "，".join(x for x in (period_text(p.training_from, p.training_to), amount) if x)


def roster_row(seq: int, p: Candidate) -> dict[str, Any]:
    """One person's cells, for whichever 名册 they are on."""
    return {
        "seq": seq,
        "name": p.name,
        "gender": p.gender or "",
        "ethnicity": p.ethnicity or "",
        "birth": month_text(p.birth),
        "education": p.education or "",
        "unit": p.unit or "",
        "applied": date_text(p.applied),
        "activist": date_text(p.activist),
        "contacts": list_text(p.contacts, empty=""),
        "prospect": date_text(p.prospect),
        "introducers": list_text(p.introducers, empty=""),
        "review": p.review_conclusion or "",
        "review_date": date_text(p.review_date),
        "training": training_text(p),
        "admitted": date_text(p.admitted),
        "approved": date_text(p.approved),
        "probation_end": date_text(probation_end(p)),
        "extended": f"延长预备期{p.extension_months}个月"
        if p.full_result == "延长预备期" and p.extension_months
        else "",
        "note": p.note or "",
    }


def rosters_context(model: Development, branch: str) -> dict[str, Any]:
    """``rosters.<activist|prospect|probation>``: ``title``, ``date_line`` (填报日期, the
    sign-off's date or blanks to write in) and ``rows``."""
    filled = date_text(model.signoff.date if model.signoff else None) or "　　年　　月　　日"
    out: dict[str, Any] = {}
    for key, (standing, title) in ROSTERS.items():
        people = [p for p in model.candidates if p.standing == standing]
        out[key] = {
            "title": f"{branch}{title}",
            "date_line": f"党支部：{branch or '　' * 8}　　填报日期：{filled}",
            "rows": [roster_row(i, p) for i, p in enumerate(people, 1)],
        }
    return out


__all__ = ["ROSTERS", "month_text", "roster_row", "rosters_context", "training_text"]
