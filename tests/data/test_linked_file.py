"""The checks before a file that data names is read (docgen.data.linked_file), as the
民主评议's 统计表文件 and a 组织生活会's 评议数据文件 use them: the same two checks, each
kind's own words."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.data.appraisal_link import attach_appraisal
from docgen.data.appraisal_tally import attach_tally
from docgen.data.models.appraisal import DemocraticAppraisal, Tally
from docgen.data.models.org_life import Appraisal, OrgLifeMeeting
from docgen.exceptions import Problem


def _tally(folder: Path, name: str, allowed: bool, tally: Tally | None = None) -> list[Problem]:
    model = DemocraticAppraisal(year=2026, members=[], tally_file=name, tally=tally)
    return attach_tally(model, folder, allowed)


def _record(folder: Path, name: str, allowed: bool) -> list[Problem]:
    model = OrgLifeMeeting.model_construct(democratic_appraisal=Appraisal(appraisal_file=name))
    return attach_appraisal(model, folder, allowed)


def _seen(problems: list[Problem]) -> list[tuple[str, str, str, str, str | None]]:
    return [(p.severity, p.code, p.message_zh, p.message_en, p.location.file) for p in problems]


def test_not_read_for_strangers(tmp_path: Path) -> None:
    """Not allowed to open files: a warning naming the file and what to do instead, even
    when the file is there."""
    (tmp_path / "表.xlsx").write_bytes(b"")
    assert _seen(_tally(tmp_path, "表.xlsx", allowed=False)) == [
        (
            "warning",
            "tally_file_not_read",
            "统计表文件“表.xlsx”未读取（此处不读取数据中指定的文件）；请上传填好的统计表",
            "tally file '表.xlsx' was not read here; upload the filled workbook",
            str(tmp_path / "表.xlsx"),
        )
    ]
    assert _seen(_record(tmp_path, "评议.yaml", allowed=False)) == [
        (
            "warning",
            "appraisal_file_not_read",
            "评议数据文件“评议.yaml”未读取（此处不读取数据中指定的文件）；请直接填写测评结果",
            "appraisal file '评议.yaml' was not read here; state the results instead",
            str(tmp_path / "评议.yaml"),
        )
    ]


@pytest.mark.parametrize("name", ["无.xlsx", "../表.xlsx", "子/"])
def test_missing_or_outside_the_folder(tmp_path: Path, name: str) -> None:
    """Absent, outside the folder (even when it exists there) or a folder: an error."""
    (tmp_path.parent / "表.xlsx").write_bytes(b"")
    (tmp_path / "子").mkdir()
    assert _seen(_tally(tmp_path, name, allowed=True)) == [
        (
            "error",
            "tally_file_missing",
            f"找不到统计表文件“{name}”；请把填好的测评统计表放在数据文件所在文件夹（或其子文件夹）中",
            f"tally file {name!r} not found beside the data file",
            str(tmp_path / name),
        )
    ]
    assert _seen(_record(tmp_path, name, allowed=True)) == [
        (
            "error",
            "appraisal_file_missing",
            f"找不到评议数据文件“{name}”；请把民主评议数据文件放在本文件所在文件夹（或其子文件夹）中",
            f"appraisal file {name!r} not found beside the record",
            str(tmp_path / name),
        )
    ]


def test_a_tally_given_twice_is_found_before_the_file(tmp_path: Path) -> None:
    """The tally's own check stays between the two: a missing file given beside a typed
    tally is reported as given twice; not allowed, only the warning."""
    assert [p.code for p in _tally(tmp_path, "无.xlsx", True, Tally())] == ["tally_twice"]
    assert [p.code for p in _tally(tmp_path, "无.xlsx", False, Tally())] == ["tally_file_not_read"]
