"""The volume as a library call: its parts, cover and 目录, every failure at once, nothing
written on failure, ``keep_going``, and the same bytes with ``deterministic``.

These bind without a layout (``paginate=False``); tests/binding/test_pdf.py lays the volume
out with LibreOffice and reads the printed page numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from docgen.binding import Period, bind_records, bind_to_file
from docgen.exceptions import DataError
from tests.binding.conftest import BRANCH, MINUTES, q3_files
from tests.templates.reading import Docx

MakeFolder = Callable[[Iterable[Path]], Path]
Q3 = Period(2026, 3)


def _texts(blob: bytes) -> list[str]:
    return [p.text for p in Docx(blob).paragraphs() if p.text.strip()]


def test_sample_quarter_bound_with_cover_and_contents() -> None:
    volume = bind_records(MINUTES, Q3, paginate=False, deterministic=True)
    assert (volume.title, volume.branch, len(volume.records)) == (
        "2026年第三季度“三会一课”记录", BRANCH, 17
    )  # fmt: skip
    texts = _texts(volume.docx)
    # Cover: title, branch, the span of the meetings, the count; then the 目录.
    assert texts[:5] == ["2026年第三季度“三会一课”记录", BRANCH, "2026年7月1日至9月23日",
                         "共17份记录", "目　录"]  # fmt: skip
    # Without a layout only the first entry's page is known (the first record's page 1).
    entries = [t.split("\t")[0].replace("\n", "") for t in texts[5 : 5 + 17]]
    assert entries == [r.entry.replace("\n", "") for r in volume.records]
    assert texts[5].endswith("\t1")
    assert texts[6].endswith("\t")
    # Each record's title follows, in the 目录's order.
    flat = [t.replace("\n", "") for t in texts]
    at = 5 + 17
    for record in volume.records:
        at = flat.index(record.title, at) + 1
    assert (
        Docx(volume.docx)
        .parts["docProps/core.xml"]
        .decode()
        .count(f"{BRANCH}2026年第三季度“三会一课”记录")
        == 1
    )


def test_deterministic_volume_is_the_same_bytes() -> None:
    first = bind_records(q3_files()[:4], Q3, paginate=False, deterministic=True).docx
    again = bind_records(q3_files()[:4], Q3, paginate=False, deterministic=True).docx
    assert first == again


def test_title_and_year(records_folder: MakeFolder) -> None:
    folder = records_folder([*q3_files()[:2], MINUTES / "2026-12-zuzhi-shenghuohui.yaml"])
    volume = bind_records(folder, Period(2026), title="2026年党支部会议记录", paginate=False)
    assert _texts(volume.docx)[:4] == ["2026年党支部会议记录", BRANCH, "2026年7月2日至12月23日",
                                       "共3份记录"]  # fmt: skip


def test_every_failure_at_once_and_nothing_written(records_folder: MakeFolder,
                                                   tmp_path: Path) -> None:  # fmt: skip
    folder = records_folder(q3_files()[:3])
    (folder / "no-date.yaml").write_text(
        "kind: minutes\nmeeting_type: 支委会\nbranch: xxgc-jg1\nagenda: [研究工作]\n",
        encoding="utf-8",
    )
    speech = MINUTES.parents[3] / "library" / "speeches" / "qiyi-biaozhang.min.yaml"
    (folder / "speech.yaml").write_bytes(speech.read_bytes())
    (folder / "other.yaml").write_text(
        "kind: minutes\nmeeting_type: 支委会\nbranch: 信息工程学院学生第二党支部\n"
        "time: {start: 2026-08-02T16:00}\n",
        encoding="utf-8",
    )
    (folder / "life.yaml").write_text(
        "kind: minutes\nmeeting_type: 民主生活会\nbranch: xxgc-jg1\n"
        "time: {start: 2026-08-05T16:00}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out" / "合订本.docx"
    with pytest.raises(DataError) as caught:
        bind_to_file(folder, Q3, out, paginate=False)
    err = caught.value
    assert err.message_zh == (
        f"{folder} 的会议记录未装订：3 个文件有问题，没有写出任何文件"
        "（改正后重试；或加 --keep-going 跳过这些文件）"
    )
    lines = [p.describe() for p in err.problems]
    assert lines == [
        f"{folder}/life.yaml: meeting_type: 会议类型“民主生活会”没有会议记录模板，不能装订；"
        "可装订的会议类型：支部党员大会、支委会、党小组会、党课、主题党日、组织生活会 "
        "[no_record_template]",
        f"{folder}/no-date.yaml:1:1: time: 时间：缺少必填字段 [missing]",
        f"{folder}/other.yaml: branch: 党支部为“信息工程学院学生第二党支部”，与本期其他 3 份"
        f"记录的“{BRANCH}”不同；一本合订本只装订一个党支部的记录，请把它移出该文件夹或改正党支部 "
        "[mixed_branches]",
    ]
    assert not out.parent.exists()


def test_keep_going_binds_the_rest_and_lists_what_was_left(records_folder: MakeFolder,
                                                           tmp_path: Path) -> None:  # fmt: skip
    folder = records_folder(q3_files()[:3])
    (folder / "broken.yaml").write_text("kind: minutes\nmeeting_type: [\n", encoding="utf-8")
    done = bind_to_file(folder, Q3, tmp_path / "合订本", paginate=False, keep_going=True)
    assert done.docx == tmp_path / "合订本.docx"
    assert done.docx.is_file()
    assert len(done.volume.records) == 3
    assert {p.location.file for p in done.volume.skipped} == {str(folder / "broken.yaml")}


def test_an_empty_period_names_the_folder(records_folder: MakeFolder) -> None:
    folder = records_folder(q3_files())
    with pytest.raises(DataError) as caught:
        bind_records(folder, Period(2026, 4), paginate=False)
    assert caught.value.message_zh == (
        f"{folder}：2026年第四季度没有会议记录（读到的 17 份记录在2026年7月1日至2026年9月23日之间）"
    )
    empty = records_folder([]).parent / "empty"
    empty.mkdir()
    with pytest.raises(DataError) as caught:
        bind_records(empty, Q3, paginate=False)
    assert caught.value.message_zh == (
        f"{empty}：2026年第三季度没有会议记录（没有读到任何可装订的会议记录）"
    )


def test_records_start_on_right_hand_pages_unless_simplex() -> None:
    """Duplex (the default): every record's section begins on an odd page; simplex: none."""
    files = q3_files()[:3]
    duplex = Docx(bind_records(files, Q3, paginate=False).docx).parts["word/document.xml"]
    simplex = Docx(bind_records(files, Q3, paginate=False, duplex=False).docx)
    # The 目录 and the three records (the cover opens the volume).
    assert duplex.count(b'w:type w:val="oddPage"') == 4
    assert b"oddPage" not in simplex.parts["word/document.xml"]


