"""The period's records in binding order, and the records of another branch."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from docgen.binding.period import Period
from docgen.binding.records import data_files, read_records
from docgen.binding.selection import select
from tests.binding.conftest import BRANCH, q3_files

MakeFolder = Callable[[Iterable[Path]], Path]


def _meeting(folder: Path, name: str, kind: str, day: str, branch: str = "xxgc-jg1") -> None:
    (folder / name).write_text(
        f"kind: minutes\nmeeting_type: {kind}\nbranch: {branch}\n"
        f"time: {{start: {day}T16:00}}\nagenda: [通报近期工作]\n",
        encoding="utf-8",
    )


def test_sample_quarter_in_date_order() -> None:
    chosen = select(read_records(q3_files()).records, Period(2026, 3))
    days = [r.day for r in chosen.records]
    assert days == sorted(days)
    assert len(days) == 17
    assert (chosen.branch, chosen.strangers) == (BRANCH, [])
    # The quarter before has records of its own, none of them in this one.
    assert select(read_records(q3_files()).records, Period(2026, 2)).records == []


def test_one_day_in_the_order_of_the_regulations(records_folder: MakeFolder) -> None:
    """Same day: 支部党员大会, 支委会, 党小组会, 党课, 主题党日; equal types by file name."""
    folder = records_folder([])
    for name, kind in (
        ("a.yaml", "主题党日"),
        ("b.yaml", "党课"),
        ("c.yaml", "党小组会"),
        ("d.yaml", "支委会"),
        ("e.yaml", "支部党员大会"),
        ("f.yaml", "支委会"),
    ):
        _meeting(folder, name, kind, "2026-09-23")  # fmt: skip
    _meeting(folder, "z.yaml", "主题党日", "2026-09-22")
    chosen = select(read_records(data_files([folder])).records, Period(2026, 3))
    assert [r.path.name for r in chosen.records] == [
        "z.yaml", "e.yaml", "d.yaml", "f.yaml", "c.yaml", "b.yaml", "a.yaml"
    ]  # fmt: skip


def test_a_record_of_another_branch_is_named(records_folder: MakeFolder) -> None:
    folder = records_folder(q3_files()[:3])
    _meeting(folder, "zz-other.yaml", "支委会", "2026-08-02", "信息工程学院学生第二党支部")
    chosen = select(read_records(data_files([folder])).records, Period(2026, 3))
    assert chosen.branch == BRANCH
    assert len(chosen.records) == 3
    (problem,) = chosen.strangers
    assert (problem.location.file, problem.field_path) == (str(folder / "zz-other.yaml"), "branch")
    assert problem.message_zh == (
        f"党支部为“信息工程学院学生第二党支部”，与本期其他 3 份记录的“{BRANCH}”不同；"
        "一本合订本只装订一个党支部的记录，请把它移出该文件夹或改正党支部"
    )


def test_a_record_without_branch_is_bound_with_the_others(records_folder: MakeFolder) -> None:
    folder = records_folder(q3_files()[:2])
    (folder / "bare.yaml").write_text(
        "kind: minutes\nmeeting_type: 支委会\ntime: {start: 2026-08-03T16:00}\n", encoding="utf-8"
    )
    chosen = select(read_records(data_files([folder])).records, Period(2026, 3))
    assert (len(chosen.records), chosen.branch, chosen.strangers) == (3, BRANCH, [])
