"""The 影像资料页 of a meeting: its photos in pages of 2, 4 or 6, each with its caption.

A part of the minutes context (``album``), like the 签到表's ``signin``: the page is
printed from the same record. Each photo's caption reads 时间 (the photo's own, else the
camera's, else the meeting's), 地点 (the photo's, else the meeting's) and 内容; the
caption is also the picture's alternative text. A photo whose file was not read (data
from the web service) keeps its place and caption with a note instead of the picture.
The grid itself is :class:`docgen.style.photos.PhotoGrid`.
"""

from __future__ import annotations

from typing import Any

from docgen.data.models.minutes import Minutes
from docgen.data.models.photo import MeetingPhoto
from docgen.views.common import date_text

#: Where a picture stands that was not read.
NOT_READ = "（照片未读取）"


def album_context(model: Minutes, title: str, meeting_time: str) -> dict[str, Any]:
    """``album``: the page's ``title``, the ``intro`` line, ``per_page`` and the ``pages``.

    ``title`` is the minutes' title (its closing 记录 becomes 影像资料); ``meeting_time``
    the meeting's time as the record prints it.
    """
    per_page = model.photos_per_page
    columns = 1 if per_page == 2 else 2
    cells = [_cell(model, p, meeting_time) for p in model.photos]
    rows = [cells[i : i + columns] for i in range(0, len(cells), columns)]
    pages = []
    for start in range(0, len(rows), per_page // columns):
        chunk = rows[start : start + per_page // columns]
        pages.append({"rows": [_row(r, columns) for r in chunk]})
    name = title.removesuffix("记录")
    return {
        "title": f"{name}影像资料",
        "intro": _intro(model, meeting_time, len(cells)),
        "per_page": per_page,
        "count": len(cells),
        "pages": pages,
    }


def _intro(model: Minutes, meeting_time: str, count: int) -> str:
    """“会议时间：…；地点：…。共6张照片。” — the 说明 line above the grid."""
    where = f"，地点：{model.location}" if model.location else ""
    shown = f"共{count}张照片。" if count else "暂无照片。"
    return f"会议时间：{meeting_time}{where}。{shown}"


def _cell(model: Minutes, photo: MeetingPhoto, meeting_time: str) -> dict[str, Any]:
    taken = photo.taken
    when = photo.time or (f"{date_text(taken)} {taken:%H:%M}" if taken else meeting_time)
    place = photo.place or model.location or ""
    content = photo.content or ""
    caption = "，".join(t for t in (content, when, place) if t)
    return {
        "image": photo.blob,
        "caption": caption,
        "missing": "" if photo.blob is not None else NOT_READ,
        "time": f"时间：{when}",
        "place": f"地点：{place}" if place else "",
        "content": f"内容：{content}" if content else "",
    }


def _row(cells: list[dict[str, Any]], columns: int) -> dict[str, Any]:
    blank = {"image": None, "caption": "", "missing": "", "time": "", "place": "", "content": ""}
    left = cells[0]
    right = cells[1] if len(cells) > 1 else blank
    return {"left": left, "right": right} if columns == 2 else {"left": left}


__all__ = ["NOT_READ", "album_context"]
