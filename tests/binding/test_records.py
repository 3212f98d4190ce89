"""Which files of a folder are records, the template each is rendered with, its 目录 line."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

import yaml

from docgen.binding.records import RECORD_TEMPLATES, data_files, read_records
from docgen.bundle.builtin import find_bundle
from tests.binding.conftest import BRANCH, MINUTES, SCHOOL, q3_files

MakeFolder = Callable[[Iterable[Path]], Path]


def test_record_templates_are_the_bundles() -> None:
    """Each type is rendered with the template the 会议纪实 bundle gives it (one choice)."""
    recipe = yaml.safe_load(find_bundle("huiyi-jishi").read_text(encoding="utf-8"))
    chosen = {}
    for step in recipe["steps"]:
        if "attachment_of" not in step:
            found = re.fullmatch(r"type == '(.+)'", step["when"])
            assert found is not None, step["when"]
            chosen[found.group(1)] = step["template"]
    assert chosen == RECORD_TEMPLATES


def test_sample_quarter_is_read_whole() -> None:
    reading = read_records(q3_files())
    assert (len(reading.records), reading.problems) == (17, [])
    assert {r.branch for r in reading.records} == {BRANCH}


def test_entries_name_date_type_and_topic() -> None:
    by_name = {r.path.name: r for r in read_records(q3_files()).records}
    # A 党课 by its 题目, on one line when it fits.
    assert by_name["2026-09-dangke.yaml"].entry == "9月9日\u3000党课\u3000以教育家精神铸魂强师"
    # A meeting of several 议题 by its first, the type with its 党小组, the topic below.
    assert by_name["2026-07-dangxiaozu-1.yaml"].entry == (
        "7月3日\u3000党小组会（第一党小组）\n学习领会七一讲话精神等2项议题"
    )
    assert by_name["2026-09-zhiweihui.yaml"].topic == "研究“三联三促”党建品牌项目申报方案等3项议题"
    # A 主题党日 by its 主题.
    assert by_name["2026-07-zhuti-dangri.yaml"].topic == "庆祝中国共产党成立105周年"


def test_a_record_without_agenda_is_listed_by_its_title(records_folder: MakeFolder) -> None:
    folder = records_folder([])
    (folder / "a.yaml").write_text(
        "kind: minutes\nmeeting_type: 支委会\nbranch: xxgc-jg1\ntime: {start: 2026-07-20T16:00}\n",
        encoding="utf-8",
    )
    (record,) = read_records(data_files([folder])).records
    assert record.topic == f"{BRANCH}2026年7月支委会记录"


def test_folder_files(tmp_path: Path) -> None:
    """A folder's own data files by name: not its subfolders, hidden or lock files, photos."""
    for name in ("b.yaml", "a.xlsx", ".hidden.yaml", "~$a.xlsx", "photo.jpg", "notes.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.yaml").write_text("x", encoding="utf-8")
    single = tmp_path / "sub" / "c.yaml"
    assert data_files([tmp_path, single]) == [tmp_path / "a.xlsx", tmp_path / "b.yaml", single]


def test_roster_and_sign_in_exports_are_not_records(records_folder: MakeFolder) -> None:
    """A branch roster in the folder serves the records; a record's 签到文件 is read as part
    of it. Neither is bound, and neither is an error."""
    folder = records_folder([MINUTES / "2026-11-dangyuan-dahui.yaml"])
    (folder / "xxgc-jg1.yaml").write_bytes((SCHOOL / "branches" / "xxgc-jg1.yaml").read_bytes())
    record = folder / "2026-11-dangyuan-dahui.yaml"
    text = record.read_text(encoding="utf-8")
    sheet = (MINUTES.parent / "signin" / "2026-11-dangyuan-dahui.csv").read_bytes()
    (folder / "signin.csv").write_bytes(sheet)
    record.write_text(re.sub(r"(?m)^sign_in_file:.*$", "sign_in_file: signin.csv", text),
                      encoding="utf-8")  # fmt: skip
    assert "sign_in_file: signin.csv" in record.read_text(encoding="utf-8")
    reading = read_records(data_files([folder]))
    assert reading.problems == []
    assert [r.path.name for r in reading.records] == ["2026-11-dangyuan-dahui.yaml"]