def test_other_kinds_in_a_folder_are_passed_over_with_a_warning(
    records_folder: MakeFolder,
) -> None:
    """A branch's folder holds its plan and speeches beside the records: they are not bound,
    each named in a warning; a file of another kind named on its own is a problem."""
    folder = records_folder(q3_files()[:2])
    speech = MINUTES.parents[3] / "library" / "speeches" / "qiyi-biaozhang.min.yaml"
    (folder / "speech.yaml").write_bytes(speech.read_bytes())
    volume = bind_records(folder, Q3, paginate=False)
    assert len(volume.records) == 2
    assert [w.describe() for w in volume.warnings if w.code == "not_a_record"] == [
        f"{folder}/speech.yaml: kind: 不是会议记录（文种为 speech（讲话稿）），已跳过，未装订 "
        "[not_a_record]"
    ]
    with pytest.raises(DataError) as caught:
        bind_records([*q3_files()[:2], folder / "speech.yaml"], Q3, paginate=False)
    assert [p.describe() for p in caught.value.problems] == [
        f"{folder}/speech.yaml: kind: 不是会议记录（文种为 speech（讲话稿）），"
        "不能装订进会议记录合订本；请不要指定该文件，或写明 kind: minutes [not_a_record]"
    ]


def test_a_year_folder_without_records_points_at_its_subfolders() -> None:
    """The sample school keeps its records in 2026/minutes: binding 2026 says so."""
    year = MINUTES.parent
    with pytest.raises(DataError) as caught:
        bind_records(year, Q3, paginate=False)
    assert caught.value.message_zh == (
        f"{year}：2026年第三季度没有会议记录（没有读到任何可装订的会议记录；子文件夹不读，"
        "其中有数据文件的：minutes、signin，会议记录在其中时请指定该子文件夹）"
    )
