"""Reading a meeting's sign-in back: a 签到 export (CSV/XLSX from a 党务 platform, or the
signed 签到表 typed into Excel) sets 实到 and 缺席 in the minutes.

A minutes record names the file in ``sign_in_file`` (签到文件, relative to the record).
The file holds one table with a 姓名 column and a column saying whether each person
signed (签到, 签到时间, 签到状态, 签名 …); a 缺席原因 (or 请假原因, 备注) column gives the
reason of an absence. A blank status cell, or one reading 未签到/缺席/请假/否/×, is an
absence; anything else (a time, 已签到, √, a signature typed as the name) is presence.

Checked against the members the meeting is due for
(:func:`docgen.data.branches.expected_members`): a name not among them, or signed twice,
is an error at its cell (``file[sheet]!B7`` or ``file:7:2``); a member missing from
the sheet counts as absent, with a warning. Counts the record already states must
agree with the sheet (an error at the record's field); counts it leaves out are filled in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from docgen.data.branches import expected_members
from docgen.data.loaders.guard import DEFAULT_LIMITS, Limits, check_file_size
from docgen.data.loaders.tables import cell_value, clean_header, column_letter
from docgen.data.loaders.text import decode_text
from docgen.data.loaders.workbook import csv_rows, read_sheets
from docgen.data.models.branch import Branch, Member
from docgen.data.models.meeting import Absentee
from docgen.data.models.minutes import Minutes
from docgen.data.rules.base import Finding
from docgen.exceptions import DataError, Location, Problem, Severity

NAME_HEADERS = ("姓名", "党员姓名", "name")
STATUS_HEADERS = (
    "签到",
    "签到情况",
    "签到状态",
    "签到时间",
    "签名",
    "本人签名",
    "是否签到",
    "状态",
)
REASON_HEADERS = ("缺席原因", "请假原因", "原因", "备注")
#: Status words that mean the person did not sign in.
ABSENT_WORDS = frozenset(
    {"未签到", "未签", "缺席", "请假", "否", "无", "×", "x", "✗", "no", "false", "0", "未到"}
)
_HEADER_SEARCH = 10


@dataclass(frozen=True)
class SignInRow:
    """One person of the export: ``name``, whether they ``signed``, the ``reason`` of an
    absence, and where the name and status cells are."""

    name: str
    signed: bool
    reason: str
    where: Location
    status_where: Location


@dataclass(frozen=True)
class SignInSheet:
    """The rows of an export, and problems met while reading it."""

    rows: list[SignInRow]
    problems: list[Problem]


def read_sign_in(path: Path, display: str, limits: Limits = DEFAULT_LIMITS) -> SignInSheet:
    """The rows of the sign-in export at ``path`` (named ``display`` in messages).

    Raises ``DataError`` for a file that cannot be read or has no 姓名 column.
    """
    tables = _tables(path, display, limits)
    for rows, locate in tables:
        header = _header_row(rows)
        if header is not None:
            return _read(rows, header, locate)
    first = tables[0][1](0, 0) if tables else Location(file=display)
    raise DataError(
        f"签到文件 {display} 读取失败",
        f"cannot read the sign-in file {display}",
        [
            Problem(
                "sign_in_no_names",
                f"签到文件里找不到“姓名”列（前{_HEADER_SEARCH}行）；请在表头写上“姓名”和“签到”",
                f"no 姓名 (name) column in the sign-in file (first {_HEADER_SEARCH} rows); "
                "head the columns 姓名 and 签到",
                first,
            )
        ],
    )


def _tables(
    path: Path, display: str, limits: Limits
) -> list[tuple[Sequence[Sequence[object]], _Locator]]:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        sheets, _skipped = read_sheets(path, display, limits)
        return [(s.rows, _Locator(display, s.title, None)) for s in sheets]
    if path.suffix.lower() != ".csv":
        raise DataError(
            f"签到文件 {display} 读取失败",
            f"cannot read the sign-in file {display}",
            [
                Problem(
                    "sign_in_format",
                    "签到文件应为 .csv 或 .xlsx",
                    "a sign-in file is a .csv or .xlsx file",
                    Location(file=display),
                )
            ],
        )
    check_file_size(path, display, limits)
    rows, starts = csv_rows(decode_text(path.read_bytes(), display), display)
    return [(rows, _Locator(display, None, starts))]


@dataclass(frozen=True)
class _Locator:
    """Where a cell is: ``file[sheet]!B7`` in a workbook, ``file:7:2`` in a CSV file."""

    file: str
    sheet: str | None
    starts: list[int] | None

    def __call__(self, row: int, col: int) -> Location:
        if self.starts is not None:
            return Location(file=self.file, line=self.starts[row], column=col + 1)
        return Location(file=self.file, sheet=self.sheet, cell=f"{column_letter(col)}{row + 1}")


def _header_row(rows: Sequence[Sequence[object]]) -> int | None:
    for index, row in enumerate(rows[:_HEADER_SEARCH]):
        if any(clean_header(c) in NAME_HEADERS for c in row):
            return index
    return None


def _column(headers: list[str], names: Sequence[str]) -> int | None:
    """The first column headed by one of ``names``, in the order ``names`` prefers."""
    for name in names:
        if name in headers:
            return headers.index(name)
    return None


def _read(rows: Sequence[Sequence[object]], header: int, locate: _Locator) -> SignInSheet:
    headers = [clean_header(c) for c in rows[header]]
    name_col = _column(headers, NAME_HEADERS)
    assert name_col is not None  # noqa: S101 -- _header_row found the column
    status_col = _column(headers, STATUS_HEADERS)
    reason_col = _column(headers, REASON_HEADERS)
    problems: list[Problem] = []
    if status_col is None:
        problems.append(
            Problem(
                "sign_in_no_status",
                "签到文件没有“签到”列（签到、签到时间、签到状态或签名），无法判断谁到会；"
                "请加上这一列，到会的填写签到时间或“已签到”",
                "no sign-in column (签到, 签到时间, 签到状态 or 签名); add one, filled for "
                "those present",
                locate(header, name_col),
            )
        )
        return SignInSheet([], problems)
    out: list[SignInRow] = []
    for row_no in range(header + 1, len(rows)):
        cells = [*rows[row_no], *[None] * len(headers)]
        name = cell_value(cells[name_col])
        if name is None:
            continue
        status = cell_value(cells[status_col])
        reason = cell_value(cells[reason_col]) if reason_col is not None else None
        signed = status is not None and str(status).strip().lower() not in ABSENT_WORDS
        out.append(
            SignInRow(
                "".join(str(name).split()),
                signed,
                "" if reason is None or signed else str(reason).strip(),
                locate(row_no, name_col),
                locate(row_no, status_col),
            )
        )
    return SignInSheet(out, problems)


@dataclass(frozen=True)
class SignInResult:
    """What a sheet says of a meeting: ``present`` (names), ``absent`` (with reasons), the
    ``present_voting`` count (``None`` when unknown), and the problems found."""

    present: list[str]
    absent: list[Absentee]
    present_voting: int | None
    problems: list[Problem]


def match_members(sheet: SignInSheet, members: list[Member] | None, display: str) -> SignInResult:
    """The sheet's rows checked against the ``members`` the meeting is due for (``None``
    when the roster is unknown: the rows are taken as they are)."""
    problems = list(sheet.problems)
    known = {m.name: m for m in members} if members is not None else None
    seen: dict[str, SignInRow] = {}
    for row in sheet.rows:
        if row.name in seen:
            problems.append(_twice(row, seen[row.name]))
        elif known is not None and row.name not in known:
            problems.append(_stranger(row))
        else:
            seen[row.name] = row
    present = [name for name, row in seen.items() if row.signed]
    absent = [
        Absentee(name=name, reason=row.reason or None)
        for name, row in seen.items()
        if not row.signed
    ]
    voting = None
    if known is not None:
        for member in members or []:
            if member.name not in seen:
                absent.append(Absentee(name=member.name, reason=None))
                problems.append(_missing(member.name, display))
        voting = sum(1 for name in present if known[name].status != "预备")
    return SignInResult(present, absent, voting, problems)


def apply_sign_in(
    model: Minutes,
    branch: Branch | None,
    base: Path,
    *,
    allowed: bool = True,
    limits: Limits = DEFAULT_LIMITS,
) -> tuple[list[Problem], list[Finding]]:
    """Read ``model.sign_in_file`` (relative to ``base``) and set the attendance from it.

    Returns the problems placed in the sign-in file and the findings placed in the
    record (a count the record states that the sheet contradicts, a file not found).
    ``allowed`` false (data from strangers) reads no file and says so.
    """
    file = model.sign_in_file
    if not file:
        return [], []
    if not allowed:
        return [], [
            _finding(
                "sign_in_not_read",
                "签到文件未读取：此处不按数据打开文件",
                "the sign-in file was not read: data here cannot open files",
                "warning",
            )
        ]
    target = base / file
    if not target.is_file():
        return [], [
            _finding(
                "sign_in_file_missing",
                f"签到文件“{file}”不存在（相对本文件所在文件夹）；请核对路径",
                f"sign-in file {file!r} not found (relative to this file's folder)",
            )
        ]
    try:
        sheet = read_sign_in(target, file, limits)
    except DataError as err:
        return list(err.problems), []
    members = expected_members(model, branch) if branch is not None else None
    result = match_members(sheet, members, file)
    return result.problems, _set_attendance(model, result, file)


def _set_attendance(model: Minutes, result: SignInResult, file: str) -> list[Finding]:
    """Fill 实到, 实到有表决权 and 缺席 from ``result``; a stated value that differs is an
    error at its field."""
    att = model.attendance
    findings = []
    # A 支委会 counts no 有表决权 members (derive_counts leaves its due_voting out too).
    voting = None if model.meeting_type == "支委会" else result.present_voting
    counts = (("present", "实到", len(result.present)), ("present_voting", "实到有表决权", voting))
    for field, label, found in counts:
        if found is None:
            continue
        stated = getattr(att, field)
        if stated is None:
            setattr(att, field, found)
        elif stated != found:
            findings.append(
                Finding(
                    "sign_in_count",
                    f"{label}写的是{stated}人，签到文件“{file}”中签到的是{found}人；请核对后改正其一",
                    f"{field} says {stated}, the sign-in file {file!r} has {found} signed in",
                    ("attendance", field),
                )
            )
    if att.absent is None:
        att.absent = result.absent
    else:
        stated_names = sorted(a.name for a in att.absent)
        found_names = sorted(a.name for a in result.absent)
        if stated_names != found_names:
            findings.append(
                Finding(
                    "sign_in_absent",
                    f"缺席人员写的是{'、'.join(stated_names) or '无'}，签到文件“{file}”中未签到的是"
                    f"{'、'.join(found_names) or '无'}；请核对后改正其一",
                    f"absent lists {stated_names}, the sign-in file {file!r} has {found_names}",
                    ("attendance", "absent"),
                )
            )
    return findings


def _finding(code: str, zh: str, en: str, severity: Severity = "error") -> Finding:
    return Finding(code, zh, en, ("sign_in_file",), severity)


def _twice(row: SignInRow, first: SignInRow) -> Problem:
    return Problem(
        "sign_in_twice",
        f"“{row.name}”在签到文件中出现两次（第一次在 {first.where.describe()}）；请删去重复的一行",
        f"{row.name} appears twice in the sign-in file (first at {first.where.describe()}); "
        "delete the repeated row",
        row.where,
    )


def _stranger(row: SignInRow) -> Problem:
    return Problem(
        "sign_in_unknown",
        f"签到文件中的“{row.name}”不在本次会议的应到人员（支部名册）中；请核对姓名的写法，"
        "列席人员请写在记录的“列席”中",
        f"{row.name} in the sign-in file is not among those due at this meeting (the branch "
        "roster); check the spelling, and list observers under 列席 in the record",
        row.where,
    )


def _missing(name: str, display: str) -> Problem:
    return Problem(
        "sign_in_missing",
        f"应到人员“{name}”不在签到文件中，按缺席计；如已到会，请在签到文件中补上",
        f"{name}, due at this meeting, is not in the sign-in file and counts as absent; add "
        "the row if they attended",
        Location(file=display),
        severity="warning",
    )


__all__ = [
    "ABSENT_WORDS",
    "SignInResult",
    "SignInRow",
    "SignInSheet",
    "apply_sign_in",
    "match_members",
    "read_sign_in",
]
