"""The meeting records a 合订本 is made of: which files are records, and what each one is.

A record is a ``kind: minutes`` file whose 会议类型 has a record template: the same
template the 会议纪实 bundle (``templates/bundles/huiyi-jishi.yaml``) renders for that
type. Every file is read through the one data door in one run
(:func:`docgen.data.api.load_files`), so a branch roster among them is known to the
records by id, a record's 签到文件 is read as part of that record (not as a file of its
own), and each file is checked exactly as ``docgen validate`` checks it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from docgen.data.api import load_files
from docgen.data.config import DataConfig
from docgen.data.kinds import KINDS
from docgen.data.loaders import SUFFIXES
from docgen.data.models import Minutes
from docgen.data.result import LoadResult
from docgen.exceptions import Location, Problem
from docgen.merge.toc import ENTRY_CHARS
from docgen.views.common import bare_items, branch_name
from docgen.views.minutes import default_title
from docgen.zh.title_break import text_width

#: Each meeting type's record template, in the order the 支部工作条例 lists the meetings
#: (三会: 支部党员大会, 支委会, 党小组会; 一课: 党课), then 主题党日 and 组织生活会. Records of
#: one day are bound in this order.
RECORD_TEMPLATES: dict[str, str] = {
    "支部党员大会": "reports/dangyuan-dahui-jilu",
    "支委会": "reports/zhiweihui-jilu",
    "党小组会": "reports/dangxiaozu-jilu",
    "党课": "reports/dangke-jilu",
    "主题党日": "reports/zhuti-dangri-jilu",
    "组织生活会": "reports/zuzhi-shenghuohui-jilu",
}
#: Kinds that serve the records (their branch, the school's settings) and are not bound.
_SUPPORTING = ("branch", "university")


@dataclass(frozen=True)
class MeetingRecord:
    """One meeting's record: its file and validated minutes."""

    path: Path
    model: Minutes

    @property
    def day(self) -> dt.date:
        """The day of the meeting."""
        return self.model.day

    @property
    def meeting_type(self) -> str:
        """会议类型, as the data's vocabulary spells it."""
        return str(self.model.meeting_type)

    @property
    def template(self) -> str:
        """The library name of the record template."""
        return RECORD_TEMPLATES[self.meeting_type]

    @property
    def branch(self) -> str:
        """The branch's full name (from its roster, or as written), else its id, else ``""``."""
        return branch_name(self.model) or (self.model.branch or "").strip()

    @property
    def title(self) -> str:
        """The record's printed title."""
        return self.model.title or default_title(self.model, branch_name(self.model))

    @property
    def type_text(self) -> str:
        """The type as the 目录 prints it: ``党小组会（第一党小组）`` names the group."""
        group = (self.model.party_group or "").strip()
        if self.meeting_type == "党小组会" and group:
            return f"{self.meeting_type}（{group}）"
        return self.meeting_type

    @property
    def topic(self) -> str:
        """What the meeting was about: a 党课's 题目, a 主题党日's or 组织生活会's 主题, else
        the first 议题 (``……等3项议题`` when there were more), else the record's title."""
        own = self.model.topic if self.meeting_type == "党课" else self.model.theme
        if own and own.strip():
            return own.strip()
        agenda = bare_items(self.model.agenda)
        if not agenda:
            return self.title
        first = agenda[0].rstrip("。；;，,")
        return first if len(agenda) == 1 else f"{first}等{len(agenda)}项议题"

    @property
    def entry(self) -> str:
        """The record's line in the 目录: date, type and topic, on one line when they fit,
        else the topic on a line of its own below the date and type (a break by sense
        could fall inside the type or leave a word of the topic behind)."""
        head = f"{self.day.month}月{self.day.day}日\u3000{self.type_text}"
        whole = f"{head}\u3000{self.topic}"
        return whole if text_width(whole) <= ENTRY_CHARS else f"{head}\n{self.topic}"


