"""A recipe's watermarks: the recipe's own (every part and the merged volume) and a step's.

The text may use the recipe's variables (``{{ 阶段 }}稿``), so it is evaluated per
roster row; a picture is read once, when the recipe is loaded, from beside the recipe
(never from outside its folder: a recipe may come from a stranger through ``docgen
serve``). What a mark evaluates to takes part in the documents' data hashes, so
changing it renders the documents again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docgen.bundle.expressions import Text
from docgen.bundle.hashing import data_hash
from docgen.bundle.recipe import WatermarkSpec
from docgen.engine.images import read_image
from docgen.engine.rich.watermark import Watermark, valid_colour
from docgen.exceptions import BundleError, DocgenError

#: A watermark picture beside a recipe is at most this large.
MAX_IMAGE_BYTES = 5 * 1024 * 1024


class MarkProblem(Exception):
    """A watermark key that is wrong: which key (under ``watermark``) and why."""

    def __init__(self, key: str, zh: str, en: str) -> None:
        super().__init__(en)
        self.key, self.zh, self.en = key, zh, en


@dataclass(frozen=True)
class Mark:
    """A compiled watermark: its text pattern, or the picture's bytes, and how to draw it."""

    text: Text | None
    image: bytes | None = None
    diagonal: bool = False
    colour: str = "C0C0C0"
    size_pt: float | None = None
    washout: bool = True

    def evaluate(self, scope: Mapping[str, Any]) -> Watermark | None:
        """The watermark for one row (``None`` when its text comes out empty)."""
        if self.image is not None:
            return Watermark(image=self.image, washout=self.washout)
        assert self.text is not None  # noqa: S101 -- a mark has text or a picture
        value = self.text.evaluate(scope)
        text = "" if value is None else str(value).strip()
        if not text:
            return None
        try:
            return Watermark(
                text=text, diagonal=self.diagonal, colour=self.colour, size_pt=self.size_pt
            )
        except ValueError as err:  # pragma: no cover -- colour checked when loaded
            where = self.text.where.describe()
            raise BundleError(f"{where}: watermark: {err}", f"{where}: watermark: {err}") from err


def check_spec(spec: WatermarkSpec, base: Path) -> bytes | None:
    """Check ``spec`` (raise :class:`MarkProblem`); the picture's bytes when it has one."""
    if bool(spec.text.strip()) == (spec.image is not None):
        raise MarkProblem(
            "text",
            "水印应写 text（文字，如 草稿）或 image（图片文件）之一，不能都写或都不写",
            "a watermark needs either text (such as 草稿) or image (a picture file), not both",
        )
    if not valid_colour(spec.colour):
        raise MarkProblem(
            "colour",
            f"水印颜色“{spec.colour}”无效：请写六位十六进制颜色，如 C0C0C0",
            f"watermark colour {spec.colour!r} is not valid: write six hex digits, e.g. C0C0C0",
        )
    if spec.image is None:
        return None
    return _read_picture(spec.image, base)


def _read_picture(name: str, base: Path) -> bytes:
    path = (base / name).resolve()
    if Path(name).is_absolute() or not path.is_relative_to(base.resolve()):
        raise MarkProblem(
            "image",
            f"水印图片“{name}”应放在配方所在文件夹内（写相对路径，不能用 .. 或绝对路径）",
            f"the watermark picture {name!r} must be inside the recipe's folder (a relative "
            "path without ..)",
        )
    try:
        if path.stat().st_size > MAX_IMAGE_BYTES:
            raise MarkProblem(
                "image",
                f"水印图片“{name}”过大（上限 {MAX_IMAGE_BYTES // 1024 // 1024} MB）",
                f"the watermark picture {name!r} is too large "
                f"(limit {MAX_IMAGE_BYTES // 1024 // 1024} MB)",
            )
        blob = path.read_bytes()
    except OSError as err:
        raise MarkProblem(
            "image",
            f"无法读取水印图片“{name}”：{err.strerror}；请检查文件名（相对配方文件）",
            f"cannot read the watermark picture {name!r}: {err.strerror}; check the name "
            "(relative to the recipe)",
        ) from err
    try:
        read_image(blob)
    except DocgenError as err:
        raise MarkProblem(
            "image", f"水印图片“{name}”：{err.message_zh}", f"watermark picture {name!r}: "
            f"{err.message_en}",
        ) from err  # fmt: skip
    return blob


def mark_tag(mark: Watermark | None) -> str:
    """A short stable string of ``mark`` for data hashes (empty for none)."""
    return "" if mark is None else "watermark:" + data_hash(mark)


__all__ = ["MAX_IMAGE_BYTES", "Mark", "MarkProblem", "check_spec", "mark_tag"]
