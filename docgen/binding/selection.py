"""Which records a 合订本 binds, and in what order: those of the period, of one branch, by date.

Records of one day follow the order of the 支部工作条例 (:data:`RECORD_TEMPLATES`), then
their file names. A volume is one branch's: records of another branch are problems, each
named by its file, measured against the branch most of the period's records name (the
first record's when two are equally many). A record that names no branch contradicts
none and is bound with the others.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from docgen.binding.period import Period
from docgen.binding.records import RECORD_TEMPLATES, MeetingRecord
from docgen.exceptions import Location, Problem

_ORDER = {name: index for index, name in enumerate(RECORD_TEMPLATES)}


def sort_key(record: MeetingRecord) -> tuple[object, ...]:
    """Date, then the 条例's order of meeting types, then the file name."""
    return (record.day, _ORDER.get(record.meeting_type, len(_ORDER)), record.path.name)


@dataclass(frozen=True)
class Selection:
    """The period's records in binding order, their branch, and the records of other branches."""

    records: list[MeetingRecord]
    branch: str
    strangers: list[Problem]


def select(records: Sequence[MeetingRecord], period: Period) -> Selection:
    """The records of ``period``, ordered, with the problems of those from another branch."""
    chosen = sorted((r for r in records if r.day in period), key=sort_key)
    named = [r.branch for r in chosen if r.branch]
    if not named:
        return Selection(chosen, "", [])
    counts = Counter(named)
    branch = max(counts, key=lambda b: (counts[b], -named.index(b)))
    strangers = [
        Problem(
            "mixed_branches",
            f"党支部为“{r.branch}”，与本期其他 {counts[branch]} 份记录的“{branch}”不同；"
            "一本合订本只装订一个党支部的记录，请把它移出该文件夹或改正党支部",
            f"the branch is {r.branch!r}, not {branch!r} as in the other {counts[branch]} "
            "record(s) of the period; a volume binds one branch's records: move it out of "
            "the folder or correct its branch",
            Location(file=str(r.path)),
            "branch",
        )
        for r in chosen
        if r.branch and r.branch != branch
    ]
    return Selection([r for r in chosen if not r.branch or r.branch == branch], branch, strangers)


__all__ = ["Selection", "select", "sort_key"]
