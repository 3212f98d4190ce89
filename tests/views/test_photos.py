"""The 影像资料 context: photos in pages of 2, 4 or 6, captions filled from the record."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from docgen.data import load_data
from docgen.data.models.minutes import Minutes
from docgen.views import context_for
from docgen.views.photos import NOT_READ
from tests.photos import jpeg

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "fixtures/school/xxgc-jg1/2026/minutes/2026-11-zhuti-dangri.yaml"


def _album(model: Minutes) -> dict[str, Any]:
    album = context_for(model)["album"]
    assert isinstance(album, dict)
    return album


def _sample(per_page: int | None = None) -> Minutes:
    model = load_data(SAMPLE)
    assert isinstance(model, Minutes)
    if per_page is not None:
        model.photos_per_page = per_page  # type: ignore[assignment]
    return model


@pytest.mark.parametrize(
    ("per_page", "shape"),
    [(2, [[1, 1], [1, 1], [1, 1]]), (4, [[2, 2], [2]]), (6, [[2, 2, 2]])],
)
def test_pages_hold_their_layouts_photos(per_page: int, shape: list[list[int]]) -> None:
    album = _album(_sample(per_page))
    found = [[len(row) for row in page["rows"]] for page in album["pages"]]
    assert found == shape
    assert album["per_page"] == per_page
    cells = [c for page in album["pages"] for row in page["rows"] for c in row.values()]
    images = [c["image"] for c in cells if c["image"] is not None]
    assert len(images) == 6  # each photo once, in order; a short last row has a blank cell
    assert len(cells) == 6


def test_captions_come_from_the_photo_the_camera_and_the_meeting() -> None:
    album = _album(_sample())
    first = album["pages"][0]["rows"][0]["left"]
    assert first["time"] == "时间：2026年11月18日 14:30"  # the camera's
    assert first["place"] == "地点：学生公寓5号楼党员活动站"  # the meeting's
    assert first["content"] == "内容：党员活动站重温入党誓词"
    assert (
        first["caption"] == "党员活动站重温入党誓词，2026年11月18日 14:30，学生公寓5号楼党员活动站"
    )
    third = album["pages"][0]["rows"][1]["left"]
    assert third["place"] == "地点：学生公寓5号楼312宿舍"  # the photo's own
    assert album["title"].endswith("2026年11月主题党日活动影像资料")
    assert album["intro"].endswith("共6张照片。")


def test_a_photo_not_read_keeps_its_place_with_a_note() -> None:
    model = Minutes.model_validate(
        {
            "会议类型": "主题党日",
            "时间": "2026-11-18 14:30",
            "影像资料": [{"照片": "a.jpg", "时间": "下午"}],
        }
    )
    cell = _album(model)["pages"][0]["rows"][0]["left"]
    assert cell["image"] is None
    assert cell["missing"] == NOT_READ
    assert cell["time"] == "时间：下午"
    assert cell["place"] == ""


def test_no_photos_prints_only_the_intro() -> None:
    model = Minutes.model_validate({"会议类型": "党课", "时间": "2026-03-18"})
    album = _album(model)
    assert album["pages"] == []
    assert album["intro"] == "会议时间：2026年3月18日。暂无照片。"


def test_the_meeting_time_stands_in_when_the_camera_says_nothing() -> None:
    model = Minutes.model_validate(
        {
            "会议类型": "主题党日",
            "时间": {"开始": "2026-11-18 14:30", "结束": "16:00"},
            "照片": ["a.jpg"],
        }
    )
    model.photos[0].attach(jpeg(None), None)
    cell = _album(model)["pages"][0]["rows"][0]["left"]
    assert cell["time"] == "时间：2026年11月18日 14:30至16:00"
    assert cell["image"] is not None
    model.photos[0].attach(jpeg(None), dt.datetime(2026, 11, 18, 15, 2))
    assert _album(model)["pages"][0]["rows"][0]["left"]["time"] == "时间：2026年11月18日 15:02"
