"""A record's photos read beside it: camera dates checked against the meeting, paths that
leave the record's folder refused at the photo's field, nothing opened for strangers."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from docgen.data.models.minutes import Minutes
from docgen.data.photo_files import camera_time
from docgen.data.pipeline import LoadResult, Session
from tests.data.conftest import REPO
from tests.photos import jpeg

MEETING = dt.datetime(2026, 11, 18, 14, 30)


def _record(folder: Path, photos: str, extra: str = "") -> Path:
    path = folder / "m.yaml"
    path.write_text(
        "kind: minutes\nmeeting_type: 主题党日\ntime: {start: 2026-11-18T14:30, end: 16:40}\n"
        f"location: 学生公寓5号楼党员活动站\n影像资料:\n{photos}{extra}",
        encoding="utf-8",
    )
    return path


def _load(path: Path, strangers: bool = False) -> LoadResult:
    return Session(find_branch_files=not strangers).load(path)


def _photo_problems(result: LoadResult) -> list[tuple[str, str | None, str]]:
    return [
        (p.code, p.field_path, p.severity) for p in result.problems if p.code.startswith("photo")
    ]


def test_photos_are_read_with_their_camera_time(tmp_path: Path) -> None:
    (tmp_path / "照片").mkdir()
    (tmp_path / "照片" / "1.jpg").write_bytes(jpeg(MEETING.replace(minute=52)))
    (tmp_path / "照片" / "2.jpg").write_bytes(jpeg(None))
    result = _load(_record(tmp_path, "  - 照片/1.jpg\n  - {照片: 照片/2.jpg, 内容: 合影}\n"))
    assert _photo_problems(result) == []
    assert isinstance(result.model, Minutes)
    first, second = result.model.photos
    assert first.blob == (tmp_path / "照片" / "1.jpg").read_bytes()
    assert first.taken == MEETING.replace(minute=52)
    assert second.taken is None  # no EXIF date: nothing to compare, no warning
    assert second.content == "合影"


def test_a_camera_date_off_the_meeting_day_is_a_warning_naming_both(tmp_path: Path) -> None:
    (tmp_path / "a.jpg").write_bytes(jpeg(dt.datetime(2026, 11, 17, 9, 0)))
    (tmp_path / "b.jpg").write_bytes(jpeg(MEETING))
    result = _load(_record(tmp_path, "  - a.jpg\n  - b.jpg\n"))
    assert _photo_problems(result) == [("photo_date_differs", "photos[0].file", "warning")]
    problem = next(p for p in result.problems if p.code == "photo_date_differs")
    assert problem.message_zh == (
        "照片 a.jpg 的拍摄日期 2026年11月17日 与会议日期 2026年11月18日 不同；"
        "请核对是否本次会议的照片"
    )
    assert "2026-11-17" in problem.message_en
    assert "2026-11-18" in problem.message_en
    assert problem.location.line == 6  # the photo's own line of the record
    assert result.errors == []  # a warning: the record still renders


def test_a_meeting_over_two_days_accepts_photos_of_both(tmp_path: Path) -> None:
    (tmp_path / "a.jpg").write_bytes(jpeg(dt.datetime(2026, 11, 19, 9, 0)))
    path = tmp_path / "m.yaml"
    path.write_text(
        "kind: minutes\nmeeting_type: 党课\n"
        "time: {start: 2026-11-18T14:30, end: 2026-11-19T11:00}\nphotos: [a.jpg]\n",
        encoding="utf-8",
    )
    assert _photo_problems(_load(path)) == []


@pytest.mark.parametrize(
    ("name", "needle"),
    [
        ("../outside.jpg", "不在图片文件夹内"),
        ("/etc/passwd", "不在图片文件夹内"),
        ("link.jpg", "符号链接"),
        ("missing.jpg", "找不到照片"),
        ("not-a-picture.jpg", "图片格式不受支持"),
    ],
)
def test_a_photo_outside_the_records_folder_is_refused(
    tmp_path: Path, name: str, needle: str
) -> None:
    """Only files inside the record's folder are opened: no absolute path, no .., no
    symlink out, no file that is not a picture; each is an error at the photo."""
    record = tmp_path / "record"
    record.mkdir()
    (tmp_path / "outside.jpg").write_bytes(jpeg(MEETING))
    os.symlink(tmp_path / "outside.jpg", record / "link.jpg")
    (record / "not-a-picture.jpg").write_text("口令", encoding="utf-8")
    result = _load(_record(record, f"  - {name}\n"))
    assert _photo_problems(result) == [("photo_unreadable", "photos[0].file", "error")]
    problem = next(p for p in result.problems if p.code == "photo_unreadable")
    assert needle in problem.message_zh, problem.message_zh
    assert problem.message_en
    assert problem.message_en != problem.message_zh


def test_a_session_for_strangers_opens_no_photo(tmp_path: Path) -> None:
    (tmp_path / "a.jpg").write_bytes(jpeg(MEETING))
    result = _load(_record(tmp_path, "  - a.jpg\n"), strangers=True)
    assert _photo_problems(result) == [("photos_not_read", "photos", "warning")]
    assert isinstance(result.model, Minutes)
    assert result.model.photos[0].blob is None


def test_photos_per_page_is_two_four_or_six(tmp_path: Path) -> None:
    (tmp_path / "a.jpg").write_bytes(jpeg(MEETING))
    result = _load(_record(tmp_path, "  - a.jpg\n", "每页照片数: 5\n"))
    assert [p.field_path for p in result.errors] == ["photos_per_page"]


def test_camera_time_reads_date_time_original_and_ignores_rubbish() -> None:
    assert camera_time(jpeg(dt.datetime(2026, 3, 5, 8, 9, 10))) == dt.datetime(2026, 3, 5, 8, 9, 10)
    assert camera_time(jpeg(None)) is None
    assert camera_time(b"not a picture") is None


def test_sample_school_photos_match_their_meeting() -> None:
    record = REPO / "fixtures/school/xxgc-jg1/2026/minutes/2026-11-zhuti-dangri.yaml"
    result = Session().load(record)
    assert _photo_problems(result) == []
    assert isinstance(result.model, Minutes)
    assert len(result.model.photos) == 6
    assert all(
        p.blob and p.taken and p.taken.date() == result.model.day for p in result.model.photos
    )
    assert all(len(p.blob or b"") < 20_000 for p in result.model.photos)  # small fixtures
