"""Per-candidate papers of the file (档案): the 入党谈话记录 and the 发展党员档案材料目录.

Both print for every candidate of the roster, one after another. The 谈话记录 gives what
the data holds of the talk (date, who, what was said) and leaves the rest to write in.
The 目录 lists the materials of the stages the candidate has reached, in the order they
arise, each dated from the step it records; the page counts are for the archivist.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from docgen.data.models.development import Candidate
from docgen.views.common import date_text, sentence

#: Empty lines a cell keeps for writing in: the talk's notes, the candidate's opinion.
NOTES_LINES = 16
OPINION_LINES = 8


def talk_view(p: Candidate) -> dict[str, Any]:
    """One candidate's 谈话记录: who, when, by whom, and the notes (``""`` to write in);
    ``notes_cell``/``opinion_cell`` are the cells' texts, empty lines where nothing is
    recorded."""
    notes = sentence(p.talk_notes or "")
    return {
        "name": p.name,
        "unit": p.unit or "",
        "applied": date_text(p.applied),
        "talked": date_text(p.talked),
        "talker": p.talker or "",
        "notes": notes,
        "notes_cell": notes or "\n" * (NOTES_LINES - 1),
        "opinion_cell": "\n" * (OPINION_LINES - 1),
    }


#: The materials of the file, in order: (stage, name, the date it bears).
MATERIALS: tuple[tuple[int, str, Callable[[Candidate], dt.date | None]], ...] = (
    (1, "入党申请书", lambda p: p.applied),
    (1, "党组织派人谈话记录", lambda p: p.talked),
    (2, "推荐票和推荐情况统计表", lambda p: p.recommended),
    (2, "确定入党积极分子的支委会记录", lambda p: p.activist),
    (2, "确定入党积极分子的公示", lambda p: p.activist_notice_from),
    (2, "入党积极分子备案报告", lambda p: p.activist_notice_to or p.activist),
    (2, "入党积极分子培养教育考察记录", lambda p: None),
    (2, "思想汇报", lambda p: None),
    (3, "确定发展对象的支委会记录", lambda p: p.prospect),
    (3, "确定发展对象的公示", lambda p: p.prospect_notice_from),
    (3, "发展对象备案报告", lambda p: p.prospect_notice_to or p.prospect),
    (3, "政治审查综合报告及函调材料", lambda p: p.review_date),
    (3, "发展对象集中培训结业证明", lambda p: p.training_to),
    (3, "预审请示和上级党委预审意见", lambda p: p.pre_review),
    (4, "入党志愿书", lambda p: p.form_date),
    (4, "拟接收预备党员的公示", lambda p: p.admit_notice_from),
    (4, "支部党员大会接收预备党员的决议", lambda p: p.admitted),
    (4, "报批请示和上级党委审批意见", lambda p: p.approved),
    (5, "转正申请书", lambda p: None),
    (5, "拟转为正式党员的公示", lambda p: p.full_notice_from),
    (5, "支部党员大会讨论转正的决议", lambda p: p.full_meeting),
    (5, "上级党委审批转正的意见", lambda p: p.full_approved),
)


def archive_view(p: Candidate) -> dict[str, Any]:
    """One candidate's 档案材料目录: the materials of the stages reached, numbered, dated."""
    rows: list[dict[str, Any]] = []
    for stage, name, day in MATERIALS:
        if stage > p.stage:
            continue
        rows.append({"seq": len(rows) + 1, "name": name, "date": date_text(day(p)), "note": ""})
    return {"name": p.name, "unit": p.unit or "", "standing": p.standing, "rows": rows}


__all__ = ["MATERIALS", "NOTES_LINES", "OPINION_LINES", "archive_view", "talk_view"]
