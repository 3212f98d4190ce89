"""Reading a meeting's photos (影像资料) beside its record, and checking their camera dates.

A minutes record lists its photos in ``photos`` (影像资料), each file relative to the
record's folder. They are read when the record is validated, through the same guard
as every picture named in data (:func:`docgen.engine.rich.sources.read_allowed`: a
regular JPEG/PNG/GIF file inside that folder, no absolute path, no ``..``, no symlink
leading out, at most 20 MB), and kept with the record for the 影像资料页
(``reports/yingxiang-ziliao``), so a bundle or a batch places them as ``docgen render``
does. Data from strangers (the web service) opens no file: the photos are not read and
a warning says so.

The camera's date (EXIF ``DateTimeOriginal``, read with Pillow) of a photo taken on
another day than the meeting is a warning naming the photo and both dates: a picture of
last month's activity filed under this month's record is the usual slip.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from docgen.data.models.minutes import Minutes
from docgen.data.rules.base import Finding
from docgen.exceptions import DocgenError
from docgen.i18n import language
from docgen.zh import format_date

#: EXIF tags: DateTimeOriginal in the Exif IFD, else the file's DateTime.
_EXIF_IFD = 0x8769
_DATE_TIME_ORIGINAL = 36867
_DATE_TIME = 306


def attach_photos(model: Minutes, folder: Path | None, *, allowed: bool = True) -> list[Finding]:
    """Read each of ``model.photos`` from ``folder`` (the record file's; ``None`` for data
    that is no file) and keep it with the photo.

    Returns the findings at the record's fields: a photo that cannot be read (an error),
    a camera date that is not the meeting's (a warning), photos not read for strangers or
    for data without a folder (a warning). A photo a program attached itself is kept.
    """
    if not model.photos or all(p.blob is not None for p in model.photos):
        return []
    if folder is None:
        return [
            Finding(
                "photos_not_read",
                "影像资料中的照片未读取：数据不是从文件读取的，没有可以查找照片的文件夹",
                "the photos were not read: the data is not a file, so there is no folder "
                "to find them in",
                ("photos",),
                "warning",
            )
        ]
    if not allowed:
        return [
            Finding(
                "photos_not_read",
                "影像资料中的照片未读取：此处不按数据打开文件；"
                "请在本机用 docgen render 生成影像资料页",
                "the photos were not read: data here cannot open files; render the photo page "
                "on your own computer with docgen render",
                ("photos",),
                "warning",
            )
        ]
    days = _meeting_days(model)
    findings: list[Finding] = []
    for n, photo in enumerate(model.photos):
        path = ("photos", n, "file")
        if photo.blob is not None:
            continue
        try:
            blob = _read(photo.file, folder)
        except _Unreadable as err:
            findings.append(Finding("photo_unreadable", err.zh, err.en, path))
            continue
        taken = camera_time(blob)
        photo.attach(blob, taken)
        if taken is not None and taken.date() not in days:
            shot, held = format_date(taken.date()), format_date(model.day)
            findings.append(
                Finding(
                    "photo_date_differs",
                    f"照片 {photo.file} 的拍摄日期 {shot} 与会议日期 {held} 不同；"
                    "请核对是否本次会议的照片",
                    f"photo {photo.file} was taken on {taken.date().isoformat()}, not on the "
                    f"meeting's day {model.day.isoformat()}; check it belongs to this meeting",
                    path,
                    "warning",
                )
            )
    return findings


def camera_time(blob: bytes) -> dt.datetime | None:
    """When the camera took the picture (EXIF DateTimeOriginal, else DateTime), if recorded."""
    from PIL import Image, UnidentifiedImageError  # deferred: only records with photos pay

    try:
        with Image.open(io.BytesIO(blob)) as image:
            exif = image.getexif()
    except (UnidentifiedImageError, OSError, ValueError):
        return None
    raw = exif.get_ifd(_EXIF_IFD).get(_DATE_TIME_ORIGINAL) or exif.get(_DATE_TIME)
    try:
        return dt.datetime.strptime(str(raw).strip("\x00 "), "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None  # absent, or a camera that wrote zeros or rubbish


class _Unreadable(Exception):
    def __init__(self, zh: str, en: str) -> None:
        super().__init__(zh)
        self.zh, self.en = zh, en


def _read(name: str, folder: Path) -> bytes:
    """The picture ``name`` in ``folder``; the guard's reason (in both languages) when it is
    refused, and a file that is no picture refused too."""
    # Deferred: reading data must not load the rich-content engine unless photos are named.
    from docgen.engine.images import read_image
    from docgen.engine.rich.sources import read_allowed

    try:
        with language("zh"):
            blob = read_allowed(name, folder, "照片")
    except ValueError as err:
        with language("en"):
            try:
                read_allowed(name, folder, "photo")
                en = str(err)
            except ValueError as again:
                en = str(again)
        # The guard speaks of the image folder; for a record that is the record's own folder.
        raise _Unreadable(
            f"{err}（照片须放在本记录文件所在的文件夹或其子文件夹中）",
            f"{en} (photos belong in the record file's folder or below it)",
        ) from err
    try:
        read_image(blob)
    except DocgenError as err:
        zh, en = f"照片 {name}：{err.message_zh}", f"photo {name}: {err.message_en}"
        raise _Unreadable(zh, en) from err
    return blob


def _meeting_days(model: Minutes) -> set[dt.date]:
    """The days the meeting spans (most meetings: one)."""
    end = model.time.end
    last = (end.date() if isinstance(end, dt.datetime) else end) if end is not None else model.day
    days = max((last - model.day).days, 0)
    return {model.day + dt.timedelta(days=n) for n in range(days + 1)}


__all__ = ["attach_photos", "camera_time"]
