"""Reading back the 民主测评 tally workbook the tellers filled in.

The workbook is the one ``plans/minzhu-pingyi-tongji-xlsx`` writes (any workbook laid
out alike is read): a sheet whose header row holds 姓名 and the grades (优秀, 合格,
基本合格, 不合格, configurable) with a 存在问题 column, one row per member; and a sheet
headed 项目 | 票数 whose rows name 发出, 收回, 无效 and 有效 ballots. Headers are found by
their text, so a title or information rows above them do not matter, nor does the
column order. Every cell that is not a count is an error naming the file, the sheet
and the cell (``统计表.xlsx[测评统计]!D7``); a member row with no count at all is an
error too (an unfilled row is not a row of noughts).

The appraisal data names the workbook as ``tally_file`` (relative to the data file);
:func:`attach_tally` reads it during loading, before the checks run.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from docgen.data.linked_file import LinkedFile
from docgen.data.loaders.guard import DEFAULT_LIMITS, Limits
from docgen.data.loaders.tables import clean_header, column_letter
from docgen.data.loaders.workbook import SheetRows, read_sheets
from docgen.data.models.appraisal import DemocraticAppraisal, Tally, TallyRow
from docgen.exceptions import DataError, Location, Problem, Severity

#: Words in a 项目 cell of the ballots sheet, and the tally field each fills.
_BALLOT_WORDS = (("无效", "spoiled"), ("有效", "valid"), ("收回", "returned"), ("发出", "issued"))
_STOP = frozenset({"合计", "总计", "小计"})
_TALLY_FILE = LinkedFile(
    "tally_file",
    "统计表文件",
    "tally file",
    "请上传填好的统计表",
    "upload the filled workbook",
    "填好的测评统计表",
    "数据文件",
    "data file",
)


def read_tally(
    path: Path, display: str, grades: Sequence[str], limits: Limits = DEFAULT_LIMITS
) -> tuple[Tally | None, list[Problem]]:
    """The tally in the workbook at ``path`` (``display`` names it in messages), and its
    problems; ``None`` when a problem leaves no tally to use."""
    try:
        sheets, _skipped = read_sheets(path, display, limits)
    except DataError as err:
        return None, list(err.problems)
    problems: list[Problem] = []
    counts = _find(sheets, lambda h: "姓名" in h and any(g in h for g in grades))
    if counts is None:
        heads = "、".join(["姓名", *grades])
        return None, [
            _problem(
                "tally_sheet_missing",
                f"工作簿中没有测评统计表（表头应有：{heads}）；请使用 docgen 生成的测评统计表填写",
                f"no tally sheet (headers {', '.join(['姓名', *grades])}) in the workbook",
                Location(file=display),
            )
        ]
    sheet, header_row, columns = counts
    rows = _member_rows(display, sheet, header_row, columns, grades, problems)
    tally = Tally(rows=rows)
    ballots = _find(sheets, lambda h: "项目" in h and "票数" in h)
    if ballots is not None:
        _ballots(display, *ballots, tally, problems)
    return (None if any(p.severity == "error" for p in problems) else tally), problems


def attach_tally(
    model: DemocraticAppraisal, folder: Path, allowed: bool, limits: Limits = DEFAULT_LIMITS
) -> list[Problem]:
    """Read ``model.tally_file`` (relative to ``folder``) into ``model.tally``.

    ``allowed`` is false for data from strangers (the web service), which must not make
    docgen open files it names; the file is then not read and a warning says so.
    """
    name = model.tally_file
    if not name:
        return []
    target = folder / name
    where = Location(file=str(target))
    refused = _TALLY_FILE.refused(name, where, allowed)
    if refused is not None:
        return [refused]
    if model.tally is not None:
        return [
            _problem(
                "tally_twice",
                f"同时填写了“测评统计”和“统计表文件”（{name}）；请只保留一处计票结果",
                "both tally and tally_file are given; keep one",
                where,
            )
        ]
    missing = _TALLY_FILE.missing(name, folder, where)
    if missing is not None:
        return [missing]
    tally, problems = read_tally(target, str(target), model.checked_config.appraisal_grades, limits)
    if tally is not None:
        model.tally = tally
    return problems


def _find(
    sheets: list[SheetRows], wanted: Callable[[dict[str, int]], bool]
) -> tuple[SheetRows, int, dict[str, int]] | None:
    """The first sheet with a row of headers ``wanted`` accepts: (sheet, row, header → column)."""
    for sheet in sheets:
        for number, row in enumerate(sheet.rows[:20]):
            heads = {clean_header(v): i for i, v in enumerate(row) if clean_header(v)}
            if wanted(heads):
                return sheet, number, heads
    return None


def _member_rows(
    display: str,
    sheet: SheetRows,
    header: int,
    heads: dict[str, int],
    grades: Sequence[str],
    problems: list[Problem],
) -> list[TallyRow]:
    name_col = heads["姓名"]
    problem_col = heads.get("存在问题")
    grade_cols = {g: heads[g] for g in grades if g in heads}
    rows: list[TallyRow] = []
    for number in range(header + 1, len(sheet.rows)):
        cells = sheet.rows[number]
        name = _text(cells, name_col)
        first = next((_text(cells, i) for i in range(len(cells)) if _text(cells, i)), "")
        if first in _STOP or name in _STOP:
            break
        filled = {g: _cell(cells, c) for g, c in grade_cols.items()}
        if not name:
            if any(v is not None for v in filled.values()):
                problems.append(
                    _at(
                        display,
                        sheet.title,
                        number,
                        name_col,
                        "tally_name_missing",
                        "这一行填了票数，但没有姓名",
                        "votes without a name",
                    )
                )
            continue
        votes: dict[str, int] = {}
        for grade, col in grade_cols.items():
            value = filled[grade]
            count = _count(value)
            if value is not None and count is None:
                problems.append(
                    _at(
                        display,
                        sheet.title,
                        number,
                        col,
                        "tally_not_a_count",
                        f"{name}的“{grade}”票数应为不小于 0 的整数，填写的是“{value}”",
                        f"{name}: the {grade} votes must be a whole number, not {value!r}",
                    )
                )
            votes[grade] = count or 0
        if all(v is None for v in filled.values()):
            problems.append(
                _at(
                    display,
                    sheet.title,
                    number,
                    min(grade_cols.values()),
                    "tally_row_empty",
                    f"{name}这一行没有填写票数；没有得票的等次请填 0",
                    f"no votes filled in for {name}; write 0 where a grade got none",
                )
            )
        text = _text(cells, problem_col) if problem_col is not None else ""
        rows.append(TallyRow(name=name, votes=votes, problems=text or None))
    return rows


def _ballots(
    display: str,
    sheet: SheetRows,
    header: int,
    heads: dict[str, int],
    tally: Tally,
    problems: list[Problem],
) -> None:
    label_col, count_col = heads["项目"], heads["票数"]
    for number in range(header + 1, len(sheet.rows)):
        cells = sheet.rows[number]
        label = _text(cells, label_col)
        key = next((k for word, k in _BALLOT_WORDS if word in label), None)
        if key is None:
            continue
        value = _cell(cells, count_col)
        count = _count(value)
        if value is None:
            continue
        if count is None:
            problems.append(
                _at(
                    display,
                    sheet.title,
                    number,
                    count_col,
                    "tally_not_a_count",
                    f"“{label}”应为不小于 0 的整数，填写的是“{value}”",
                    f"{label}: a whole number is expected, not {value!r}",
                )
            )
            continue
        setattr(tally, key, count)


def _cell(cells: Sequence[object], col: int) -> object | None:
    value = cells[col] if col < len(cells) else None
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _text(cells: Sequence[object], col: int) -> str:
    value = _cell(cells, col)
    return "" if value is None else str(value).strip()


def _count(value: object) -> int | None:
    """A cell as a count: ``12``, ``12.0`` or ``"12"``; ``None`` for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, float) and value.is_integer() and value >= 0:
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _at(display: str, sheet: str, row: int, col: int, code: str, zh: str, en: str) -> Problem:
    where = Location(file=display, sheet=sheet, cell=f"{column_letter(col)}{row + 1}")
    return Problem(code, zh, en, where)


def _problem(code: str, zh: str, en: str, where: Location, severity: Severity = "error") -> Problem:
    return Problem(code, zh, en, where, severity=severity)


__all__ = ["attach_tally", "read_tally"]
