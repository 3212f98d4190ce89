"""A 组织生活会 record's 民主评议 filled from the 民主评议's own data (``评议数据文件``).

The record names the ``kind: appraisal`` file (relative to the record); its results —
how many were rated, how many members each grade has, who is 优秀 — go into the
record's 民主评议 where the record does not state them itself. A count the record states
and the appraisal contradicts is an error at the record's field, so the minutes never
print other figures than the 评定意见. Data from strangers (the web service) does not
make docgen open files it names: the file is then not read and a warning says so.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from docgen.data.appraisal_results import build_results
from docgen.data.linked_file import LinkedFile
from docgen.data.models.appraisal import DemocraticAppraisal
from docgen.data.models.org_life import Appraisal
from docgen.exceptions import DataError, Location, Problem

_APPRAISAL_FILE = LinkedFile(
    "appraisal_file",
    "评议数据文件",
    "appraisal file",
    "请直接填写测评结果",
    "state the results instead",
    "民主评议数据文件",
    "本文件",
    "record",
)


def attach_appraisal(model: BaseModel, folder: Path, allowed: bool) -> list[Problem]:
    """Fill ``model.democratic_appraisal`` from its ``appraisal_file``; the problems found."""
    appraisal = getattr(model, "democratic_appraisal", None)
    if not isinstance(appraisal, Appraisal) or not appraisal.appraisal_file:
        return []
    name = appraisal.appraisal_file
    target = folder / name
    where = Location(file=str(target))
    problem = _APPRAISAL_FILE.refused(name, where, allowed) or _APPRAISAL_FILE.missing(
        name, folder, where
    )
    if problem is not None:
        return [problem]
    from docgen.data.api import load_data  # the same door, for the appraisal's own checks

    try:
        loaded = load_data(target)
    except DataError as err:
        return [
            Problem(
                "appraisal_file_invalid",
                f"评议数据文件“{name}”有误：{err.message_zh}",
                f"the appraisal file {name!r} is invalid: {err.message_en}",
                where,
            )
        ]
    if not isinstance(loaded, DemocraticAppraisal):
        return [
            Problem(
                "appraisal_file_kind",
                f"评议数据文件“{name}”不是民主评议数据（应为 kind: appraisal）",
                f"the appraisal file {name!r} is not kind: appraisal",
                where,
            )
        ]
    return _fill(appraisal, loaded, where)


def _fill(appraisal: Appraisal, loaded: DemocraticAppraisal, where: Location) -> list[Problem]:
    results = build_results(loaded, loaded.checked_config)
    rated = len(results.members)  # 参评党员: the members rated
    counts = results.counts()
    decided = any(m.grade for m in results.members)
    excellent = [m.member.name for m in results.graded("优秀")]
    problems = []
    stated = appraisal.participants
    if stated is None:
        appraisal.participants = rated
    elif stated != rated:
        problems.append(_contradiction("participants", f"参评人数{stated}", f"{rated}人", where))
    if decided:
        given = dict(appraisal.results)
        if not given:
            appraisal.results = counts
        elif any(given.get(g, 0) != n for g, n in counts.items()):
            problems.append(_contradiction("results", "测评结果", _counts(counts), where))
        if not appraisal.excellent:
            appraisal.excellent = excellent
    return problems


def _counts(counts: dict[str, int]) -> str:
    return "、".join(f"{g}{n}名" for g, n in counts.items())


def _contradiction(field: str, what: str, found: str, where: Location) -> Problem:
    return Problem(
        "appraisal_file_contradicts",
        f"民主评议的{what}与评议数据文件不一致（文件中为{found}）；请删去这一项，由文件填写",
        f"democratic_appraisal.{field} differs from the appraisal file ({found}); remove it",
        where,
    )


__all__ = ["attach_appraisal"]
