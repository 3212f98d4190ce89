"""Size bounds checked before any file is read, so a huge input never reaches memory."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from docgen.exceptions import InputTooLargeError, Location, Problem

_MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """How much docgen reads from one data file.

    ``max_file_bytes`` bounds any file on disk (50 MB). For XLSX archives the zip
    directory is checked first: the expanded total (``max_unzipped_bytes``), the
    number of members, and the expansion ratio of the archive
    (``max_ratio``, applied once the expanded size passes ``ratio_floor_bytes``,
    since small archives of repetitive XML legitimately compress well).
    ``max_nodes`` bounds the values built from one YAML/JSON document (YAML
    aliases can otherwise expand exponentially); ``max_depth`` bounds nesting.
    """

    max_file_bytes: int = 50 * _MB
    max_unzipped_bytes: int = 300 * _MB
    max_members: int = 10_000
    max_ratio: float = 200.0
    ratio_floor_bytes: int = 20 * _MB
    max_nodes: int = 2_000_000
    max_depth: int = 200


DEFAULT_LIMITS = Limits()


def too_large(file: str, zh: str, en: str) -> InputTooLargeError:
    """The error for an input beyond a bound; the message says which bound."""
    problem = Problem("input_too_large", zh, en, Location(file=file))
    return InputTooLargeError(
        f"数据文件过大，未读取：{file}", f"data file too large, not read: {file}", [problem]
    )


def check_file_size(path: Path, display: str, limits: Limits = DEFAULT_LIMITS) -> None:
    """Raise :class:`InputTooLargeError` when ``path`` is larger than ``limits.max_file_bytes``."""
    check_byte_size(path.stat().st_size, display, limits)


def check_byte_size(size: int, display: str, limits: Limits = DEFAULT_LIMITS) -> None:
    """Raise :class:`InputTooLargeError` when ``size`` bytes exceed ``limits.max_file_bytes``."""
    if size > limits.max_file_bytes:
        mb = limits.max_file_bytes // _MB
        raise too_large(
            display,
            f"文件大小 {size / _MB:.1f} MB，超过上限 {mb} MB",
            f"file is {size / _MB:.1f} MB, above the {mb} MB limit",
        )


def check_zip(path: Path | IO[bytes], display: str, limits: Limits = DEFAULT_LIMITS) -> None:
    """Check an XLSX archive's directory (without expanding it) against ``limits``.

    Raises :class:`InputTooLargeError` for an archive that would expand beyond the
    bounds; a file that is not a zip archive is left for the reader to reject.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        return
    total = sum(info.file_size for info in infos)
    packed = max(1, sum(info.compress_size for info in infos))
    if len(infos) > limits.max_members:
        raise too_large(
            display,
            f"Excel 文件包含 {len(infos)} 个部件，超过上限 {limits.max_members}",
            f"workbook has {len(infos)} parts, above the limit of {limits.max_members}",
        )
    limit_mb = limits.max_unzipped_bytes // _MB
    if total > limits.max_unzipped_bytes:
        raise too_large(
            display,
            f"Excel 文件解压后达 {total / _MB:.0f} MB，超过上限 {limit_mb} MB",
            f"workbook expands to {total / _MB:.0f} MB, above {limit_mb} MB",
        )
    if total > limits.ratio_floor_bytes and total / packed > limits.max_ratio:
        raise too_large(
            display,
            f"Excel 文件压缩比 {total / packed:.0f}:1 异常（疑似压缩炸弹）",
            f"workbook compression ratio {total / packed:.0f}:1 is abnormal (zip bomb?)",
        )


__all__ = [
    "DEFAULT_LIMITS",
    "Limits",
    "check_byte_size",
    "check_file_size",
    "check_zip",
    "too_large",
]
