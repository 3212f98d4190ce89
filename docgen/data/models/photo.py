"""A photo of a meeting (影像资料): the picture file beside the record and its caption."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import PrivateAttr, model_validator

from docgen.data.fields import DocModel, zh


class MeetingPhoto(DocModel):
    """One photo: ``file`` 照片 (relative to the record's folder), ``time`` 拍摄时间,
    ``place`` 地点, ``content`` 内容. A bare text is the file.

    The picture itself is read when the record is validated
    (:mod:`docgen.data.photo_files`), never from data sent by strangers.
    """

    file: str = zh("照片", "文件", "图片", description="照片文件（JPEG/PNG，相对本文件所在文件夹）")
    time: str | None = zh(
        "拍摄时间", "时间", default=None, description="说明中的时间；缺省取照片的拍摄时间"
    )
    place: str | None = zh("地点", "拍摄地点", default=None, description="缺省为会议地点")
    content: str | None = zh("内容", "说明", default=None, description="照片内容说明")

    _blob: bytes | None = PrivateAttr(default=None)
    _taken: dt.datetime | None = PrivateAttr(default=None)

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        return {"file": str(data)} if isinstance(data, str) else data

    @property
    def blob(self) -> bytes | None:
        """The picture's bytes, once read beside the record (``None``: not read)."""
        return self._blob

    @property
    def taken(self) -> dt.datetime | None:
        """When the camera says it was taken (EXIF), when read and recorded."""
        return self._taken

    def attach(self, blob: bytes, taken: dt.datetime | None) -> None:
        """Keep the picture read for this photo and its EXIF time."""
        self._blob, self._taken = blob, taken


__all__ = ["MeetingPhoto"]