@dataclass
class Reading:
    """The records found, and every problem of the files that are not bindable records."""

    records: list[MeetingRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    #: The files that could not be bound, in the order read.
    failed: list[Path] = field(default_factory=list)
    #: A folder's files of other kinds (a plan, a speech beside the records), each a warning:
    #: a branch's year folder holds them, and binding it should not need them moved out.
    passed_over: list[Problem] = field(default_factory=list)


def data_files(paths: Iterable[Path]) -> list[Path]:
    """The data files of ``paths``: a folder's own files that docgen reads (not those of its
    subfolders, nor hidden files or Office's ``~$`` lock files), by name; a file as given."""
    found: list[Path] = []
    for path in paths:
        if not path.is_dir():
            found.append(path)
            continue
        found.extend(
            p
            for p in sorted(path.iterdir())
            if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith((".", "~$"))
        )
    return found


def read_records(
    files: Sequence[Path],
    config: DataConfig | None = None,
    in_folders: Collection[Path] = (),
) -> Reading:
    """Read every file; sort them into records and problems (every file's, not the first's).

    A file of another kind that was found in a folder (``in_folders``) is passed over with a
    warning; one named on its own is a problem, since it was asked for.
    """
    reading = Reading()
    for path, result in load_files(files, config=config).items():
        reading.warnings.extend(p for p in result.problems if p.severity != "error")
        if result.kind in _SUPPORTING and not result.errors:
            continue
        if not result.errors and path in in_folders and not _is_minutes(result):
            reading.passed_over.append(_passed_over(path, result))
            continue
        problems = result.errors or _not_bindable(path, result)
        if problems:
            reading.problems.extend(problems)
            reading.failed.append(path)
        else:
            assert isinstance(result.model, Minutes)  # noqa: S101 -- _not_bindable checked it
            reading.records.append(MeetingRecord(path, result.model))
    return reading


def _is_minutes(result: LoadResult) -> bool:
    return result.kind == "minutes" and isinstance(result.model, Minutes)


def _what(result: LoadResult) -> tuple[str, str]:
    """The file's kind, as the messages name it."""
    label = KINDS[result.kind].label_zh if result.kind in KINDS else ""
    what_zh = f"文种为 {result.kind}（{label}）" if result.kind else "没有文种"
    what_en = f"its kind is {result.kind}" if result.kind else "it has no kind"
    return what_zh, what_en


def _passed_over(path: Path, result: LoadResult) -> Problem:
    what_zh, what_en = _what(result)
    return Problem(
        "not_a_record",
        f"不是会议记录（{what_zh}），已跳过，未装订",
        f"not a meeting record ({what_en}); passed over, not bound",
        Location(file=str(path)),
        "kind",
        severity="warning",
    )


def _not_bindable(path: Path, result: LoadResult) -> list[Problem]:
    """Why a file that read without errors is not a record to bind (``[]`` when it is one)."""
    where = Location(file=str(path))
    if result.kind != "minutes" or not isinstance(result.model, Minutes):
        what_zh, what_en = _what(result)
        return [
            Problem(
                "not_a_record",
                f"不是会议记录（{what_zh}），不能装订进会议记录合订本；"
                "请不要指定该文件，或写明 kind: minutes",
                f"not a meeting record ({what_en}); it cannot be bound with the records: "
                "leave it out of the files named, or give it kind: minutes",
                where,
                "kind",
            )
        ]
    meeting = str(result.model.meeting_type)
    if meeting not in RECORD_TEMPLATES:
        known = "、".join(RECORD_TEMPLATES)
        return [
            Problem(
                "no_record_template",
                f"会议类型“{meeting}”没有会议记录模板，不能装订；可装订的会议类型：{known}",
                f"meeting type {meeting!r} has no record template; the types bound are: "
                f"{', '.join(RECORD_TEMPLATES)}",
                where,
                "meeting_type",
            )
        ]
    return []


__all__ = ["RECORD_TEMPLATES", "MeetingRecord", "Reading", "data_files", "read_records"]
