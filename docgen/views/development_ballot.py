"""The 推荐入党积极分子 ballot and its tally sheet: the 入党申请人 put up for recommendation,
their names printed, the marks and counts left for the meeting.

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


__all__ = ["BLANK_DAY", "ballot_context"]
