"""The ballots of 发展党员: the 推荐入党积极分子 ballot and its tally sheet (the 入党申请人 put
up for recommendation, their names printed, the marks and counts left for the meeting),
and the 支部党员大会 表决票, one per candidate.

Who is put up: the candidates still at stage 1 (applied, not yet 积极分子); when there are
none, those recommended on the latest 推荐日期 (a copy for the file, its date printed).
"""

from __future__ import annotations

from typing import Any

from docgen.data.models.development import Development
from docgen.views.common import date_text

#: Blank date for the pen.
BLANK_DAY = "　　　　年　　月　　日"


def ballot_context(model: Development) -> dict[str, Any]:
    """``ballot``: ``show``, ``rows`` (``seq``, ``name``, ``unit``), ``date_text``."""
    waiting = [p for p in model.candidates if p.stage == 1]
    day = None
    if not waiting:
        dates = [p.recommended for p in model.candidates if p.recommended is not None]
        if dates:
            day = max(dates)
            waiting = [p for p in model.candidates if p.recommended == day]
    rows = [{"seq": n, "name": p.name, "unit": p.unit or ""} for n, p in enumerate(waiting, 1)]
    return {
        "show": bool(rows),
        "rows": rows,
        "date_text": date_text(day) if day else BLANK_DAY,
        "count": len(rows),
    }


#: The question each stage puts to the 支部党员大会, by the stage the candidate is at.
_QUESTIONS = {
    3: "接收{name}同志为中共预备党员",
    4: "{name}同志按期转为中共正式党员",
}


def vote_ballots(model: Development) -> list[dict[str, Any]]:
    """The 表决票 of the 支部党员大会, one per candidate (each is voted on alone): a 发展对象
    (stage 3) on being admitted, a 预备党员 (stage 4) on full membership."""
    return [
        {
            "name": p.name,
            "question": _QUESTIONS[p.stage].format(name=p.name),
            # One row to mark, two lines tall: room for a pen's circle.
            "rows": [{"space": "\n"}],
        }
        for p in model.candidates
        if p.stage in _QUESTIONS
    ]


def tally_rows(model: Development) -> list[dict[str, Any]]:
    """The 计票单's rows: the same candidates and questions as :func:`vote_ballots`,
    numbered, the counts left for the tellers."""
    return [{"seq": n, **b} for n, b in enumerate(vote_ballots(model), 1)]


__all__ = ["BLANK_DAY", "ballot_context", "tally_rows", "vote_ballots"]
